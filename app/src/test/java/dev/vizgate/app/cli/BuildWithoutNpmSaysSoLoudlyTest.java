package dev.vizgate.app.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A JDK alone builds everything but the demo page's vendor libraries, which come from npm: without npm on the PATH
 * the build step still succeeds, but warns in a banner what is missing, what it costs and how to fix it; the demo says
 * the same when it starts.
 */
class BuildWithoutNpmSaysSoLoudlyTest {
    @TempDir
    Path dir;

    @Test
    void givenNoNpmOnThePath_theBundleStep_succeedsWithABannerNamingTheFix() throws Exception {
        var script = Path.of("src", "main", "npm", "bundle-embedding-api.sh").toAbsolutePath().toString();
        var process = new ProcessBuilder("/bin/bash", script, dir.resolve("classes").toString(), dir.resolve("work").toString())
                .redirectErrorStream(true);
        process.environment().put("PATH", dir.toString()); // nothing on it: no npm
        var started = process.start();
        var out = new String(started.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(started.waitFor(30, TimeUnit.SECONDS)).isTrue();
        assertThat(started.exitValue()).as(out).isZero();
        assertThat(out.lines().filter(l -> l.startsWith("[WARNING]")).count()).as(out).isGreaterThanOrEqualTo(5);
        assertThat(out).contains("npm is not on the PATH", "cannot show any Tableau or Tableau Next view", "Fix: install npm");
        assertThat(Files.exists(dir.resolve("classes").resolve("demo").resolve("tableau.embedding.js"))).isFalse();
    }

    @Test
    void theDemosWarning_saysWhatIsMissingAndHowToFixIt() {
        assertThat(DemoCommand.MISSING_BUNDLES).contains("Embedding API", "analytics embedding SDK", "shows no views", "install npm and rebuild");
    }
}
