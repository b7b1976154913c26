package dev.vizgate.config;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** A secret or key file the configuration read is readable by its owner only; otherwise serve warns, or refuses when told to. */
class FilePermissionsTest {
    @TempDir
    Path dir;

    Path file(String name, String mode) throws Exception {
        var f = Files.writeString(dir.resolve(name), "secret");
        Files.setPosixFilePermissions(f, PosixFilePermissions.fromString(mode));
        return f;
    }

    static VizgateConfig config(String mode) {
        return new VizgateConfig(new VizgateConfig.Server(null, null, null, null, null, null, null, null, mode, null), null, null, null, null, null, null);
    }

    @Test
    void tooOpen_saysWhoCanReadTheFile_orNothingForItsOwnerAlone() throws Exception {
        assertThat(FilePermissions.tooOpen(file("owner.pem", "rw-------"))).isEmpty();
        assertThat(FilePermissions.tooOpen(file("group.pem", "rw-r-----"))).hasValueSatisfying(w -> assertThat(w).contains("group.pem").contains("rw-r-----"));
        assertThat(FilePermissions.tooOpen(file("world.pem", "rw----r--"))).isPresent();
        assertThat(FilePermissions.tooOpen(dir.resolve("missing.pem"))).isEmpty();
    }

    @Test
    void givenAnOpenSecretFile_check_warnsByDefault_andRefusesWhenConfiguredTo() throws Exception {
        var files = new ConfigFiles(dir, Set.of());
        files.secretFile(file("b-open.pem", "rw-r--r--"));
        files.secretFile(file("a-closed.pem", "rw-------"));
        var warnings = FilePermissions.check(config(null), files);
        assertThat(warnings).singleElement().satisfies(w -> {
            assertThat(w.problem()).contains("b-open.pem").contains("holds a secret");
            assertThat(w.fix()).startsWith("chmod 600 ").contains("refuse");
            assertThat(w.toString()).contains(w.problem()).contains(w.fix());
        });
        assertThat(FilePermissions.check(config("warn"), files)).hasSize(1);
        assertThatThrownBy(() -> FilePermissions.check(config("refuse"), files)).isInstanceOfSatisfying(ConfigError.class, e -> {
            assertThat(e.path()).isEqualTo("server.readable-secret-files");
            assertThat(e.getMessage()).contains("b-open.pem");
            assertThat(e.fix()).isEqualTo(FilePermissions.fix(dir.resolve("b-open.pem")));
        });
        assertThatThrownBy(() -> FilePermissions.check(config("ignore"), files)).isInstanceOfSatisfying(ConfigError.class,
                e -> assertThat(e.getMessage()).contains("'ignore'"));
    }

    @Test
    void givenOnlyClosedFiles_check_saysNothing_evenWhenRefusing() throws Exception {
        var files = new ConfigFiles(dir, Set.of());
        files.secretFile(file("closed.pem", "rw-------"));
        assertThat(FilePermissions.check(config("refuse"), files)).isEmpty();
    }
}
