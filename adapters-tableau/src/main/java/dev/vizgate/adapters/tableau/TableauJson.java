package dev.vizgate.adapters.tableau;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.util.Optional;

/**
 * The one JSON mapper of this adapter. Duplicate member names are an error (RFC 7515 §4 lets a parser reject
 * them, and two parsers choosing different duplicates is how token confusion starts); nesting and string
 * sizes are bounded, since tokens arrive from outside.
 */
final class TableauJson {
    static final ObjectMapper MAPPER = JsonMapper.builder()
            .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .build();

    static {
        MAPPER.getFactory().setStreamReadConstraints(StreamReadConstraints.builder()
                .maxNestingDepth(16).maxStringLength(16_384).maxNumberLength(32).build());
    }

    private TableauJson() {
    }

    /** A JSON object from a body, or empty when the body is not one (an HTML error page, nothing at all). */
    static Optional<JsonNode> parse(String body) {
        try {
            return Optional.ofNullable(MAPPER.readTree(body)).filter(JsonNode::isObject);
        } catch (IOException e) {
            return Optional.empty();
        }
    }
}
