package dev.vizgate.app;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * vizgate-embed's own tests (embed/test/, Node's built-in runner) run with the Java suite: embedTableauNext against
 * stand-ins of the analytics embedding SDK's 2.0.0 and 2.1 interfaces, whose re-authentication paths the browser test
 * (which runs the real 2.0.0) cannot both reach. Node comes with the npm that .ci/test-deps installs.
 */
class VizgateEmbedPassesItsNodeTestsTest {
    @Test
    void nodeTests_allPass() throws Exception {
        var p = new ProcessBuilder("node", "--test", "test/").directory(ReadmeStandsAloneTest.ROOT.resolve("embed").toFile())
                .redirectErrorStream(true).start();
        var output = new String(p.getInputStream().readAllBytes());
        assertThat(p.waitFor()).as(output).isZero();
        assertThat(output).contains("# fail 0").containsPattern("# pass [1-9]");
    }
}
