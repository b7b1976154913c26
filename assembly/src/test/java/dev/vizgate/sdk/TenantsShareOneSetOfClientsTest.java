package dev.vizgate.sdk;

import dev.vizgate.domain.model.ClientId;
import dev.vizgate.domain.model.SecretId;
import dev.vizgate.domain.model.SecretRef;
import dev.vizgate.domain.model.SiteContentUrl;
import dev.vizgate.domain.model.Subject;
import dev.vizgate.domain.policy.TableauTokenRequest;
import dev.vizgate.domain.testing.InMemorySecretStore;
import dev.vizgate.domain.usecase.TokenIssueOutcome;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A Vizgate built {@link VizgateBuilder#sharing sharing} another's parts opens nothing of its own: it reads its secrets
 * through the other's secret-store clients and spends jtis in the other's ledger, and closing it leaves them working for
 * the one that opened them. This is how a thousand tenants hold one Vault client and one Redis pool.
 */
class TenantsShareOneSetOfClientsTest {
    private static final SecretRef REF = SecretRef.of("memory", "secret/tableau/acme").field("value");

    private static TableauSettings acme() {
        return TableauSettings.of(URI.create("https://10ax.online.tableau.com"), new SiteContentUrl("acme"), new ConnectedApp.Direct(
                new ClientId("acme-client"), List.of(new ConnectedAppSecret(new SecretId("acme-secret"), new SecretSource.Stored(REF))), new SecretId("acme-secret")));
    }

    @Test
    void givenATenantSharingTheGatewaysParts_itUsesTheSameClientsAndStores_andClosingItLeavesThemOpen() {
        var store = new InMemorySecretStore().put(REF, "acme-connected-app-secret-of-32-bytes!!");
        try (var gateway = Vizgate.builder().secretStore("memory", store).servingTenants().build()) {
            var shared = gateway.shared();
            assertThat(shared.secretStores()).containsEntry("memory", store).doesNotContainKeys("env", "file", "inline");
            try (var tenant = Vizgate.builder().sharing(shared).tableau(acme()).build()) {
                var issued = tenant.tableauTokens().orElseThrow().issue(TableauTokenRequest.forUser(new Subject("alice@acme.com")));
                assertThat(issued).isInstanceOf(TokenIssueOutcome.Issued.class);
                assertThat(tenant.shared().ledger()).isSameAs(shared.ledger());
                assertThat(tenant.shared().sessions()).isSameAs(shared.sessions());
                assertThat(tenant.shared().leases()).isSameAs(shared.leases());
                assertThat(tenant.shared().secretStores().get("memory")).isSameAs(store);
                assertThat(tenant.shared().refresher()).as("one thread reads every sharer's secrets again").isSameAs(shared.refresher());
                assertThat(tenant.readiness().get("store").getAsBoolean()).as("the sharer does not probe what it does not own").isTrue();
                assertThat(shared.toString()).isEqualTo("SharedParts[secret stores [memory]]");
            }
            assertThat(shared.refresher().isShutdown()).as("a sharer that closes leaves the shared thread running").isFalse();
            var again = Vizgate.builder().sharing(shared).tableau(acme()).build();
            assertThat(again.tableauTokens().orElseThrow().issue(TableauTokenRequest.forUser(new Subject("bob@acme.com"))))
                    .as("the shared parts still work after one sharer closed").isInstanceOf(TokenIssueOutcome.Issued.class);
            again.close();
        }
        // The gateway, which opened it, stops it.
    }

    @Test
    void givenTheVizgateThatOpenedThem_closing_stopsTheSharedThread() {
        var store = new InMemorySecretStore().put(REF, "acme-connected-app-secret-of-32-bytes!!");
        var gateway = Vizgate.builder().secretStore("memory", store).servingTenants().build();
        var refresher = gateway.shared().refresher();
        gateway.close();
        assertThat(refresher.isShutdown()).isTrue();
    }
}
