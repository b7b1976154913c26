package dev.vizgate.adapters.secrets;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.vizgate.domain.model.SecretId;
import dev.vizgate.domain.model.SecretSlots;
import dev.vizgate.domain.model.StoredSecret;

import java.io.IOException;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Optional;

/**
 * A rotated Connected App secret as one JSON document in the secret store:
 * {@code {"current":{"id":…,"value":…},"next":{…},"previous":{"id":…,"value":…,"retired-at":"…"}}}. One document, so
 * every node reads the whole state in one read and each write is one new version.
 */
public final class SlotsDocument {
    private static final ObjectMapper JSON = new ObjectMapper();

    private SlotsDocument() {
    }

    public static Optional<SecretSlots> read(String text) {
        try {
            var root = JSON.readTree(text);
            if (root == null || !root.isObject()) {
                return Optional.empty();
            }
            var current = secret(root.path("current"));
            if (current.isEmpty()) {
                return Optional.empty();
            }
            var previous = secret(root.path("previous")).flatMap(p -> instant(root.path("previous").path("retired-at").asText(""))
                    .map(at -> new SecretSlots.Retired(p, at)));
            return Optional.of(new SecretSlots(current.get(), secret(root.path("next")), previous));
        } catch (IOException | IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    public static String write(SecretSlots slots) {
        var root = JSON.createObjectNode();
        put(root.putObject("current"), slots.current());
        slots.next().ifPresent(n -> put(root.putObject("next"), n));
        slots.previous().ifPresent(p -> put(root.putObject("previous"), p.secret()).put("retired-at", p.retiredAt().toString()));
        return root.toString();
    }

    private static ObjectNode put(ObjectNode node, StoredSecret s) {
        return node.put("id", s.id().value()).put("value", s.value());
    }

    private static Optional<StoredSecret> secret(JsonNode node) {
        var id = node.path("id").asText("");
        var value = node.path("value").asText("");
        return id.isEmpty() || value.isEmpty() ? Optional.empty() : Optional.of(new StoredSecret(new SecretId(id), value));
    }

    private static Optional<Instant> instant(String text) {
        try {
            return Optional.of(Instant.parse(text));
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }
}
