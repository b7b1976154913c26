package dev.vizgate.adapters.keystore;

import dev.vizgate.domain.model.ClientId;
import dev.vizgate.domain.model.JwsAlgorithm;
import dev.vizgate.domain.model.KeyId;
import dev.vizgate.domain.model.PublishedKey;
import dev.vizgate.domain.model.SecretSlots;
import dev.vizgate.domain.model.SecretValue;
import dev.vizgate.domain.model.SecretVersion;
import dev.vizgate.domain.model.SigningKey;
import dev.vizgate.domain.model.StoredSecret;
import dev.vizgate.domain.policy.ConnectedAppTrust;
import dev.vizgate.domain.policy.SecretRotation;
import dev.vizgate.domain.port.KeySource;
import dev.vizgate.domain.usecase.LiveSecret;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;

/**
 * A rotated Connected App secret, following its slots document: the current secret signs (its id is the kid), the next
 * and the retired one stay loaded so that a node switching a moment before or after another signs tokens Tableau
 * accepts. Keys and trust are derived once per document version. How the document is written is the secret store's
 * business: this key source is given its reader.
 */
public final class LiveManagedKeys implements KeySource {
    private record Derived(SecretVersion version, ConnectedAppTrust trust, Map<KeyId, SigningKey> keys) {
    }

    private final ClientId clientId;
    private final LiveSecret document;
    private final Function<String, Optional<SecretSlots>> read;
    private final String source;
    private volatile Derived derived;

    /**
     * @param document the slots document as its store serves it, loaded with {@link #refusal} so that every version it
     *                 takes holds only strong secrets
     * @param read     the document's reader
     * @param source   how messages name the setting
     */
    public LiveManagedKeys(ClientId clientId, LiveSecret document, Function<String, Optional<SecretSlots>> read, String source) {
        this.clientId = Objects.requireNonNull(clientId, "clientId");
        this.document = Objects.requireNonNull(document, "document");
        this.read = Objects.requireNonNull(read, "read");
        this.source = Objects.requireNonNull(source, "source");
        this.derived = derive(document.current());
    }

    /** Why a version of the document cannot sign: not a slots document, or a secret in it too weak for HS256. */
    public static Optional<String> refusal(SecretValue value, Function<String, Optional<SecretSlots>> read, String source) {
        var slots = read.apply(value.value());
        if (slots.isEmpty()) {
            return Optional.of("it is not a rotated secret's document {\"current\":{\"id\":…,\"value\":…}}");
        }
        return secrets(slots.get()).stream().flatMap(s -> LiveConnectedAppKeys.weakness(source, s.value()).map(w -> "secret " + s.id() + " " + w).stream())
                .findFirst();
    }

    private static List<StoredSecret> secrets(SecretSlots slots) {
        var all = new ArrayList<StoredSecret>();
        all.add(slots.current());
        slots.next().ifPresent(all::add);
        slots.previous().ifPresent(p -> all.add(p.secret()));
        return all;
    }

    private Derived derive(SecretValue value) {
        var slots = read.apply(value.value()).orElseThrow(() -> new IllegalStateException("a refused document version was taken"));
        var keys = new LinkedHashMap<KeyId, SigningKey>();
        for (var s : secrets(slots)) {
            keys.put(s.id().asKeyId(), new SigningKey(s.id().asKeyId(), JwsAlgorithm.HS256, ConnectedAppSecrets.hmacKey(source, s.value())));
        }
        var trust = new ConnectedAppTrust.DirectTrust(clientId, SecretRotation.single(slots.current().id()));
        return new Derived(value.version(), trust, Map.copyOf(keys));
    }

    private Derived now() {
        var current = document.current();
        var d = derived;
        if (!d.version().equals(current.version())) {
            d = derive(current);
            derived = d;
        }
        return d;
    }

    /** Direct trust signing with the document's current secret, as of its version now. */
    public ConnectedAppTrust trust() {
        return now().trust();
    }

    @Override
    public Optional<SigningKey> signingKey(KeyId keyId) {
        return Optional.ofNullable(now().keys().get(keyId));
    }

    /** HS256 secrets are shared, never published. */
    @Override
    public List<PublishedKey> publishedKeys() {
        return List.of();
    }

    @Override
    public String toString() {
        return "LiveManagedKeys[" + document.ref() + "]";
    }
}
