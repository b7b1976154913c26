package dev.vizgate.adapters.keystore;

import dev.vizgate.domain.model.JwsAlgorithm;
import dev.vizgate.domain.model.KeyId;
import dev.vizgate.domain.model.PublishedKey;
import dev.vizgate.domain.policy.KeyRollover;
import dev.vizgate.domain.port.KeySource;
import dev.vizgate.domain.testing.KeySourceContract;
import dev.vizgate.domain.testing.MutableClock;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/** Two EAS keys rolled over by the clock keep the KeySource contract, and the JWKS follows the rollover. */
class RolloverKeySourcePassesTheContractTest extends KeySourceContract {
    static final KeyId NEXT = new KeyId("next");
    final MutableClock clock = new MutableClock();

    KeySource both() {
        var first = PemKeys.privateKey(KeyLoadingTest.file("rsa-pkcs8.pem"), Optional.empty());
        var second = PemKeys.privateKey(KeyLoadingTest.file("ec-pkcs8.pem"), Optional.empty());
        return ConfiguredKeySource.builder()
                .signing(SIGNING_KID, JwsAlgorithm.RS256, first).publishing(SIGNING_KID, JwsAlgorithm.RS256, KeyPairs.publicOf("first", first))
                .signing(NEXT, JwsAlgorithm.ES256, second).publishing(NEXT, JwsAlgorithm.ES256, KeyPairs.publicOf("second", second))
                .build();
    }

    RolloverKeySource rolling() {
        return new RolloverKeySource(both(), new KeyRollover(SIGNING_KID, NEXT, MutableClock.START.plus(Duration.ofHours(1)), Duration.ofMinutes(15)), clock);
    }

    @Override
    protected KeySource createKeySource() {
        return rolling();
    }

    @Test
    void beforeTheRollover_bothKeysArePublished_andAfterTheOldKeyRetires_onlyTheNewOne() {
        var keys = rolling();
        assertThat(keys.publishedKeys()).extracting(PublishedKey::keyId).containsExactlyInAnyOrder(SIGNING_KID, NEXT);
        clock.advance(Duration.ofHours(1).plusMinutes(14));
        assertThat(keys.publishedKeys()).extracting(PublishedKey::keyId).containsExactlyInAnyOrder(SIGNING_KID, NEXT);
        clock.advance(Duration.ofMinutes(1));
        assertThat(keys.publishedKeys()).extracting(PublishedKey::keyId).containsExactly(NEXT);
        assertThat(keys.signingKey(SIGNING_KID)).as("a token the old key signed is still verified by its kid").isPresent();
        assertThat(keys.signingKey(NEXT)).isPresent();
        assertThat(keys.toString()).contains("signing-1").contains("next");
    }
}
