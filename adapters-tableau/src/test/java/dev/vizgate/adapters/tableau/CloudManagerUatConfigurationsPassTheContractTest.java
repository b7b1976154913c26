package dev.vizgate.adapters.tableau;

import dev.vizgate.domain.model.UatAdminOutcome;
import dev.vizgate.domain.port.UatConfigurations;
import dev.vizgate.domain.testing.UatConfigurationsContract;
import dev.vizgate.sandbox.CloudManagerStandIn;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * UAT configurations through Tableau Cloud Manager's REST API (tableau.md §8, field reports) against the Cloud Manager
 * stand-in over loopback: the contract, and the session's own rules (a wrong token is refused in words without the
 * token; an ended session is opened again once).
 */
class CloudManagerUatConfigurationsPassTheContractTest extends UatConfigurationsContract {
    static final String PAT = "cloud-manager-pat-secret";
    private final List<CloudManagerStandIn> started = new ArrayList<>();

    private CloudManagerStandIn cloudManager() {
        try {
            var c = CloudManagerStandIn.start(PAT, "tenant-1");
            started.add(c);
            return c;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static CloudManagerUatConfigurations client(URI base, String pat) {
        return new CloudManagerUatConfigurations(base, pat, CloudManagerUatConfigurations.Paths.FIELD_REPORTS,
                RestTableauSignIn.defaultClient(Duration.ofSeconds(2)), Duration.ofSeconds(2));
    }

    @AfterEach
    void stop() {
        started.forEach(CloudManagerStandIn::close);
    }

    @Override
    protected UatConfigurations emptyTenant() {
        return client(cloudManager().baseUrl(), PAT);
    }

    @Override
    protected UatConfigurations unreachable() {
        var c = cloudManager();
        var url = c.baseUrl();
        c.close();
        return client(url, PAT);
    }

    @Test
    void givenAWrongPersonalAccessToken_list_isRefusedInWords_withoutTheToken() {
        var outcome = client(cloudManager().baseUrl(), "not-the-pat").list();
        assertThat(outcome).isInstanceOfSatisfying(UatAdminOutcome.Refused.class,
                r -> assertThat(r.reason()).contains("refused the personal access token").doesNotContain("not-the-pat"));
    }

    @Test
    void givenAnEndedSession_theNextCall_logsInAgainOnce() {
        var c = cloudManager();
        var client = client(c.baseUrl(), PAT);
        client.create(DRAFT);
        c.expireSessions();
        assertThat(client.list()).isInstanceOfSatisfying(UatAdminOutcome.Listed.class, l -> assertThat(l.configurations()).hasSize(1));
    }

    @Test
    void theClient_neverPrintsTheToken() {
        assertThat(client(URI.create("https://cloudmanager.tableau.com"), PAT).toString()).doesNotContain(PAT);
    }
}
