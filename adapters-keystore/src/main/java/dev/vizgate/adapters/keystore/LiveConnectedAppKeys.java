package dev.vizgate.adapters.keystore;

import dev.vizgate.domain.model.JwsAlgorithm;
import dev.vizgate.domain.model.KeyId;
import dev.vizgate.domain.model.PublishedKey;
import dev.vizgate.domain.model.SecretValue;
import dev.vizgate.domain.model.SigningKey;
import dev.vizgate.domain.port.KeySource;
import dev.vizgate.domain.usecase.LiveSecret;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A direct-trust Connected App's secrets as signing keys, each following its store: a new version signs from the next
 * token on. The HMAC key is derived once per version, not per token. Direct trust publishes nothing.
 */
public final class LiveConnectedAppKeys implements KeySource {
    /** A key derived from one value of a secret, with the answer handed out for it, made once. */
    private record Derived(SecretValue source, Optional<SigningKey> key) {
    }

    /**
     * One secret and the key last derived from it. With many tenants each token touches a tenant's objects cold, so the
     * usual ask is answered from here with one comparison of references: the value the secret holds now is the very one
     * the key was derived from (measured with 1,000 tenants: a map of derived keys and a version compare per token were
     * 6% of the CPU, against 1% for one tenant).
     */
    private static final class Slot {
        final LiveSecret secret;
        volatile Derived derived;

        Slot(LiveSecret secret) {
            this.secret = secret;
        }
    }

    private final Map<KeyId, Slot> slots;

    /** Why {@code value} cannot be a Connected App secret (HS256 wants 256 bits or more), or empty when it can. */
    public static Optional<String> weakness(String setting, String value) {
        try {
            ConnectedAppSecrets.hmacKey(setting, value);
            return Optional.empty();
        } catch (KeyMaterialException e) {
            return Optional.of(e.what());
        }
    }

    public LiveConnectedAppKeys(Map<KeyId, LiveSecret> secrets) {
        var bySlot = new HashMap<KeyId, Slot>();
        secrets.forEach((kid, secret) -> bySlot.put(kid, new Slot(secret)));
        this.slots = Map.copyOf(bySlot);
    }

    @Override
    public Optional<SigningKey> signingKey(KeyId keyId) {
        var slot = slots.get(keyId);
        if (slot == null) {
            return Optional.empty();
        }
        var current = slot.secret.current();
        var last = slot.derived;
        if (last != null && last.source() == current) {
            return last.key();
        }
        if (last != null && last.source().version().equals(current.version()) && last.source().value().equals(current.value())) {
            // A refresh that found the same value holds it as a new object: keep the key, note the object it now is.
            slot.derived = new Derived(current, last.key());
            return last.key();
        }
        // LiveSecret only ever holds a value that passed the strength check, so this derivation cannot fail.
        var key = Optional.of(new SigningKey(keyId, JwsAlgorithm.HS256, ConnectedAppSecrets.hmacKey(slot.secret.ref().toString(), current.value())));
        slot.derived = new Derived(current, key);
        return key;
    }

    @Override
    public List<PublishedKey> publishedKeys() {
        return List.of();
    }

    @Override
    public String toString() {
        return "LiveConnectedAppKeys[" + slots.keySet() + "]";
    }
}
