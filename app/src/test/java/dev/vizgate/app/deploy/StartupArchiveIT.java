package dev.vizgate.app.deploy;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 31, item 1: the build writes an AppCDS archive (app/target/vizgate.jsa, by app/src/main/cds/train.sh) and the
 * {@code vizgate} launcher starts the JVM with it. The archive is really mapped (the launcher's command classes and
 * picocli's come from it), and it can never make a run fail: a stale archive (the jar changed since) and a missing one both leave
 * {@code vizgate --help} answering as before, with nothing on standard error.
 */
class StartupArchiveIT {
    static final Path APP = Path.of("").toAbsolutePath();
    static final Path ROOT = APP.getParent();
    static final Path JAR = APP.resolve("target/vizgate.jar");
    static final Path ARCHIVE = APP.resolve("target/vizgate.jsa");

    record Run(int exit, String out, String err) {
    }

    static Run run(Path dir, List<String> command) throws IOException, InterruptedException {
        var out = Files.createTempFile("vizgate-out", ".txt");
        var err = Files.createTempFile("vizgate-err", ".txt");
        var p = new ProcessBuilder(command).directory(dir.toFile()).redirectOutput(out.toFile()).redirectError(err.toFile()).start();
        assertThat(p.waitFor(120, TimeUnit.SECONDS)).as("the command ended").isTrue();
        return new Run(p.exitValue(), Files.readString(out), Files.readString(err));
    }

    @BeforeAll
    static void built() {
        assertThat(JAR).as("package builds the jar").exists();
        assertThat(ARCHIVE).as("package writes the AppCDS archive (app/src/main/cds/train.sh); see target/cds/training.log").exists();
    }

    @Test
    void theLauncher_startsWithTheArchive_andItsClassesComeFromIt() throws Exception {
        var r = run(ROOT, List.of("sh", "vizgate", "--help"));
        assertThat(r.exit()).as(r.err()).isZero();
        assertThat(r.out()).startsWith("Usage: vizgate");
        assertThat(r.err()).isEmpty();
        var traced = run(ROOT, List.of("java", "-XX:SharedArchiveFile=" + ARCHIVE, "-Xshare:auto", "-Xlog:class+load=info", "-jar", JAR.toString(), "--help"));
        assertThat(traced.out()).containsPattern("dev\\.vizgate\\.app\\.cli\\.VizgateCommand source: shared objects file");
        // Picocli too: its own jar is Java 5's, which CDS cannot hold; the picocli module compiles it for Java 17.
        assertThat(traced.out()).containsPattern("picocli\\.CommandLine source: shared objects file")
                .doesNotContainPattern("picocli\\.\\S+ source: (file|jar):");
    }

    /** A copy of the launcher and the jar beside the real lib/, with a copy of the archive: the jar is newer than it. */
    @Test
    void aStaleArchive_andAMissingOne_neverMakeARunFail(@TempDir Path copy) throws Exception {
        var target = Files.createDirectories(copy.resolve("app/target"));
        Files.copy(ROOT.resolve("vizgate"), copy.resolve("vizgate"));
        Files.copy(JAR, target.resolve("vizgate.jar"));
        Files.setLastModifiedTime(target.resolve("vizgate.jar"), FileTime.from(Instant.now().plusSeconds(60)));
        Files.createSymbolicLink(target.resolve("lib"), APP.resolve("target/lib"));
        Files.copy(ARCHIVE, target.resolve("vizgate.jsa"));
        var stale = run(copy, List.of("sh", "vizgate", "--help"));
        assertThat(stale.exit()).as(stale.err()).isZero();
        assertThat(stale.out()).startsWith("Usage: vizgate");
        assertThat(stale.err()).isEmpty();
        Files.delete(target.resolve("vizgate.jsa"));
        var missing = run(copy, List.of("sh", "vizgate", "--help"));
        assertThat(missing.exit()).as(missing.err()).isZero();
        assertThat(missing.out()).isEqualTo(stale.out());
        assertThat(missing.err()).isEmpty();
        // The JVM on its own, told of an archive that is not there, goes on too (the launcher never asks it to).
        var command = List.of("java", "-XX:SharedArchiveFile=" + copy.resolve("nowhere.jsa"), "-Xshare:auto",
                "-Xlog:cds=off", "-Xlog:cds+dynamic=off", "-jar", target.resolve("vizgate.jar").toString(), "--help");
        var absent = run(copy, command);
        assertThat(absent.exit()).as(absent.err()).isZero();
        assertThat(absent.out()).isEqualTo(stale.out());
        assertThat(absent.err()).isEmpty();
    }
}
