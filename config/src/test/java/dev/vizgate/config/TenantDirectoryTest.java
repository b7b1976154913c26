package dev.vizgate.config;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.vizgate.domain.model.ClientId;
import dev.vizgate.domain.model.SecretRef;
import dev.vizgate.domain.model.SiteContentUrl;
import dev.vizgate.domain.model.Subject;
import dev.vizgate.domain.model.TenantId;
import dev.vizgate.domain.policy.TableauTokenRequest;
import dev.vizgate.sdk.ConnectedApp;
import dev.vizgate.sdk.SecretSource;
import dev.vizgate.sdk.Tenants;
import dev.vizgate.sdk.Vizgate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Tenants from a folder, one file each, over shared defaults with {tenant} filled in: added, changed and removed by
 * writing files; a changed file that is not valid keeps the last good definition and is reported, a new one is refused
 * naming the tenant and the key.
 */
class TenantDirectoryTest {
    static final String SECRET = "a-connected-app-secret-of-at-least-32-bytes";
    static final TenantId ACME = new TenantId("acme");
    static final TenantId GLOBEX = new TenantId("globex");

    @TempDir
    Path dir;
    Instant stamp = Instant.parse("2026-01-01T00:00:00Z");

    TenantDirectory directory() {
        return new TenantDirectory(dir, new ConfigLoader(Map.of("TABLEAU_SECRET", SECRET)::get));
    }

    void write(String name, String yaml) throws IOException {
        var file = dir.resolve(name);
        Files.writeString(file, yaml);
        stamp = stamp.plus(Duration.ofSeconds(1)); // a file written again is seen as changed however fast the test runs
        Files.setLastModifiedTime(file, FileTime.from(stamp));
    }

    static final String DEFAULTS = """
            tableau:
              server-url: https://10ax.online.tableau.com
              connected-app:
                trust: direct
                secrets: [ { id: "{tenant}-secret", value: { vault: "secret/tableau/{tenant}" } } ]
              token: { lifetime: 3m }
            """;

    /** What uat register --tenant reads: the tenant's sections as written, under the defaults, {tenant} filled in. */
    @Test
    void aTenantsSections_areItsFileOverTheDefaults_andEmptyWithoutAFile() throws Exception {
        write(TenantDirectory.DEFAULTS, DEFAULTS);
        write("acme.yaml", "tableau:\n  site: acme\n  connected-app: { client-id: acme-app }\n");
        var acme = directory().sections(ACME).orElseThrow().config().tableau();
        assertThat(acme.site()).isEqualTo("acme");
        assertThat(acme.serverUrl()).isEqualTo("https://10ax.online.tableau.com");
        assertThat(acme.connectedApp().clientId()).isEqualTo("acme-app");
        assertThat(acme.connectedApp().secrets().get(0).id()).isEqualTo("acme-secret");
        assertThat(directory().sections(GLOBEX)).isEmpty();
    }

    @Test
    void aTenantsFile_overTheDefaults_withItsIdFilledIn() throws Exception {
        write(TenantDirectory.DEFAULTS, DEFAULTS);
        write("acme.yaml", "tableau:\n  site: acme\n  connected-app: { client-id: acme-app }\n");
        var acme = directory().find(ACME).orElseThrow();
        assertThat(acme.id()).isEqualTo(ACME);
        assertThat(acme.tableau().orElseThrow().site()).isEqualTo(new SiteContentUrl("acme"));
        assertThat(acme.tableau().orElseThrow().token().defaultLifetime()).isEqualTo(Duration.ofMinutes(3));
        var app = (ConnectedApp.Direct) acme.tableau().orElseThrow().connectedApp();
        assertThat(app.clientId()).isEqualTo(new ClientId("acme-app"));
        assertThat(app.secrets().get(0).id().value()).isEqualTo("acme-secret");
        assertThat(app.secrets().get(0).source()).isEqualTo(new SecretSource.Stored(new SecretRef("vault", "secret/tableau/acme", Optional.empty())));
    }

