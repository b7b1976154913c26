package dev.vizgate.adapters.keystore;

import dev.vizgate.domain.model.JwsAlgorithm;
import dev.vizgate.domain.model.KeyId;
import dev.vizgate.domain.model.PublishedKey;
import dev.vizgate.domain.model.SecretVersion;
import dev.vizgate.domain.model.SigningKey;
import dev.vizgate.domain.port.KeySource;
import dev.vizgate.domain.usecase.LiveSecret;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A direct-trust Connected App's secrets as signing keys, each following its store: a new version signs from the next
 * token on. The HMAC key is derived once per version, not per token. Direct trust publishes nothing.
 */
public final class LiveConnectedAppKeys implements KeySource {
    private record Derived(SecretVersion version, SigningKey key) {
    }

    private final Map<KeyId, LiveSecret> secrets;
    private final Map<KeyId, Derived> derived = new ConcurrentHashMap<>();

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
        this.secrets = Map.copyOf(secrets);
    }

    @Override
    public Optional<SigningKey> signingKey(KeyId keyId) {
        var secret = secrets.get(keyId);
        if (secret == null) {
            return Optional.empty();
        }
        var current = secret.current();
        var cached = derived.get(keyId);
        if (cached != null && cached.version().equals(current.version())) {
            return Optional.of(cached.key());
        }
        // LiveSecret only ever holds a value that passed the strength check, so this derivation cannot fail.
        var key = new SigningKey(keyId, JwsAlgorithm.HS256, ConnectedAppSecrets.hmacKey(secret.ref().toString(), current.value()));
        derived.put(keyId, new Derived(current.version(), key));
        return Optional.of(key);
    }

    @Override
    public List<PublishedKey> publishedKeys() {
        return List.of();
    }

    @Override
    public String toString() {
        return "LiveConnectedAppKeys[" + secrets.keySet() + "]";
    }
}
