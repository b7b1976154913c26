package dev.vizgate.adapters.secrets;

import dev.vizgate.domain.model.SecretFetch;
import dev.vizgate.domain.model.SecretRef;
import dev.vizgate.domain.model.SecretSlots;
import dev.vizgate.domain.model.StoreUnavailableException;
import dev.vizgate.domain.model.StoredSecret;
import dev.vizgate.domain.port.ConnectedAppSecretSlots;
import dev.vizgate.domain.port.SecretStore;
import dev.vizgate.domain.port.SecretWriter;

import java.time.Instant;
import java.util.Optional;

/** The rotation's slots kept as one {@link SlotsDocument} at a secret-store reference; each change is one new version. */
public final class StoredSecretSlots implements ConnectedAppSecretSlots {
    private final SecretStore store;
    private final SecretWriter writer;
    private final SecretRef ref;

    public StoredSecretSlots(SecretStore store, SecretWriter writer, SecretRef ref) {
        this.store = store;
        this.writer = writer;
        this.ref = ref;
    }

    @Override
    public SecretSlots read() {
        var fetched = store.fetch(ref);
        if (fetched instanceof SecretFetch.Found f) {
            return SlotsDocument.read(f.secret().value()).orElseThrow(() -> new IllegalStateException(ref
                    + " does not hold a rotated secret ({\"current\":{\"id\":…,\"value\":…}}); write the current secret there first"));
        }
        throw new StoreUnavailableException(ref + ": " + (fetched instanceof SecretFetch.Missing m ? m.detail() : ((SecretFetch.Unavailable) fetched).detail()));
    }

    @Override
    public void putNext(StoredSecret next) {
        var s = read();
        if (s.next().filter(next::equals).isPresent()) {
            return;
        }
        writer.write(ref, SlotsDocument.write(new SecretSlots(s.current(), Optional.of(next), s.previous())));
    }

    @Override
    public void promote(Instant at) {
        var s = read();
        if (s.next().isEmpty()) {
            return;
        }
        writer.write(ref, SlotsDocument.write(new SecretSlots(s.next().get(), Optional.empty(), Optional.of(new SecretSlots.Retired(s.current(), at)))));
    }

    @Override
    public void clearRetired() {
        var s = read();
        if (s.previous().isEmpty()) {
            return;
        }
        writer.write(ref, SlotsDocument.write(new SecretSlots(s.current(), s.next(), Optional.empty())));
    }
}
