package dev.vizgate.domain.testing;

import dev.vizgate.domain.model.SecretSlots;
import dev.vizgate.domain.model.StoreUnavailableException;
import dev.vizgate.domain.model.StoredSecret;
import dev.vizgate.domain.port.ConnectedAppSecretSlots;

import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;

/** The store's rotation slots in memory; it can be taken "down" (reads and writes throw StoreUnavailableException). */
public final class InMemorySecretSlots implements ConnectedAppSecretSlots {
    private final AtomicReference<SecretSlots> slots;
    private volatile boolean down;

    public InMemorySecretSlots(StoredSecret current) {
        this.slots = new AtomicReference<>(SecretSlots.only(current));
    }

    public InMemorySecretSlots down(boolean isDown) {
        down = isDown;
        return this;
    }

    /** What the store holds, read past any outage, for assertions. */
    public SecretSlots peek() {
        return slots.get();
    }

    private void reachable() {
        if (down) {
            throw new StoreUnavailableException("the in-memory store is down");
        }
    }

    @Override
    public SecretSlots read() {
        reachable();
        return slots.get();
    }

    @Override
    public void putNext(StoredSecret next) {
        reachable();
        slots.updateAndGet(s -> new SecretSlots(s.current(), Optional.of(next), s.previous()));
    }

    @Override
    public void promote(Instant at) {
        reachable();
        slots.updateAndGet(s -> s.next().isEmpty() ? s
                : new SecretSlots(s.next().get(), Optional.empty(), Optional.of(new SecretSlots.Retired(s.current(), at))));
    }

    @Override
    public void clearRetired() {
        reachable();
        slots.updateAndGet(s -> new SecretSlots(s.current(), s.next(), Optional.empty()));
    }
}
