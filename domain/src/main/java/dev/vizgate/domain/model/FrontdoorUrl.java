package dev.vizgate.domain.model;

import java.net.URI;

/**
 * A single-use, short-lived sign-in link ({@code frontdoor_uri}, carrying an {@code otp}). It is handed to
 * one browser once: no type in the system caches it, and {@link #toString()} shows only its host.
 */
public record FrontdoorUrl(URI value) {
    public FrontdoorUrl {
        WebUrls.check(value, "frontdoor_uri");
    }

    public String host() {
        return value.getHost();
    }

    @Override
    public String toString() {
        return "FrontdoorUrl[host=" + value.getHost() + ", redacted]";
    }
}
