package dev.vizgate.domain.testing;

import dev.vizgate.domain.model.DecodeOutcome;
import dev.vizgate.domain.model.DecodedToken;
import dev.vizgate.domain.model.RejectionReason;
import dev.vizgate.domain.model.UntrustedToken;
import dev.vizgate.domain.port.TokenDecoder;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** A decoder that "decodes" the tokens it was given, as header and payload maps; anything else is malformed. */
public final class FakeTokenDecoder implements TokenDecoder {
    private final Map<String, DecodedToken> known = new ConcurrentHashMap<>();

    public UntrustedToken token(Map<String, Object> header, Map<String, Object> payload) {
        var name = "token-" + known.size();
        known.put(name, new DecodedToken(header, payload, 43));
        return new UntrustedToken(name);
    }

    /** As {@link #token(Map, Map)}, under a name of the caller's choosing (e.g. one shaped like a compact JWS). */
    public UntrustedToken token(String name, Map<String, Object> header, Map<String, Object> payload) {
        known.put(name, new DecodedToken(header, payload, 43));
        return new UntrustedToken(name);
    }

    @Override
    public DecodeOutcome decode(UntrustedToken token) {
        var t = known.get(token.value());
        return t == null ? new DecodeOutcome.Undecodable(RejectionReason.MALFORMED, "not a compact JWS") : new DecodeOutcome.Decoded(t);
    }
}
