package dev.vizgate.domain.model;

import java.net.URI;
import java.net.URISyntaxException;

/**
 * A URL the gateway will call: absolute https with a host and no user info, plain http only on loopback (for local
 * stand-ins). The one home of that rule for configured URLs and for URLs learned from someone else's document (a
 * {@code jwks_uri} or {@code token_endpoint} in an issuer's metadata), so a document cannot downgrade a call to plain text.
 */
public record UpstreamUrl(URI value) {
    public UpstreamUrl {
        check(value, "a URL from a metadata document");
    }

    /** The URL in {@code text}, checked; an unparsable one is refused like an unacceptable one. */
    public static UpstreamUrl of(String text) {
        try {
            return new UpstreamUrl(new URI(text));
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("'" + Text.oneLine(text, 200) + "' is not a URL");
        }
    }

    /** The URI itself, or an IllegalArgumentException saying which rule it breaks ({@code what} names it if missing). */
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

    @Override
    public String toString() {
        return value.toString();
    }
}
