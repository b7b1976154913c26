package dev.vizgate.config;

import dev.vizgate.sdk.UpstreamUrl;

import java.net.URI;
import java.net.URISyntaxException;
import java.time.Duration;
import java.util.function.Supplier;

/** The small checks every mapping makes, each failing as a {@link ConfigError} at the key's path. */
public final class Check {
    private Check() {
    }

    public static <T> T required(T value, String path, String fix) {
        if (value == null || (value instanceof String s && s.isBlank())) {
            throw new ConfigError(path, "required key is missing", fix);
        }
        return value;
    }

    /** Runs a constructor that validates itself; its refusal becomes a ConfigError at {@code path}. */
    public static <T> T attempt(String path, Supplier<T> make, String fix) {
        try {
            return make.get();
        } catch (IllegalArgumentException e) {
            throw new ConfigError(path, e.getMessage(), fix);
        }
    }

    public static Duration duration(String path, String text, Duration fallback) {
        if (text == null) {
            return fallback;
        }
        return DurationText.parse(text).orElseThrow(() -> new ConfigError(path, "'" + text + "' is not a duration", "write e.g. 30s, 5m or 2h"));
    }

    /** An upstream URL by the sdk's rule (https, or http on loopback; no user info), failing at {@code path}. */
    public static URI upstream(String path, String value) {
        URI uri;
        try {
            uri = new URI(value);
        } catch (URISyntaxException e) {
            throw new ConfigError(path, "'" + value + "' is not a URL", "write an absolute URL such as https://host.example.com");
        }
        return attempt(path, () -> UpstreamUrl.check(uri, path), "write an absolute https URL such as https://host.example.com"
                + " (plain http is allowed only for 127.0.0.1, localhost and [::1])");
    }
}
