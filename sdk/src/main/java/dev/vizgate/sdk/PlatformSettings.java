package dev.vizgate.sdk;

import dev.vizgate.domain.model.Issuer;
import dev.vizgate.domain.usecase.TrustedPlatform;

import java.util.Objects;

/**
 * A platform whose assertions prove its users to Vizgate: its {@code iss}, what it grants ({@link TrustedPlatform}:
 * the audience and the claims that carry scopes and attributes), and its keys.
 */
public record PlatformSettings(Issuer issuer, TrustedPlatform platform, PlatformKeys keys) {
    public PlatformSettings {
        Objects.requireNonNull(issuer, "issuer");
        Objects.requireNonNull(platform, "platform");
        Objects.requireNonNull(keys, "keys");
    }
}
