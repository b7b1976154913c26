package dev.vizgate.app.deploy;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What the build takes from outside is pinned to its bytes, so a compromised registry or a re-pushed tag cannot change
 * what ships: the npm packages bundled into the jar (lock file with integrity hashes, installed without running any
 * install script, and the bundled files held to recorded SHA-256 sums), the Maven distribution the wrapper downloads, the
 * image base, and the Keycloak distribution the ITs unpack. The build itself fails on a mismatch; this test keeps the pins
 * from being dropped.
 */
class SupplyChainPinsTest {
    private static final Path APP = Path.of("").toAbsolutePath();
    private static final Path ROOT = APP.getParent();
    private static final Pattern SHA256 = Pattern.compile("[0-9a-f]{64}");

    /** The bundled Embedding API library, and the Express server the load script races (benchmarks/node). */
    @Test
    void theNpmPackages_arePinnedByALockFileWithAnIntegrityHashForEach() throws Exception {
        for (var dir : new Path[]{APP.resolve("src/main/npm"), ROOT.resolve("benchmarks/node")}) {
            npmPinned(dir);
        }
    }

    private static void npmPinned(Path dir) throws Exception {
        var json = new ObjectMapper();
        var pkg = json.readTree(dir.resolve("package.json").toFile());
        for (var section : new String[]{"dependencies", "devDependencies"}) {
            pkg.path(section).fields().forEachRemaining(e -> assertThat(e.getValue().asText()).as(e.getKey()).matches("\\d+\\.\\d+\\.\\d+"));
        }
        var lock = json.readTree(dir.resolve("package-lock.json").toFile());
        var packages = lock.path("packages");
        assertThat(packages.size()).isGreaterThan(3);
        packages.fields().forEachRemaining(e -> {
            // A package bundled inside another's tarball (inBundle) is covered by that tarball's hash.
            if (!e.getKey().isEmpty() && !e.getValue().path("inBundle").asBoolean()) {
                assertThat(e.getValue().path("integrity").asText()).as(e.getKey()).startsWith("sha512-");
            }
        });
    }

    @Test
    void theBundleScript_installsFromTheLockWithoutRunningScripts_andChecksWhatItBundles() throws Exception {
        var script = String.join("\n", Files.readAllLines(APP.resolve("src/main/npm/bundle-embedding-api.sh")).stream()
                .filter(l -> !l.stripLeading().startsWith("#")).toList());
        assertThat(script).contains("npm ci --ignore-scripts", "sha256sum --quiet -c").doesNotContain("npm install ", "npm pack");
    }

    @Test
    void theBundledFilesInTheBuild_matchTheirRecordedSums() throws Exception {
        for (var line : Files.readAllLines(APP.resolve("src/main/npm/bundles.sha256"))) {
            var parts = line.split("\\s+");
            var file = APP.resolve("target/classes/demo").resolve(parts[1]);
            assertThat(file).as("built by the generate-resources step, which needs npm (.ci/test-deps installs it)").exists();
            var actual = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(file)));
            assertThat(actual).as(parts[1]).isEqualTo(parts[0]);
        }
    }

    @Test
    void theMavenWrapper_checksTheDistributionsSha256() throws Exception {
        var props = Files.readString(ROOT.resolve(".mvn/wrapper/maven-wrapper.properties"));
        var m = Pattern.compile("(?m)^distributionSha256Sum=(\\S+)$").matcher(props);
        assertThat(m.find()).isTrue();
        assertThat(m.group(1)).matches(SHA256);
    }

    @Test
    void theImageBaseAndKeycloak_arePinnedByDigest() throws Exception {
        var appPom = Files.readString(APP.resolve("pom.xml"));
        assertThat(appPom).containsPattern("<vizgate.image.base>eclipse-temurin:17-jre@sha256:[0-9a-f]{64}</vizgate.image.base>");
        assertThat(appPom).contains("<requireFileChecksum>", "${keycloak.sha256}");
        var m = Pattern.compile("<keycloak.sha256>(\\w+)</keycloak.sha256>").matcher(Files.readString(ROOT.resolve("pom.xml")));
        assertThat(m.find()).isTrue();
        assertThat(m.group(1)).matches(SHA256);
    }
}
