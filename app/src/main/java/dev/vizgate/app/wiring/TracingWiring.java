package dev.vizgate.app.wiring;

import dev.vizgate.app.http.RequestSpans;
import dev.vizgate.config.VizgateConfig;
import io.opentelemetry.sdk.autoconfigure.AutoConfiguredOpenTelemetrySdk;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * {@code tracing: { enabled: true }} as OpenTelemetry's SDK, set up by its own autoconfiguration from the usual
 * {@code OTEL_*} variables (endpoint, headers, protocol, sampler, resource attributes), with Vizgate's defaults below
 * them: the service is called {@code vizgate}, spans go out with OTLP over HTTP and protobuf, and metrics and logs are not sent this way (the
 * gateway has Prometheus metrics and its own log lines). Off unless enabled: no SDK is made, and no span.
 */
public final class TracingWiring {
    /** Vizgate's defaults, each overridden by the variable of the same name. */
    static final Map<String, String> DEFAULTS = Map.of("otel.service.name", "vizgate", "otel.traces.exporter", "otlp",
            // HTTP and protobuf, which the JDK's client carries (OpenTelemetry's Java default, gRPC, would need OkHttp or Netty)
            "otel.exporter.otlp.protocol", "http/protobuf",
            "otel.metrics.exporter", "none", "otel.logs.exporter", "none");

    private TracingWiring() {
    }

    /** The spans the configuration asks for, the SDK set up from the process's {@code OTEL_*} variables. */
    public static RequestSpans spans(VizgateConfig config) {
        return spans(config, Map.of());
    }

    /**
     * As {@link #spans(VizgateConfig)}, with {@code settings} over every variable: OpenTelemetry's property names
     * ({@code otel.exporter.otlp.endpoint}) or its variables' ({@code OTEL_EXPORTER_OTLP_ENDPOINT}).
     */
    static RequestSpans spans(VizgateConfig config, Map<String, String> settings) {
        if (config.tracing() == null || !Boolean.TRUE.equals(config.tracing().enabled())) {
            return RequestSpans.off();
        }
        var given = new LinkedHashMap<String, String>();
        settings.forEach((name, value) -> given.put(name.toLowerCase(Locale.ROOT).replace('_', '.'), value)); // as OpenTelemetry reads its variables
        var sdk = AutoConfiguredOpenTelemetrySdk.builder()
                .addPropertiesSupplier(() -> DEFAULTS) // below the OTEL_* variables and system properties
                .addPropertiesCustomizer(read -> given) // above them
                .build().getOpenTelemetrySdk();
        return RequestSpans.of(sdk, sdk);
    }
}
