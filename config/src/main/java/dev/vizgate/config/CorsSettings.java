package dev.vizgate.config;

import dev.vizgate.domain.model.Loopback;

import java.net.URI;
import java.net.URISyntaxException;
import java.time.Duration;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * {@code server.cors}: the web origins whose pages may call the gateway's browser routes across origins, each as a
 * browser writes it in {@code Origin} (RFC 6454 §6.1: scheme, host and a port only when it is not the scheme's
 * default), and how long a browser may keep a preflight's answer. No origins (the default) means no page of another
 * origin may call: the platform serves the gateway on its own origin, behind a reverse-proxy path.
 */
public record CorsSettings(Set<String> allowedOrigins, Duration maxAge) {
    static final String KEY = "server.cors.allowed-origins";
    static final Duration DEFAULT_MAX_AGE = Duration.ofMinutes(10);

    public CorsSettings {
        allowedOrigins = Set.copyOf(allowedOrigins);
        if (maxAge.isNegative() || maxAge.compareTo(Duration.ofHours(2)) > 0) {
            throw new IllegalArgumentException("max-age " + maxAge + " is outside 0 to 2h, the most Chromium keeps a preflight");
        }
    }

    public static CorsSettings none() {
        return new CorsSettings(Set.of(), DEFAULT_MAX_AGE);
    }

    public boolean allows(String origin) {
        return allowedOrigins.contains(origin);
    }

    /** The configuration's {@code server.cors}, each origin checked and written the way browsers send it. */
    public static CorsSettings from(VizgateConfig config) {
        var cors = config.server() == null ? null : config.server().cors();
        if (cors == null) {
            return none();
        }
        var origins = new LinkedHashSet<String>();
        var listed = cors.allowedOrigins() == null ? List.<String>of() : cors.allowedOrigins();
        for (int i = 0; i < listed.size(); i++) {
            origins.add(origin(KEY + "[" + i + "]", listed.get(i)));
        }
        var maxAge = Check.duration("server.cors.max-age", cors.maxAge(), DEFAULT_MAX_AGE);
        return Check.attempt("server.cors.max-age", () -> new CorsSettings(origins, maxAge), "write a duration up to 2h, e.g. 10m");
    }

    static String origin(String path, String text) {
        if (text == null || text.isBlank()) {
            throw new ConfigError(path, "the origin is empty", "write the page's origin, e.g. https://portal.example.com");
        }
        if (text.contains("*")) {
            throw new ConfigError(path, "'" + text + "' is a wildcard, which would let any site's script spend your users' proofs",
                    "list each origin of your platform's pages, e.g. https://portal.example.com");
        }
        URI uri;
        try {
            uri = new URI(text.strip());
        } catch (URISyntaxException e) {
            throw new ConfigError(path, "'" + text + "' is not an origin", "write scheme://host[:port], e.g. https://portal.example.com");
        }
        var scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (uri.getHost() == null || !(scheme.equals("https") || scheme.equals("http")) || uri.getRawUserInfo() != null
                || uri.getRawQuery() != null || uri.getRawFragment() != null || !(uri.getRawPath() == null || uri.getRawPath().isEmpty())) {
            throw new ConfigError(path, "'" + text + "' is not an origin (scheme://host[:port], nothing after the port)",
                    "write the origin alone, e.g. https://portal.example.com, without a path or a trailing slash");
        }
        var host = uri.getHost().toLowerCase(Locale.ROOT);
        if (scheme.equals("http") && !Loopback.isLoopback(host)) {
            throw new ConfigError(path, "'" + text + "' is plain http, so anyone on the network could serve a page as that origin",
                    "use the https origin (plain http is allowed only for 127.0.0.1, localhost and [::1])");
        }
        var defaultPort = scheme.equals("https") ? 443 : 80;
        var port = uri.getPort() == -1 || uri.getPort() == defaultPort ? "" : ":" + uri.getPort();
        return scheme + "://" + host + port;
    }
}
