package dev.vizgate.sdk;

import dev.vizgate.domain.model.Loopback;

import java.net.URI;

/** Every upstream URL is https, except loopback addresses for local stand-ins; none carries user info. */
public final class UpstreamUrl {
    private UpstreamUrl() {
    }

    /** The URI itself, or an IllegalArgumentException saying which rule it breaks. */
    public static URI check(URI uri, String what) {
        if (uri == null) {
            throw new IllegalArgumentException(what + " is missing");
        }
        if (!uri.isAbsolute() || uri.getHost() == null) {
            throw new IllegalArgumentException("'" + uri + "' is not an absolute URL with a host");
        }
        if (uri.getRawUserInfo() != null) {
            throw new IllegalArgumentException("the URL carries user info; put secrets in their own settings");
        }
        var https = "https".equals(uri.getScheme());
        if (!https && !("http".equals(uri.getScheme()) && Loopback.isLoopback(uri.getHost()))) {
            throw new IllegalArgumentException("'" + uri + "' is not https (plain http is allowed only for 127.0.0.1, localhost and [::1])");
        }
        return uri;
    }
}
