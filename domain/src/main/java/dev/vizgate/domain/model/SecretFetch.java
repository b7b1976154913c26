package dev.vizgate.domain.model;

import java.util.Objects;

/** What a secret store answered for one reference. */
public sealed interface SecretFetch {
    record Found(SecretValue secret) implements SecretFetch {
        public Found {
            Objects.requireNonNull(secret, "secret");
        }
    }

    /** The store answered: there is no such secret, field or version. Configuration must change. */
    record Missing(String detail) implements SecretFetch {
        public Missing {
            Text.printable(detail, "detail", 1024);
        }
    }

    /** The store did not answer, or refused us (network, timeout, 5xx, expired credentials): the last good value keeps serving. */
    record Unavailable(String detail) implements SecretFetch {
        public Unavailable {
            Text.printable(detail, "detail", 1024);
        }
    }
}
