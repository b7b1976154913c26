package dev.vizgate.domain.testing;

import dev.vizgate.domain.model.EasAdminOutcome;
import dev.vizgate.domain.model.EasRegistration;
import dev.vizgate.domain.model.Issuer;
import dev.vizgate.domain.port.ExternalAuthorizationServers;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What every {@link ExternalAuthorizationServers} must do (tableau.md §7): a created registration gets Tableau's id and
 * is listed with its issuer and JWKS URI; an update keeps the id and changes what it names; an unreachable site is
 * Unavailable, not an exception.
 */
public abstract class ExternalAuthorizationServersContract {
    protected static final Issuer ISSUER = new Issuer("https://vizgate.example.com");

    /** The adapter under test, over a site with no EAS registered. */
    protected abstract ExternalAuthorizationServers emptySite();

    /** An adapter whose Tableau cannot be reached. */
    protected abstract ExternalAuthorizationServers unreachable();

    @Test
    void givenEmptySite_list_answersNone() {
        assertThat(emptySite().list()).isEqualTo(new EasAdminOutcome.Listed(List.of()));
    }

    @Test
    void create_answersTheRegistrationWithAnId_andListShowsIt() {
        var site = emptySite();
        var jwks = Optional.of(URI.create("https://vizgate.example.com/.well-known/jwks.json"));
        var saved = ((EasAdminOutcome.Saved) site.create(EasRegistration.draft("Vizgate", ISSUER, jwks))).registration();
        assertThat(saved.id()).isPresent();
        assertThat(saved.issuer()).isEqualTo(ISSUER);
        assertThat(saved.jwksUri()).isEqualTo(jwks);
        assertThat(((EasAdminOutcome.Listed) site.list()).registrations()).containsExactly(saved);
    }

    @Test
    void update_keepsTheId_andChangesTheJwksUri() {
        var site = emptySite();
        var saved = ((EasAdminOutcome.Saved) site.create(EasRegistration.draft("Vizgate", ISSUER, Optional.empty()))).registration();
        var moved = Optional.of(URI.create("https://keys.example.com/jwks.json"));
        var updated = ((EasAdminOutcome.Saved) site.update(new EasRegistration(saved.id(), "Vizgate", ISSUER, moved))).registration();
        assertThat(updated.id()).isEqualTo(saved.id());
        assertThat(((EasAdminOutcome.Listed) site.list()).registrations()).singleElement().satisfies(r -> assertThat(r.jwksUri()).isEqualTo(moved));
    }

    @Test
    void givenUnreachableSite_list_isUnavailable() {
        assertThat(unreachable().list()).isInstanceOf(EasAdminOutcome.Unavailable.class);
    }
}
