package dev.vizgate.adapters.keystore;

import dev.vizgate.adapters.keystore.KeyMaterialException.Problem;
import org.bouncycastle.asn1.pkcs.PrivateKeyInfo;
import org.bouncycastle.asn1.x509.Certificate;
import org.bouncycastle.asn1.x509.SubjectPublicKeyInfo;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.jce.provider.BouncyCastleProvider;
import org.bouncycastle.openssl.PEMEncryptedKeyPair;
import org.bouncycastle.openssl.PEMException;
import org.bouncycastle.openssl.PEMKeyPair;
import org.bouncycastle.openssl.PEMParser;
import org.bouncycastle.openssl.jcajce.JcaPEMKeyConverter;
import org.bouncycastle.openssl.jcajce.JceOpenSSLPKCS8DecryptorProviderBuilder;
import org.bouncycastle.openssl.jcajce.JcePEMDecryptorProviderBuilder;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.pkcs.PKCS8EncryptedPrivateKeyInfo;
import org.bouncycastle.pkcs.PKCSException;

import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.security.Key;
import java.security.PrivateKey;
import java.security.Provider;
import java.security.PublicKey;
import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;
import java.util.Base64;
import java.util.Optional;

/**
 * Reads the PEM (or base64 DER) users hold, through BouncyCastle's PEM support: PKCS#8 keys plain and
 * encrypted, PKCS#1 {@code RSA PRIVATE KEY} plain and OpenSSL-legacy encrypted, SEC1 {@code EC PRIVATE KEY},
 * public keys and X.509 certificates. Java's own {@code PKCS8EncodedKeySpec} takes only the first of these,
 * which is the PKCS#1 trouble Salesforce users hit (salesforce.md §1).
 */
public final class PemKeys {
    public static final int MIN_RSA_BITS = KeyStrength.MIN_RSA_BITS;
    /** An instance, not registered globally: embedding platforms keep their provider list as it is. */
    private static final Provider BC = new BouncyCastleProvider();
    private static final JcaPEMKeyConverter KEYS = new JcaPEMKeyConverter();

    private PemKeys() {
    }

    public static PrivateKey privateKey(KeyInput input, Optional<char[]> password) {
        var object = read(input);
        try {
            PrivateKeyInfo info;
            if (object instanceof PEMKeyPair pair) {
                info = pair.getPrivateKeyInfo();
            } else if (object instanceof PrivateKeyInfo plain) {
                info = plain;
            } else if (object instanceof PEMEncryptedKeyPair legacy) {
                var pw = needPassword(input, password);
                info = legacy.decryptKeyPair(new JcePEMDecryptorProviderBuilder().setProvider(BC).build(pw)).getPrivateKeyInfo();
            } else if (object instanceof PKCS8EncryptedPrivateKeyInfo encrypted) {
                var pw = needPassword(input, password);
                info = encrypted.decryptPrivateKeyInfo(new JceOpenSSLPKCS8DecryptorProviderBuilder().setProvider(BC).build(pw));
            } else if (object instanceof X509CertificateHolder || object instanceof SubjectPublicKeyInfo) {
                throw new KeyMaterialException(Problem.NOT_A_PRIVATE_KEY, input.name(), "holds a certificate or public key, not a private key",
                        "point this setting at the private key file (BEGIN PRIVATE KEY), not the certificate");
            } else {
                throw unsupported(input, object);
            }
            var key = KEYS.getPrivateKey(info);
            if (!"RSA".equals(key.getAlgorithm()) && !"EC".equals(key.getAlgorithm())) {
                throw new KeyMaterialException(Problem.UNSUPPORTED_KEY_TYPE, input.name(), "is a " + key.getAlgorithm()
                        + " key; Vizgate signs with RSA (RS256, PS256) or EC P-256 (ES256)", "generate one with vizgate keys init (add --ec for P-256)");
            }
            checkStrength(input, key);
            return key;
        } catch (PEMException | PKCSException | OperatorCreationException e) {
            if (password.isPresent()) {
                throw new KeyMaterialException(Problem.WRONG_PASSWORD, input.name(), "could not be decrypted with the given password",
                        "check the key password");
            }
            throw new KeyMaterialException(Problem.MALFORMED, input.name(), "is not a usable private key", "re-export the key as PKCS#8 PEM");
        } catch (IOException e) {
            throw new KeyMaterialException(Problem.MALFORMED, input.name(), "is not a usable private key", "re-export the key as PKCS#8 PEM");
        }
    }