    @Test
    void tenantsAreAddedChangedAndRemoved_byWritingTheirFiles() throws Exception {
        var directory = directory();
        assertThat(directory.find(ACME)).isEmpty();
        write("acme.yaml", "tableau:\n  server-url: https://t.example.com\n  site: acme\n"
                + "  connected-app: { client-id: acme-app, trust: direct, secrets: [ { id: s, value: \"${TABLEAU_SECRET}\" } ] }\n");
        assertThat(directory.find(ACME).orElseThrow().tableau().orElseThrow().site()).isEqualTo(new SiteContentUrl("acme"));
        var first = directory.find(ACME).orElseThrow();
        assertThat(directory.find(ACME).orElseThrow()).isSameAs(first);
        write("acme.yaml", "tableau:\n  server-url: https://t.example.com\n  site: acme-two\n"
                + "  connected-app: { client-id: acme-app, trust: direct, secrets: [ { id: s, value: \"${TABLEAU_SECRET}\" } ] }\n");
        assertThat(directory.find(ACME).orElseThrow().tableau().orElseThrow().site()).isEqualTo(new SiteContentUrl("acme-two"));
        Files.delete(dir.resolve("acme.yaml"));
        assertThat(directory.find(ACME)).isEmpty();
    }

    @Test
    void aChangedFileThatIsNotValid_keepsTheLastGood_andIsReported_whileANewOneIsRefusedNamingTheTenantAndKey() throws Exception {
        write(TenantDirectory.DEFAULTS, DEFAULTS);
        write("acme.yaml", "tableau:\n  site: acme\n  connected-app: { client-id: acme-app }\n");
        var directory = directory();
        var good = directory.find(ACME).orElseThrow();
        write("acme.yaml", "tableau:\n  site: acme\n  connected-app: { client-id: acme-app }\n  token: { lifetime: forever }\n");
        assertThat(directory.find(ACME)).containsSame(good);
        assertThat(directory.problems()).containsOnlyKeys(ACME);
        assertThat(directory.problems().get(ACME).twoLines()).startsWith("config error at tenant acme, tableau.token.lifetime: 'forever' is not a duration");
        write("acme.yaml", "tableau:\n  site: acme\n  connected-app: { client-id: acme-app }\n");
        assertThat(directory.find(ACME)).isPresent();
        assertThat(directory.problems()).isEmpty();
        write("globex.yaml", "tableau:\n  site: globex\n  connected-app: { client-id: globex-app, trust: shared }\n");
        assertThatThrownBy(() -> directory.find(GLOBEX)).isInstanceOfSatisfying(ConfigError.class,
                e -> assertThat(e.twoLines()).startsWith("config error at tenant globex, tableau.connected-app.trust: trust is 'shared'"));
        assertThat(directory.find(ACME)).isPresent();
    }

    @Test
    void aTenantsFile_holdsItsOwnSectionsOnly() throws Exception {
        write("acme.yaml", "tableau:\n  site: acme\nserver: { port: 1 }\n");
        assertThatThrownBy(() -> directory().find(ACME)).isInstanceOfSatisfying(ConfigError.class,
                e -> assertThat(e.twoLines()).contains("tenant acme").contains("tableau: and/or salesforce: section and nothing else"));
    }

    @Test
    void aTenantsFile_withASalesforceSectionAlone_isATableauNextTenant_andTheDefaultsTableauIsNotForced() throws Exception {
        write("_defaults.yaml", "tableau:\n  server-url: https://t.example.com\nsalesforce:\n  audience: https://login.salesforce.com\n"
                + "  consumer-key: \"{tenant}-key\"\n  client-secret: \"s3cr3t-s3cr3t\"\n  flow: client-credentials\n");
        write("acme.yaml", "salesforce:\n  token-url: https://acme.my.salesforce.com\n");
        var acme = directory().find(ACME).orElseThrow();
        assertThat(acme.tableau()).isEmpty();
        var next = acme.tableauNext().orElseThrow();
        assertThat(next.connection().consumerKey()).hasToString("acme-key");
        assertThat(next.connection().tokenUrl().getHost()).isEqualTo("acme.my.salesforce.com");
    }

