package dev.vizgate.domain.testing;

import dev.vizgate.domain.model.KeyId;
import dev.vizgate.domain.model.PublishedKey;
import dev.vizgate.domain.model.SigningKey;
import dev.vizgate.domain.port.KeySource;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Keys held in maps. */
public final class FakeKeySource implements KeySource {
    private final Map<KeyId, SigningKey> signing = new LinkedHashMap<>();
    private final List<PublishedKey> published = new ArrayList<>();

    public FakeKeySource with(SigningKey key) {
        signing.put(key.keyId(), key);
        return this;
    }

    public FakeKeySource publishing(PublishedKey key) {
        published.add(key);
        return this;
    }

    @Override
    public Optional<SigningKey> signingKey(KeyId keyId) {
        return Optional.ofNullable(signing.get(keyId));
    }

    @Override
    public List<PublishedKey> publishedKeys() {
        return List.copyOf(published);
    }
}
