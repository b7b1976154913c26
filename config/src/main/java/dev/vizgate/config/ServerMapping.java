package dev.vizgate.config;

import dev.vizgate.domain.model.RateBudget;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The {@code server:} section as checked settings: where the gateway listens, how big a body may be, the request
 * budgets, TLS and the admin listener. Defaults live here, once; each mistake is a {@link ConfigError} at its key.
 */
public final class ServerMapping {
    public static final int DEFAULT_PORT = 8080;
    public static final long DEFAULT_MAX_BODY = 16 * 1024;
    public static final int DEFAULT_CALLER_PER_MINUTE = 6000;
    public static final int DEFAULT_USER_PER_MINUTE = 120;
    /** As much as one caller may spend: one tenant's flood then cannot take more than a busy backend could. */
    public static final int DEFAULT_TENANT_PER_MINUTE = DEFAULT_CALLER_PER_MINUTE;
    private static final Pattern SIZE = Pattern.compile("(\\d{1,9})\\s*(|b|k|kb|kib|m|mb|mib)", Pattern.CASE_INSENSITIVE);

    private ServerMapping() {
    }

    /** A listener: an address and a port (0 picks a free one). */
    public record Listener(String bind, int port) {
    }

    /** A PKCS#12 keystore holding the gateway's certificate and key, and its password. */
    public record Tls(Path keystore, String password) {
        @Override
        public String toString() {
            return "Tls[" + keystore + "]";
        }
    }

    /** The checked {@code server:} section. */
    public record ServerSettings(Listener listener, Optional<Tls> tls, Duration shutdownGrace, long maxBodyBytes,
                                 RateBudget callerBudget, RateBudget userBudget, RateBudget tenantBudget, Optional<Listener> admin) {
    }

    public static ServerSettings of(VizgateConfig config, ConfigFiles files) {
        var server = config.server() == null ? new VizgateConfig.Server(null, null, null, null, null, null, null, null, null, null) : config.server();
        var limits = server.rateLimit() == null ? new VizgateConfig.RateLimit(null, null) : server.rateLimit();
        var callerPerMinute = limits.callerPerMinute() == null ? DEFAULT_CALLER_PER_MINUTE : limits.callerPerMinute();
        var userPerMinute = limits.userPerMinute() == null ? DEFAULT_USER_PER_MINUTE : limits.userPerMinute();
        var callerBudget = Check.attempt("server.rate-limit.caller-per-minute", () -> RateBudget.perMinute(callerPerMinute), "allow at least one request a minute");
        var userBudget = Check.attempt("server.rate-limit.user-per-minute", () -> RateBudget.perMinute(userPerMinute), "allow at least one request a minute");
        var tenantPerMinute = limits.tenantPerMinute() == null ? DEFAULT_TENANT_PER_MINUTE : limits.tenantPerMinute();
        var tenantBudget = Check.attempt("server.rate-limit.tenant-per-minute", () -> RateBudget.perMinute(tenantPerMinute), "allow at least one request a minute");
        var listener = new Listener(server.bind() == null ? "0.0.0.0" : server.bind(), server.port() == null ? DEFAULT_PORT : port("server.port", server.port()));
        var tls = Optional.ofNullable(server.tls()).map(t -> new Tls(files.resolve(Check.required(t.keystore(), "server.tls.keystore",
                "name a PKCS#12 keystore holding the gateway's certificate and key")), files.valueOrFile("server.tls.password",
                Check.required(t.password(), "server.tls.password", "set password: \"${TLS_PASSWORD}\""))));
        Optional<Listener> admin = Optional.empty();
        if (server.admin() != null) {
            var adminPort = Check.required(server.admin().port(), "server.admin.port", "set the admin listener's port, e.g. admin: { bind: 127.0.0.1, port: 9090 }");
            var adminBind = server.admin().bind() == null ? "127.0.0.1" : server.admin().bind();
            if (adminPort != 0 && adminPort == listener.port() && adminBind.equals(listener.bind())) {
                throw new ConfigError("server.admin.port", "the admin listener is on the public listener's port " + adminPort,
                        "give the admin listener a port of its own, e.g. 9090");
            }
            admin = Optional.of(new Listener(adminBind, port("server.admin.port", adminPort)));
        }
        return new ServerSettings(listener, tls, Check.duration("server.shutdown-grace", server.shutdownGrace(), Duration.ofSeconds(10)),
                size("server.max-body", server.maxBody()), callerBudget, userBudget, tenantBudget, admin);
    }

    static int port(String path, int port) {
        if (port < 0 || port > 65535) {
            throw new ConfigError(path, "port " + port + " is out of range", "use 1-65535, or 0 for any free port");
        }
        return port;
    }

    static long size(String path, String text) {
        if (text == null) {
            return DEFAULT_MAX_BODY;
        }
        var m = SIZE.matcher(text.strip());
        if (!m.matches()) {
            throw new ConfigError(path, "'" + text + "' is not a size", "write e.g. 16k or 16384");
        }
        var n = Long.parseLong(m.group(1));
        var unit = m.group(2).toLowerCase(Locale.ROOT);
        return unit.startsWith("k") ? n * 1024 : unit.startsWith("m") ? n * 1024 * 1024 : n;
    }
}
