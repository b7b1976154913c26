package dev.vizgate.app.http;

import dev.vizgate.domain.model.Issuer;
import dev.vizgate.domain.usecase.ExchangeForTableauToken;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The route table is written once: a gateway with nothing optional serves exactly the routes that need nothing, and a
 * route that needs something is served only with it. Services are changed through a builder, so a copy that adds one
 * service (the demo's page) keeps every other one (the demo once dropped the IdP-issued token route this way).
 */
class RouteTableAndServicesTest {
    static Gateway.Services bare() {
        var callers = new CallerAuthentication(List.of(new CallerAuthentication.ApiKey("k", CallerAuthentication.sha256("key"))), Optional.empty());
        return Gateway.Services.builder(callers, new RateLimits(10, 10), new GatewayMetrics()).build();
    }

    @Test
    void withNothingOptional_exactlyTheRoutesThatNeedNothingAreServed() {
        var services = bare();
        var made = RouteTable.made(services, new Admission(services.callers(), services.rateLimits(), services.metrics(), services.maxBodyBytes(), services.audits()));
        var needNothing = RouteTable.ENTRIES.stream().filter(e -> e.needs().isEmpty()).map(RouteTable.Entry::path).toList();
        assertThat(made.keySet()).containsExactlyInAnyOrderElementsOf(needNothing);
        assertThat(RouteTable.ENTRIES.stream().filter(e -> e.needs().isPresent()).map(RouteTable.Entry::path))
                .contains("/v1/tableau/token", "/v1/tableau-next/frontdoor", "/.well-known/jwks.json");
    }

    @Test
    void theRoutesAsTheDocumentListsThem_andHeadOnlyOnGetRoutesWithoutEffects() {
        assertThat(Gateway.ROUTES).hasSize(RouteTable.ENTRIES.size()).containsEntry("/v1/tableau-next/authorize", Set.of("GET", "POST"));
        assertThat(RouteTable.ENTRIES).allSatisfy(e -> assertThat(!e.head() || e.methods().contains("GET")).as(e.path()).isTrue());
        assertThat(Gateway.allowed("/v1/tableau-next/callback")).isEqualTo("GET");
        assertThat(Gateway.allowed("/healthz")).isEqualTo("GET, HEAD");
    }

    @Test
    void aCopyThatAddsOneService_keepsEveryOther() {
        var exchange = Optional.<ExchangeForTableauToken>empty();
        var withIssuer = bare().toBuilder().jwks(Optional.empty(), Optional.of(new Issuer("https://vizgate.example.com"))).idpTableau(exchange)
                .readiness(Map.of("store", () -> true)).maxBodyBytes(4096).build();
        var copy = withIssuer.toBuilder().demo(Optional.empty()).build();
        assertThat(copy).isEqualTo(withIssuer);
        assertThat(copy.easIssuer()).contains(new Issuer("https://vizgate.example.com"));
        assertThat(copy.readiness()).containsOnlyKeys("store");
        assertThat(copy.maxBodyBytes()).isEqualTo(4096);
    }
}
