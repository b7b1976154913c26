package dev.vizgate.adapters.audit;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.SerializableString;
import com.fasterxml.jackson.core.io.SerializedString;
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
    /* The records' field names, escaped once for every record. */
    private static final SerializedString SEQ = new SerializedString("seq");
    private static final SerializedString PREV = new SerializedString("prev");
    private static final SerializedString TIME = new SerializedString("time");
    private static final SerializedString NODE = new SerializedString("node");
    private static final SerializedString EVENT = new SerializedString("event");
    private static final SerializedString TENANT = new SerializedString("tenant");
    private static final SerializedString CALLER = new SerializedString("caller");
    private static final SerializedString CALLER_KIND = new SerializedString("callerKind");
    private static final SerializedString USER = new SerializedString("user");
    private static final SerializedString TRACE = new SerializedString("trace");
    private static final SerializedString TRUST = new SerializedString("trust");
    private static final SerializedString JTI = new SerializedString("jti");
    private static final SerializedString KID = new SerializedString("kid");
    private static final SerializedString SCOPES = new SerializedString("scopes");
    private static final SerializedString ATTRIBUTES = new SerializedString("attributes");
    private static final SerializedString EXPIRES = new SerializedString("expires");
    private static final SerializedString REASON = new SerializedString("reason");
    private static final SerializedString DETAIL = new SerializedString("detail");
    private static final SerializedString OUTCOME = new SerializedString("outcome");
    private static final SerializedString STEP = new SerializedString("step");
    private static final SerializedString SECRET_ID = new SerializedString("secretId");
    private static final SerializedString CHANGE = new SerializedString("change");
    private static final SerializedString MAC = new SerializedString(SealedLine.MAC); // what SealedLine.MAC_FIELD and END parse back

    private final AuditKey key;
    private final String node;
    private final ClearFields clear;
    private final InstantText times = new InstantText();
    private final InstantText expiries = new InstantText();
    private final Pseudonyms pseudonyms;
    private final RecurringValues recurring = new RecurringValues();
    private final RecordBuffer record = new RecordBuffer();
    private JsonGenerator json;
    private long seq;
    private String last;

    AuditChain(AuditKey key, String node, ClearFields clear, long seq, String last) {
        this.key = Objects.requireNonNull(key, "key");
        this.node = Objects.requireNonNull(node, "node");
        this.clear = Objects.requireNonNull(clear, "clear");
        this.seq = seq;
        this.last = Objects.requireNonNull(last, "last");
        this.pseudonyms = new Pseudonyms(key);
        this.json = generator();
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
        record.reset();
        try {
            head(event, seq + 1, last);
            json.flush();
            var mac = key.seal(record.bytes(), record.size());
            json.writeFieldName(MAC);
            json.writeString(mac);
            json.writeEndObject();
            json.writeRaw('\n');
            json.flush();
            seq++;
            last = mac;
            return record.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e); // writing to memory
        } catch (RuntimeException e) {
            json = generator(); // the old one may be left inside a record
            throw e;
        }
    }

    private void head(AuditEvent event, long number, String prev) throws IOException {
        json.writeStartObject();
        json.writeFieldName(SEQ);
        json.writeNumber(number);
        put(PREV, prev);
        var context = event.context();
        put(TIME, recurring.of(times.of(context.at())));
        put(NODE, recurring.of(node));
        put(EVENT, recurring.of(event.kind()));
        if (context.tenant().isPresent()) {
            put(TENANT, recurring.of(context.tenant().get().value()));
        }
        put(CALLER, recurring.of(context.caller().name()));
        put(CALLER_KIND, recurring.of(context.caller().kind().label()));
        if (context.user().isPresent()) {
            var user = context.user().get().value();
            put(USER, recurring.of(clear.user() ? user : pseudonyms.of(user)));
        }
        if (context.traceId().isPresent()) {
            put(TRACE, context.traceId().get());
        }
        fields(event);
    }

    /**
     * One generator for the chain's life, writing every record into the one buffer: a generator and two buffers made
     * per record were a tenth of the writer's time under load. Records follow one another with no separator but the
     * newline each ends with.
     */
    private JsonGenerator generator() {
        try {
            var generator = FACTORY.createGenerator(record);
            generator.setRootValueSeparator(null);
            return generator;
        } catch (IOException e) {
            throw new UncheckedIOException(e); // writing to memory
        }
    }

    /** The record being sealed, whose bytes the seal reads where they lie. */
    private static final class RecordBuffer extends ByteArrayOutputStream {
        RecordBuffer() {
            super(1024);
        }

        byte[] bytes() {
            return buf;
        }
    }

    private void put(SerializableString name, String value) throws IOException {
        json.writeFieldName(name);
        json.writeString(value);
    }

    private void put(SerializableString name, SerializableString value) throws IOException {
        json.writeFieldName(name);
        json.writeString(value);
    }

    private void fields(AuditEvent event) throws IOException {
        if (event instanceof AuditEvent.TokenIssued issued) {
            put(TRUST, recurring.of(issued.trust()));
            put(JTI, issued.tokenId().value());
            put(KID, recurring.of(issued.keyId().value()));
            json.writeFieldName(SCOPES);
            json.writeStartArray();
            for (var scope : issued.scopes().values()) {
                json.writeString(recurring.of(scope.value()));
            }
            json.writeEndArray();
            json.writeFieldName(ATTRIBUTES);
            json.writeStartObject();
            for (Map.Entry<String, AttributeValue> attribute : issued.attributes().values().entrySet()) {
                json.writeFieldName(recurring.of(attribute.getKey()));
                json.writeStartArray();
                var inClear = clear.attribute(attribute.getKey());
                for (var value : attribute.getValue().values()) {
                    json.writeString(recurring.of(inClear ? value : pseudonyms.of(value)));
                }
                json.writeEndArray();
            }
            json.writeEndObject();
            put(EXPIRES, recurring.of(expiries.of(issued.expiresAt())));
        } else if (event instanceof AuditEvent.TokenRefused refused) {
            put(REASON, recurring.of(refused.reason().type()));
            put(DETAIL, refused.reason().detail());
        } else if (event instanceof AuditEvent.CallerRefused refused) {
            put(REASON, recurring.of(refused.reason().type()));
            put(DETAIL, refused.reason().detail());
        } else if (event instanceof AuditEvent.SignInCompleted signIn) {
            put(OUTCOME, recurring.of(signIn.outcome()));
        } else if (event instanceof AuditEvent.SecretRotated rotated) {
            put(STEP, recurring.of(rotated.step()));
            if (rotated.secretId().isPresent()) {
                put(SECRET_ID, rotated.secretId().get().value());
            }
        } else if (event instanceof AuditEvent.ConfigChanged changed) {
            put(CHANGE, recurring.of(changed.change().label()));
            put(DETAIL, changed.detail());
        }
        // FrontdoorOpened carries nothing beyond its context: the URL is a credential.
    }
}