    @Test
    void tenantsOverTheFolder_serveATenantFromTheMomentItsFileIsWritten_andLeaveTheOthersAlone() throws Exception {
        var inline = "tableau:\n  server-url: https://t.example.com\n  site: %s\n"
                + "  connected-app: { client-id: %s, trust: direct, secrets: [ { id: s, value: \"${TABLEAU_SECRET}\" } ] }\n";
        write("acme.yaml", inline.formatted("acme", "acme-app"));
        try (var tenants = Tenants.of(directory(), Vizgate::builder)) {
            var acme = tenants.tenant(ACME).orElseThrow();
            assertThat(tenants.tenant(GLOBEX)).isEmpty();
            write("globex.yaml", inline.formatted("globex", "globex-app"));
            var token = tenants.tenant(GLOBEX).orElseThrow().tableauTokens().orElseThrow()
                    .issue(TableauTokenRequest.forUser(new Subject("bob@globex.com"))).issued().token().value();
            assertThat(new String(Base64.getUrlDecoder().decode(token.split("\\.")[1]))).contains("\"iss\":\"globex-app\"");
            assertThat(tenants.tenant(ACME)).containsSame(acme);
        }
    }

    @Test
    void aChangedDefaultsFile_changesEveryTenantAtTheNextAsk() throws Exception {
        write(TenantDirectory.DEFAULTS, DEFAULTS);
        write("acme.yaml", "tableau: { site: acme, connected-app: { client-id: acme-app } }\n");
        var directory = directory();
        assertThat(directory.find(ACME).orElseThrow().tableau().orElseThrow().token().defaultLifetime()).isEqualTo(Duration.ofMinutes(3));
        write(TenantDirectory.DEFAULTS, DEFAULTS.replace("lifetime: 3m", "lifetime: 4m"));
        assertThat(directory.find(ACME).orElseThrow().tableau().orElseThrow().token().defaultLifetime()).isEqualTo(Duration.ofMinutes(4));
    }

    /** The gateway's folder looks again at most every recheck: between two looks a request costs no stat. */
    @Test
    void givenARecheck_changesToATenantsFileAndTheDefaults_countOnceItHasPassed() throws Exception {
        write(TenantDirectory.DEFAULTS, DEFAULTS);
        write("acme.yaml", "tableau: { site: acme, connected-app: { client-id: acme-app } }\n");
        var recheck = Duration.ofMillis(300);
        var directory = new TenantDirectory(dir, new ConfigLoader(Map.of("TABLEAU_SECRET", SECRET)::get), recheck);
        assertThat(directory.find(ACME).orElseThrow().tableau().orElseThrow().site()).isEqualTo(new SiteContentUrl("acme"));
        var changed = System.nanoTime();
        write("acme.yaml", "tableau: { site: acme-eu, connected-app: { client-id: acme-app } }\n");
        write(TenantDirectory.DEFAULTS, DEFAULTS.replace("lifetime: 3m", "lifetime: 4m"));
        var soon = directory.find(ACME).orElseThrow().tableau().orElseThrow();
        if (System.nanoTime() - changed < recheck.toNanos()) { // a stalled machine may have let the recheck pass already
            assertThat(soon.site()).isEqualTo(new SiteContentUrl("acme"));
            assertThat(soon.token().defaultLifetime()).isEqualTo(Duration.ofMinutes(3));
        }
        Thread.sleep(recheck.toMillis() + 50);
        var later = directory.find(ACME).orElseThrow().tableau().orElseThrow();
        assertThat(later.site()).isEqualTo(new SiteContentUrl("acme-eu"));
        assertThat(later.token().defaultLifetime()).isEqualTo(Duration.ofMinutes(4));
    }

    @Test
    void mergingKeepsTheTenantsValues_overTheDefaults_keyByKey() {
        var yaml = new ObjectMapper(new YAMLFactory());
        assertThat(TenantDirectory.merge(tree(yaml, "a: { b: 1, c: [1, 2] }\nd: 3\n"), tree(yaml, "a: { c: [9] }\ne: 5\n")))
                .isEqualTo(tree(yaml, "a: { b: 1, c: [9] }\nd: 3\ne: 5\n"));
    }

    static ObjectNode tree(ObjectMapper yaml, String text) {
        try {
            return (ObjectNode) yaml.readTree(text);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
