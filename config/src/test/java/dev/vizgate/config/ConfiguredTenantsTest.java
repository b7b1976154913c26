package dev.vizgate.config;

import dev.vizgate.domain.model.ClientId;
import dev.vizgate.domain.model.SecretRef;
import dev.vizgate.domain.model.TenantId;
import dev.vizgate.domain.policy.TenantBinding;
import dev.vizgate.sdk.ConnectedApp;
import dev.vizgate.sdk.SecretSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The configuration file's {@code tenants:} section: listed tenants over shared defaults with {tenant} filled in,
 * a watched directory beside them, and API keys bound to tenants. Every mistake names its key.
 */
class ConfiguredTenantsTest {
    static final String SECRET = "a-connected-app-secret-of-at-least-32-bytes";
    static final String HASH = "a".repeat(64);

    @TempDir
    Path dir;

    ConfigLoader.Loaded load(String yaml) throws Exception {
        Files.writeString(dir.resolve("vizgate.yaml"), yaml);
        return new ConfigLoader(Map.of("SECRET", SECRET)::get).load(dir.resolve("vizgate.yaml"));
    }

    static final String TWO = """
            tenants:
              defaults:
                tableau:
                  server-url: https://10ax.online.tableau.com
                  connected-app: { client-id: "{tenant}-client", trust: direct, secrets: [ { id: "{tenant}-secret", value: { env: SECRET } } ] }
              list:
                - { id: acme, tableau: { site: acme } }
                - { id: globex, tableau: { site: globex, connected-app: { client-id: globex-own-client } } }
            """;

    @Test
    void givenDefaults_eachListedTenant_getsThemWithItsOwnIdFilledIn_andItsOwnKeysWin() throws Exception {
        var loaded = load(TWO);
        var tenants = ConfiguredTenants.of(loaded.config(), loaded.files()).orElseThrow();
        var acme = (ConnectedApp.Direct) tenants.find(new TenantId("acme")).orElseThrow().tableau().orElseThrow().connectedApp();
        assertThat(acme.clientId()).isEqualTo(new ClientId("acme-client"));
        assertThat(acme.secrets().get(0).id().value()).isEqualTo("acme-secret");
        assertThat(acme.secrets().get(0).source()).isEqualTo(new SecretSource.Stored(new SecretRef("env", "SECRET", Optional.empty())));
        var globex = (ConnectedApp.Direct) tenants.find(new TenantId("globex")).orElseThrow().tableau().orElseThrow().connectedApp();
        assertThat(globex.clientId()).isEqualTo(new ClientId("globex-own-client"));
        assertThat(globex.secrets().get(0).id().value()).isEqualTo("globex-secret");
        assertThat(tenants.listed()).containsExactly(new TenantId("acme"), new TenantId("globex"));
        assertThat(tenants.find(new TenantId("initech"))).isEmpty();
    }

    @Test
    void givenNoTenantsSection_theConfiguration_hasNoTenants() throws Exception {
        var loaded = load("tableau: { server-url: https://10ax.online.tableau.com, site: s }\n");
        assertThat(ConfiguredTenants.of(loaded.config(), loaded.files())).isEmpty();
    }

    @Test
    void givenATenantListedTwice_theSecondEntry_isTheError() throws Exception {
        var loaded = load(TWO.replace("{ id: globex,", "{ id: acme,"));
        assertThatThrownBy(() -> ConfiguredTenants.of(loaded.config(), loaded.files()))
                .isInstanceOfSatisfying(ConfigError.class, e -> assertThat(e.path()).isEqualTo("tenants.list[1].id")).hasMessageContaining("listed twice");
    }

    @Test
    void givenAnIdThatIsNotASlug_itIsRefusedAtItsKey() throws Exception {
        var loaded = load(TWO.replace("{ id: globex,", "{ id: Globex_Inc,"));
        assertThatThrownBy(() -> ConfiguredTenants.of(loaded.config(), loaded.files()))
                .isInstanceOfSatisfying(ConfigError.class, e -> assertThat(e.path()).isEqualTo("tenants.list[1].id"));
    }

