package dev.vizgate.domain.policy;

import dev.vizgate.domain.model.Audience;
import dev.vizgate.domain.model.Issuer;
import dev.vizgate.domain.model.Subject;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * What an EAS token must say beyond Tableau's general rules, when it is known: the issuer registered on the site, the
 * audience the site wants ("tableau" or "tableau:&lt;site-luid&gt;"), and the user it was asked for. {@code inspect}
 * knows none of them; the token-exchange mode knows all three.
 */
public record EasExpectation(Optional<Issuer> issuer, Optional<Audience> audience, Optional<Subject> user, Duration maxLifetime) {
    public EasExpectation {
        Objects.requireNonNull(issuer, "issuer");
        Objects.requireNonNull(audience, "audience");
        Objects.requireNonNull(user, "user");
        Durations.positiveWholeSeconds(maxLifetime, "maximum lifetime");
    }

    public static EasExpectation anyToken(Duration maxLifetime) {
        return new EasExpectation(Optional.empty(), Optional.empty(), Optional.empty(), maxLifetime);
    }

    public EasExpectation forUser(Subject user) {
        return new EasExpectation(issuer, audience, Optional.of(user), maxLifetime);
    }
}
