package dev.vizgate.domain.testing;

import dev.vizgate.domain.model.KeyId;
import dev.vizgate.domain.model.PublishedKey;
import dev.vizgate.domain.port.KeySource;
import org.junit.jupiter.api.Test;

import java.util.Base64;
import java.util.HashSet;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What every {@link KeySource} must do. Extend it with a source configured with {@link #SIGNING_KID} (a key
 * that signs) and at least one published public key, or, for a source of shared HS256 secrets, none
 * ({@link #publishesKeys()} false): a secret is never published.
 */
public abstract class KeySourceContract {
    protected static final KeyId SIGNING_KID = new KeyId("signing-1");

    protected abstract KeySource createKeySource();

    /** False for a source of Connected App secrets (HS256), which must publish nothing. */
    protected boolean publishesKeys() {
        return true;
    }

    @Test
    void givenConfiguredKid_signingKey_returnsThatKey() {
        var key = createKeySource().signingKey(SIGNING_KID);
        assertThat(key).isPresent();
        assertThat(key.get().keyId()).isEqualTo(SIGNING_KID);
    }

    @Test
    void givenUnknownKid_signingKey_isEmpty() {
        assertThat(createKeySource().signingKey(new KeyId("no-such-kid"))).isEmpty();
    }

    @Test
    void publishedKeys_haveDistinctKids_andNoSecretIsEverPublished() {
        var keys = createKeySource().publishedKeys();
        if (!publishesKeys()) {
            assertThat(keys).as("a shared secret is never published").isEmpty();
            return;
        }
        assertThat(keys).isNotEmpty();
        assertThat(new HashSet<>(keys.stream().map(PublishedKey::keyId).toList())).hasSameSizeAs(keys);
    }

    @Test
    void signingKey_toString_neverShowsKeyMaterial() {
        var key = createKeySource().signingKey(SIGNING_KID).orElseThrow();
        var encoded = key.key().getEncoded();
        assertThat(key.toString()).contains("redacted");
        if (encoded != null) {
            assertThat(key.toString()).doesNotContain(Base64.getEncoder().encodeToString(encoded).substring(0, 12));
        }
    }
}
