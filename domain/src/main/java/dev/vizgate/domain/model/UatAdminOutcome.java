package dev.vizgate.domain.model;

import java.util.List;
import java.util.Objects;

/** What Tableau Cloud Manager answered about its UAT configurations. */
public sealed interface UatAdminOutcome {
    record Listed(List<UatConfiguration> configurations) implements UatAdminOutcome {
        public Listed {
            configurations = List.copyOf(configurations);
        }
    }

    record Saved(UatConfiguration configuration) implements UatAdminOutcome {
        public Saved {
            Objects.requireNonNull(configuration, "configuration");
        }
    }

    record Deleted(String id) implements UatAdminOutcome {
        public Deleted {
            Objects.requireNonNull(id, "id");
        }
    }

    /** Cloud Manager said no (a wrong token, a field it does not take), in its own words where it gave some. */
    record Refused(String reason) implements UatAdminOutcome {
        public Refused {
            Text.printable(reason, "reason", 1024);
        }
    }

    /** Cloud Manager could not be reached, or answered what a client cannot read. */
    record Unavailable(String reason) implements UatAdminOutcome {
        public Unavailable {
            Text.printable(reason, "reason", 1024);
        }
    }
}
