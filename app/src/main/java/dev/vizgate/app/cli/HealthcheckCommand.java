package dev.vizgate.app.cli;

import dev.vizgate.config.DurationText;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.Callable;

@Command(name = "healthcheck", mixinStandardHelpOptions = true,
        description = {"Asks a running gateway whether it is ready (GET /readyz), for container health checks.",
                "The image has no shell or curl, and a Docker HEALTHCHECK cannot be baked into it. Exit 0 when ready, 1 otherwise."})
final class HealthcheckCommand implements Callable<Integer> {
    @CommandLine.ParentCommand
    VizgateCommand root;

    @Option(names = "--url", defaultValue = "http://127.0.0.1:8080/readyz", paramLabel = "URL",
            description = "The readiness URL (${DEFAULT-VALUE} when not given).")
    String url;

    @Option(names = "--timeout", defaultValue = "3s", paramLabel = "DURATION", description = "How long to wait. Default: ${DEFAULT-VALUE}.")
    String timeout;

    @Override
    public Integer call() {
        var wait = DurationText.parse(timeout).orElseThrow(() -> new Cli.UsageError("--timeout '" + timeout + "' is not a duration"));
        URI target;
        try {
            target = URI.create(url);
        } catch (IllegalArgumentException e) {
            throw new Cli.UsageError("--url '" + url + "' is not a URL");
        }
        var out = root.spec.commandLine().getOut();
        try {
            var response = HttpClient.newBuilder().connectTimeout(wait).build()
                    .send(HttpRequest.newBuilder(target).timeout(wait).GET().build(), HttpResponse.BodyHandlers.discarding());
            out.println(response.statusCode() == 200 ? "ready" : "not ready: HTTP " + response.statusCode());
            out.flush();
            return response.statusCode() == 200 ? VizgateCommand.EXIT_OK : VizgateCommand.EXIT_REJECTED;
        } catch (IOException e) {
            out.println("not ready: " + NetFailure.words(e));
            out.flush();
            return VizgateCommand.EXIT_REJECTED;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return VizgateCommand.EXIT_REJECTED;
        }
    }
}
