package dev.vizgate.domain.model;

import java.net.URI;

/**
 * The org's {@code instance_url} from a token response. Its shape is checked here; whether its host may
 * receive an access token is {@code HostPolicy}'s call.
 */
public record InstanceUrl(URI value) {
    public InstanceUrl {
        WebUrls.check(value, "instance_url");
        if (value.getRawQuery() != null || value.getRawFragment() != null) {
            throw new IllegalArgumentException("instance_url must not have a query or fragment");
        }
    }

    public static InstanceUrl of(String url) {
        return new InstanceUrl(URI.create(url));
    }

    public String host() {
        return value.getHost();
    }

    /** {@code path} under this instance, e.g. {@code /services/oauth2/singleaccess}. */
    public URI resolve(String path) {
        var base = value.toString();
        return URI.create((base.endsWith("/") ? base.substring(0, base.length() - 1) : base) + path);
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
