package dev.vizgate.adapters.keystore;

import dev.vizgate.domain.model.JwsAlgorithm;
import dev.vizgate.domain.model.KeyId;
import dev.vizgate.domain.model.PublishedKey;
import dev.vizgate.domain.model.SigningKey;
import dev.vizgate.domain.port.KeySource;

import java.security.Key;
import java.security.PublicKey;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Keys loaded once at start-up from configuration: secrets and private keys that sign, public keys to publish. */
public final class ConfiguredKeySource implements KeySource {
    private final Map<KeyId, SigningKey> signing;
    private final List<PublishedKey> published;

    private ConfiguredKeySource(Map<KeyId, SigningKey> signing, List<PublishedKey> published) {
        this.signing = Map.copyOf(signing);
        this.published = List.copyOf(published);
    }

    public static Builder builder() {
        return new Builder();
    }

    @Override
    public Optional<SigningKey> signingKey(KeyId keyId) {
        return Optional.ofNullable(signing.get(keyId));
    }

    @Override
    public List<PublishedKey> publishedKeys() {
        return published;
    }

    public static final class Builder {
        private final Map<KeyId, SigningKey> signing = new LinkedHashMap<>();
        private final List<PublishedKey> published = new ArrayList<>();

        public Builder signing(KeyId kid, JwsAlgorithm alg, Key key) {
            if (signing.putIfAbsent(kid, new SigningKey(kid, alg, key)) != null) {
                throw new IllegalArgumentException("two keys share kid " + kid);
            }
            return this;
        }

        public Builder publishing(KeyId kid, JwsAlgorithm alg, PublicKey key) {
            if (published.stream().anyMatch(p -> p.keyId().equals(kid))) {
                throw new IllegalArgumentException("two published keys share kid " + kid);
            }
            published.add(new PublishedKey(kid, alg, key));
            return this;
        }

        public ConfiguredKeySource build() {
            return new ConfiguredKeySource(signing, published);
        }
    }
}
