package dev.vizgate.adapters.audit;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import dev.vizgate.domain.model.AttributeValue;
import dev.vizgate.domain.model.AuditEvent;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Objects;

/**
 * Turns each event into its record and seals it into the chain: a sequence number, the seal of the record before
 * ({@code prev}), the event's fields, and its own seal ({@code mac}), an HMAC over all of that. Removing, changing or
 * reordering a record breaks what the verifier recomputes. One writer at a time ({@link #seal} is synchronized); the
 * writer's thread calls it, never the request's.
 */
final class AuditChain {
    /** The {@code prev} of a chain's first record. */
    static final String GENESIS = "genesis";
    private static final JsonFactory FACTORY = new JsonFactory();

    private final AuditKey key;
    private final String node;
    private final ClearFields clear;
    private final InstantText times = new InstantText();
    private final InstantText expiries = new InstantText();
    private final Pseudonyms pseudonyms;
    private long seq;
    private String last;

    AuditChain(AuditKey key, String node, ClearFields clear, long seq, String last) {
        this.key = Objects.requireNonNull(key, "key");
        this.node = Objects.requireNonNull(node, "node");
        this.clear = Objects.requireNonNull(clear, "clear");
        this.seq = seq;
        this.last = Objects.requireNonNull(last, "last");
        this.pseudonyms = new Pseudonyms(key);
    }

    /** Ends the file's last line if a crash or a full disk cut it short, so the next record starts on a line of its own. */
    static void endCutRecord(Path file) throws IOException {
        if (Files.isRegularFile(file)) {
            try (var out = new RandomAccessFile(file.toFile(), "rw")) {
                endCutRecord(out);
            }
        }
    }

    private static void endCutRecord(RandomAccessFile file) throws IOException {
        var length = file.length();
        if (length > 0) {
            file.seek(length - 1);
            if (file.read() != '\n') {
                file.write('\n');
            }
        }
    }

    /** A new chain. */
    static AuditChain start(AuditKey key, String node, ClearFields clear) {
        return new AuditChain(key, node, clear, 0, GENESIS);
    }

    /**
     * The chain a file already holds, continued: after the last whole record (a line a crash cut short is left as it is,
     * and the verifier reports it), or a new chain when the file holds none.
     */
    static AuditChain resume(Path file, AuditKey key, String node, ClearFields clear) {
        if (!Files.isRegularFile(file)) {
            return start(key, node, clear);
        }
        try (var in = new RandomAccessFile(file.toFile(), "rw")) {
            var length = in.length();
            endCutRecord(in);
            var from = Math.max(0, length - 64 * 1024); // a record is far smaller; the last whole one is in here
            var tail = new byte[(int) (length - from)]; // the newline just added, if any, is not needed here
            in.seek(from);
            in.readFully(tail);
            var lines = new String(tail, StandardCharsets.UTF_8).split("\n");
            for (int i = lines.length - 1; i >= 0; i--) {
                var line = SealedLine.parse(lines[i]);
                if (line.isPresent()) {
                    return new AuditChain(key, node, clear, line.get().seq(), line.get().mac());
                }
            }
            return start(key, node, clear);
        } catch (IOException e) {
            throw new UncheckedIOException("the audit file " + file + " could not be read to continue its chain", e);
        }
    }

    /** The event's record, sealed, as one line with its newline. */
    synchronized byte[] seal(AuditEvent event) {
        var head = head(event, seq + 1, last);
        var mac = key.seal(head);
        var line = new ByteArrayOutputStream(head.length + 64);
        line.writeBytes(head);
        line.writeBytes((SealedLine.MAC_FIELD + mac + SealedLine.END + "\n").getBytes(StandardCharsets.US_ASCII));
        seq++;
        last = mac;
        return line.toByteArray();
    }

    private byte[] head(AuditEvent event, long number, String prev) {
        var out = new ByteArrayOutputStream(512);
        try (JsonGenerator json = FACTORY.createGenerator(out)) {
            json.configure(JsonGenerator.Feature.AUTO_CLOSE_JSON_CONTENT, false); // the seal follows the head
            json.writeStartObject();
            json.writeNumberField("seq", number);
            json.writeStringField("prev", prev);
            var context = event.context();
            json.writeStringField("time", times.of(context.at()));
            json.writeStringField("node", node);
            json.writeStringField("event", event.kind());
            if (context.tenant().isPresent()) {
                json.writeStringField("tenant", context.tenant().get().value());
            }
            json.writeStringField("caller", context.caller().name());
            json.writeStringField("callerKind", context.caller().kind().label());
            if (context.user().isPresent()) {
                var user = context.user().get().value();
                json.writeStringField("user", clear.user() ? user : pseudonyms.of(user));
            }
            if (context.traceId().isPresent()) {
                json.writeStringField("trace", context.traceId().get());
            }
            fields(event, json);
            json.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e); // writing to memory
        }
        return out.toByteArray();
    }

    private void fields(AuditEvent event, JsonGenerator json) throws IOException {
        if (event instanceof AuditEvent.TokenIssued issued) {
            json.writeStringField("trust", issued.trust());
            json.writeStringField("jti", issued.tokenId().value());
            json.writeStringField("kid", issued.keyId().value());
            json.writeArrayFieldStart("scopes");
            for (var scope : issued.scopes().values()) {
                json.writeString(scope.value());
            }
            json.writeEndArray();
            json.writeObjectFieldStart("attributes");
            for (Map.Entry<String, AttributeValue> attribute : issued.attributes().values().entrySet()) {
                json.writeArrayFieldStart(attribute.getKey());
                var inClear = clear.attribute(attribute.getKey());
                for (var value : attribute.getValue().values()) {
                    json.writeString(inClear ? value : pseudonyms.of(value));
                }
                json.writeEndArray();
            }
            json.writeEndObject();
            json.writeStringField("expires", expiries.of(issued.expiresAt()));
        } else if (event instanceof AuditEvent.TokenRefused refused) {
            json.writeStringField("reason", refused.reason().type());
            json.writeStringField("detail", refused.reason().detail());
        } else if (event instanceof AuditEvent.CallerRefused refused) {
            json.writeStringField("reason", refused.reason().type());
            json.writeStringField("detail", refused.reason().detail());
        } else if (event instanceof AuditEvent.SignInCompleted signIn) {
            json.writeStringField("outcome", signIn.outcome());
        } else if (event instanceof AuditEvent.SecretRotated rotated) {
            json.writeStringField("step", rotated.step());
            if (rotated.secretId().isPresent()) {
                json.writeStringField("secretId", rotated.secretId().get().value());
            }
        } else if (event instanceof AuditEvent.ConfigChanged changed) {
            json.writeStringField("change", changed.change().label());
            json.writeStringField("detail", changed.detail());
        }
        // FrontdoorOpened carries nothing beyond its context: the URL is a credential.
    }
}
