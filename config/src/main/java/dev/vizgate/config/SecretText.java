package dev.vizgate.config;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import dev.vizgate.domain.model.SecretRef;
import dev.vizgate.sdk.SecretSource;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Optional;

/**
 * A secret in the configuration: plain text ({@code "${TABLEAU_SECRET}"}, {@code file:PATH}, or the value itself), or
 * a reference into a secret store, a mapping with the store's name as its one key and an optional field:
 * {@code { vault: "secret/vizgate/tableau", field: value }}, {@code { aws: "arn:…", field: value }},
 * {@code { env: TABLEAU_SECRET }}, {@code { file: "/run/secrets/tableau" }}. Never printed.
 */
public sealed interface SecretText {
    record Plain(String text) implements SecretText {
        @Override
        public String toString() {
            return "Plain[redacted]";
        }
    }

    record Stored(String store, String location, Optional<String> field) implements SecretText {
        /** The sdk's reference; a malformed one is a ConfigError at {@code path}. */
        public SecretRef ref(String path) {
            return Check.attempt(path, () -> new SecretRef(store, location, field),
                    "name the store and where the secret is, e.g. { vault: \"secret/vizgate/…\", field: value }");
        }
    }

    /** The sdk's source for this secret: a value read now ({@code ${ENV}}, {@code file:}, literal) or a store reference. */
    static SecretSource source(String path, SecretText text, ConfigFiles files) {
        if (text instanceof Stored s) {
            return new SecretSource.Stored(s.ref(path));
        }
        var value = files.valueOrFile(path, ((Plain) text).text());
        return Check.attempt(path, () -> new SecretSource.Value(value), "give the secret a value");
    }

    /** Reads either form; a mapping names exactly one store besides {@code field}. */
    final class Deserializer extends JsonDeserializer<SecretText> {
        @Override
        public SecretText deserialize(JsonParser p, DeserializationContext ctx) throws IOException {
            JsonNode node = p.readValueAsTree();
            if (node.isTextual()) {
                return new Plain(node.asText());
            }
            if (!node.isObject()) {
                throw JsonMappingException.from(p, "a secret is text, or a reference such as { vault: \"secret/vizgate/tableau\", field: value }");
            }
            var stores = new ArrayList<String>();
            node.fieldNames().forEachRemaining(n -> {
                if (!"field".equals(n)) {
                    stores.add(n);
                }
            });
            if (stores.size() != 1 || !node.get(stores.get(0)).isTextual()) {
                throw JsonMappingException.from(p, "a secret reference names one store and where the secret is in it, e.g. "
                        + "{ vault: \"secret/vizgate/tableau\", field: value } or { aws: \"arn:…\" }");
            }
            var field = node.has("field") ? Optional.of(node.get("field").asText()) : Optional.<String>empty();
            return new Stored(stores.get(0), node.get(stores.get(0)).asText(), field);
        }
    }
}
