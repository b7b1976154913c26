package dev.vizgate.adapters.keystore;

import dev.vizgate.adapters.keystore.KeyMaterialException.Problem;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x500.X500NameBuilder;
import org.bouncycastle.asn1.x500.style.BCStyle;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.openssl.jcajce.JcaPEMWriter;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.bouncycastle.util.io.pem.PemObject;

import java.io.IOException;
import java.io.StringWriter;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.MessageDigest;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.security.cert.CertificateEncodingException;
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;
import java.time.Clock;
import java.time.Duration;
import java.util.Date;
import java.util.HexFormat;
import java.util.Set;

/**
 * Makes the key pair and self-signed certificate an External Client App needs for the JWT bearer flow,
 * replacing the Salesforce guide's {@code openssl req -new -x509} step: a PKCS#8 private key (file mode 0600)
 * and an X.509 certificate to upload.
 */
public final class KeyGeneration {
    public static final Set<Integer> RSA_SIZES = Set.of(2048, 3072, 4096);
    private static final SecureRandom RANDOM = new SecureRandom();

    public enum Kind { RSA, EC_P256 }

    public record Generated(KeyPair keys, X509Certificate certificate) {
        @Override
        public String toString() {
            return "Generated[" + certificate.getSubjectX500Principal() + ", private key redacted]";
        }
    }

    private KeyGeneration() {
    }

    public static Generated generate(Kind kind, int rsaBits, String commonName, Duration validity, Clock clock) {
        if (kind == Kind.RSA && !RSA_SIZES.contains(rsaBits)) {
            throw new IllegalArgumentException("RSA keys are 2048, 3072 or 4096 bits, not " + rsaBits);
        }
        if (validity.isNegative() || validity.isZero()) {
            throw new IllegalArgumentException("the certificate's validity must be positive");
        }
        try {
            KeyPairGenerator g;
            if (kind == Kind.RSA) {
                g = KeyPairGenerator.getInstance("RSA");
                g.initialize(rsaBits, RANDOM);
            } else {
                g = KeyPairGenerator.getInstance("EC");
                g.initialize(new ECGenParameterSpec("secp256r1"), RANDOM);
            }
            var keys = g.generateKeyPair();
            X500Name subject = new X500NameBuilder(BCStyle.INSTANCE).addRDN(BCStyle.CN, commonName).build();
            var now = clock.instant();
            var builder = new JcaX509v3CertificateBuilder(subject, new BigInteger(64, RANDOM).abs().add(BigInteger.ONE),
                    Date.from(now.minusSeconds(60)), Date.from(now.plus(validity)), subject, keys.getPublic());
            var signer = new JcaContentSignerBuilder(kind == Kind.RSA ? "SHA256withRSA" : "SHA256withECDSA").build(keys.getPrivate());
            var cert = new JcaX509CertificateConverter().getCertificate(builder.build(signer));
            return new Generated(keys, cert);
        } catch (GeneralSecurityException | OperatorCreationException e) {
            throw new IllegalStateException("key generation failed: " + e.getMessage(), e);
        }
    }

    /** The SHA-256 fingerprint as Salesforce and OpenSSL print it: upper-case hex pairs separated by colons. */
    public static String fingerprint(X509Certificate cert) {
        try {
            var digest = MessageDigest.getInstance("SHA-256").digest(cert.getEncoded());
            return HexFormat.ofDelimiter(":").withUpperCase().formatHex(digest);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Writes the private key as PKCS#8 PEM with mode 0600, refusing to replace a file unless {@code force}. */
    public static void writePrivateKey(Generated generated, Path file, boolean force) {
        var pem = pem(new PemObject("PRIVATE KEY", generated.keys().getPrivate().getEncoded()));
        write(file, pem, force, true);
    }

    public static void writeCertificate(Generated generated, Path file, boolean force) {
        try {
            write(file, pem(new PemObject("CERTIFICATE", generated.certificate().getEncoded())), force, false);
        } catch (CertificateEncodingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Writes a public key as PEM ({@code BEGIN PUBLIC KEY}): what a platform hands the gateway to verify its assertions. */
    public static void writePublicKey(PublicKey key, Path file, boolean force) {
        write(file, pem(new PemObject("PUBLIC KEY", key.getEncoded())), force, false);
    }

    private static String pem(PemObject object) {
        var out = new StringWriter();
        try (var w = new JcaPEMWriter(out)) {
            w.writeObject(object);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        return out.toString();
    }

    private static void write(Path file, String text, boolean force, boolean secret) {
        try {
            if (Files.exists(file) && !force) {
                throw new KeyMaterialException(Problem.UNREADABLE, file.toString(), "already exists; not overwritten",
                        "choose another --out folder, or pass --force to replace it");
            }
            Files.createDirectories(file.toAbsolutePath().getParent());
            var bytes = text.getBytes(StandardCharsets.US_ASCII);
            if (secret && Files.getFileStore(file.toAbsolutePath().getParent()).supportsFileAttributeView("posix")) {
                Files.deleteIfExists(file);
                // Created with 0600 from the first byte, so the key is never readable by others even briefly.
                Files.write(Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------"))), bytes,
                        StandardOpenOption.TRUNCATE_EXISTING);
            } else {
                Files.write(file, bytes);
            }
        } catch (FileAlreadyExistsException e) {
            throw new KeyMaterialException(Problem.UNREADABLE, file.toString(), "already exists; not overwritten", "pass --force to replace it");
        } catch (IOException e) {
            throw new KeyMaterialException(Problem.UNREADABLE, file.toString(), "cannot be written", "check the folder's permissions");
        }
    }
}
