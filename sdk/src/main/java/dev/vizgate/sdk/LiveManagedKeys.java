package dev.vizgate.sdk;

import dev.vizgate.adapters.keystore.ConnectedAppSecrets;
import dev.vizgate.adapters.keystore.LiveConnectedAppKeys;
import dev.vizgate.adapters.secrets.SlotsDocument;
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
import java.util.Optional;

/**
 * A rotated Connected App secret, following its slots document: the current secret signs (its id is the kid), the next
 * and the retired one stay loaded so that a node switching a moment before or after another signs tokens Tableau
 * accepts. Keys and trust are derived once per document version.
 */
final class LiveManagedKeys implements KeySource {
    static final String SETTING = "tableau.connected-app.managed-secret";

    private record Derived(SecretVersion version, ConnectedAppTrust trust, Map<KeyId, SigningKey> keys) {
    }

    private final ConnectedApp.Managed app;
    private final LiveSecret secret;
    private volatile Derived derived;

    private LiveManagedKeys(ConnectedApp.Managed app, LiveSecret secret) {
        this.app = app;
        this.secret = secret;
        this.derived = derive(secret.current());
    }

    static LiveManagedKeys follow(ConnectedApp.Managed app, LiveSecrets live) {
        var secret = live.follow(SETTING, app.slots(), LiveManagedKeys::refusal,
                "write {\"current\":{\"id\":\"<secret id>\",\"value\":\"<secret>\"}} there");
        return new LiveManagedKeys(app, secret);
    }

    private static Optional<String> refusal(SecretValue value) {
        var slots = SlotsDocument.read(value.value());
        if (slots.isEmpty()) {
            return Optional.of("it is not a rotated secret's document {\"current\":{\"id\":…,\"value\":…}}");
        }
        return secrets(slots.get()).stream().flatMap(s -> LiveConnectedAppKeys.weakness(SETTING, s.value()).map(w -> "secret " + s.id() + " " + w).stream())
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
        var slots = SlotsDocument.read(value.value()).orElseThrow();
        var keys = new LinkedHashMap<KeyId, SigningKey>();
        for (var s : secrets(slots)) {
            keys.put(s.id().asKeyId(), new SigningKey(s.id().asKeyId(), JwsAlgorithm.HS256, ConnectedAppSecrets.hmacKey(SETTING, s.value())));
        }
        var trust = new ConnectedAppTrust.DirectTrust(app.clientId(), SecretRotation.single(slots.current().id()));
        return new Derived(value.version(), trust, Map.copyOf(keys));
    }

    private Derived now() {
        var current = secret.current();
        var d = derived;
        if (!d.version().equals(current.version())) {
            d = derive(current);
            derived = d;
        }
        return d;
    }

    ConnectedAppTrust trust() {
        return now().trust();
    }

    @Override
    public Optional<SigningKey> signingKey(KeyId keyId) {
        return Optional.ofNullable(now().keys().get(keyId));
    }

    @Override
    public List<PublishedKey> publishedKeys() {
        return List.of();
    }

    @Override
    public String toString() {
        return "LiveManagedKeys[" + app.slots() + "]";
    }
}
