package dev.vizgate.app.cli;

import ch.qos.logback.classic.LoggerContext;
import dev.vizgate.app.http.GatewayServer;
import dev.vizgate.app.logging.LogLines;
import dev.vizgate.app.wiring.GatewayWiring;
import dev.vizgate.app.wiring.RotationSchedule;
import dev.vizgate.app.wiring.TracingWiring;
import dev.vizgate.config.ConfigLoader;
import dev.vizgate.config.LogFormat;
import org.slf4j.LoggerFactory;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine;

import java.time.Duration;
import java.util.concurrent.Callable;

@Command(name = "serve", mixinStandardHelpOptions = true,
        description = {"Runs the gateway that hands out Tableau tokens and Tableau Next frontdoor URLs.",
                "It serves POST /v1/tableau/token, POST /v1/tableau-next/frontdoor, the JWKS, health, metrics and GET /openapi.yaml.",
                "It stops gracefully on SIGTERM, letting in-flight requests finish."})
final class ServeCommand implements Callable<Integer> {
    @CommandLine.ParentCommand
    VizgateCommand root;

    @Mixin
    ConfigOption config;

    @Override
    public Integer call() throws Exception {
        // The file's tenants.list is followed: a tenant added, changed or removed there counts with no restart.
        var wired = GatewayWiring.following(config.file, new ConfigLoader(root.context().env()), root.context().clock(), loaded -> {
            if (LogFormat.of(loaded) == LogFormat.JSON) {
                LogLines.useJson(); // logging.format: json, before the first line the gateway writes
            }
            return TracingWiring.spans(loaded); // tracing: the SDK from the OTEL_* variables, or none
        });
        var server = GatewayServer.start(wired.gateway(), wired.options());
        // The seed's rule, kept inside the deployment: the secret is rotated on its schedule, one node at a time.
        var registry = wired.services().metrics().registry();
        var audits = wired.services().audits();
        var schedule = wired.scheduledRotation().map(r -> RotationSchedule.start(r, registry, RotationSchedule.periodFor(r.plan().every()),
                root.context().clock(), audits)).or(() -> wired.tenantRotations().map(r -> RotationSchedule.startForTenants(r, registry, Duration.ofMinutes(1),
                root.context().clock(), audits)));
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            try {
                schedule.ifPresent(RotationSchedule::close);
                server.close();
                // The access log is written asynchronously: stopping Logback writes what is still queued.
                if (LoggerFactory.getILoggerFactory() instanceof LoggerContext logging) {
                    logging.stop();
                }
            } catch (Exception e) {
                // Shutting down anyway; nothing more to do.
            }
        }, "vizgate-shutdown"));
        var out = root.spec.commandLine().getOut();
        out.println("vizgate listening on " + server.baseUrl());
        out.flush();
        server.join();
        return VizgateCommand.EXIT_OK;
    }
}
