package dev.vizgate.domain.policy;

import dev.vizgate.domain.model.Audience;
import dev.vizgate.domain.model.Issuer;
import dev.vizgate.domain.model.RejectionReason;
import dev.vizgate.domain.model.Subject;
import dev.vizgate.domain.model.Text;
import dev.vizgate.domain.model.TokenId;
import dev.vizgate.domain.model.VerifiedClaims;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * Rules for an identity provider's access token offered as a caller's proof: for this audience, not expired, not
 * early, and naming the user in the mapped claim. Unlike a platform assertion its {@code jti} is not spent: the
 * browser holds one access token for its whole life and sends it with every request.
 */
public record IdpTokenPolicy(Duration skew) {
    public IdpTokenPolicy {
        Durations.nonNegativeWholeSeconds(skew, "skew allowance");
    }

    public sealed interface Decision {
        record Admitted(Issuer issuer, Subject user, Optional<TokenId> tokenId) implements Decision {
            public Admitted {
                Objects.requireNonNull(issuer, "issuer");
                Objects.requireNonNull(user, "user");
                Objects.requireNonNull(tokenId, "tokenId");
            }
        }

        record Refused(RejectionReason reason, String detail) implements Decision {
            public Refused {
                Objects.requireNonNull(reason, "reason");
                Text.printable(detail, "detail", 1024);
            }
        }
    }

    public Decision admit(VerifiedClaims claims, Audience expected, String usernameClaim, Instant now) {
        Objects.requireNonNull(claims, "claims");
        Objects.requireNonNull(expected, "expected audience");
        Issuer issuer;
        try {
            issuer = new Issuer(claims.string("iss").orElse(""));
        } catch (IllegalArgumentException e) {
            return refused(RejectionReason.MISSING_CLAIM, "iss must be a non-blank string");
        }
        if (!claims.audiences().contains(expected.value())) {
            return refused(RejectionReason.WRONG_AUDIENCE, "aud must include '" + expected.value()
                    + "'; add an audience mapper for it to the identity provider's client");
        }
        var exp = claims.instant("exp");
        if (exp.isEmpty()) {
            return refused(RejectionReason.MISSING_CLAIM, "exp must be a NumericDate (seconds since the epoch)");
        }
        if (!exp.get().isAfter(now.minus(skew))) {
            return refused(RejectionReason.EXPIRED, "the identity provider's token expired at " + exp.get() + "; sign in again or refresh it");
        }
        var early = now.plus(skew);
        if (claims.instant("nbf").filter(nbf -> nbf.isAfter(early)).isPresent()
                || claims.instant("iat").filter(iat -> iat.isAfter(early)).isPresent()) {
            return refused(RejectionReason.NOT_YET_VALID, "iat or nbf is in the future; check the identity provider's clock");
        }
        var raw = claims.string(usernameClaim);
        if (raw.isEmpty() || raw.get().isBlank()) {
            return refused(RejectionReason.MISSING_CLAIM, "the token has no " + usernameClaim
                    + " claim to name the Tableau user; map it in the identity provider, or set claims.username to a claim it has");
        }
        Subject user;
        try {
            user = new Subject(raw.get());
        } catch (IllegalArgumentException e) {
            return refused(RejectionReason.INVALID_CLAIM, usernameClaim + ": " + e.getMessage());
        }
        Optional<TokenId> jti;
        try {
            jti = claims.string("jti").map(TokenId::new);
        } catch (IllegalArgumentException e) {
            jti = Optional.empty(); // only logged; an IdP's odd jti does not make its token less proven
        }
        return new Decision.Admitted(issuer, user, jti);
    }

    private static Decision refused(RejectionReason reason, String detail) {
        return new Decision.Refused(reason, detail);
    }
}
