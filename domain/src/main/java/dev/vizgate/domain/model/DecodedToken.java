package dev.vizgate.domain.model;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * A token's header and payload as JSON values, decoded without checking the signature. Good for saying
 * what a token claims and what a vendor would make of it; never for trusting it.
 */
public record DecodedToken(Map<String, Object> header, Map<String, Object> payload, int signatureLength) {
    public DecodedToken {
        Objects.requireNonNull(header, "header");
        Objects.requireNonNull(payload, "payload");
        header = Collections.unmodifiableMap(new LinkedHashMap<>(header));
        payload = Collections.unmodifiableMap(new LinkedHashMap<>(payload));
    }

    public VerifiedClaims claims() {
        return new VerifiedClaims(payload);
    }

    public VerifiedClaims headerValues() {
        return new VerifiedClaims(header);
    }

    @Override
    public String toString() {
        return "DecodedToken[header=" + header.keySet() + ", payload=" + payload.keySet() + "]";
    }
}
