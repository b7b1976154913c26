package dev.vizgate.app.config;

import java.util.Optional;

/**
 * A key in the configuration: a string ({@code file:PATH}, or PEM / base64 DER text, typically from
 * {@code ${VAR}}), a keystore entry, or a key that stays in an HSM. {@code toString()} never shows key text.
 */
public sealed interface KeyRef {
    /** Optional JWS kid and algorithm overrides, for EAS keys. */
    Optional<String> kid();

    Optional<String> alg();

    record Text(String value, Optional<String> kid, Optional<String> alg) implements KeyRef {
        public boolean isFile() {
            return value.startsWith("file:");
        }

        @Override
        public String toString() {
            return isFile() ? "KeyRef[" + value + "]" : "KeyRef[inline, redacted]";
        }
    }

    record PemFile(String file, Optional<String> password, Optional<String> kid, Optional<String> alg) implements KeyRef {
        @Override
        public String toString() {
            return "KeyRef[" + file + "]";
        }
    }

    record KeyStoreEntry(String file, String alias, Optional<String> password, Optional<String> keyPassword,
                         Optional<String> kid, Optional<String> alg) implements KeyRef {
        @Override
        public String toString() {
            return "KeyRef[" + file + "#" + alias + "]";
        }
    }

    record Pkcs11(String config, String alias, Optional<String> pin, Optional<String> kid, Optional<String> alg) implements KeyRef {
        @Override
        public String toString() {
            return "KeyRef[pkcs11 " + config + "#" + alias + "]";
        }
    }
}
