package dev.vizgate.adapters.keystore;

import dev.vizgate.domain.model.ClientId;
import dev.vizgate.domain.model.KeyId;
import dev.vizgate.domain.model.SecretId;
import dev.vizgate.domain.model.SecretRef;
import dev.vizgate.domain.model.SecretSlots;
import dev.vizgate.domain.model.StoredSecret;
import dev.vizgate.domain.policy.ConnectedAppTrust;
import dev.vizgate.domain.port.KeySource;
import dev.vizgate.domain.testing.InMemorySecretStore;
import dev.vizgate.domain.testing.KeySourceContract;
import dev.vizgate.domain.testing.MutableClock;
import dev.vizgate.domain.usecase.LiveSecret;
import org.junit.jupiter.api.Test;

import java.util.Optional;
import java.util.function.Function;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A managed Connected App secret, followed through its slots document, keeps the KeySource contract (publishing
 * nothing: a secret is shared, never published) and follows each new version of the document. The document is written
 * here in a test's own form, {@code current-id=value;next-id=value}: the key source is given its reader.
 */
class LiveManagedKeysPassesTheContractTest extends KeySourceContract {
    static final String STRONG = "a-connected-app-secret-of-at-least-32-bytes";
    static final String OTHER = "another-connected-app-secret-of-32-bytes-plus";
    static final SecretRef REF = SecretRef.of("memory", "tableau/slots");
    static final Function<String, Optional<SecretSlots>> READ = text -> {
        var parts = text.split(";");
        var current = parts[0].split("=", 2);
        if (current.length != 2) {
            return Optional.empty();
        }
        var next = parts.length > 1 ? Optional.of(parts[1].split("=", 2)).map(n -> new StoredSecret(new SecretId(n[0]), n[1])) : Optional.<StoredSecret>empty();
        return Optional.of(new SecretSlots(new StoredSecret(new SecretId(current[0]), current[1]), next, Optional.empty()));
    };

    final InMemorySecretStore store = new InMemorySecretStore();

    LiveSecret document(String text) {
        store.put(REF, text);
        var loaded = LiveSecret.load(store, REF, new MutableClock(), v -> LiveManagedKeys.refusal(v, READ, "the managed secret"));
        return ((LiveSecret.Result.Loaded) loaded).secret();
    }

    @Override
    protected boolean publishesKeys() {
        return false;
    }

    @Override
    protected KeySource createKeySource() {
        return new LiveManagedKeys(new ClientId("client-1"), document(SIGNING_KID.value() + "=" + STRONG), READ, "the managed secret");
    }

    @Test
    void theCurrentSecretSigns_andTheNextStaysLoaded_untilANewVersionMakesItCurrent() {
        var secret = document("signing-1=" + STRONG + ";signing-2=" + OTHER);
        var keys = new LiveManagedKeys(new ClientId("client-1"), secret, READ, "the managed secret");
        assertThat(((ConnectedAppTrust.DirectTrust) keys.trust()).secrets().active()).isEqualTo(new SecretId("signing-1"));
        assertThat(keys.signingKey(new KeyId("signing-2"))).isPresent();
        store.put(REF, "signing-2=" + OTHER);
        secret.refresh();
        assertThat(((ConnectedAppTrust.DirectTrust) keys.trust()).secrets().active()).isEqualTo(new SecretId("signing-2"));
        assertThat(keys.signingKey(SIGNING_KID)).as("the retired secret leaves with the document that dropped it").isEmpty();
        assertThat(keys.toString()).contains("tableau/slots").doesNotContain(STRONG).doesNotContain(OTHER);
    }

    @Test
    void aVersionThatIsNoDocument_orHoldsAWeakSecret_isRefused_andTheLastGoodOneKeepsSigning() {
        var secret = document("signing-1=" + STRONG);
        var keys = new LiveManagedKeys(new ClientId("client-1"), secret, READ, "the managed secret");
        store.put(REF, "not a document");
        assertThat(secret.refresh()).isInstanceOf(LiveSecret.Refreshed.KeptLastGood.class);
        store.put(REF, "signing-3=short");
        assertThat(secret.refresh()).isInstanceOfSatisfying(LiveSecret.Refreshed.KeptLastGood.class,
                k -> assertThat(k.detail()).contains("signing-3").contains("256 bits").doesNotContain("short"));
        assertThat(keys.signingKey(SIGNING_KID)).isPresent();
        assertThat(LiveManagedKeys.refusal(secret.current(), READ, "the managed secret")).isEmpty();
    }
}
