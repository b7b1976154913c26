package dev.vizgate.adapters.keystore;

import dev.vizgate.domain.model.KeyId;
import dev.vizgate.domain.model.PublishedKey;
import dev.vizgate.domain.model.SigningKey;
import dev.vizgate.domain.policy.KeyRollover;
import dev.vizgate.domain.port.KeySource;

import java.time.Clock;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Two EAS keys rolled over by the clock ({@link KeyRollover}): both sign under their own kid, and the JWKS publishes only
 * the keys the rollover says are live now, so the new key is published before it signs and the old one stays published
 * while tokens it signed may still be used.
 */
public final class RolloverKeySource implements KeySource {
    private final KeySource keys;
    private final KeyRollover rollover;
    private final Clock clock;

    public RolloverKeySource(KeySource keys, KeyRollover rollover, Clock clock) {
        this.keys = Objects.requireNonNull(keys, "keys");
        this.rollover = Objects.requireNonNull(rollover, "rollover");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    @Override
    public Optional<SigningKey> signingKey(KeyId keyId) {
        return keys.signingKey(keyId);
    }

    @Override
    public List<PublishedKey> publishedKeys() {
        var now = rollover.publishedAt(clock.instant());
        return keys.publishedKeys().stream().filter(k -> now.contains(k.keyId())).toList();
    }

    @Override
    public String toString() {
        return "RolloverKeySource[" + rollover + "]";
    }
}
