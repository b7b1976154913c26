package dev.vizgate.domain.usecase;

import dev.vizgate.domain.model.Issuer;
import dev.vizgate.domain.model.UatAdminOutcome;
import dev.vizgate.domain.model.UatConfiguration;
import dev.vizgate.domain.port.UatConfigurations;
import dev.vizgate.domain.testing.InMemoryUatConfigurations;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code vizgate uat register}'s use case: idempotent on every deploy, a replacement made by creating the new
 * configuration before deleting the old (Cloud Manager's API has no update in the field reports), and a dry run that
 * writes nothing and says what would change.
 */
class RegisterUatConfigurationTest {
    static final Issuer ISSUER = new Issuer("https://vizgate.example.com");
    static final URI JWKS = URI.create("https://vizgate.example.com/.well-known/jwks.json");
    final InMemoryUatConfigurations tenant = new InMemoryUatConfigurations();
    final RegisterUatConfiguration register = new RegisterUatConfiguration(tenant);

    static UatConfiguration wanted(String usernameClaim) {
        return UatConfiguration.draft("Vizgate", ISSUER, JWKS, usernameClaim, List.of("site-1"), List.of("tableau:views:embed"));
    }

    @Test
    void givenNone_register_createsIt_andThenLeavesItAlone() {
        assertThat(register.register(wanted("email"), false)).isInstanceOf(RegisterUatConfiguration.Outcome.Created.class);
        assertThat(register.register(wanted("email"), false)).isInstanceOf(RegisterUatConfiguration.Outcome.Unchanged.class);
        assertThat(tenant.writes()).isEqualTo(1);
    }

    @Test
    void givenOneThatDiffers_register_createsTheNewBeforeDeletingTheOld_andNamesWhatDiffered() {
        register.register(wanted("email"), false);
        var outcome = register.register(wanted("upn"), false);
        assertThat(outcome).isInstanceOfSatisfying(RegisterUatConfiguration.Outcome.Replaced.class,
                r -> assertThat(r.differences()).singleElement().asString().contains("usernameClaim email (wanted upn)"));
        assertThat(((UatAdminOutcome.Listed) tenant.list()).configurations()).singleElement()
                .satisfies(c -> assertThat(c.usernameClaim()).isEqualTo("upn"));
        assertThat(tenant.writes()).isEqualTo(3);
    }

    @Test
    void aDryRun_writesNothing_andSaysWhatWouldChange() {
        register.register(wanted("email"), false);
        var outcome = register.register(wanted("upn"), true);
        assertThat(outcome).isInstanceOfSatisfying(RegisterUatConfiguration.Outcome.WouldWrite.class, w -> {
            assertThat(w.existing()).isPresent();
            assertThat(w.differences()).singleElement().asString().contains("usernameClaim");
        });
        assertThat(tenant.writes()).isEqualTo(1);
        assertThat(register.register(wanted("email"), true)).isInstanceOf(RegisterUatConfiguration.Outcome.Unchanged.class);
    }

    /** Cloud Manager that lists what it is given, and answers creates and deletes as told. */
    static UatConfigurations answering(List<UatConfiguration> listed, UatAdminOutcome create, UatAdminOutcome delete) {
        return new UatConfigurations() {
            @Override
            public UatAdminOutcome list() {
                return new UatAdminOutcome.Listed(listed);
            }

            @Override
            public UatAdminOutcome create(UatConfiguration draft) {
                return create;
            }

            @Override
            public UatAdminOutcome delete(String id) {
                return delete;
            }
        };
    }

    @Test
    void aRefusedCreate_failsInCloudManagersWords_andAnOldOneThatCannotBeDeleted_saysToRunAgain() {
        var refused = new RegisterUatConfiguration(answering(List.of(), new UatAdminOutcome.Refused("issuer taken"), null)).register(wanted("email"), false);
        assertThat(refused).isEqualTo(new RegisterUatConfiguration.Outcome.Failed(false, "issuer taken"));
        var old = wanted("email").withId("old-1");
        var created = wanted("upn").withId("new-1");
        var stuck = new RegisterUatConfiguration(answering(List.of(old), new UatAdminOutcome.Saved(created), new UatAdminOutcome.Unavailable("timed out")))
                .register(wanted("upn"), false);
        assertThat(stuck).isInstanceOfSatisfying(RegisterUatConfiguration.Outcome.Failed.class, f -> {
            assertThat(f.unavailable()).isTrue();
            assertThat(f.reason()).contains("new-1 was created", "old one old-1 could not be deleted", "timed out", "run again");
        });
        var outOfTurn = new RegisterUatConfiguration(answering(List.of(), new UatAdminOutcome.Deleted("x"), null)).register(wanted("email"), false);
        assertThat(outOfTurn).isInstanceOfSatisfying(RegisterUatConfiguration.Outcome.Failed.class,
                f -> assertThat(f.reason()).contains("answered with a deletion"));
    }

    @Test
    void aConfigurationOfAnotherIssuer_isNotTheOneToReplace() {
        var other = UatConfiguration.draft("Other", new Issuer("https://other.example.com"), JWKS, "email", List.of("site-1"),
                List.of("tableau:views:embed")).withId("other-1");
        var outcome = new RegisterUatConfiguration(answering(List.of(other), new UatAdminOutcome.Saved(wanted("email").withId("new-1")), null))
                .register(wanted("email"), false);
        assertThat(outcome).isInstanceOf(RegisterUatConfiguration.Outcome.Created.class);
    }

    @Test
    void givenCloudManagerDown_register_failsAsUnavailable_inWords() {
        var outcome = new RegisterUatConfiguration(new InMemoryUatConfigurations().down()).register(wanted("email"), false);
        assertThat(outcome).isEqualTo(new RegisterUatConfiguration.Outcome.Failed(true, "Tableau Cloud Manager is down"));
    }
}