    public static PublicKey publicKey(KeyInput input) {
        var object = read(input);
        try {
            if (object instanceof SubjectPublicKeyInfo info) {
                return strong(input, KEYS.getPublicKey(info));
            }
            if (object instanceof X509CertificateHolder holder) {
                return strong(input, certificate(holder, input).getPublicKey());
            }
            if (object instanceof PEMKeyPair || object instanceof PrivateKeyInfo || object instanceof PEMEncryptedKeyPair
                    || object instanceof PKCS8EncryptedPrivateKeyInfo) {
                throw new KeyMaterialException(Problem.UNSUPPORTED_KEY_TYPE, input.name(), "holds a private key where a public key or certificate is expected",
                        "give the public key (BEGIN PUBLIC KEY) or the certificate; never hand out the private key");
            }
            throw unsupported(input, object);
        } catch (PEMException e) {
            throw new KeyMaterialException(Problem.MALFORMED, input.name(), "is not a usable public key", "export it as PEM (BEGIN PUBLIC KEY)");
        }
    }

    private static PublicKey strong(KeyInput input, PublicKey key) {
        checkStrength(input, key);
        return key;
    }

    public static X509Certificate certificate(KeyInput input) {
        var object = read(input);
        if (object instanceof X509CertificateHolder holder) {
            return certificate(holder, input);
        }
        throw new KeyMaterialException(Problem.NOT_A_CERTIFICATE, input.name(), "is not an X.509 certificate",
                "give the certificate file (BEGIN CERTIFICATE)");
    }

    private static X509Certificate certificate(X509CertificateHolder holder, KeyInput input) {
        try {
            return new JcaX509CertificateConverter().getCertificate(holder);
        } catch (CertificateException e) {
            throw new KeyMaterialException(Problem.MALFORMED, input.name(), "is not a usable X.509 certificate", "re-export the certificate as PEM");
        }
    }

    static void checkStrength(KeyInput input, Key key) {
        KeyStrength.check(input.name(), key);
    }

    private static char[] needPassword(KeyInput input, Optional<char[]> password) {
        return password.orElseThrow(() -> new KeyMaterialException(Problem.PASSWORD_REQUIRED, input.name(),
                "is encrypted and no password was given", "add the key's password to the configuration"));
    }

    private static KeyMaterialException unsupported(KeyInput input, Object object) {
        return new KeyMaterialException(Problem.UNSUPPORTED_KEY_TYPE, input.name(), "holds " + (object == null ? "no PEM object"
                : object.getClass().getSimpleName()) + ", which is not a supported key", "use an RSA or EC key in PEM");
    }

    private static Object read(KeyInput input) {
        var text = text(input);
        if (!text.contains("-----BEGIN")) {
            text = derAsPem(input, text);
        }
        try (var parser = new PEMParser(new StringReader(text))) {
            var object = parser.readObject();
            if (object == null) {
                throw new KeyMaterialException(Problem.MALFORMED, input.name(), "holds no complete PEM block (truncated or mangled?)",
                        "copy the whole file, from -----BEGIN to -----END");
            }
            return object;
        } catch (IOException | RuntimeException e) {
            if (e instanceof KeyMaterialException k) {
                throw k;
            }
            throw new KeyMaterialException(Problem.MALFORMED, input.name(), "is a truncated or mangled PEM", "copy the whole file, from -----BEGIN to -----END");
        }
    }

    /** Base64 DER without armour: tell a private key from a certificate or public key by trying each. */
    private static String derAsPem(KeyInput input, String text) {
        byte[] der;
        try {
            der = Base64.getMimeDecoder().decode(text.strip());
        } catch (IllegalArgumentException e) {
            throw new KeyMaterialException(Problem.MALFORMED, input.name(), "is neither PEM nor base64 DER", "give the key as PEM text or base64 of its DER bytes");
        }
        if (der.length == 0) {
            throw new KeyMaterialException(Problem.MALFORMED, input.name(), "is empty", "give the key as PEM text or base64 of its DER bytes");
        }
        var label = guessLabel(der);
        return "-----BEGIN " + label + "-----\n" + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(der)
                + "\n-----END " + label + "-----\n";
    }

    private static String guessLabel(byte[] der) {
        try {
            PrivateKeyInfo.getInstance(der);
            return "PRIVATE KEY";
        } catch (RuntimeException notPrivate) {
            try {
                Certificate.getInstance(der);
                return "CERTIFICATE";
            } catch (RuntimeException notCertificate) {
                return "PUBLIC KEY";
            }
        }
    }

    static String text(KeyInput input) {
        if (input instanceof KeyInput.FromText t) {
            return t.text();
        }
        var path = ((KeyInput.FromFile) input).path();
        try {
            return Files.readString(path, StandardCharsets.ISO_8859_1);
        } catch (NoSuchFileException e) {
            throw new KeyMaterialException(Problem.NOT_FOUND, input.name(), "does not exist", "check the path (relative paths are relative to the config file)");
        } catch (IOException e) {
            throw new KeyMaterialException(Problem.UNREADABLE, input.name(), "cannot be read", "check the file's permissions");
        }
    }
}
