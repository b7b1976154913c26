package dev.vizgate.domain.usecase;

import dev.vizgate.domain.model.Text;
import dev.vizgate.domain.model.UatAdminOutcome;
import dev.vizgate.domain.model.UatConfiguration;
import dev.vizgate.domain.port.UatConfigurations;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Registers this gateway's issuer as a UAT configuration of the Tableau Cloud Manager tenant, idempotently: created
 * when none names the issuer, left alone when one matches, and replaced when one differs. Cloud Manager's API has no
 * update in the field reports, so a replacement is a create and then a delete of the old one: tokens keep being trusted
 * throughout. With {@code dryRun} nothing is written, and the outcome says what would be.
 */
public final class RegisterUatConfiguration {
    public sealed interface Outcome {
        record Created(UatConfiguration configuration) implements Outcome {
        }

        /** @param differences what the old configuration had that differed, in words */
        record Replaced(UatConfiguration configuration, List<String> differences) implements Outcome {
        }

        record Unchanged(UatConfiguration configuration) implements Outcome {
        }

        /** A dry run: what would be done; {@code existing} is the configuration that would be replaced, if any. */
        record WouldWrite(UatConfiguration wanted, Optional<UatConfiguration> existing, List<String> differences) implements Outcome {
        }

        record Failed(boolean unavailable, String reason) implements Outcome {
            public Failed {
                Text.printable(reason, "reason", 1024);
            }
        }
    }

    private final UatConfigurations tenant;

    public RegisterUatConfiguration(UatConfigurations tenant) {
        this.tenant = Objects.requireNonNull(tenant, "tenant");
    }

    /**
     * @param dryRun write nothing and say what would be written: what {@code doctor} uses to compare the configuration
     *               Cloud Manager holds with the one wanted
     */
    public Outcome register(UatConfiguration wanted, boolean dryRun) {
        var listed = tenant.list();
        if (!(listed instanceof UatAdminOutcome.Listed l)) {
            return failed(listed);
        }
        var existing = l.configurations().stream().filter(c -> c.issuer().equals(wanted.issuer())).findFirst();
        if (existing.isPresent() && existing.get().sameAs(wanted)) {
            return new Outcome.Unchanged(existing.get());
        }
        var differences = existing.map(e -> e.differencesFrom(wanted)).orElse(List.of());
        if (dryRun) {
            return new Outcome.WouldWrite(wanted, existing, differences);
        }
        var saved = tenant.create(wanted);
        if (!(saved instanceof UatAdminOutcome.Saved s)) {
            return failed(saved);
        }
        if (existing.isEmpty()) {
            return new Outcome.Created(s.configuration());
        }
        var deleted = tenant.delete(existing.get().id().orElseThrow());
        if (!(deleted instanceof UatAdminOutcome.Deleted)) {
            var why = (Outcome.Failed) failed(deleted);
            return new Outcome.Failed(why.unavailable(), "the new configuration " + s.configuration().id().orElse("?") + " was created, but the old one "
                    + existing.get().id().orElse("?") + " could not be deleted (" + why.reason() + "); run again to finish");
        }
        return new Outcome.Replaced(s.configuration(), differences);
    }

    private static Outcome failed(UatAdminOutcome outcome) {
        if (outcome instanceof UatAdminOutcome.Unavailable u) {
            return new Outcome.Failed(true, u.reason());
        }
        if (outcome instanceof UatAdminOutcome.Refused r) {
            return new Outcome.Failed(false, r.reason());
        }
        var answered = outcome instanceof UatAdminOutcome.Listed ? "a list" : outcome instanceof UatAdminOutcome.Saved ? "a saved configuration" : "a deletion";
        return new Outcome.Failed(false, "Tableau Cloud Manager answered with " + answered + " where it should have answered otherwise;"
                + " check the Cloud Manager URL and its paths");
    }
}
