package dev.vizgate.domain.policy;

import dev.vizgate.domain.model.Claims;

import java.util.List;
import java.util.Objects;

/** A policy's answer to a request for claims. */
public sealed interface PolicyDecision {
    record Allowed(Claims claims) implements PolicyDecision {
        public Allowed {
            Objects.requireNonNull(claims, "claims");
        }
    }

    record Refused(List<PolicyViolation> violations) implements PolicyDecision {
        public Refused {
            violations = List.copyOf(violations);
            if (violations.isEmpty()) {
                throw new IllegalArgumentException("a refusal names at least one violation");
            }
        }
    }
}
