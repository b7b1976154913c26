package dev.vizgate.sdk;

import dev.vizgate.domain.model.Issuer;
import dev.vizgate.domain.model.SettingId;
import dev.vizgate.domain.policy.ReplayPolicy;

import java.time.Duration;
import java.util.HashSet;
import java.util.List;

/**
 * The platforms Vizgate accepts assertions from, and the clock skew allowed on their {@code exp}, {@code iat} and
 * {@code nbf}: 30 s by default, at most 2 minutes (a larger leeway accepts assertions long after they expired).
 */
public record PlatformAssertionSettings(List<PlatformSettings> platforms, Duration leeway) {
    public static final Duration MAX_LEEWAY = Duration.ofMinutes(2);

    public PlatformAssertionSettings {
        platforms = List.copyOf(platforms);
        if (platforms.isEmpty()) {
            throw new IllegalArgumentException("name at least one platform");
        }
        var issuers = new HashSet<Issuer>();
        for (var p : platforms) {
            if (!issuers.add(p.issuer())) {
                throw new IllegalArgumentException("issuer " + p.issuer() + " is listed twice");
            }
        }
        if (leeway == null || leeway.isNegative()) {
            throw new IllegalArgumentException("the leeway must be zero or more");
        }
        if (leeway.compareTo(MAX_LEEWAY) > 0) {
            throw new SettingsException(Setting.of(SettingId.ASSERTION_LEEWAY), "a leeway of " + leeway.toSeconds() + " s would accept assertions long after they expired",
                    "fix the clocks (NTP) and keep the leeway at 2m or less; the default is 30s");
        }
        new ReplayPolicy(ReplayPolicy.DEFAULT_MAX_TOKEN_AGE, leeway); // its own rules (whole seconds) apply too
    }

    public static PlatformAssertionSettings of(List<PlatformSettings> platforms) {
        return new PlatformAssertionSettings(platforms, ReplayPolicy.DEFAULT_SKEW);
    }
}
