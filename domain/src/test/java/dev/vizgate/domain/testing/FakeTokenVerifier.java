package dev.vizgate.domain.testing;

import dev.vizgate.domain.model.JwsAlgorithm;
import dev.vizgate.domain.model.RejectionReason;
import dev.vizgate.domain.model.UntrustedToken;
import dev.vizgate.domain.model.VerificationOutcome;
import dev.vizgate.domain.model.VerifiedClaims;
import dev.vizgate.domain.model.VerifiedToken;
import dev.vizgate.domain.port.TokenVerifier;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** A verifier that "verifies" exactly the tokens it was told about, with the claims it was given. */
public final class FakeTokenVerifier implements TokenVerifier {
    private final Map<String, VerifiedClaims> known = new ConcurrentHashMap<>();
    private final Map<String, String> types = new ConcurrentHashMap<>();

    public UntrustedToken trusting(String token, Map<String, Object> claims) {
        known.put(token, new VerifiedClaims(claims));
        return new UntrustedToken(token);
    }

    /** A token with a header {@code typ}. */
    public UntrustedToken trusting(String token, Map<String, Object> claims, String typ) {
        types.put(token, typ);
        return trusting(token, claims);
    }

    @Override
    public VerificationOutcome verify(UntrustedToken token) {
        var claims = known.get(token.value());
        if (claims == null) {
            return new VerificationOutcome.Rejected(RejectionReason.BAD_SIGNATURE, "the fake verifier does not know this token");
        }
        return new VerificationOutcome.Verified(new VerifiedToken(JwsAlgorithm.RS256, Optional.empty(), claims,
                Optional.ofNullable(types.get(token.value()))));
    }
}
