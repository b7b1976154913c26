package dev.vizgate.app.wiring;

import dev.vizgate.app.config.ConfigError;
import dev.vizgate.domain.model.Loopback;

import java.net.URI;
import java.net.URISyntaxException;

/** DESIGN.md: every upstream URL is https, except loopback addresses for local stand-ins. */
final class Urls {
    private Urls() {
    }

    static URI upstream(String path, String value) {
        URI uri;
        try {
            uri = new URI(value);
        } catch (URISyntaxException e) {
            throw new ConfigError(path, "'" + value + "' is not a URL", "write an absolute URL such as https://host.example.com");
        }
        if (!uri.isAbsolute() || uri.getHost() == null) {
            throw new ConfigError(path, "'" + value + "' is not an absolute URL with a host", "write an absolute URL such as https://host.example.com");
        }
        if (uri.getRawUserInfo() != null) {
            throw new ConfigError(path, "the URL carries user info", "remove user:password@ from the URL; put secrets in their own keys");
        }
        var https = "https".equals(uri.getScheme());
        if (!https && !("http".equals(uri.getScheme()) && Loopback.isLoopback(uri.getHost()))) {
            throw new ConfigError(path, "'" + value + "' is not https", "use https (plain http is allowed only for 127.0.0.1, localhost and [::1])");
        }
        return uri;
    }
}
