package dev.vizgate.config;

import dev.vizgate.domain.policy.CallerAllowance;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** callers.api-keys maps onto each backend's name, key hash and allowance, and each mistake is named at its entry. */
class ApiKeyMappingTest {
    static final String HASH = "9F86D081884C7D659A2FEAA0C55AD015A3BF4F1B2B0B822CD15D6C15B0F00A08";

    @TempDir
    Path dir;

    VizgateConfig config(VizgateConfig.ApiKey... keys) {
        return new VizgateConfig(null, new VizgateConfig.Callers(List.of(keys), null, null, null), null, null, null, null, null);
    }

    static VizgateConfig.ApiKey key(String name, String sha256) {
        return new VizgateConfig.ApiKey(name, sha256 == null ? null : new SecretText.Plain(sha256), null, null);
    }

    @Test
    void givenNoCallers_noBackendIsMapped() {
        assertThat(ApiKeyMapping.of(new VizgateConfig(null, null, null, null, null, null, null), new ConfigFiles(dir), Optional.empty())).isEmpty();
    }

    @Test
    void givenAnInlineHash_theBackendCarriesItInLowerCase_withItsPathAndAnUnrestrictedAllowance() {
        var backends = ApiKeyMapping.of(config(key("portal", HASH)), new ConfigFiles(dir), Optional.empty());
        assertThat(backends).singleElement().satisfies(b -> {
            assertThat(b.name()).isEqualTo("portal");
            assertThat(b.sha256Hex()).isEqualTo(HASH.toLowerCase());
            assertThat(b.path()).isEqualTo("callers.api-keys[0]");
            assertThat(b.allowance()).isEqualTo(CallerAllowance.unrestricted());
        });
    }

    @Test
    void givenAHashInAFile_itIsReadRelativeToTheConfig() throws Exception {
        Files.writeString(dir.resolve("portal.sha256"), HASH.toLowerCase() + "\n");
        var backends = ApiKeyMapping.of(config(key("a", HASH), key("b", "file:portal.sha256")), new ConfigFiles(dir), Optional.empty());
        assertThat(backends).extracting(ApiKeyMapping.Backend::path).containsExactly("callers.api-keys[0]", "callers.api-keys[1]");
        assertThat(backends.get(1).sha256Hex()).isEqualTo(HASH.toLowerCase());
    }

    @Test
    void givenAMistake_theErrorNamesItsEntryAndTheFix() {
        assertThatThrownBy(() -> ApiKeyMapping.of(config(key(null, HASH)), new ConfigFiles(dir), Optional.empty()))
                .isInstanceOfSatisfying(ConfigError.class, e -> assertThat(e.twoLines()).contains("callers.api-keys[0].name"));
        assertThatThrownBy(() -> ApiKeyMapping.of(config(key("a", HASH), key("b", null)), new ConfigFiles(dir), Optional.empty()))
                .isInstanceOfSatisfying(ConfigError.class, e -> assertThat(e.twoLines()).contains("callers.api-keys[1].sha256").contains("sha256sum"));
        assertThatThrownBy(() -> ApiKeyMapping.of(config(key("a", "abc123")), new ConfigFiles(dir), Optional.empty()))
                .isInstanceOfSatisfying(ConfigError.class, e -> assertThat(e.twoLines()).contains("callers.api-keys[0].sha256").contains("not 64 hex characters"));
    }

    @Test
    void givenAHashInASecretStore_withoutStores_theErrorSaysToConfigureThem() {
        var stored = new VizgateConfig.ApiKey("a", new SecretText.Stored("vault", "portal/api-key", Optional.empty()), null, null);
        assertThatThrownBy(() -> ApiKeyMapping.of(config(stored), new ConfigFiles(dir), Optional.empty()))
                .isInstanceOfSatisfying(ConfigError.class, e -> assertThat(e.twoLines()).contains("callers.api-keys[0].sha256").contains("secret-stores"));
    }

    @Test
    void givenTheBackendsAllowLists_theyAreMappedAtItsEntry() {
        var key = new VizgateConfig.ApiKey("a", new SecretText.Plain(HASH), List.of("tableau:views:embed"), null);
        assertThat(ApiKeyMapping.of(config(key), new ConfigFiles(dir), Optional.empty()).get(0).allowance().scopes()).isPresent();
        var bad = new VizgateConfig.ApiKey("a", new SecretText.Plain(HASH), List.of("views"), null);
        assertThatThrownBy(() -> ApiKeyMapping.of(config(bad), new ConfigFiles(dir), Optional.empty()))
                .isInstanceOfSatisfying(ConfigError.class, e -> assertThat(e.twoLines()).contains("callers.api-keys[0].allowed-scopes[0]"));
    }
}
