package dev.vizgate.app.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectReader;
import dev.vizgate.domain.model.Text;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.server.Request;

import java.io.IOException;
import java.util.Set;

/** A request's JSON object body: bounded, of the declared type, and holding only the fields its route takes. */
final class JsonBody {
    /**
     * The mapper's reader for a tree, made once: {@code ObjectMapper.readTree} looks the tree's type and its deserializer
     * up again for every body (about 30% of the parse, profiled on the token route).
     */
    private static final ObjectReader TREE = Gateway.JSON.readerFor(JsonNode.class);
    private static final String JSON_TYPE = "application/json";

    sealed interface Read {
        record Good(JsonNode json) implements Read {
        }

        record Bad(Problem problem) implements Read {
        }
    }

    private JsonBody() {
    }

    static Read read(Request request, Set<String> fields, long max) {
        if (request.getLength() > max) {
            return new Read.Bad(Problem.tooLarge(max));
        }
        var raw = request instanceof BodyAhead.Read ahead ? ahead(ahead) : blocking(request, max);
        if (raw instanceof Raw.Refused refused) {
            return new Read.Bad(refused.problem());
        }
        return parsed(((Raw.Bytes) raw).bytes(), request, fields, max);
    }

    /** A body's bytes, or why they could not be had. */
    private sealed interface Raw {
        record Bytes(byte[] bytes) implements Raw {
        }

        record Refused(Problem problem) implements Raw {
        }
    }

    /** A body read without blocking before the route ran ({@link BodyAhead}). */
    private static Raw ahead(BodyAhead.Read ahead) {
        if (ahead.broken()) {
            return new Raw.Refused(Problem.invalidRequest("the body could not be read"));
        }
        var bytes = ahead.bytes();
        if (ahead.getLength() >= 0 && bytes.length != ahead.getLength()) {
            return new Raw.Refused(Problem.invalidRequest("the body does not match its Content-Length"));
        }
        return new Raw.Bytes(bytes);
    }

    /** A body read on a thread that may wait for it. */
    private static Raw blocking(Request request, long max) {
        byte[] bytes;
        try (var in = Content.Source.asInputStream(request)) {
            // A declared length is read into an array of exactly that size (readNBytes(n) would stage it through
            // a fresh 8 KB buffer per request, then copy: on the token route that was 38% of all allocation).
            var declared = request.getLength();
            if (declared >= 0) {
                bytes = new byte[(int) declared];
                if (in.readNBytes(bytes, 0, bytes.length) < bytes.length || in.read() != -1) {
                    return new Raw.Refused(Problem.invalidRequest("the body does not match its Content-Length"));
                }
            } else {
                bytes = in.readNBytes((int) max + 1);
            }
        } catch (IOException e) {
            return new Raw.Refused(Problem.invalidRequest("the body could not be read"));
        }
        return new Raw.Bytes(bytes);
    }

    private static Read parsed(byte[] bytes, Request request, Set<String> fields, long max) {
        if (bytes.length > max) {
            return new Read.Bad(Problem.tooLarge(max));
        }
        if (bytes.length == 0) {
            return new Read.Good(Gateway.JSON.createObjectNode());
        }
        var type = request.getHeaders().get(HttpHeader.CONTENT_TYPE);
        if (type == null || !type.regionMatches(true, 0, JSON_TYPE, 0, JSON_TYPE.length())) {
            return new Read.Bad(Problem.unsupportedMediaType());
        }
        JsonNode json;
        try {
            json = TREE.readTree(bytes);
        } catch (IOException e) {
            return new Read.Bad(Problem.invalidJson());
        }
        if (json == null || !json.isObject()) {
            return new Read.Bad(Problem.invalidJson());
        }
        for (var it = json.fieldNames(); it.hasNext(); ) {
            var name = it.next();
            if (!fields.contains(name)) {
                return new Read.Bad(Problem.invalidRequest("unknown field '" + Text.oneLine(name, 64)
                        + "'; this route takes " + fields));
            }
        }
        return new Read.Good(json);
    }
}
