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

/**
 * A configuration mistake as the CLI shows it: exit 2, one line naming the key path and the cause, one line with the fix,
 * no secret. Every mistake the mapping can meet, each at its key, is config's own test ({@code EveryMistakeIsNamedAtItsKeyTest});
 * here are one of each kind (the loader, the mapping, the sdk's build, the gateway's own callers).
 */
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
                arguments("environment variable not set", direct("${TABLEAU_SECRET}", "${NOT_SET_ANYWHERE}"),
                        "config error at tableau.connected-app.secrets[0].value: environment variable NOT_SET_ANYWHERE is not set", "export NOT_SET_ANYWHERE"),
                arguments("secret too short", direct("${TABLEAU_SECRET}", "too-short"),
                        "config error at tableau.connected-app.secrets[0].value: is 72 bits; HS256 needs at least 256 bits", "whole secret"),
                arguments("eas key file that does not load", """
                                tableau:
                                  server-url: https://t.example.com
                                  connected-app:
                                    trust: eas
                                    issuer: https://vizgate.example.com
                                    signing-keys: [ "file:keys/missing.pem" ]
                                """,
                        "config error at tableau.connected-app.signing-keys[0]:", "relative paths are relative to the config file"),
                arguments("not YAML", "tableau: [ unclosed", "config error at (top level): the file is not valid YAML", "syntax"));
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
                arguments("redis store without its secret", tableau + "callers:\n  api-keys: [ { name: a, sha256: \"" + "a".repeat(64) + "\" } ]\nstore: { type: redis, url: \"redis://127.0.0.1:6379\" }\n",
                        "config error at store.secret: required key is missing", "VIZGATE_STORE_SECRET"),
                arguments("caller name with a line break", tableau + "callers:\n  api-keys: [ { name: \"a\\nforged line\", sha256: \"" + "a".repeat(64) + "\" } ]\n",
                        "config error at callers.api-keys[0].name: a caller name is 1-100 characters without control characters", "portal-backend"));
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
