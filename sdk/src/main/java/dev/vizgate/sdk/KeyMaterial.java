package dev.vizgate.sdk;

import dev.vizgate.domain.model.SecretRef;

import java.nio.file.Path;
import java.security.Key;
import java.util.Objects;
import java.util.Optional;

/**
 * Where a key comes from. Files are read, and keys checked for strength, when {@link VizgateBuilder#build()} runs.
 * Passwords and PINs are never printed.
 */
public sealed interface KeyMaterial {
    /** PEM text: a private key (PKCS#8 or PKCS#1), or for platforms a public key or certificate. */
    record PemText(String pem) implements KeyMaterial {
        public PemText {
            if (pem == null || pem.isBlank()) {
                throw new IllegalArgumentException("the PEM text is empty");
            }
        }

        @Override
        public String toString() {
            return "PemText[redacted]";
        }
    }

    /** A PEM file, its private key optionally encrypted under {@code password}. */
    record PemFile(Path file, Optional<String> password) implements KeyMaterial {
        public PemFile {
            Objects.requireNonNull(file, "file");
            Objects.requireNonNull(password, "password");
        }

        public static PemFile of(Path file) {
            return new PemFile(file, Optional.empty());
        }

        @Override
        public String toString() {
            return "PemFile[" + file + password.map(p -> ", password redacted").orElse("") + "]";
        }
    }

    /** An entry of a PKCS#12 or JKS keystore. */
    record KeyStoreEntry(Path file, String alias, Optional<String> password, Optional<String> keyPassword) implements KeyMaterial {
        public KeyStoreEntry {
            Objects.requireNonNull(file, "file");
            if (alias == null || alias.isBlank()) {
                throw new IllegalArgumentException("a keystore entry needs its alias");
            }
            Objects.requireNonNull(password, "password");
            Objects.requireNonNull(keyPassword, "keyPassword");
        }

        @Override
        public String toString() {
            return "KeyStoreEntry[" + file + ", " + alias + ", passwords redacted]";
        }
    }

    /** A key in a PKCS#11 token (an HSM), named by the SunPKCS11 configuration file and its alias. */
    record Pkcs11(Path config, String alias, Optional<String> pin) implements KeyMaterial {
        public Pkcs11 {
            Objects.requireNonNull(config, "config");
            if (alias == null || alias.isBlank()) {
                throw new IllegalArgumentException("a PKCS#11 key needs its alias");
            }
            Objects.requireNonNull(pin, "pin");
        }

        @Override
        public String toString() {
            return "Pkcs11[" + config + ", " + alias + ", pin redacted]";
        }
    }

    /** PEM text kept in a secret store (read at start-up, like a file). */
    record Stored(SecretRef ref) implements KeyMaterial {
        public Stored {
            Objects.requireNonNull(ref, "ref");
        }
    }

    /** A key the program already holds: a private key (its public half derived) or, for platforms, a public key. */
    record InMemory(Key key) implements KeyMaterial {
        public InMemory {
            Objects.requireNonNull(key, "key");
        }

        @Override
        public String toString() {
            return "InMemory[" + key.getAlgorithm() + "]";
        }
    }
}
