package dev.vizgate.adapters.secrets;

import dev.vizgate.domain.model.SecretRef;
import dev.vizgate.domain.model.SecretSlots;
import dev.vizgate.domain.model.StoredSecret;
import dev.vizgate.domain.port.ConnectedAppSecretSlots;
import dev.vizgate.domain.testing.ConnectedAppSecretSlotsContract;
import dev.vizgate.domain.testing.InMemorySecretStore;

/**
 * The rotation's journal over any writable secret store: here the domain's in-memory store, so the adapter's own
 * logic (one document, each change a new version, a store that is down said as such) is proved where it lives. The sdk
 * runs the same contract over Vault through the real Vault adapter.
 */
class StoredSecretSlotsOverAnyStorePassesTheContractTest extends ConnectedAppSecretSlotsContract {
    static final SecretRef DOCUMENT = SecretRef.of("memory", "vizgate/slots");

    @Override
    protected ConnectedAppSecretSlots slotsHolding(StoredSecret current) {
        var store = new InMemorySecretStore().put(DOCUMENT, SlotsDocument.write(SecretSlots.only(current)));
        return new StoredSecretSlots(store, store, DOCUMENT);
    }

    @Override
    protected ConnectedAppSecretSlots unreachableSlots() {
        var store = new InMemorySecretStore().put(DOCUMENT, SlotsDocument.write(SecretSlots.only(FIRST))).down(true);
        return new StoredSecretSlots(store, store, DOCUMENT);
    }
}
