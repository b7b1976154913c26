package dev.vizgate.adapters.keystore;

import dev.vizgate.domain.model.SecretFetch;
import dev.vizgate.domain.model.SecretRef;
import dev.vizgate.domain.model.SecretValue;
import dev.vizgate.domain.model.SecretVersion;
import dev.vizgate.domain.port.KeySource;
import dev.vizgate.domain.port.SecretStore;
import dev.vizgate.domain.testing.InMemorySecretStore;
import dev.vizgate.domain.testing.KeySourceContract;
import dev.vizgate.domain.testing.MutableClock;
import dev.vizgate.domain.usecase.LiveSecret;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A direct-trust Connected App's secrets, each followed in its store, keep the KeySource contract (publishing nothing)
 * and sign with a new value from the next token on: the key is derived once per value, not per token.
 */
class LiveConnectedAppKeysPassesTheContractTest extends KeySourceContract {
    static final String STRONG = "a-connected-app-secret-of-at-least-32-bytes";
    static final String OTHER = "another-connected-app-secret-of-32-bytes-plus";
    static final SecretRef REF = SecretRef.of("memory", "tableau/secret");

    final InMemorySecretStore store = new InMemorySecretStore();

    LiveSecret secret(String value) {
        store.put(REF, value);
        return ((LiveSecret.Result.Loaded) LiveSecret.load(store, REF, new MutableClock())).secret();
    }

    @Override
    protected boolean publishesKeys() {
        return false;
    }

    @Override
    protected KeySource createKeySource() {
        return new LiveConnectedAppKeys(Map.of(SIGNING_KID, secret(STRONG)));
    }

    private static String material(KeySource keys) {
        return new String(keys.signingKey(SIGNING_KID).orElseThrow().key().getEncoded(), StandardCharsets.UTF_8);
    }

    @Test
    void givenTheSameValue_signingKey_isDerivedOnce_evenAfterARefreshThatFoundItAgain() {
        // A store that answers each read with a new but equal value, as a remote store does.
        SecretStore remote = ref -> new SecretFetch.Found(new SecretValue(STRONG, new SecretVersion("7")));
        var secret = ((LiveSecret.Result.Loaded) LiveSecret.load(remote, REF, new MutableClock())).secret();
        var keys = new LiveConnectedAppKeys(Map.of(SIGNING_KID, secret));
        var first = keys.signingKey(SIGNING_KID).orElseThrow();
        assertThat(keys.signingKey(SIGNING_KID).orElseThrow()).isSameAs(first);
        assertThat(secret.refresh()).isInstanceOf(LiveSecret.Refreshed.Unchanged.class);
        assertThat(keys.signingKey(SIGNING_KID).orElseThrow()).isSameAs(first);
        assertThat(keys.signingKey(SIGNING_KID).orElseThrow()).isSameAs(first);
    }

    @Test
    void givenANewValueUnderTheSameVersion_theNextTokenSignsWithTheNewValue() {
        var value = new String[] {STRONG};
        SecretStore unversioned = ref -> new SecretFetch.Found(new SecretValue(value[0], new SecretVersion("1")));
        var secret = ((LiveSecret.Result.Loaded) LiveSecret.load(unversioned, REF, new MutableClock())).secret();
        var keys = new LiveConnectedAppKeys(Map.of(SIGNING_KID, secret));
        assertThat(material(keys)).isEqualTo(STRONG);
        value[0] = OTHER;
        assertThat(secret.refresh()).isInstanceOf(LiveSecret.Refreshed.Changed.class);
        assertThat(material(keys)).isEqualTo(OTHER);
    }

    @Test
    void givenANewValueInTheStore_theNextTokenSignsWithIt() {
        var secret = secret(STRONG);
        var keys = new LiveConnectedAppKeys(Map.of(SIGNING_KID, secret));
        assertThat(material(keys)).isEqualTo(STRONG);
        store.put(REF, OTHER);
        assertThat(secret.refresh()).isInstanceOf(LiveSecret.Refreshed.Changed.class);
        assertThat(material(keys)).isEqualTo(OTHER);
        assertThat(keys.toString()).doesNotContain(STRONG).doesNotContain(OTHER);
    }
}
