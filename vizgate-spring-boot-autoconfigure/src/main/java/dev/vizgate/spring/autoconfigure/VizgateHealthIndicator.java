package dev.vizgate.spring.autoconfigure;

import dev.vizgate.config.SettingPaths;
import dev.vizgate.sdk.Vizgate;
import org.springframework.boot.actuate.health.AbstractHealthIndicator;
import org.springframework.boot.actuate.health.Health;

/**
 * Vizgate's readiness checks as Actuator health (the same ones the gateway's {@code /readyz} runs): down when one fails.
 * A followed secret that could not be refreshed shows as {@code stale} without making the application down, as in the
 * gateway: the last good value keeps signing.
 */
public class VizgateHealthIndicator extends AbstractHealthIndicator {
    private final Vizgate vizgate;

    public VizgateHealthIndicator(Vizgate vizgate) {
        super("Vizgate health check failed");
        this.vizgate = vizgate;
    }

    @Override
    protected void doHealthCheck(Health.Builder builder) {
        var up = true;
        for (var check : vizgate.readiness().entrySet()) {
            var ok = check.getValue().getAsBoolean();
            builder.withDetail(check.getKey(), ok ? "ready" : "not ready");
            up &= ok;
        }
        vizgate.secrets().forEach((setting, secret) -> builder.withDetail("secret " + SettingPaths.yaml(setting), secret.status().stale() ? "stale" : "fresh"));
        if (up) {
            builder.up();
        } else {
            builder.down();
        }
    }
}
