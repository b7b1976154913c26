package dev.vizgate.domain.port;

import dev.vizgate.domain.model.KeyId;
import dev.vizgate.domain.model.PublishedKey;
import dev.vizgate.domain.model.SigningKey;

import java.util.List;
import java.util.Optional;

/** Key material by {@code kid}: what signs, and what is published for others to verify with. */
public interface KeySource {
    Optional<SigningKey> signingKey(KeyId keyId);

    /** Every public key to publish, in order; may hold keys that do not sign yet or no longer sign (rollover). */
    List<PublishedKey> publishedKeys();
}
