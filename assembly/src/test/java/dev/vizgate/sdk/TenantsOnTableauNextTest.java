package dev.vizgate.sdk;

import dev.vizgate.domain.model.Audience;
import dev.vizgate.domain.model.ClientId;
import dev.vizgate.domain.model.SecretId;
import dev.vizgate.domain.model.SiteContentUrl;
import dev.vizgate.domain.model.TenantId;
import dev.vizgate.domain.testing.TestKeys;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** A tenant embeds Tableau, Tableau Next, or both; its Tableau Next is its own org's, through its own External Client App. */
class TenantsOnTableauNextTest {
    static final String SECRET = "a-connected-app-secret-of-at-least-32-bytes";
    static final TenantId ACME = new TenantId("acme");
    static final TenantId GLOBEX = new TenantId("globex");

    static TableauNextSettings org(String host, String consumerKey) {
        return new TableauNextSettings(SalesforceConnection.of(URI.create("https://" + host + ".my.salesforce.com"), new ClientId(consumerKey)),
                new SalesforceFlow.JwtBearer(new Audience("https://login.salesforce.com"), KeySpec.of(new KeyMaterial.InMemory(TestKeys.rsa().getPrivate()))));
    }

    static TableauSettings site(String name) {
        return TableauSettings.of(URI.create("https://10ax.online.tableau.com"), new SiteContentUrl(name),
                ConnectedApp.Direct.of(new ClientId(name + "-client"), new SecretId(name + "-secret"), SECRET));
    }

    @Test
    void aTenantOnTableauNextAlone_hasSessions_andNoTableauTokens() {
        var catalogue = Map.of(GLOBEX, TenantSettings.tableauNext(GLOBEX, org("globex", "globex-key")));
        try (var tenants = Tenants.of(id -> Optional.ofNullable(catalogue.get(id)), Vizgate::builder)) {
            var globex = tenants.tenant(GLOBEX).orElseThrow();
            assertThat(globex.tableauNextSessions()).isPresent();
            assertThat(globex.tableauTokens()).isEmpty();
        }
    }

    @Test
    void aTenantOnBoth_hasBoth_andATenantOnTableauAlone_hasNoSessions() {
        var catalogue = Map.of(ACME, new TenantSettings(ACME, site("acme")).withTableauNext(org("acme", "acme-key")),
                GLOBEX, new TenantSettings(GLOBEX, site("globex")));
        try (var tenants = Tenants.of(id -> Optional.ofNullable(catalogue.get(id)), Vizgate::builder)) {
            var acme = tenants.tenant(ACME).orElseThrow();
            assertThat(acme.tableauNextSessions()).isPresent();
            assertThat(acme.tableauTokens()).isPresent();
            assertThat(tenants.tenant(GLOBEX).orElseThrow().tableauNextSessions()).isEmpty();
        }
    }

    @Test
    void aTenantWithNeitherSection_isRefused_andSoAreRotationOrAdminWithoutTableau() {
        assertThatThrownBy(() -> new TenantSettings(ACME, Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty()))
                .hasMessageContaining("embeds nothing");
        var next = Optional.of(org("acme", "k"));
        var pat = new SecretSource.Value("pat-secret-value");
        assertThatThrownBy(() -> new TenantSettings(ACME, Optional.empty(), next, Optional.empty(), Optional.of(new TableauAdminSettings("pat", pat))))
                .hasMessageContaining("no Tableau section");
        assertThatThrownBy(() -> new TenantSettings(ACME, Optional.empty(), next, Optional.of(new RotationSettings("pat", pat, Duration.ofSeconds(1))),
                Optional.empty())).hasMessageContaining("no Tableau section");
    }
}