    @Test
    void givenADirectoryThatDoesNotExist_itIsRefused_andAnEmptySection_too() throws Exception {
        var missing = load("tenants: { directory: nowhere }\n");
        assertThatThrownBy(() -> ConfiguredTenants.of(missing.config(), missing.files()))
                .isInstanceOfSatisfying(ConfigError.class, e -> assertThat(e.path()).isEqualTo("tenants.directory"));
        var empty = load("tenants: {}\n");
        assertThatThrownBy(() -> ConfiguredTenants.of(empty.config(), empty.files()))
                .isInstanceOfSatisfying(ConfigError.class, e -> assertThat(e.path()).isEqualTo("tenants")).hasMessageContaining("no tenant");
    }

    @Test
    void givenAListedTenantAndAFileOfTheSameId_theListedOneWins_andTheDirectorysOwnAreFound() throws Exception {
        Files.createDirectories(dir.resolve("tenants"));
        var file = """
                tableau:
                  server-url: https://10ax.online.tableau.com
                  site: %s
                  connected-app: { client-id: from-the-directory, trust: direct, secrets: [ { id: s, value: "%s" } ] }
                """;
        Files.writeString(dir.resolve("tenants/acme.yaml"), file.formatted("acme", SECRET));
        Files.writeString(dir.resolve("tenants/initech.yaml"), file.formatted("initech", SECRET));
        var loaded = load(TWO.replace("tenants:\n", "tenants:\n  directory: tenants\n"));
        var tenants = ConfiguredTenants.of(loaded.config(), loaded.files()).orElseThrow();
        assertThat(((ConnectedApp.Direct) tenants.find(new TenantId("acme")).orElseThrow().tableau().orElseThrow().connectedApp()).clientId())
                .isEqualTo(new ClientId("acme-client"));
        assertThat(((ConnectedApp.Direct) tenants.find(new TenantId("initech")).orElseThrow().tableau().orElseThrow().connectedApp()).clientId())
                .isEqualTo(new ClientId("from-the-directory"));
        assertThat(tenants.inDirectory()).containsExactly(new TenantId("acme"), new TenantId("initech"));
    }

    @Test
    void givenTenants_apiKeysAreBound_toTheirListOrToAll() throws Exception {
        var loaded = load(TWO + """
                callers:
                  api-keys:
                    - { name: one, sha256: "%s", tenants: [ acme ] }
                    - { name: all, sha256: "%s", tenants: [ "*" ] }
                """.formatted(HASH, HASH));
        var keys = ApiKeyMapping.of(loaded.config(), loaded.files(), Optional.empty());
        assertThat(keys.get(0).tenants()).contains(new TenantBinding.Only(Set.of(new TenantId("acme"))));
        assertThat(keys.get(1).tenants()).contains(new TenantBinding.AnyTenant());
    }

    /** Writes the file as an editor would, a second later than its last version, so no two versions share a stamp. */
    static void edit(Path file, String text) throws Exception {
        var before = Files.getLastModifiedTime(file).toMillis();
        Files.writeString(file, text);
        Files.setLastModifiedTime(file, FileTime.fromMillis(before + 1000));
    }

    @Test
    void followingTheFile_aTenantAddedChangedOrRemovedInTheList_counts_andAnInvalidEditKeepsTheLastGoodList() throws Exception {
        var file = dir.resolve("vizgate.yaml");
        var loader = new ConfigLoader(Map.of("SECRET", SECRET)::get);
        Files.writeString(file, TWO);
        var loaded = loader.load(file);
        var tenants = ConfiguredTenants.of(loaded.config(), loaded.files()).orElseThrow().following(file, loader, Duration.ZERO);
        var initech = new TenantId("initech");
        assertThat(tenants.find(initech)).isEmpty();

        edit(file, TWO + "    - { id: initech, tableau: { site: initech } }\n");
        assertThat(tenants.find(initech).orElseThrow().tableau().orElseThrow().site().value()).isEqualTo("initech");
        assertThat(tenants.known()).extracting(TenantId::value).containsExactly("acme", "globex", "initech");

        edit(file, TWO.replace("    - { id: acme, tableau: { site: acme } }\n", "") + "    - { id: initech, tableau: { site: initech-two } }\n");
        assertThat(tenants.find(new TenantId("acme"))).as("removed from the list").isEmpty();
        assertThat(tenants.find(initech).orElseThrow().tableau().orElseThrow().site().value()).isEqualTo("initech-two");
        assertThat(tenants.listProblem()).isEmpty();

        edit(file, TWO + "    - { id: initech, tableau: { site: initech, connected-app: { trust: sideways } } }\n");
        assertThat(tenants.listProblem()).hasValueSatisfying(e -> assertThat(e.path()).startsWith("tenants.list[2].tableau.connected-app"));
        assertThat(tenants.find(initech).orElseThrow().tableau().orElseThrow().site().value()).as("the last good list serves").isEqualTo("initech-two");

        edit(file, TWO);
        assertThat(tenants.find(initech)).isEmpty();
        assertThat(tenants.listProblem()).isEmpty();
    }

