package dev.vizgate.domain.usecase;

import dev.vizgate.domain.model.SecretId;
import dev.vizgate.domain.model.Text;

import java.util.Objects;

/** How a run of {@link RotateConnectedAppSecret} ended. Every ending leaves a state that signs valid tokens. */
public sealed interface RotationOutcome {
    /** The new secret signs; the old one is gone from Tableau and from the store. */
    record Rotated(SecretId from, SecretId to) implements RotationOutcome {
        public Rotated {
            Objects.requireNonNull(from, "from");
            Objects.requireNonNull(to, "to");
        }
    }

    /** Tableau or the store did not answer: nothing is lost, and the next run goes on from this step. */
    record Paused(RotateConnectedAppSecret.Step at, String why) implements RotationOutcome {
        public Paused {
            Objects.requireNonNull(at, "at");
            Text.printable(why, "why", 1024);
        }
    }

    /** Something a person must change first (the token's rights, a secret Vizgate does not know). */
    record Refused(RotateConnectedAppSecret.Step at, String why) implements RotationOutcome {
        public Refused {
            Objects.requireNonNull(at, "at");
            Text.printable(why, "why", 1024);
        }
    }
}
