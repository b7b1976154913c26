package dev.vizgate.app.cli;

import org.junit.jupiter.api.Test;

import java.io.File;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The production image leaves the stand-ins out (Jib's layer filter drops vizgate-sandbox); `vizgate demo` there says
 * so in words and exits 2 instead of failing on a missing class. Here the same build runs in a JVM whose classpath lacks
 * the sandbox jar; ComposeDeploymentIT checks the image itself.
 */
class DemoWithoutStandInsSaysSoTest {

    @Test
    void theStandIns_areSeenWhereTheyAre_andMissedWhereTheyAreNot() {
        assertThat(DemoCommand.standInsPresent(DemoCommand.class.getClassLoader())).isTrue();
        assertThat(DemoCommand.standInsPresent(new URLClassLoader(new URL[0], ClassLoader.getPlatformClassLoader()))).isFalse();
    }

    @Test
    void givenNoStandInsOnTheClasspath_demo_saysThisBuildHasNoDemo_andExits2() throws Exception {
        var classpath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
        var withoutSandbox = Arrays.stream(classpath.split(File.pathSeparator))
                .filter(entry -> !Path.of(entry).toString().contains("sandbox"))
                .collect(Collectors.joining(File.pathSeparator));
        assertThat(withoutSandbox).as("the sandbox was on the test classpath").isNotEqualTo(classpath);
        var java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        var process = new ProcessBuilder(List.of(java, "-cp", withoutSandbox, VizgateCommand.class.getName(), "demo", "--port", "0"))
                .redirectErrorStream(true).start();
        var output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(process.exitValue()).as(output).isEqualTo(VizgateCommand.EXIT_USAGE);
        assertThat(output).contains(DemoCommand.NO_STAND_INS).doesNotContain("Exception").doesNotContain("NoClassDefFoundError");
    }
}
