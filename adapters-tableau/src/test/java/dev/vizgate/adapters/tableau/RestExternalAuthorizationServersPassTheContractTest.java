package dev.vizgate.adapters.tableau;

import dev.vizgate.domain.model.EasAdminOutcome;
import dev.vizgate.domain.model.EasRegistration;
import dev.vizgate.domain.model.SiteContentUrl;
import dev.vizgate.domain.port.ExternalAuthorizationServers;
import dev.vizgate.domain.testing.ExternalAuthorizationServersContract;
import dev.vizgate.sandbox.TableauStandIn;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/** EAS registration through Tableau's REST calls (tableau.md §7) against the Tableau stand-in over loopback, as a site administrator. */
class RestExternalAuthorizationServersPassTheContractTest extends ExternalAuthorizationServersContract {
    private final List<TableauStandIn> started = new ArrayList<>();

    private TableauStandIn tableau() {
        try {
            var t = TableauStandIn.start(TableauStandIn.Site.of("acme", "6f1c2e7a-client", Map.of(), Set.of("alice@acme.com"), Clock.systemUTC()))
                    .personalAccessToken("vizgate-admin", "pat-secret-value");
            started.add(t);
            return t;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static RestExternalAuthorizationServers admin(URI server, String patSecret) {
        return new RestExternalAuthorizationServers(new TableauAdminSession(server, "3.22", new SiteContentUrl("acme"),
                new TableauAdminSession.PersonalAccessToken("vizgate-admin", patSecret), RestTableauSignIn.defaultClient(Duration.ofSeconds(2)),
                Duration.ofSeconds(2)));
    }

    @AfterEach
    void stop() {
        started.forEach(TableauStandIn::close);
    }

    @Override
    protected ExternalAuthorizationServers emptySite() {
        return admin(tableau().baseUrl(), "pat-secret-value");
    }

    @Override
    protected ExternalAuthorizationServers unreachable() {
        var t = tableau();
        var url = t.baseUrl();
        t.close();
        return admin(url, "pat-secret-value");
    }

    @Test
    void givenANonAdminToken_list_isRefused_namingTheToken() {
        var outcome = admin(tableau().baseUrl(), "wrong-secret").list();
        assertThat(outcome).isInstanceOf(EasAdminOutcome.Refused.class);
        assertThat(((EasAdminOutcome.Refused) outcome).reason()).contains("vizgate-admin").doesNotContain("wrong-secret");
    }

    @Test
    void create_registersTheIssuerOnTheSite_asTheStandInSeesIt() {
        var t = tableau();
        admin(t.baseUrl(), "pat-secret-value").create(EasRegistration.draft("Vizgate", ISSUER, Optional.empty()));
        assertThat(t.registeredIssuers()).containsOnlyKeys(ISSUER.value());
    }
}
