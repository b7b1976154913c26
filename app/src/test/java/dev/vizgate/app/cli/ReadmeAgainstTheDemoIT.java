package dev.vizgate.app.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.ServerSocket;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The README's examples, run as printed against {@code vizgate demo} started from the packaged jar: the library example
 * (the Java file and the two shell lines that run it, with the demo's folder in place of /tmp/vizgate-demo123), its
 * failure for a user Salesforce does not know, and the curl commands for the backend and the browser paths (with the
 * demo's port in place of 8080).
 */
class ReadmeAgainstTheDemoIT {
    static final String EXAMPLE_FOLDER = "/tmp/vizgate-demo123";

    @TempDir
    static Path dir;
    static Process demo;
    static int port;
    static Path folder;
    static String readme;

    @BeforeAll
    static void startDemo() throws Exception {
        readme = Files.readString(Path.of("..", "README.md"));
        try (var s = new ServerSocket(0)) {
            port = s.getLocalPort();
        }
        var java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        demo = new ProcessBuilder(List.of(java, "-jar", Path.of("target/vizgate.jar").toAbsolutePath().toString(), "demo", "--port", String.valueOf(port)))
                .directory(dir.toFile()).redirectError(dir.resolve("demo.err").toFile()).start();
        var out = new BufferedReader(new InputStreamReader(demo.getInputStream(), StandardCharsets.UTF_8));
        assertThat(out.readLine()).as(() -> stderr()).isEqualTo("vizgate demo ready: http://127.0.0.1:" + port + "/");
        var keys = out.readLine();
        folder = Path.of(keys.replaceAll(".*throw-away keys in (\\S+)\\)$", "$1"));
        assertThat(out.readLine()).startsWith("backend API key (demo only): ").endsWith(folder.resolve("example.env").toString());
        // The program and the path the README runs it by: the repository's app/target, as seen from this folder.
        Files.createDirectories(dir.resolve("app"));
        Files.createSymbolicLink(dir.resolve("app").resolve("target"), Path.of("target").toAbsolutePath());
        Files.copy(Path.of("..", "vizgate"), dir.resolve("vizgate"));
        dir.resolve("vizgate").toFile().setExecutable(true);
        Files.writeString(dir.resolve("VizgateExample.java"), block(readme.substring(readme.indexOf("<!-- readme-example:start -->")), "```java"));
    }

    @AfterAll
    static void stopDemo() throws Exception {
        demo.destroy();
        assertThat(demo.waitFor(30, TimeUnit.SECONDS)).isTrue();
        assertThat(folder).as("the demo removes its folder, example.env included").doesNotExist();
    }

    static String stderr() {
        try {
            return "the demo's standard error: " + Files.readString(dir.resolve("demo.err"));
        } catch (IOException e) {
            return e.getMessage();
        }
    }

    /** The body of the first fenced block that opens with {@code fence} in {@code text}. */
    static String block(String text, String fence) {
        var from = text.indexOf(fence);
        assertThat(from).as(fence).isNotNegative();
        var start = text.indexOf('\n', from) + 1;
        return text.substring(start, text.indexOf("```", start));
    }

    /** The first shell block after {@code phrase}, run by bash in the test folder with the demo's folder and port. */
    static Run runShellAfter(String phrase, String... replace) throws Exception {
        var at = readme.indexOf(phrase);
        assertThat(at).as(phrase).isNotNegative();
        var script = block(readme.substring(at), "```sh").replace(EXAMPLE_FOLDER, folder.toString())
                .replace("http://127.0.0.1:8080", "http://127.0.0.1:" + port);
        for (int i = 0; i + 1 < replace.length; i += 2) {
            script = script.replace(replace[i], replace[i + 1]);
        }
        var process = new ProcessBuilder("bash", "-c", script).directory(dir.toFile()).redirectErrorStream(true).start();
        var out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(120, TimeUnit.SECONDS)).isTrue();
        return new Run(process.exitValue(), out);
    }

    record Run(int exit, String out) {
    }

    @Test
    void theLibraryExample_asPrinted_printsATokenTheStandInSignsInWith_andAFrontdoorUrl() throws Exception {
        var run = runShellAfter("To run it:");
        assertThat(run.exit()).as(run.out()).isZero();
        var token = run.out().lines().filter(l -> l.startsWith("token ")).findFirst().orElseThrow().substring(6);
        var frontdoor = run.out().lines().filter(l -> l.startsWith("frontdoor ")).findFirst().orElseThrow().substring(10);
        var http = HttpClient.newHttpClient();
        var page = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/")).build(), HttpResponse.BodyHandlers.ofString());
        var tableau = page.body().replaceAll("(?s).*data-tableau=\"([^\"]+)\".*", "$1");
        var viz = http.send(HttpRequest.newBuilder(URI.create(tableau + "/vizportal/api/web/v1/auth/embed/target?token="
                + URLEncoder.encode(token, StandardCharsets.UTF_8) + "&target=" + URLEncoder.encode("/t/demo/views/Superstore/Overview?:embed=y",
                StandardCharsets.UTF_8))).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(viz.body()).contains("<strong id=\"user\">alice@demo.example</strong>");
        assertThat(http.send(HttpRequest.newBuilder(URI.create(frontdoor)).build(), HttpResponse.BodyHandlers.ofString()).body())
                .contains("<strong id=\"user\">alice@demo.example</strong>");
    }

    @Test
    void theLibraryExample_forAUserSalesforceDoesNotKnow_printsWhyAndExitsOne() throws Exception {
        var run = runShellAfter("To run it:", "alice@demo.example", "mallory@demo.example");
        assertThat(run.exit()).as(run.out()).isEqualTo(1);
        assertThat(run.out()).contains("no frontdoor URL: ");
        assertThat(readme).contains("(`mallory@demo.example`) it prints why there is no frontdoor URL and exits 1");
    }

    @Test
    void theBackendCurl_withTheDemosApiKey_getsAToken() throws Exception {
        var run = runShellAfter("A backend names the user:");
        var body = new ObjectMapper().readTree(run.out());
        assertThat(body.path("token").asText()).as(run.out()).startsWith("eyJ");
    }

    @Test
    void theBrowserCurl_withADemoAssertion_getsAFrontdoorUrl() throws Exception {
        var run = runShellAfter("naming nothing else:");
        var body = new ObjectMapper().readTree(run.out());
        assertThat(body.path("frontdoorUrl").asText()).as(run.out()).contains("/secur/frontdoor.jsp?otp=");
    }

    @Test
    void theCliCommands_asPrinted_allSucceedAgainstTheDemo() throws Exception {
        var run = runShellAfter("so no environment variable is", "./vizgate token", "set -e\n./vizgate token");
        assertThat(run.exit()).as(run.out()).isZero();
        assertThat(run.out()).contains("eyJ", "/secur/frontdoor.jsp?otp=", "plan:", "\"kid\" : \"demo-eas-1\"", Demo.EAS_ISSUER).doesNotContain("FAIL");
    }
}
