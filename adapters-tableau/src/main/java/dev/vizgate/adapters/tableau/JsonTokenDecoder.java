package dev.vizgate.adapters.tableau;

import com.fasterxml.jackson.core.type.TypeReference;
import dev.vizgate.domain.model.DecodeOutcome;
import dev.vizgate.domain.model.DecodedToken;
import dev.vizgate.domain.model.RejectionReason;
import dev.vizgate.domain.model.UntrustedToken;
import dev.vizgate.domain.port.TokenDecoder;

import java.io.IOException;
import java.util.Base64;
import java.util.Map;
import java.util.regex.Pattern;

/** Splits and parses a compact JWS without trusting it: for the inspector, and the verifier's first look. */
public final class JsonTokenDecoder implements TokenDecoder {
    /** Far above any token Vizgate or Tableau deals in, far below what would cost real memory to parse. */
    public static final int DEFAULT_MAX_LENGTH = UntrustedToken.DEFAULT_MAX_LENGTH;
    private static final Pattern COMPACT = Pattern.compile("([A-Za-z0-9_-]+)\\.([A-Za-z0-9_-]+)\\.([A-Za-z0-9_-]*)");
    private static final TypeReference<Map<String, Object>> OBJECT = new TypeReference<>() {
    };

    private final int maxLength;

    public JsonTokenDecoder(int maxLength) {
        this.maxLength = maxLength;
    }

    public JsonTokenDecoder() {
        this(DEFAULT_MAX_LENGTH);
    }

    @Override
    public DecodeOutcome decode(UntrustedToken token) {
        var value = token.value().strip();
        if (value.length() > maxLength) {
            return new DecodeOutcome.Undecodable(RejectionReason.OVERSIZED,
                    "the token is " + value.length() + " characters; at most " + maxLength + " are read");
        }
        var m = COMPACT.matcher(value);
        if (!m.matches()) {
            return malformed("not a compact JWS: expected three base64url parts separated by dots");
        }
        try {
            var header = parse(m.group(1), "header");
            var payload = parse(m.group(2), "payload");
            return new DecodeOutcome.Decoded(new DecodedToken(header, payload, m.group(3).length()));
        } catch (Malformed e) {
            return malformed(e.getMessage());
        }
    }

    private static Map<String, Object> parse(String part, String what) {
        byte[] bytes;
        try {
            bytes = Base64.getUrlDecoder().decode(part);
        } catch (IllegalArgumentException e) {
            throw new Malformed("the " + what + " is not valid base64url");
        }
        try {
            var map = TableauJson.MAPPER.readValue(bytes, OBJECT);
            if (map == null) {
                throw new Malformed("the " + what + " is not a JSON object");
            }
            return map;
        } catch (IOException e) {
            throw new Malformed(e.getMessage() != null && e.getMessage().startsWith("Duplicate field")
                    ? "the " + what + " names the same member twice, so readers could disagree on its value"
                    : "the " + what + " is not a JSON object");
        }
    }

    private static DecodeOutcome malformed(String detail) {
        return new DecodeOutcome.Undecodable(RejectionReason.MALFORMED, detail);
    }

    private static final class Malformed extends RuntimeException {
        Malformed(String message) {
            super(message, null, false, false);
        }
    }
}
