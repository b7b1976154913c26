package dev.vizgate.domain.model;

import java.util.List;
import java.util.Objects;

/** Tableau's answer to an EAS registration call. */
public sealed interface EasAdminOutcome {
    record Listed(List<EasRegistration> registrations) implements EasAdminOutcome {
        public Listed {
            registrations = List.copyOf(registrations);
        }
    }

    record Saved(EasRegistration registration) implements EasAdminOutcome {
        public Saved {
            Objects.requireNonNull(registration, "registration");
        }
    }

    /** Tableau said no (not an administrator, a bad body, an API version without these calls). */
    record Refused(String reason) implements EasAdminOutcome {
        public Refused {
            Text.printable(reason, "reason", 1024);
        }
    }

    record Unavailable(String reason) implements EasAdminOutcome {
        public Unavailable {
            Text.printable(reason, "reason", 1024);
        }
    }
}
