package dev.vizgate.adapters.audit;

import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.util.Optional;

/**
 * One record as written: its head (every field but the seal, as the seal was computed over it), the seal, and the
 * head's place in the chain. A line that is not this shape is cut short or not a record.
 */
record SealedLine(String head, String mac, long seq, String prev, String node) {
    /** The seal's field, the record's last. */
    static final String MAC = "mac";
    static final String MAC_FIELD = ",\"" + MAC + "\":\"";
    static final String END = "\"}";
    private static final ObjectMapper JSON = new ObjectMapper();

    static Optional<SealedLine> parse(String line) {
        var at = line.lastIndexOf(MAC_FIELD);
        if (at < 0 || !line.endsWith(END) || at + MAC_FIELD.length() > line.length() - END.length()) {
            return Optional.empty();
        }
        var head = line.substring(0, at);
        var mac = line.substring(at + MAC_FIELD.length(), line.length() - END.length());
        try {
            var fields = JSON.readTree(head + "}");
            var seq = fields.path("seq");
            var prev = fields.path("prev");
            if (!seq.canConvertToLong() || !prev.isTextual()) {
                return Optional.empty();
            }
            return Optional.of(new SealedLine(head, mac, seq.asLong(), prev.asText(), fields.path("node").asText("")));
        } catch (IOException e) {
            return Optional.empty();
        }
    }
}
