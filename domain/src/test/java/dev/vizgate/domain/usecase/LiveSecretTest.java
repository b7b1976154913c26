package dev.vizgate.domain.usecase;

import dev.vizgate.domain.model.SecretRef;
import dev.vizgate.domain.model.SecretValue;
import dev.vizgate.domain.testing.InMemorySecretStore;
import dev.vizgate.domain.testing.MutableClock;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.Optional;
import java.util.function.Function;

import static org.assertj.core.api.Assertions.assertThat;

/** A secret follows its store: new versions are taken, and while the store is away the last good value keeps serving. */
class LiveSecretTest {
    private static final SecretRef REF = SecretRef.of("vault", "secret/vizgate/tableau").field("value");
    private final MutableClock clock = new MutableClock();
    private final InMemorySecretStore store = new InMemorySecretStore().put(REF, "secret-one");

    private LiveSecret loaded() {
        return ((LiveSecret.Result.Loaded) LiveSecret.load(store, REF, clock)).secret();
    }

    @Test
    void givenStoredSecret_load_servesItAsFresh() {
        var secret = loaded();
        assertThat(secret.current().value()).isEqualTo("secret-one");
        assertThat(secret.ref()).isEqualTo(REF);
        assertThat(secret.status().stale()).isFalse();
        assertThat(secret.status().loadedAt()).isEqualTo(clock.instant());
    }

    @Test
    void givenMissingOrUnreachableSecret_load_saysWhichWithoutStarting() {
        assertThat(LiveSecret.load(store, SecretRef.of("vault", "secret/none"), clock))
                .isInstanceOfSatisfying(LiveSecret.Result.NotLoaded.class, n -> assertThat(n.storeUnavailable()).isFalse());
        store.down(true);
        assertThat(LiveSecret.load(store, REF, clock))
                .isInstanceOfSatisfying(LiveSecret.Result.NotLoaded.class, n -> assertThat(n.storeUnavailable()).isTrue());
    }

    @Test
    void givenNewVersion_refresh_takesIt_andNotesWhen() {
        var secret = loaded();
        clock.advance(Duration.ofMinutes(1));
        assertThat(secret.refresh()).isInstanceOf(LiveSecret.Refreshed.Unchanged.class);
        assertThat(secret.status().loadedAt()).isEqualTo(MutableClock.START);
        store.put(REF, "secret-two");
        clock.advance(Duration.ofMinutes(1));
        var refreshed = secret.refresh();
        assertThat(refreshed).isInstanceOfSatisfying(LiveSecret.Refreshed.Changed.class, c -> {
            assertThat(c.from().value()).isEqualTo("secret-one");
            assertThat(c.to().value()).isEqualTo("secret-two");
        });
        assertThat(secret.current().value()).isEqualTo("secret-two");
        assertThat(secret.status().loadedAt()).isEqualTo(clock.instant());
        assertThat(secret.status().lastSuccess()).isEqualTo(clock.instant());
    }

    @Test
    void givenStoreDown_refresh_keepsTheLastGoodValue_reportsStale_andRecovers() {
        var secret = loaded();
        store.down(true);
        clock.advance(Duration.ofMinutes(5));
        assertThat(secret.refresh()).isInstanceOf(LiveSecret.Refreshed.KeptLastGood.class);
        assertThat(secret.refresh()).isInstanceOf(LiveSecret.Refreshed.KeptLastGood.class);
        assertThat(secret.current().value()).isEqualTo("secret-one");
        assertThat(secret.status().stale()).isTrue();
        assertThat(secret.status().failures()).isEqualTo(2);
        assertThat(secret.status().lastSuccess()).isEqualTo(MutableClock.START);
        store.down(false);
        assertThat(secret.refresh()).isInstanceOf(LiveSecret.Refreshed.Unchanged.class);
        assertThat(secret.status().stale()).isFalse();
        assertThat(secret.status().failures()).isEqualTo(2);
    }

    @Test
    void givenSecretDeletedFromTheStore_refresh_keepsServingAndSaysSo() {
        var secret = loaded();
        store.remove(REF);
        assertThat(secret.refresh()).isInstanceOfSatisfying(LiveSecret.Refreshed.KeptLastGood.class,
                k -> assertThat(k.detail()).startsWith("the store no longer has it"));
        assertThat(secret.current().value()).isEqualTo("secret-one");
    }

    @Test
    void liveSecret_neverPrintsItsValue() {
        var secret = loaded();
        assertThat(secret.toString()).doesNotContain("secret-one").contains("vault:secret/vizgate/tableau#value");
        assertThat(secret.status().toString()).doesNotContain("secret-one");
    }

    @Test
    void givenACheck_aRefusedValue_neverLoads_andARefusedNewVersionIsNotTaken() {
        Function<SecretValue, Optional<String>> atLeastTen =
                v -> v.value().length() < 10 ? Optional.of("is " + v.value().length() + " characters") : Optional.empty();
        store.put(REF, "short");
        assertThat(LiveSecret.load(store, REF, clock, atLeastTen)).isInstanceOfSatisfying(LiveSecret.Result.NotLoaded.class,
                n -> assertThat(n.detail()).isEqualTo("is 5 characters"));
        store.put(REF, "long-enough-value");
        var secret = ((LiveSecret.Result.Loaded) LiveSecret.load(store, REF, clock, atLeastTen)).secret();
        store.put(REF, "weak");
        assertThat(secret.refresh()).isInstanceOfSatisfying(LiveSecret.Refreshed.KeptLastGood.class,
                k -> assertThat(k.detail()).contains("is refused: is 4 characters").doesNotContain("weak"));
        assertThat(secret.current().value()).isEqualTo("long-enough-value");
        assertThat(secret.status().stale()).isTrue();
    }
}
