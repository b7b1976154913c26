package dev.vizgate.domain.policy;

import dev.vizgate.domain.model.KeyId;
import dev.vizgate.domain.testing.MutableClock;
import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The clock runs forward through a rollover: publish before signing, retire only after the last old token expired. */
class KeyRolloverTest {
    private static final KeyId OLD = new KeyId("k-2026-11");
    private static final KeyId NEW = new KeyId("k-2026-12");
    private final MutableClock clock = new MutableClock();

    @Test
    void beforeTheMoment_theOldKeySigns_andTheNewOneIsAlreadyPublished() {
        var rollover = KeyRollover.of(OLD, NEW, clock.instant().plus(Duration.ofHours(1)), TableauTokenPolicy.defaults());
        assertThat(rollover.signingAt(clock.instant())).isEqualTo(OLD);
        assertThat(rollover.publishedAt(clock.instant())).containsExactlyInAnyOrder(OLD, NEW);
    }

    @Test
    void atTheMoment_theNewKeySigns_andTheOldStaysPublishedUntilItsLastTokenExpired() {
        var policy = TableauTokenPolicy.defaults();
        var at = clock.instant().plus(Duration.ofHours(1));
        var rollover = KeyRollover.of(OLD, NEW, at, policy);
        clock.advance(Duration.ofHours(1).minusSeconds(1));
        assertThat(rollover.signingAt(clock.instant())).as("the last second of the old key").isEqualTo(OLD);
        clock.advance(Duration.ofSeconds(1));
        assertThat(rollover.signingAt(clock.instant())).isEqualTo(NEW);
        // A token the old key signed a second before the switch lives at most maxLifetime; skew covers Tableau's clock.
        clock.advance(policy.maxLifetime().plus(policy.skew()).minusSeconds(1));
        assertThat(rollover.publishedAt(clock.instant())).contains(OLD);
        clock.advance(Duration.ofSeconds(1));
        assertThat(rollover.publishedAt(clock.instant())).containsExactly(NEW);
        assertThat(rollover.retiresAt()).isEqualTo(clock.instant());
    }

    @Test
    void givenTheSameKidTwice_rollover_isRefused() {
        assertThatThrownBy(() -> KeyRollover.of(OLD, OLD, clock.instant(), TableauTokenPolicy.defaults()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("another");
    }
}
