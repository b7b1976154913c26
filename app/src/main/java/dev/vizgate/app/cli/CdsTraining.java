package dev.vizgate.app.cli;

import dev.vizgate.app.http.GatewayServer;
import dev.vizgate.app.wiring.GatewayWiring;
import dev.vizgate.config.ConfigLoader;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.Writer;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;

/**
 * The build's training run for the AppCDS archive ({@code app/src/main/cds/train.sh}): what people run most, in one
 * JVM with its output discarded, so that the archive holds the classes each loads: {@code --help}, {@code token},
 * {@code inspect}, and {@code serve} up to its first answers ({@code /readyz}, a token). Arguments: a direct-trust
 * configuration file whose secret is {@code ${CDS_SECRET}}, and one for the gateway (port 0) with the API key below.
 */
public final class CdsTraining {
    static final String SECRET = "cds-training-secret-not-used-anywhere-else-0123456789";
    static final String API_KEY = "cds-training-api-key";

    private CdsTraining() {
    }

    public static void main(String[] args) throws Exception {
        VizgateCommand.startAhead(); // as main does for a command that reads a configuration, so its classes are archived
        var sink = new PrintWriter(Writer.nullWriter());
        var quiet = new Context(Clock.systemUTC(), Map.of("CDS_SECRET", SECRET)::get, InputStream.nullInputStream());
        VizgateCommand.execute(quiet, sink, sink, "--help");
        VizgateCommand.execute(quiet, sink, sink, "token", "--help");
        var token = new StringWriter();
        VizgateCommand.execute(quiet, new PrintWriter(token), sink, "token", "--config", args[0], "--user", "cds@example.com");
        var piped = new Context(Clock.systemUTC(), Map.<String, String>of()::get,
                new ByteArrayInputStream(token.toString().strip().getBytes(StandardCharsets.UTF_8)));
        VizgateCommand.execute(piped, sink, sink, "inspect", "-");
        serve(Path.of(args[1]));
    }

    /** What serve does before and at its first requests, on a port of its own, then stopped. */
    private static void serve(Path config) throws Exception {
        var loaded = new ConfigLoader(Map.of("CDS_SECRET", SECRET)::get).load(config);
        var wired = GatewayWiring.from(loaded.config(), loaded.files(), Clock.systemUTC());
        try (var server = GatewayServer.start(wired.gateway(), wired.options())) {
            var http = HttpClient.newHttpClient();
            http.send(HttpRequest.newBuilder(server.baseUrl().resolve("/readyz")).build(), HttpResponse.BodyHandlers.discarding());
            http.send(HttpRequest.newBuilder(URI.create(server.baseUrl() + "/v1/tableau/token")).header("Authorization", "Bearer " + API_KEY)
                    .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString("{\"user\":\"cds@example.com\"}")).build(),
                    HttpResponse.BodyHandlers.discarding());
        }
    }
}
