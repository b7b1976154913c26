package dev.vizgate.domain.usecase;

import dev.vizgate.domain.model.EasRegistration;
import dev.vizgate.domain.model.Issuer;
import dev.vizgate.domain.testing.InMemoryExternalAuthorizationServers;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/** Registration is idempotent, so it can run on every deploy. */
class RegisterExternalAuthorizationServerTest {
    private static final Issuer ISSUER = new Issuer("https://vizgate.example.com");
    private static final Optional<URI> JWKS = Optional.of(URI.create("https://vizgate.example.com/.well-known/jwks.json"));
    private final InMemoryExternalAuthorizationServers site = new InMemoryExternalAuthorizationServers();
    private final RegisterExternalAuthorizationServer useCase = new RegisterExternalAuthorizationServer(site);

    @Test
    void givenNoRegistration_register_createsIt() {
        assertThat(useCase.register(EasRegistration.draft("Vizgate", ISSUER, JWKS))).isInstanceOf(RegisterExternalAuthorizationServer.Outcome.Created.class);
    }

    @Test
    void givenTheSameRegistration_registerAgain_changesNothing() {
        useCase.register(EasRegistration.draft("Vizgate", ISSUER, JWKS));
        assertThat(useCase.register(EasRegistration.draft("Vizgate", ISSUER, JWKS))).isInstanceOf(RegisterExternalAuthorizationServer.Outcome.Unchanged.class);
        assertThat(site.writes()).isEqualTo(1);
    }

    @Test
    void givenTheIssuerWithAnotherJwksUri_register_updatesIt_keepingItsId() {
        var created = (RegisterExternalAuthorizationServer.Outcome.Created) useCase.register(EasRegistration.draft("Vizgate", ISSUER, Optional.empty()));
        var updated = (RegisterExternalAuthorizationServer.Outcome.Updated) useCase.register(EasRegistration.draft("Vizgate", ISSUER, JWKS));
        assertThat(updated.registration().id()).isEqualTo(created.registration().id());
        assertThat(updated.registration().jwksUri()).isEqualTo(JWKS);
    }

    @Test
    void givenSiteDown_register_failsAsUnavailable() {
        site.down();
        var outcome = (RegisterExternalAuthorizationServer.Outcome.Failed) useCase.register(EasRegistration.draft("Vizgate", ISSUER, JWKS));
        assertThat(outcome.unavailable()).isTrue();
    }
}
