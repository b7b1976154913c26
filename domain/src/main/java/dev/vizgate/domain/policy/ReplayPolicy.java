package dev.vizgate.domain.policy;

import dev.vizgate.domain.model.Audience;
import dev.vizgate.domain.model.ClaimNames;
import dev.vizgate.domain.model.Issuer;
import dev.vizgate.domain.model.RejectionReason;
import dev.vizgate.domain.model.Subject;
import dev.vizgate.domain.model.TokenId;
import dev.vizgate.domain.model.VerifiedClaims;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;

/**
 * Rules for an inbound platform assertion: short-lived ({@code exp} at most {@code maxTokenAge} ahead, and
 * no more than that after {@code iat}), not expired, not early, for this audience, with a {@code jti} that is
 * accepted once. A ledger entry lives until {@code exp + skew}: after that the token is refused as expired
 * anyway, so forgetting it then loses nothing.
 */
public record ReplayPolicy(Duration maxTokenAge, Duration skew) {
    public static final Duration DEFAULT_MAX_TOKEN_AGE = Duration.ofMinutes(5);
    public static final Duration DEFAULT_SKEW = Duration.ofSeconds(30);

    public ReplayPolicy {
        Durations.positiveWholeSeconds(maxTokenAge, "maximum token age");
        Durations.nonNegativeWholeSeconds(skew, "skew allowance");
    }

    public static ReplayPolicy defaults() {
        return new ReplayPolicy(DEFAULT_MAX_TOKEN_AGE, DEFAULT_SKEW);
    }

    public ReplayDecision admit(VerifiedClaims claims, Audience expected, Instant now) {
        Objects.requireNonNull(claims, "claims");
        Objects.requireNonNull(expected, "expected audience");
        var iss = claims.string(ClaimNames.ISSUER).flatMap(s -> valid(s, Issuer::new));
        if (iss.isEmpty()) {
            return refused(RejectionReason.MISSING_CLAIM, "iss must be a non-blank string");
        }
        var rawSub = claims.string(ClaimNames.SUBJECT);
        if (rawSub.isEmpty() || rawSub.get().isBlank()) {
            return refused(RejectionReason.MISSING_CLAIM, "sub must name the user");
        }
        Subject sub;
        try {
            sub = new Subject(rawSub.get());
        } catch (IllegalArgumentException e) {
            // Present but unusable is not missing: say what is wrong with it.
            return refused(RejectionReason.INVALID_CLAIM, "sub: " + e.getMessage());
        }
        if (!claims.audiences().contains(expected.value())) {
            return refused(RejectionReason.WRONG_AUDIENCE, "aud must include '" + expected.value() + "'");
        }
        var jti = claims.string(ClaimNames.TOKEN_ID).flatMap(s -> valid(s, TokenId::new));
        if (jti.isEmpty()) {
            return refused(RejectionReason.MISSING_CLAIM, "jti must be a unique id of visible ASCII characters");
        }
        var exp = claims.instant(ClaimNames.EXPIRES);
        if (exp.isEmpty()) {
            return refused(RejectionReason.MISSING_CLAIM, "exp must be a NumericDate (seconds since the epoch)");
        }
        if (claims.values().containsKey(ClaimNames.ISSUED_AT) && claims.instant(ClaimNames.ISSUED_AT).isEmpty()) {
            return refused(RejectionReason.MISSING_CLAIM, "iat must be a NumericDate");
        }
        if (claims.values().containsKey(ClaimNames.NOT_BEFORE) && claims.instant(ClaimNames.NOT_BEFORE).isEmpty()) {
            return refused(RejectionReason.MISSING_CLAIM, "nbf must be a NumericDate");
        }
        if (!exp.get().isAfter(now.minus(skew))) {
            return refused(RejectionReason.EXPIRED, "the assertion expired at " + exp.get());
        }
        if (exp.get().isAfter(now.plus(maxTokenAge).plus(skew))) {
            return refused(RejectionReason.TOO_LONG_LIVED, "exp may be at most " + maxTokenAge.toMinutes() + " min ahead");
        }
        var early = now.plus(skew);
        if (claims.instant(ClaimNames.NOT_BEFORE).filter(nbf -> nbf.isAfter(early)).isPresent()
                || claims.instant(ClaimNames.ISSUED_AT).filter(iat -> iat.isAfter(early)).isPresent()) {
            return refused(RejectionReason.NOT_YET_VALID, "iat or nbf is in the future; check the platform's clock");
        }
        if (claims.instant(ClaimNames.ISSUED_AT).filter(iat -> Duration.between(iat, exp.get()).compareTo(maxTokenAge) > 0).isPresent()) {
            return refused(RejectionReason.TOO_LONG_LIVED, "exp may be at most " + maxTokenAge.toMinutes() + " min after iat");
        }
        return new ReplayDecision.Admitted(iss.get(), sub, jti.get(), exp.get().plus(skew));
    }

    private static ReplayDecision refused(RejectionReason reason, String detail) {
        return new ReplayDecision.Refused(reason, detail);
    }

    private static <T> Optional<T> valid(String raw, Function<String, T> constructor) {
        try {
            return Optional.of(constructor.apply(raw));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
