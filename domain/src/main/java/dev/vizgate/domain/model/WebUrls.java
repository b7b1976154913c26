package dev.vizgate.domain.model;

import java.net.URI;
import java.util.Objects;

/** Shape checks shared by the URL value types: absolute, https (or http on loopback), a host, no user info. */
final class WebUrls {
    private WebUrls() {
    }

    static URI check(URI uri, String what) {
        Objects.requireNonNull(uri, what + " must not be null");
        if (!uri.isAbsolute() || uri.isOpaque()) {
            throw new IllegalArgumentException(what + " must be an absolute URL");
        }
        if (uri.getHost() == null) {
            throw new IllegalArgumentException(what + " has no host");
        }
        if (uri.getRawUserInfo() != null) {
            throw new IllegalArgumentException(what + " must not carry user info");
        }
        var scheme = uri.getScheme();
        if (!"https".equals(scheme) && !("http".equals(scheme) && Loopback.isLoopback(uri.getHost()))) {
            throw new IllegalArgumentException(what + " must use https (plain http only on a loopback address)");
        }
        return uri;
    }
}
