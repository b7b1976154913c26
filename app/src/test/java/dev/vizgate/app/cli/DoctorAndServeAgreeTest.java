package dev.vizgate.app.cli;

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
 * doctor and serve map the file through the same code onto the sdk's settings and build them the same way, so what
 * one refuses the other refuses, naming the same key. Each case here once disagreed, or could have.
 */
class DoctorAndServeAgreeTest {
    private static final String CALLERS = "callers:\n  api-keys: [ { name: portal-backend, sha256: \"" + "ab".repeat(32) + "\" } ]\n";
    private static final String SALESFORCE = """
            salesforce:
              token-url: https://acme.my.salesforce.com
              audience: https://login.salesforce.com
              consumer-key: "3MVG9k"
              private-key: "file:keys/missing.pem"
            """;

    @TempDir
    Path dir;

    static Stream<Arguments> refused() {
        return Stream.of(
                arguments("a store secret under 256 bits", TokenCommandTest.directConfig() + CALLERS
                        + "store: { type: redis, url: \"redis://127.0.0.1:1\", secret: \"short\" }\n", "store.secret"),
                arguments("a store url in a file that does not exist", TokenCommandTest.directConfig() + CALLERS
                        + "store: { type: redis, url: \"file:redis-url.txt\", secret: \"a-store-secret-of-at-least-32-bytes!!\" }\n", "store.url"),
                arguments("a Connected App secret under 256 bits", TokenCommandTest.directConfig().replace("${TABLEAU_SECRET}", "too-short") + CALLERS,
                        "tableau.connected-app.secrets[0].value"),
                arguments("an assertion audience on plain http", CALLERS + SALESFORCE.replace("audience: https://", "audience: http://"),
                        "salesforce.audience"),
                arguments("client credentials on login.salesforce.com", CALLERS + SALESFORCE.replace("private-key: \"file:keys/missing.pem\"",
                        "flow: client-credentials\n  client-secret: s3cr3t\n  allowed-hosts: [ .salesforce.com ]").replace("acme.my.salesforce.com",
                        "login.salesforce.com"), "salesforce.token-url"),
                arguments("a shared login host without allowed-hosts", CALLERS + SALESFORCE.replace("acme.my.salesforce.com", "login.salesforce.com"),
                        "salesforce.allowed-hosts"),
                arguments("a Salesforce key file that does not exist", CALLERS + SALESFORCE, "salesforce.private-key"),
                arguments("an assertion leeway over two minutes", TokenCommandTest.directConfig()
                        + "callers:\n  assertion-leeway: 5m\n  assertions: [ { issuer: \"https://p.example.com\", jwks-url: \"https://p.example.com/jwks\" } ]\n",
                        "callers.assertion-leeway"),
                arguments("two nodes on the memory store", TokenCommandTest.directConfig() + CALLERS + "server: { nodes: 2 }\n", "server.nodes"),
                arguments("an unknown readable-secret-files mode", TokenCommandTest.directConfig() + CALLERS
                        + "server: { readable-secret-files: ignore }\n", "server.readable-secret-files"),
                arguments("an audit key under 32 bytes", TokenCommandTest.directConfig() + CALLERS
                        + "audit: { key: \"too-short\", stdout: true }\n", "audit.key"),
                arguments("an audit trail with no place to write", TokenCommandTest.directConfig() + CALLERS
                        + "audit: { key: \"an-audit-key-of-32-bytes-or-more-for-tests\" }\n", "audit"),
                arguments("an unknown log format", TokenCommandTest.directConfig() + CALLERS + "logging: { format: logfmt }\n", "logging.format"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("refused")
    void givenSettingsThatCannotWork_serveAndDoctor_bothRefuseNamingTheSameKey(String name, String yaml, String key) {
        var config = CliRun.write(dir, "vizgate.yaml", yaml);
        var env = Map.of("TABLEAU_SECRET", TokenCommandTest.SECRET);
        var serve = CliRun.run(env, "serve", "--config", config.toString());
        assertThat(serve.exit()).as(serve.err()).isEqualTo(2);
        assertThat(serve.err()).startsWith("config error at " + key + ":");
        var doctor = CliRun.run(env, "doctor", "--config", config.toString(), "--timeout", "1s");
        assertThat(doctor.exit()).as(doctor.out()).isEqualTo(1);
        assertThat(doctor.out().lines().filter(l -> l.startsWith("FAIL") && l.contains(key + ":")).toList()).as(doctor.out()).isNotEmpty();
    }
}
