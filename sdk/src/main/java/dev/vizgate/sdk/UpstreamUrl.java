package dev.vizgate.sdk;

import java.net.URI;

/** Every upstream URL is https, except loopback addresses for local stand-ins; the rule is the domain's ({@link dev.vizgate.domain.model.UpstreamUrl}). */
public final class UpstreamUrl {
    private UpstreamUrl() {
    }

    /** The URI itself, or an IllegalArgumentException saying which rule it breaks. */
    public static URI check(URI uri, String what) {
        return dev.vizgate.domain.model.UpstreamUrl.check(uri, what);
    }
}
