package dev.vizgate.sdk;

import dev.vizgate.domain.model.SettingId;

import java.net.URI;
import java.time.Duration;
import java.util.Objects;

/**
 * Where a Tableau Cloud Manager tenant's REST API is, and what its paths and session header are called. Every path and
 * the header come from field reports (tableau.md §8, UNVERIFIED), so each is a setting; {@link #fieldReports} gives the
 * reports' values.
 */
public record CloudManagerSettings(URI url, String loginPath, String configurationsPath, String sessionHeader, Duration timeout) {
    public static final URI DEFAULT_URL = URI.create("https://cloudmanager.tableau.com");

    public CloudManagerSettings {
        Objects.requireNonNull(url, "url");
        Objects.requireNonNull(timeout, "timeout");
        for (var path : new String[] {loginPath, configurationsPath}) {
            if (path == null || !path.startsWith("/")) {
                throw new SettingsException(Setting.of(SettingId.CLOUD_MANAGER), "a Cloud Manager path starts with /, not " + path,
                        "write it as the field reports do, e.g. /api/v1/uat-configurations");
            }
        }
        if (sessionHeader == null || sessionHeader.isBlank()) {
            throw new SettingsException(Setting.of(SettingId.CLOUD_MANAGER), "the session header needs a name", "x-tableau-session-token");
        }
    }

    /** The field reports' paths and header at {@code url}. */
    public static CloudManagerSettings fieldReports(URI url) {
        return new CloudManagerSettings(url, "/api/v1/pat/login", "/api/v1/uat-configurations", "x-tableau-session-token", Duration.ofSeconds(10));
    }
}
