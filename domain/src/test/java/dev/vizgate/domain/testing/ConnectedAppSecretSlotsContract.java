package dev.vizgate.domain.testing;

import dev.vizgate.domain.model.SecretId;
import dev.vizgate.domain.model.SecretSlots;
import dev.vizgate.domain.model.StoreUnavailableException;
import dev.vizgate.domain.model.StoredSecret;
import dev.vizgate.domain.port.ConnectedAppSecretSlots;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * What every {@link ConnectedAppSecretSlots} must do, the rotation's journal: it holds the current secret, takes a next
 * one, promotes it (retiring the current one at a moment), forgets the retired one, each step idempotent, and a store
 * that cannot answer says so with {@link StoreUnavailableException} so the rotation pauses rather than guesses.
 */
public abstract class ConnectedAppSecretSlotsContract {
    protected static final StoredSecret FIRST = new StoredSecret(new SecretId("first-id"), "first-connected-app-secret-value-0123456789");
    protected static final StoredSecret SECOND = new StoredSecret(new SecretId("second-id"), "second-connected-app-secret-value-0123456789");
    protected static final Instant AT = Instant.parse("2026-03-01T10:00:00Z");

    /** Slots whose store holds {@code current} as the current secret and nothing else. */
    protected abstract ConnectedAppSecretSlots slotsHolding(StoredSecret current);

    /** Slots whose store cannot be reached. */
    protected abstract ConnectedAppSecretSlots unreachableSlots();

    @Test
    void aFreshJournal_holdsTheCurrentSecretAlone() {
        assertThat(slotsHolding(FIRST).read()).isEqualTo(SecretSlots.only(FIRST));
    }

    @Test
    void putNext_keepsTheCurrentAndAddsTheNext_andTwiceIsOnce() {
        var slots = slotsHolding(FIRST);
        slots.putNext(SECOND);
        slots.putNext(SECOND);
        assertThat(slots.read()).isEqualTo(new SecretSlots(FIRST, Optional.of(SECOND), Optional.empty()));
    }

    @Test
    void promote_makesTheNextCurrent_andRetiresTheCurrentAtTheMoment() {
        var slots = slotsHolding(FIRST);
        slots.putNext(SECOND);
        slots.promote(AT);
        assertThat(slots.read()).isEqualTo(new SecretSlots(SECOND, Optional.empty(), Optional.of(new SecretSlots.Retired(FIRST, AT))));
        slots.promote(AT.plusSeconds(60));
        assertThat(slots.read()).as("promoting with no next changes nothing").isEqualTo(new SecretSlots(SECOND, Optional.empty(),
                Optional.of(new SecretSlots.Retired(FIRST, AT))));
    }

    @Test
    void clearRetired_forgetsTheRetiredSecret_andTwiceIsOnce() {
        var slots = slotsHolding(FIRST);
        slots.putNext(SECOND);
        slots.promote(AT);
        slots.clearRetired();
        slots.clearRetired();
        assertThat(slots.read()).isEqualTo(SecretSlots.only(SECOND));
    }

    @Test
    void givenAStoreThatCannotAnswer_everyStep_saysSoRatherThanGuessing() {
        var slots = unreachableSlots();
        assertThatThrownBy(slots::read).isInstanceOf(StoreUnavailableException.class);
        assertThatThrownBy(() -> slots.putNext(SECOND)).isInstanceOf(StoreUnavailableException.class);
        assertThatThrownBy(() -> slots.promote(AT)).isInstanceOf(StoreUnavailableException.class);
        assertThatThrownBy(slots::clearRetired).isInstanceOf(StoreUnavailableException.class);
    }
}
