package dev.vizgate.domain.port;

import dev.vizgate.domain.model.InstanceUrl;
import dev.vizgate.domain.model.RefreshToken;
import dev.vizgate.domain.model.Subject;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * The refresh token each user granted through the web server flow, kept apart from sessions because it outlives
 * them by far (Salesforce: until revoked, or the External Client App's idle limit).
 * <p>
 * With refresh token rotation (salesforce.md, "Added in turn 3") every refresh answers a new refresh token and
 * invalidates the one just spent, so two refreshes of one user must never run at once, anywhere: {@link #lease}
 * gives one caller at a time the right to refresh a user, across every node that shares the store, and
 * {@link #rotate} replaces the spent token only if it is still the stored one (compare-and-set), so a late writer can
 * never put a rotated-out token back.
 */
public interface RefreshTokens {
    record Grant(RefreshToken refreshToken, InstanceUrl instanceUrl) {
        public Grant {
            Objects.requireNonNull(refreshToken, "refreshToken");
            Objects.requireNonNull(instanceUrl, "instanceUrl");
        }
    }

    /** The right to refresh one user's grant; {@code holder} tells this holder's lease from a later one after a lapse. */
    record Lease(Subject subject, String holder) {
        public Lease {
            Objects.requireNonNull(subject, "subject");
            Objects.requireNonNull(holder, "holder");
        }

        @Override
        public String toString() {
            return "Lease[" + subject.value() + "]";
        }
    }

    void save(Subject subject, Grant grant);

    Optional<Grant> find(Subject subject);

    void forget(Subject subject);

    /**
     * Claims the user's refresh for at most {@code ttl} (it lapses then, so a crashed holder blocks nobody for long),
     * waiting up to {@code wait} while another caller holds it. Empty when the wait ran out.
     */
    Optional<Lease> lease(Subject subject, Duration ttl, Duration wait);

    /** Gives a lease back; a lease that lapsed and was claimed by another caller since is left to that caller. */
    void release(Lease lease);

    /**
     * Replaces the user's grant with {@code next} only if the stored grant still holds {@code spent}: true when
     * replaced, false when the stored token is another (or there is none), which is then left as it is.
     */
    boolean rotate(Subject subject, RefreshToken spent, Grant next);
}
