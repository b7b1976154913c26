package dev.vizgate.app.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;
import picocli.CommandLine;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Map;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** What a new user meets first: plain answers to ordinary mistakes, and nothing left behind. */
class FirstTenMinutesTest {
    @TempDir
    Path dir;

    static long demoFolders() throws Exception {
        try (Stream<Path> s = Files.list(Path.of(System.getProperty("java.io.tmpdir")))) {
            return s.filter(p -> p.getFileName().toString().startsWith("vizgate-demo")).count();
        }
    }

    @Test
    void givenABusyPort_demo_saysThePortIsInUseAndLeavesNoKeyFolder() throws Exception {
        var before = demoFolders();
        try (var busy = new ServerSocket(0, 50, InetAddress.getByName("127.0.0.1"))) {
            var run = CliRun.run(Clock.systemUTC(), Map.of(), "", "demo", "--port", String.valueOf(busy.getLocalPort()));
            assertThat(run.exit()).isEqualTo(2);
            assertThat(run.err()).contains("port " + busy.getLocalPort(), "is in use", "pass --port N").doesNotContain("unexpected", "Exception");
        }
        assertThat(demoFolders()).isEqualTo(before);
    }

    @Test
    void givenABusyPort_serve_saysThePortIsInUseAndNamesTheConfigKey() throws Exception {
        try (var busy = new ServerSocket(0, 50, InetAddress.getByName("127.0.0.1"))) {
            var config = CliRun.write(dir, "vizgate.yaml", "server: { bind: 127.0.0.1, port: " + busy.getLocalPort() + " }\n"
                    + TokenCommandTest.directConfig() + "callers:\n  api-keys: [ { name: a, sha256: \"" + "a".repeat(64) + "\" } ]\n");
            var run = CliRun.run(Map.of("TABLEAU_SECRET", TokenCommandTest.SECRET), "serve", "--config", config.toString());
            assertThat(run.exit()).isEqualTo(2);
            assertThat(run.err()).contains("is in use", "server.port").doesNotContain("unexpected");
        }
    }

    @Test
    void givenAStoppedDemo_itsThrowAwayKeyFolder_isGone_andItsPagesWereLoggedByName() throws Exception {
        var access = (ch.qos.logback.classic.Logger) LoggerFactory.getLogger("vizgate.access");
        var logs = new ch.qos.logback.core.read.ListAppender<ch.qos.logback.classic.spi.ILoggingEvent>();
        logs.start();
        access.addAppender(logs);
        var demo = Demo.start(0, Clock.systemUTC());
        var folder = demo.folder();
        try {
            assertThat(folder.resolve("private-key.pem")).exists();
            var http = HttpClient.newHttpClient();
            for (var path : new String[]{"/", "/demo/demo.js"}) {
                http.send(HttpRequest.newBuilder(URI.create(demo.gateway().baseUrl() + path)).build(),
                        HttpResponse.BodyHandlers.discarding());
            }
        } finally {
            demo.close();
            access.detachAppender(logs);
        }
        assertThat(folder).doesNotExist();
        var lines = logs.list.stream().map(ch.qos.logback.classic.spi.ILoggingEvent::getFormattedMessage).toList();
        assertThat(lines).anySatisfy(l -> assertThat(l).startsWith("GET demo:/ -> 200"));
        assertThat(lines).anySatisfy(l -> assertThat(l).startsWith("GET demo:/demo/demo.js -> 200"));
        assertThat(lines).noneMatch(l -> l.contains("unmatched"));
    }

    @Test
    void givenTheReadmeSampleWithItsPlaceholders_token_refusesIt() {
        var config = CliRun.write(dir, "vizgate.yaml", """
                tableau:
                  server-url: https://10ax.online.tableau.com
                  site: mysite
                  connected-app:
                    client-id: "…"
                    trust: direct
                    secrets: [ { id: "…", value: "${TABLEAU_SECRET}" } ]
                  token: { lifetime: 5m, scopes: [ "tableau:views:embed" ] }
                """);
        var run = CliRun.run(Map.of("TABLEAU_SECRET", TokenCommandTest.SECRET), "token", "--config", config.toString(), "--user", "a@example.com");
        assertThat(run.exit()).isEqualTo(2);
        assertThat(run.err()).startsWith("config error at tableau.connected-app.client-id: still holds the placeholder '…'");
        assertThat(run.out()).isEmpty();
        var doctor = CliRun.run(Map.of("TABLEAU_SECRET", TokenCommandTest.SECRET), "doctor", "--config", config.toString());
        assertThat(doctor.exit()).isNotZero();
        assertThat(doctor.out() + doctor.err()).contains("placeholder").doesNotContain("healthy:");
    }

    @Test
    void givenAMissingSubcommandOption_theUsageError_namesTheFullCommand() {
        var run = CliRun.run(Map.of(), "keys", "init");
        assertThat(run.exit()).isEqualTo(2);
        assertThat(run.err()).contains("--out", "see vizgate keys init --help");
    }

    @Test
    void everyCommandsSummary_isAWholeSentence() {
        var cli = VizgateCommand.commandLine(Context.system());
        var commands = new ArrayList<CommandLine>(cli.getSubcommands().values());
        commands.addAll(cli.getSubcommands().get("keys").getSubcommands().values());
        for (var c : commands) {
            var summary = c.getCommandSpec().usageMessage().description()[0];
            assertThat(summary).as(c.getCommandSpec().qualifiedName()).endsWith(".").doesNotEndWith(" to.");
            assertThat(summary.length()).as(c.getCommandSpec().qualifiedName() + ": fits the command list").isLessThanOrEqualTo(100);
        }
    }

    @Test
    void givenEc_keysInit_doesNotTellTheUserToUploadItToSalesforce() {
        var run = CliRun.keysInit(dir, "--ec");
        assertThat(run.exit()).isZero();
        assertThat(run.out()).doesNotContain("upload it to the External Client App").contains("do not upload this one there");
    }
}
