package dev.vizgate.app.cli;

import dev.vizgate.app.wiring.GatewayWiring;
import dev.vizgate.config.ConfigError;
import dev.vizgate.config.ConfigLoader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * A file that holds a secret or a private key and that its group or others can read is the secret given to every account
 * on the machine: doctor warns, serve warns, and with {@code server.readable-secret-files: refuse} serve refuses to start.
 */
class ReadableSecretFilesTest {
    static final String SECRET = "c2VjcmV0LXZhbHVlLWZyb20tdGhlLWNvbm5lY3RlZC1hcHAtMTIzNDU2";

    @TempDir
    Path dir;

    private Path config(String mode, String serverExtra) throws Exception {
        var secret = Files.writeString(dir.resolve("tableau-secret.txt"), SECRET);
        Files.setPosixFilePermissions(secret, PosixFilePermissions.fromString(mode));
        return Files.writeString(dir.resolve("vizgate.yaml"), """
                server: { port: 0%s }
                tableau:
                  server-url: https://tableau.invalid
                  site: mysite
                  connected-app:
                    client-id: "client-1"
                    trust: direct
                    secrets: [ { id: "secret-1", value: "file:tableau-secret.txt" } ]
                callers:
                  api-keys: [ { name: backend, sha256: "%s" } ]
                """.formatted(serverExtra, "a".repeat(64)));
    }

    private GatewayWiring.Wired wire(Path config) throws Exception {
        var loaded = new ConfigLoader(Map.<String, String>of()::get).load(config);
        return GatewayWiring.from(loaded.config(), loaded.files(), Clock.systemUTC());
    }

    private String doctor(Path config) {
        return CliRun.run(Map.of(), "doctor", "--config", config.toString(), "--timeout", "1s").out();
    }

    @Test
    void givenASecretFileOthersCanRead_doctor_warnsNamingTheFileAndTheFix() throws Exception {
        var config = config("rw-r--r--", "");
        assertThat(doctor(config)).contains("WARN  secret files:", "tableau-secret.txt", "rw-r--r--", "chmod 600");
    }

    @Test
    void givenASecretFileOnlyItsOwnerCanRead_doctor_saysNothingOfIt() throws Exception {
        assertThat(doctor(config("rw-------", ""))).doesNotContain("secret files:");
    }

    @Test
    void givenRefuse_serve_refusesAReadableSecretFile() throws Exception {
        var config = config("rw-r-----", ", readable-secret-files: refuse");
        assertThatThrownBy(() -> wire(config)).isInstanceOfSatisfying(ConfigError.class, e -> {
            assertThat(e.path()).isEqualTo("server.readable-secret-files");
            assertThat(e.getMessage()).contains("tableau-secret.txt", "rw-r-----");
            assertThat(e.fix()).contains("chmod 600");
        });
    }

    @Test
    void givenRefuse_serve_startsWithAnOwnerOnlyFile() throws Exception {
        var wired = wire(config("rw-------", ", readable-secret-files: refuse"));
        wired.services().resources().close();
        assertThat(wired.options().port()).isZero();
    }

    @Test
    void givenAnUnknownMode_serve_saysWhichAreAllowed() throws Exception {
        var config = config("rw-------", ", readable-secret-files: maybe");
        assertThatThrownBy(() -> wire(config)).isInstanceOfSatisfying(ConfigError.class, e -> assertThat(e.fix()).contains("warn", "refuse"));
    }
}
