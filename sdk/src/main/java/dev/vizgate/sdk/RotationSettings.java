package dev.vizgate.sdk;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * How Vizgate rotates a managed Connected App secret: as the site administrator whose personal access token is
 * {@code tokenName} with the secret from {@code tokenSecret} (field reports say a Connected App's own JWT session cannot
 * manage its secrets, UNVERIFIED), and how long every node needs to read the store again ({@code propagation}: their
 * refresh interval plus jitter, with a margin).
 */
public record RotationSettings(String tokenName, SecretSource tokenSecret, Duration propagation, Optional<Duration> every) {
    /** Rotated when asked ({@code vizgate secrets rotate}, a CronJob), never on a schedule of Vizgate's own. */
    public RotationSettings(String tokenName, SecretSource tokenSecret, Duration propagation) {
        this(tokenName, tokenSecret, propagation, Optional.empty());
    }

    /** The same, rotated by the gateway itself once the secret in use is older than {@code every}. */
    public RotationSettings every(Duration every) {
        return new RotationSettings(tokenName, tokenSecret, propagation, Optional.of(every));
    }

    public RotationSettings {
        if (tokenName == null || tokenName.isBlank()) {
            throw new IllegalArgumentException("name the administrator's personal access token");
        }
        Objects.requireNonNull(tokenSecret, "tokenSecret");
        if (propagation == null || propagation.isNegative()) {
            throw new IllegalArgumentException("the propagation bound is zero or more");
        }
        Objects.requireNonNull(every, "every");
        every.ifPresent(e -> {
            if (e.isNegative() || e.isZero()) {
                throw new IllegalArgumentException("rotation.every must be positive");
            }
        });
    }
}
