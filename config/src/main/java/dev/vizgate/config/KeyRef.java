package dev.vizgate.config;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * A key in the configuration: a string ({@code file:PATH}, or PEM / base64 DER text, typically from
 * {@code ${VAR}}), a keystore entry, or a key that stays in an HSM. {@code toString()} never shows key text.
 */
public sealed interface KeyRef {
    /** The keys a key mapping may hold besides the name of a secret store (vault, aws, …), which is the one other key. */
    Set<String> MAPPING_KEYS = Set.of("file", "password", "kid", "alg", "alias", "key-password", "pkcs11", "pin", "field");

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

    /** PEM text kept in a secret store: {@code { vault: "secret/vizgate/eas-key", field: value }}. */
    record Stored(String store, String location, Optional<String> field, Optional<String> kid, Optional<String> alg) implements KeyRef {
        @Override
        public String toString() {
            return "KeyRef[" + store + ":" + location + "]";
        }
    }

    record Pkcs11(String config, String alias, Optional<String> pin, Optional<String> kid, Optional<String> alg) implements KeyRef {
        @Override
        public String toString() {
            return "KeyRef[pkcs11 " + config + "#" + alias + "]";
        }
    }

    /** A key is a string, or a mapping naming a keystore entry or a PKCS#11 key. */
    final class Deserializer extends JsonDeserializer<KeyRef> {
        private static final Set<String> PEM = Set.of("file", "password", "kid", "alg");
        private static final Set<String> STORE = Set.of("file", "alias", "password", "key-password", "kid", "alg");
        private static final Set<String> PKCS11 = Set.of("pkcs11", "alias", "pin", "kid", "alg");

        @Override
        public KeyRef deserialize(JsonParser p, DeserializationContext ctx) throws IOException {
            JsonNode node = p.readValueAsTree();
            if (node.isTextual()) {
                return new KeyRef.Text(node.asText(), Optional.empty(), Optional.empty());
            }
            if (!node.isObject()) {
                throw JsonMappingException.from(p, "a key is file:PATH, PEM text, or a mapping with file (and alias) or pkcs11");
            }
            var store = storeName(node);
            if (store.isPresent()) {
                only(p, node, Set.of(store.get(), "field", "kid", "alg"));
                return new KeyRef.Stored(store.get(), node.get(store.get()).asText(), opt(node, "field"), opt(node, "kid"), opt(node, "alg"));
            }
            if (node.has("pkcs11")) {
                only(p, node, PKCS11);
                return new KeyRef.Pkcs11(req(p, node, "pkcs11"), req(p, node, "alias"), opt(node, "pin"), opt(node, "kid"), opt(node, "alg"));
            }
            if (node.has("alias")) {
                only(p, node, STORE);
                return new KeyRef.KeyStoreEntry(req(p, node, "file"), req(p, node, "alias"), opt(node, "password"),
                        opt(node, "key-password"), opt(node, "kid"), opt(node, "alg"));
            }
            only(p, node, PEM);
            return new KeyRef.PemFile(req(p, node, "file"), opt(node, "password"), opt(node, "kid"), opt(node, "alg"));
        }

        /** A key in a secret store is a mapping whose one other key names the store (vault, aws, …). */
        private static Optional<String> storeName(JsonNode node) {
            var known = MAPPING_KEYS;
            var names = new ArrayList<String>();
            node.fieldNames().forEachRemaining(n -> {
                if (!known.contains(n)) {
                    names.add(n);
                }
            });
            return names.size() == 1 && node.get(names.get(0)).isTextual() ? Optional.of(names.get(0)) : Optional.empty();
        }

        private static void only(JsonParser p, JsonNode node, Set<String> allowed) throws JsonMappingException {
            for (Iterator<String> it = node.fieldNames(); it.hasNext(); ) {
                var name = it.next();
                if (!allowed.contains(name)) {
                    throw JsonMappingException.from(p, "unknown key '" + name + "' in a key mapping; use " + new TreeSet<>(allowed));
                }
            }
        }

        private static String req(JsonParser p, JsonNode node, String field) throws JsonMappingException {
            var v = node.get(field);
            if (v == null || !v.isTextual() || v.asText().isBlank()) {
                throw JsonMappingException.from(p, "a key mapping needs '" + field + "'");
            }
            return v.asText();
        }

        private static Optional<String> opt(JsonNode node, String field) {
            var v = node.get(field);
            return v == null || v.isNull() ? Optional.empty() : Optional.of(v.asText());
        }
    }
}
