package dev.vizgate.app.cli;

import dev.vizgate.app.cli.DoctorCommand.Finding;
import dev.vizgate.app.cli.DoctorCommand.Level;
import dev.vizgate.config.VizgateConfig;

import java.net.URI;
import java.time.Duration;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Function;

/**
 * doctor on {@code tracing:}: where OpenTelemetry will send the spans, read from the same {@code OTEL_*} variables
 * serve's SDK reads, and whether anything listens there. A collector that is away loses spans, never a request: a
 * warning.
 */
final class TracingFindings {
    /** OpenTelemetry's default endpoint for OTLP over HTTP, the protocol Vizgate sets by default. */
    static final String DEFAULT_ENDPOINT = "http://localhost:4318";

    private TracingFindings() {
    }

    static Optional<Finding> of(VizgateConfig config, Function<String, String> env, Duration wait) {
        if (config.tracing() == null || !Boolean.TRUE.equals(config.tracing().enabled())) {
            return Optional.empty();
        }
        var exporter = Optional.ofNullable(env.apply("OTEL_TRACES_EXPORTER")).map(v -> v.strip().toLowerCase(Locale.ROOT)).orElse("otlp");
        if (exporter.equals("none")) {
            return Optional.of(new Finding(Level.WARN, "tracing", "tracing is on, but OTEL_TRACES_EXPORTER=none sends the spans nowhere",
                    "unset OTEL_TRACES_EXPORTER (Vizgate exports with OTLP), or set tracing.enabled: false"));
        }
        if (!exporter.equals("otlp")) {
            return Optional.of(new Finding(Level.OK, "tracing", "spans go to the " + exporter + " exporter (OTEL_TRACES_EXPORTER)", ""));
        }
        var named = Optional.ofNullable(env.apply("OTEL_EXPORTER_OTLP_TRACES_ENDPOINT")).or(() -> Optional.ofNullable(env.apply("OTEL_EXPORTER_OTLP_ENDPOINT")));
        var endpoint = named.map(String::strip).orElse(DEFAULT_ENDPOINT);
        URI uri;
        try {
            uri = URI.create(endpoint);
        } catch (IllegalArgumentException e) {
            uri = null;
        }
        if (uri == null || uri.getHost() == null || uri.getScheme() == null) {
            return Optional.of(new Finding(Level.FAIL, "tracing", "the OTLP endpoint '" + endpoint + "' is not a URL", "set OTEL_EXPORTER_OTLP_ENDPOINT to"
                    + " the collector's URL, e.g. http://otel-collector:4318"));
        }
        var port = uri.getPort() > 0 ? uri.getPort() : "https".equals(uri.getScheme()) ? 443 : 80;
        var where = uri.getHost() + ":" + port + (named.isEmpty() ? " (OpenTelemetry's default; no OTEL_EXPORTER_OTLP_ENDPOINT is set)" : "");
        var finding = Reach.tcpRefusal(uri.getHost(), port, wait)
                .map(why -> new Finding(Level.WARN, "tracing", "nothing accepts TCP at " + where + " (" + why
                        + "); spans are dropped while no collector listens, requests are not affected", "start the collector, or point"
                        + " OTEL_EXPORTER_OTLP_ENDPOINT at it"))
                .orElseGet(() -> new Finding(Level.OK, "tracing", "spans go with OTLP to " + where + ", which accepts TCP", ""));
        return Optional.of(finding);
    }
}
