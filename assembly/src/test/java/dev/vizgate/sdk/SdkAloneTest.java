package dev.vizgate.sdk;

import dev.vizgate.adapters.keystore.KeyGeneration;
import dev.vizgate.sandbox.SalesforceStandIn;
import dev.vizgate.sandbox.TableauStandIn;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import javax.tools.ToolProvider;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A program with only the sdk and what it pulls in on its classpath (the list Maven resolves for a library user,
 * {@code target/sdk-runtime.classpath}) runs the README example in its own JVM: it mints a Tableau token the
 * Tableau stand-in accepts and opens a frontdoor URL against the Salesforce stand-in. Neither Jetty, picocli nor the
 * sandbox is on that classpath, and the program proves it cannot load them.
 */
class SdkAloneTest {
    private static final String SECRET = "a-connected-app-secret-of-at-least-32-bytes";

    @TempDir
    Path dir;

    @Test
    void theReadmeExample_onTheSdksClasspathAlone_mintsAnAcceptedTokenAndOpensAFrontdoorUrl() throws Exception {
        var runtime = Files.readString(Path.of("target", "sdk-runtime.classpath")).strip();
        assertThat(runtime.split(File.pathSeparator)).isNotEmpty()
                .noneMatch(e -> e.contains("jetty") || e.contains("picocli") || e.contains("vizgate-sandbox") || e.contains("vizgate-app"));

        var keys = KeyGeneration.generate(KeyGeneration.Kind.RSA, 2048, "sdk-alone", Duration.ofDays(1), Clock.systemUTC());
        var keyFile = dir.resolve("private-key.pem");
        KeyGeneration.writePrivateKey(keys, keyFile, false);
        var program = dir.resolve("program");
        Files.createDirectories(program.resolve("dev/vizgate/sdk"));
        Files.copy(Path.of("target", "test-classes", "VizgateExample.class"), program.resolve("VizgateExample.class"));
        Files.copy(Path.of("target", "test-classes", "dev", "vizgate", "sdk", "ClasspathProbe.class"), program.resolve("dev/vizgate/sdk/ClasspathProbe.class"));

        try (var tableau = TableauStandIn.start(TableauStandIn.Site.of("acme", "6f1c2e7a-client",
                Map.of("9d4e-secret-id", SECRET.getBytes(StandardCharsets.UTF_8)), Set.of("alice@acme.com"), Clock.systemUTC()));
             var salesforce = SalesforceStandIn.start(new SalesforceStandIn.Org("3MVG9consumer", keys.certificate().getPublicKey(),
                     "https://login.salesforce.com", Set.of("alice@acme.com"), Duration.ofHours(2), Clock.systemUTC())).asExternalClientApp()) {
            var classpath = String.join(File.pathSeparator, program.toString(), Path.of("target", "classes").toAbsolutePath().toString(), runtime);
            var java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
            var run = run(List.of(java, "-cp", classpath, "VizgateExample", "alice@acme.com"), List.of("TABLEAU_URL=" + tableau.baseUrl(),
                    "TABLEAU_SITE=acme", "TABLEAU_CLIENT_ID=6f1c2e7a-client", "TABLEAU_SECRET_ID=9d4e-secret-id", "TABLEAU_SECRET=" + SECRET,
                    "SALESFORCE_URL=" + salesforce.baseUrl(), "SALESFORCE_CONSUMER_KEY=3MVG9consumer", "SALESFORCE_KEY_FILE=" + keyFile));
            assertThat(run).contains("token ", "frontdoor ");
            var token = run.lines().filter(l -> l.startsWith("token ")).findFirst().orElseThrow().substring(6);
            assertThat(tableau.verify(token)).isInstanceOf(TableauStandIn.Verdict.Accepted.class);
            var frontdoor = run.lines().filter(l -> l.startsWith("frontdoor ")).findFirst().orElseThrow().substring(10);
            assertThat(frontdoor).startsWith(salesforce.baseUrl() + "/secur/frontdoor.jsp?otp=");

            var probe = run(List.of(java, "-cp", classpath, "dev.vizgate.sdk.ClasspathProbe", "org.eclipse.jetty.server.Server",
                    "picocli.CommandLine", "dev.vizgate.sandbox.TableauStandIn", "dev.vizgate.app.cli.VizgateCommand", "dev.vizgate.sdk.Vizgate"));
            assertThat(probe.lines()).containsExactly("absent org.eclipse.jetty.server.Server", "absent picocli.CommandLine",
                    "absent dev.vizgate.sandbox.TableauStandIn", "absent dev.vizgate.app.cli.VizgateCommand", "present dev.vizgate.sdk.Vizgate");
        }
    }

    /**
     * What a library user compiles against is the sdk and the domain (with Micrometer's registry type): the README
     * program compiles on that classpath alone, and a program that names an adapter class does not, because the
     * adapters come only on the runtime classpath, with vizgate-assembly (as jjwt-impl comes beside jjwt-api).
     */
    @Test
    void theReadmeExample_compilesAgainstTheSdkAlone_andAnAdapterClassIsNotOnThatClasspath() throws Exception {
        var sdk = Path.of("..", "sdk", "target");
        var compileClasspath = String.join(File.pathSeparator, sdk.resolve("classes").toAbsolutePath().toString(),
                Files.readString(sdk.resolve("sdk-compile.classpath")).strip());
        assertThat(compileClasspath.split(File.pathSeparator)).noneMatch(e -> e.contains("vizgate-adapters") || e.contains("vizgate-assembly")
                || e.contains("jjwt") || e.contains("caffeine") || e.contains("jackson"));

        var readme = compile(compileClasspath, Path.of("src", "test", "java", "VizgateExample.java"));
        assertThat(readme.exitCode()).as(readme.output()).isZero();

        var adapterUser = dir.resolve("src").resolve("AdapterUser.java");
        Files.createDirectories(adapterUser.getParent());
        Files.writeString(adapterUser, "class AdapterUser { Object signer = new dev.vizgate.adapters.tableau.LeanHs256Signer(); }\n");
        var refused = compile(compileClasspath, adapterUser);
        assertThat(refused.exitCode()).isNotZero();
        assertThat(refused.output()).contains("package dev.vizgate.adapters.tableau does not exist");
    }

    private record Compiled(int exitCode, String output) {
    }

    private Compiled compile(String classpath, Path source) throws Exception {
        var javac = ToolProvider.getSystemJavaCompiler();
        var out = new ByteArrayOutputStream();
        var classes = Files.createTempDirectory(dir, "classes");
        int code = javac.run(null, out, out, "--release", "17", "-proc:none", "-cp", classpath, "-d", classes.toString(), source.toString());
        return new Compiled(code, out.toString(StandardCharsets.UTF_8));
    }

    private String run(List<String> command) throws Exception {
        return run(command, List.of("TABLEAU_SECRET=" + SECRET));
    }

    private String run(List<String> command, List<String> env) throws Exception {
        var builder = new ProcessBuilder(new ArrayList<>(command)).redirectErrorStream(true);
        for (var e : env) {
            var eq = e.indexOf('=');
            builder.environment().put(e.substring(0, eq), e.substring(eq + 1));
        }
        var process = builder.start();
        var out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(process.exitValue()).as(out).isZero();
        return out;
    }
}
