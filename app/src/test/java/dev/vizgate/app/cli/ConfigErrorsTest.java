package dev.vizgate.app.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.nio.file.Path;
import java.util.Map;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.params.provider.Arguments.arguments;

/** Every configuration mistake: exit 2, one line naming the key path and the cause, one line with the fix, no secret. */
class ConfigErrorsTest {
    static final String SECRET = TokenCommandTest.SECRET;

    @TempDir
    Path dir;

    static String direct(String replace, String with) {
        return TokenCommandTest.directConfig().replace(replace, with);
    }

    static Stream<Arguments> mistakes() {
        return Stream.of(
                arguments("unknown key", direct("client-id:", "clientid:"),
                        "config error at tableau.connected-app.clientid: unknown key 'clientid'", "client-id"),
                arguments("missing required key", direct("    client-id: \"6f1c2e7a-client\"\n", ""),
                        "config error at tableau.connected-app.client-id: required key is missing", "client id"),
                arguments("bad duration", direct("lifetime: 5m", "lifetime: five minutes"),
                        "config error at tableau.token.lifetime: 'five minutes' is not a duration", "5m"),
                arguments("plain http upstream", direct("https://10ax.online.tableau.com", "http://10ax.online.tableau.com"),
                        "config error at tableau.server-url: 'http://10ax.online.tableau.com' is not https", "127.0.0.1"),
                arguments("not a URL", direct("https://10ax.online.tableau.com", "10ax.online.tableau.com"),
                        "config error at tableau.server-url: '10ax.online.tableau.com' is not an absolute URL", "https://"),
                arguments("active secret not among the secrets", direct("active-secret: \"9d4e-secret-id\"", "active-secret: \"other\""),
                        "config error at tableau.connected-app.active-secret: active secret 'other' is not among the secrets", "one of the configured"),
                arguments("three secrets", direct("      - { id: \"9d4e-secret-id\", value: \"${TABLEAU_SECRET}\" }",
                                "      - { id: \"a\", value: \"${TABLEAU_SECRET}\" }\n      - { id: \"b\", value: \"${TABLEAU_SECRET}\" }\n      - { id: \"9d4e-secret-id\", value: \"${TABLEAU_SECRET}\" }"),
                        "config error at tableau.connected-app.secrets: 3 secrets; a Connected App holds at most 2 (Tableau error 128)", "retired"),
                arguments("environment variable not set", direct("${TABLEAU_SECRET}", "${NOT_SET_ANYWHERE}"),
                        "config error at tableau.connected-app.secrets[0].value: environment variable NOT_SET_ANYWHERE is not set", "export NOT_SET_ANYWHERE"),
                arguments("secret too short", direct("${TABLEAU_SECRET}", "too-short"),
                        "config error at tableau.connected-app.secrets[0].value: is 72 bits; HS256 needs at least 256 bits", "whole secret"),
                arguments("secret file missing", direct("${TABLEAU_SECRET}", "file:secrets/nope.txt"),
                        "config error at tableau.connected-app.secrets[0].value: file", "relative to the config file"),
                arguments("scope grammar", direct("scopes: [ \"tableau:views:embed\" ]", "scopes: [ \"views:embed\" ]"),
                        "config error at tableau.token.scopes[0]: scope 'views:embed' is not of the form tableau:<resource>:<action>", "tableau:views:embed"),
                arguments("default scope not allowed", direct("allowed-scopes: [ \"tableau:views:embed\", \"tableau:insights:embed\" ]", "allowed-scopes: [ \"tableau:insights:embed\" ]"),
                        "config error at tableau.token: default scope tableau:views:embed is not among the allowed scopes", "allowed-scopes"),
                arguments("lifetime beyond the maximum", direct("lifetime: 5m", "lifetime: 10m"),
                        "config error at tableau.token: default lifetime 10 min plus skew 5 s exceeds the maximum lifetime 10 min", "max-lifetime"),
                arguments("unknown trust", direct("trust: direct", "trust: shared"),
                        "config error at tableau.connected-app.trust: trust is 'shared'", "direct, eas or idp"),
                arguments("wrong type", direct("scopes: [ \"tableau:views:embed\" ]", "scopes: { a: 1 }"),
                        "config error at tableau.token.scopes: expected a list", "README"),
                arguments("eas key file that does not load", """
                                tableau:
                                  server-url: https://t.example.com
                                  connected-app:
                                    trust: eas
                                    issuer: https://vizgate.example.com
                                    signing-keys: [ "file:keys/missing.pem" ]
                                """,
                        "config error at tableau.connected-app.signing-keys[0]:", "relative paths are relative to the config file"),
                arguments("eas issuer not https", """
                                tableau:
                                  server-url: https://t.example.com
                                  connected-app:
                                    trust: eas
                                    issuer: http://vizgate.example.com
                                    signing-keys: [ "file:keys/missing.pem" ]
                                """,
                        "config error at tableau.connected-app.issuer: an EAS issuer must be an https URL", "https"),
                arguments("not YAML", "tableau: [ unclosed", "config error at (top level): the file is not valid YAML", "syntax"),
                arguments("no tableau section", "store: { type: memory }\n", "config error at tableau: required key is missing", "tableau:"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("mistakes")
    void givenMisconfiguration_token_exits2WithTheKeyPathAndAFix(String name, String yaml, String firstLine, String fixHint) {
        var config = CliRun.write(dir, "vizgate.yaml", yaml);
        var run = CliRun.run(Map.of("TABLEAU_SECRET", SECRET), "token", "--config", config.toString(), "--user", "alice@example.com");
        assertThat(run.exit()).as(name).isEqualTo(2);
        var lines = run.err().lines().toList();
        assertThat(lines).as(name).hasSize(2);
        assertThat(lines.get(0)).as(name).startsWith(firstLine);
        assertThat(lines.get(1)).as(name).startsWith("  fix: ").contains(fixHint);
        assertThat(run.err()).doesNotContain(SECRET).doesNotContain("Exception").doesNotContain("\tat ");
        assertThat(run.out()).isEmpty();
    }

    static Stream<Arguments> gatewayMistakes() {
        var tableau = TokenCommandTest.directConfig();
        return Stream.of(
                arguments("no callers", tableau, "config error at callers: no caller can authenticate", "callers.api-keys"),
                arguments("bad api key hash", tableau + "callers:\n  api-keys: [ { name: a, sha256: \"abc\" } ]\n",
                        "config error at callers.api-keys[0].sha256: not 64 hex characters", "sha256sum"),
                arguments("key and jwks-url both", tableau + "callers:\n  assertions: [ { issuer: \"https://p.example.com\", key: \"file:p.pem\", jwks-url: \"https://p.example.com/jwks\" } ]\n",
                        "config error at callers.assertions[0]: give exactly one of key and jwks-url", "jwks-url"),
                arguments("redis store without its secret", tableau + "callers:\n  api-keys: [ { name: a, sha256: \"" + "a".repeat(64) + "\" } ]\nstore: { type: redis, url: \"redis://127.0.0.1:6379\" }\n",
                        "config error at store.secret: required key is missing", "VIZGATE_STORE_SECRET"),
                arguments("unknown store type", tableau + "callers:\n  api-keys: [ { name: a, sha256: \"" + "a".repeat(64) + "\" } ]\nstore: { type: memcached }\n",
                        "config error at store.type: store type 'memcached'", "redis"),
                arguments("bad port", "server: { port: 70000 }\n" + tableau + "callers:\n  api-keys: [ { name: a, sha256: \"" + "a".repeat(64) + "\" } ]\n",
                        "config error at server.port: port 70000 is out of range", "1-65535"),
                arguments("bad body size", "server: { max-body: lots }\n" + tableau + "callers:\n  api-keys: [ { name: a, sha256: \"" + "a".repeat(64) + "\" } ]\n",
                        "config error at server.max-body: 'lots' is not a size", "16k"),
                arguments("caller name with a line break", tableau + "callers:\n  api-keys: [ { name: \"a\\nforged line\", sha256: \"" + "a".repeat(64) + "\" } ]\n",
                        "config error at callers.api-keys[0].name: a caller name is 1-100 characters without control characters", "portal-backend"),
                arguments("circuit failures beyond its window", tableau + salesforce("circuit: { failures: 12, of-last: 10 }"),
                        "config error at salesforce.circuit: the breaker opens at 12 failures of the last 10 calls", "failures ≤ of-last"),
                arguments("circuit open for no time", tableau + salesforce("circuit: { open-for: 0s }"),
                        "config error at salesforce.circuit: the breaker must stay open for a positive time", "failures ≤ of-last"),
                arguments("assertion leeway beyond two minutes", tableau + "callers:\n  assertion-leeway: 5m\n  assertions: [ { issuer: \"https://p.example.com\", jwks-url: \"https://p.example.com/jwks\" } ]\n",
                        "config error at callers.assertion-leeway: a leeway of 300 s would accept assertions long after they expired", "NTP"),
                arguments("circuit open-for not a duration", tableau + salesforce("circuit: { open-for: a while }"),
                        "config error at salesforce.circuit.open-for: 'a while' is not a duration", "30s"));
    }

    static String salesforce(String extra) {
        return "callers:\n  api-keys: [ { name: a, sha256: \"" + "a".repeat(64) + "\" } ]\n"
                + "salesforce:\n  token-url: https://acme.my.salesforce.com\n  audience: https://login.salesforce.com\n  consumer-key: \"3MVG9k\"\n"
                + "  private-key: \"file:keys/missing.pem\"\n  " + extra + "\n";
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("gatewayMistakes")
    void givenGatewayMisconfiguration_serve_exits2WithTheKeyPathAndAFix(String name, String yaml, String firstLine, String fixHint) {
        var config = CliRun.write(dir, "gateway.yaml", yaml);
        var run = CliRun.run(Map.of("TABLEAU_SECRET", SECRET), "serve", "--config", config.toString());
        assertThat(run.exit()).as(name + ": " + run.err()).isEqualTo(2);
        var lines = run.err().lines().toList();
        assertThat(lines).as(name).hasSize(2);
        assertThat(lines.get(0)).as(name).startsWith(firstLine);
        assertThat(lines.get(1)).as(name).contains(fixHint);
    }

    @Test
    void givenMissingConfigFile_token_exits2() {
        var run = CliRun.run(Map.of(), "token", "--config", dir.resolve("nope.yaml").toString(), "--user", "a");
        assertThat(run.exit()).isEqualTo(2);
        assertThat(run.err()).contains("does not exist");
    }
}
