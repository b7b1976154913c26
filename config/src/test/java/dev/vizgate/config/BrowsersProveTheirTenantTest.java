package dev.vizgate.config;

import dev.vizgate.domain.model.TenantId;
import dev.vizgate.domain.usecase.PlatformTenant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * With tenants, every issuer of browsers' proofs says how a proof names its tenant: a claim, or the one tenant the issuer
 * serves. Neither, or both, is a mistake at its key; so is naming a tenant without tenants.
 */
class BrowsersProveTheirTenantTest {
    static final String TENANTS = """
            tenants:
              list: [ { id: acme, tableau: { server-url: "https://10ax.online.tableau.com", site: acme,
                connected-app: { client-id: c, trust: direct, secrets: [ { id: s, value: "a-connected-app-secret-of-at-least-32-bytes" } ] } } } ]
            """;

    @TempDir
    Path dir;

    ConfigLoader.Loaded load(String yaml) throws Exception {
        Files.writeString(dir.resolve("portal.pem"), """
                -----BEGIN PUBLIC KEY-----
                MFkwEwYHKoZIzj0CAQYIKoZIzj0DAQcDQgAEEVs/o5+uQbTjL3chynL4wXgUg2R9
                q9UU8I5mEovUf86QZ7kOBIjJwqnzD1omageEHWwHdBO6B+dFabmdT9POxg==
                -----END PUBLIC KEY-----
                """);
        Files.writeString(dir.resolve("vizgate.yaml"), yaml);
        return new ConfigLoader(Map.<String, String>of()::get).load(dir.resolve("vizgate.yaml"));
    }

    PlatformTenant tenantOf(String callers) throws Exception {
        var loaded = load(TENANTS + callers);
        return ConfigSettings.platforms(loaded.config(), loaded.files()).orElseThrow().platforms().get(0).platform().tenant();
    }

    ConfigError mistake(String yaml) throws Exception {
        var loaded = load(yaml);
        try {
            ConfigSettings.platforms(loaded.config(), loaded.files());
        } catch (ConfigError e) {
            return e;
        }
        throw new AssertionError("no ConfigError for " + yaml);
    }

    @Test
    void givenTenants_anAssertionIssuerNamingAClaim_readsTheTenantFromIt() throws Exception {
        assertThat(tenantOf("callers: { assertions: [ { issuer: \"https://portal.example.com\", key: \"file:portal.pem\", claims: { tenant: org } } ] }\n"))
                .isEqualTo(new PlatformTenant.FromClaim("org"));
    }

    @Test
    void givenTenants_anIdentityProviderForOneTenant_servesThatTenant() throws Exception {
        assertThat(tenantOf("callers: { identity-providers: [ { issuer: \"https://sso.acme.example.com/realms/acme\", audience: vizgate, tenant: acme } ] }\n"))
                .isEqualTo(new PlatformTenant.Fixed(new TenantId("acme")));
    }

    @Test
    void givenTenants_anIssuerThatNamesNoTenant_isAMistakeAtItsClaims() throws Exception {
        var e = mistake(TENANTS + "callers: { assertions: [ { issuer: \"https://portal.example.com\", key: \"file:portal.pem\" } ] }\n");
        assertThat(e.path()).isEqualTo("callers.assertions[0].claims.tenant");
        assertThat(e.getMessage()).contains("must name its tenant");
    }

    @Test
    void givenTenants_anIssuerThatNamesBoth_isAmbiguous() throws Exception {
        var e = mistake(TENANTS + "callers: { identity-providers: [ { issuer: \"https://sso.example.com\", audience: vizgate, tenant: acme,"
                + " claims: { tenant: org } } ] }\n");
        assertThat(e.path()).isEqualTo("callers.identity-providers[0].tenant");
        assertThat(e.getMessage()).contains("ambiguous");
    }

    @Test
    void givenTenants_aFixedTenantThatIsNotASlug_isRefused_andSoIsATenantClaimThatCarriesScopes() throws Exception {
        assertThat(mistake(TENANTS + "callers: { identity-providers: [ { issuer: \"https://sso.example.com\", audience: vizgate, tenant: Acme_Inc } ] }\n")
                .path()).isEqualTo("callers.identity-providers[0].tenant");
        assertThat(mistake(TENANTS + "callers: { assertions: [ { issuer: \"https://portal.example.com\", key: \"file:portal.pem\","
                + " claims: { scopes: grants, tenant: grants } } ] }\n").path()).isEqualTo("callers.assertions[0].claims");
    }

    @Test
    void withoutTenants_namingATenant_isAMistake() throws Exception {
        var base = "tableau: { server-url: https://10ax.online.tableau.com, site: s }\n";
        assertThatThrownBy(() -> {
            var loaded = load(base + "callers: { assertions: [ { issuer: \"https://portal.example.com\", key: \"file:portal.pem\", tenant: acme } ] }\n");
            ConfigSettings.platforms(loaded.config(), loaded.files());
        }).isInstanceOfSatisfying(ConfigError.class, e -> assertThat(e.path()).isEqualTo("callers.assertions[0].tenant"));
        var plain = load(base + "callers: { assertions: [ { issuer: \"https://portal.example.com\", key: \"file:portal.pem\" } ] }\n");
        assertThat(ConfigSettings.platforms(plain.config(), plain.files()).orElseThrow().platforms().get(0).platform().tenant())
                .isEqualTo(new PlatformTenant.None());
    }
}