    @Test
    void notFollowingTheFile_itsEditsDoNotCount() throws Exception {
        var file = dir.resolve("vizgate.yaml");
        Files.writeString(file, TWO);
        var loaded = new ConfigLoader(Map.of("SECRET", SECRET)::get).load(file);
        var tenants = ConfiguredTenants.of(loaded.config(), loaded.files()).orElseThrow();
        Files.writeString(file, TWO + "    - { id: initech, tableau: { site: initech } }\n");
        assertThat(tenants.find(new TenantId("initech"))).isEmpty();
        assertThat(tenants.listProblem()).isEmpty();
    }

    @Test
    void givenTenants_aTopLevelTableauOrSalesforceSection_isRefused_sinceEveryCallerIsBoundToTenants() throws Exception {
        var tableau = load(TWO + "tableau: { server-url: https://10ax.online.tableau.com, site: root }\n");
        assertThatThrownBy(() -> ConfigSettings.builder(tableau.config(), tableau.files(), Clock.systemUTC()))
                .isInstanceOfSatisfying(ConfigError.class, e -> {
                    assertThat(e.path()).isEqualTo("tableau");
                    assertThat(e.fix()).contains("tenants.list");
                });
        var salesforce = load(TWO + "salesforce: { token-url: https://acme.my.salesforce.com }\n");
        assertThatThrownBy(() -> ConfigSettings.builder(salesforce.config(), salesforce.files(), Clock.systemUTC()))
                .isInstanceOfSatisfying(ConfigError.class, e -> assertThat(e.path()).isEqualTo("salesforce"));
    }

    @Test
    void givenTenants_aKeyBoundToAllAndToOne_isAmbiguous_andAKeyNamingANonSlug_isRefused() throws Exception {
        var both = load(TWO + "callers: { api-keys: [ { name: k, sha256: \"%s\", tenants: [ \"*\", acme ] } ] }\n".formatted(HASH));
        assertThatThrownBy(() -> ApiKeyMapping.of(both.config(), both.files(), Optional.empty()))
                .isInstanceOfSatisfying(ConfigError.class, e -> assertThat(e.path()).isEqualTo("callers.api-keys[0].tenants")).hasMessageContaining("ambiguous");
        var bad = load(TWO + "callers: { api-keys: [ { name: k, sha256: \"%s\", tenants: [ acme, \"Not A Slug\" ] } ] }\n".formatted(HASH));
        assertThatThrownBy(() -> ApiKeyMapping.of(bad.config(), bad.files(), Optional.empty()))
                .isInstanceOfSatisfying(ConfigError.class, e -> assertThat(e.path()).isEqualTo("callers.api-keys[0].tenants[1]"));
    }

    @Test
    void withoutTenants_aKeyThatNamesTenants_isAMistake_andOneThatNamesNone_isUnbound() throws Exception {
        var base = "tableau: { server-url: https://10ax.online.tableau.com, site: s }\n";
        var named = load(base + "callers: { api-keys: [ { name: k, sha256: \"%s\", tenants: [ acme ] } ] }\n".formatted(HASH));
        assertThatThrownBy(() -> ApiKeyMapping.of(named.config(), named.files(), Optional.empty()))
                .isInstanceOfSatisfying(ConfigError.class, e -> assertThat(e.path()).isEqualTo("callers.api-keys[0].tenants"));
        var plain = load(base + "callers: { api-keys: [ { name: k, sha256: \"%s\" } ] }\n".formatted(HASH));
        assertThat(ApiKeyMapping.of(plain.config(), plain.files(), Optional.empty()).get(0).tenants()).isEmpty();
    }
}
