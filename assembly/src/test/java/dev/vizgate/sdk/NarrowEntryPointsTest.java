package dev.vizgate.sdk;

import dev.vizgate.adapters.keystore.KeyGeneration;
import dev.vizgate.domain.model.Audience;
import dev.vizgate.domain.model.ClientId;
import dev.vizgate.domain.model.SecretId;
import dev.vizgate.domain.model.SiteContentUrl;
import dev.vizgate.domain.model.Subject;
import dev.vizgate.domain.policy.TableauTokenRequest;
import dev.vizgate.domain.usecase.NextSessionOutcome;
import dev.vizgate.domain.usecase.SessionNotOpenedException;
import dev.vizgate.domain.usecase.TokenIssueOutcome;
import dev.vizgate.sandbox.SalesforceStandIn;
import dev.vizgate.sandbox.TableauStandIn;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The narrow entry points take exactly what their one capability needs and hand back what the vendors accept, or say why not. */
class NarrowEntryPointsTest {
    private static final String SECRET = "a-connected-app-secret-of-at-least-32-bytes";

    @Test
    void givenTheFiveValuesOfADirectTrustApp_tokenFor_mintsATokenTableauAccepts() throws Exception {
        try (var tableau = TableauStandIn.start(TableauStandIn.Site.of("acme", "client-1", Map.of("secret-1", SECRET.getBytes(StandardCharsets.UTF_8)),
                Set.of("alice@acme.com"), Clock.systemUTC()));
             var tokens = DirectTrustTokens.of(tableau.baseUrl(), new SiteContentUrl("acme"), new ClientId("client-1"), new SecretId("secret-1"), SECRET)) {
            assertThat(tableau.verify(tokens.tokenFor(new Subject("alice@acme.com")).value())).isInstanceOf(TableauStandIn.Verdict.Accepted.class);
            assertThat(tokens.issue(TableauTokenRequest.forUser(new Subject("alice@acme.com")).withLifetime(Duration.ofMinutes(20))))
                    .isInstanceOf(TokenIssueOutcome.Refused.class);
            assertThat(tokens.toString()).doesNotContain(SECRET);
        }
    }

    @Test
    void givenAWeakSecret_of_refusesWithTheSetting() {
        assertThatThrownBy(() -> DirectTrustTokens.of(URI.create("https://tableau.example.com"), new SiteContentUrl("acme"), new ClientId("client-1"),
                new SecretId("secret-1"), "short"))
                .isInstanceOf(SettingsException.class).hasMessageNotContaining("short");
    }

    @Test
    void givenAnExternalClientAppsJwtBearerValues_frontdoorFor_opensAFrontdoorUrl_andSaysWhyForAUserSalesforceDoesNotKnow() throws Exception {
        var keys = KeyGeneration.generate(KeyGeneration.Kind.RSA, 2048, "narrow", Duration.ofDays(1), Clock.systemUTC());
        try (var salesforce = SalesforceStandIn.start(new SalesforceStandIn.Org("3MVG9consumer", keys.certificate().getPublicKey(),
                "https://login.salesforce.com", Set.of("alice@acme.com"), Duration.ofHours(2), Clock.systemUTC()));
             var frontdoors = JwtBearerFrontdoors.of(salesforce.baseUrl(), new ClientId("3MVG9consumer"), new Audience("https://login.salesforce.com"),
                     KeySpec.of(new KeyMaterial.InMemory(keys.keys().getPrivate())))) {
            assertThat(frontdoors.frontdoorFor(new Subject("alice@acme.com")).value().toString()).startsWith(salesforce.baseUrl() + "/secur/frontdoor.jsp?otp=");
            assertThat(frontdoors.open(new Subject("mallory@acme.com"))).isInstanceOf(NextSessionOutcome.Failed.class);
            assertThatThrownBy(() -> frontdoors.frontdoorFor(new Subject("mallory@acme.com")))
                    .isInstanceOf(SessionNotOpenedException.class).hasMessageStartingWith("no frontdoor URL: ");
        }
    }
}
