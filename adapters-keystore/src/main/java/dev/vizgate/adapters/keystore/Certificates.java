package dev.vizgate.adapters.keystore;

import dev.vizgate.adapters.keystore.KeyMaterialException.Problem;

import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;

/** Checks on the certificate a user uploads next to the key it belongs to. */
public final class Certificates {
    public static final Duration EXPIRY_NOTICE = Duration.ofDays(30);

    private Certificates() {
    }

    /** Fails unless {@code certificate} carries the public half of {@code key}. */
    public static void requireMatch(String source, X509Certificate certificate, PrivateKey key) {
        PublicKey expected = KeyPairs.publicOf(source, key);
        if (!certificate.getPublicKey().equals(expected)) {
            throw new KeyMaterialException(Problem.KEY_CERTIFICATE_MISMATCH, source, "the certificate does not belong to the private key",
                    "upload the certificate made with this key (vizgate keys init writes both), or point the key setting at its key");
        }
    }

    /** A warning with the date when the certificate has expired or soon will; empty while it is comfortably valid. */
    public static Optional<String> expiryWarning(X509Certificate certificate, Clock clock) {
        var expires = certificate.getNotAfter().toInstant();
        var now = clock.instant();
        if (expires.isBefore(now)) {
            return Optional.of("the certificate expired on " + expires);
        }
        if (expires.isBefore(now.plus(EXPIRY_NOTICE))) {
            return Optional.of("the certificate expires on " + expires);
        }
        return Optional.empty();
    }
}
