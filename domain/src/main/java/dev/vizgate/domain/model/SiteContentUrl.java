package dev.vizgate.domain.model;

import java.util.Objects;

/** A Tableau site's {@code contentUrl}; empty for Tableau Server's Default site. */
public record SiteContentUrl(String value) {
    public SiteContentUrl {
        Objects.requireNonNull(value, "site contentUrl must not be null");
        if (!value.isEmpty()) {
            Text.token(value, "site contentUrl", 255);
        }
    }

    public static SiteContentUrl defaultSite() {
        return new SiteContentUrl("");
    }

    @Override
    public String toString() {
        return value;
    }
}
