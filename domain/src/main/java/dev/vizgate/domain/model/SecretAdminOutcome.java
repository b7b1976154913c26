package dev.vizgate.domain.model;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/** How a call that manages a Connected App's secrets on Tableau ended. */
public sealed interface SecretAdminOutcome {
    /** A new secret; its value is shown once by Tableau and never printed here. */
    record Created(SecretId id, String value, Optional<Instant> createdAt) implements SecretAdminOutcome {
        public Created {
            Objects.requireNonNull(id, "id");
            if (value == null || value.isEmpty()) {
                throw new IllegalArgumentException("Tableau answered an empty secret value");
            }
            Objects.requireNonNull(createdAt, "createdAt");
        }

        @Override
        public String toString() {
            return "Created[" + id + ", value redacted]";
        }
    }

    record Listed(Set<SecretId> ids) implements SecretAdminOutcome {
        public Listed {
            ids = Set.copyOf(ids);
        }
    }

    record Exists(SecretId id) implements SecretAdminOutcome {
    }

    record Deleted(SecretId id) implements SecretAdminOutcome {
    }

    /** No such secret (already deleted, or never there): for a delete, the wanted state already holds. */
    record NotFound(SecretId id) implements SecretAdminOutcome {
    }

    /** The app already holds two secrets (Tableau error 128): one must be deleted first. */
    record LimitReached() implements SecretAdminOutcome {
    }

    /** Tableau refused (the credentials, the rights, the request); retrying will not help. */
    record Refused(String detail) implements SecretAdminOutcome {
        public Refused {
            Text.printable(detail, "detail", 1024);
        }
    }

    /** Tableau did not answer, or answered 5xx: retrying later may help. */
    record Unavailable(String detail) implements SecretAdminOutcome {
        public Unavailable {
            Text.printable(detail, "detail", 1024);
        }
    }
}
