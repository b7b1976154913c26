package dev.vizgate.sdk;

import dev.vizgate.adapters.secrets.SlotsDocument;
import dev.vizgate.adapters.secrets.StoredSecretSlots;
import dev.vizgate.adapters.vault.VaultKvSecretStore;
import dev.vizgate.adapters.vault.VaultSettings;
import dev.vizgate.domain.model.SecretRef;
import dev.vizgate.domain.model.SecretSlots;
import dev.vizgate.domain.model.StoredSecret;
import dev.vizgate.domain.port.ConnectedAppSecretSlots;
import dev.vizgate.domain.testing.ConnectedAppSecretSlotsContract;
import dev.vizgate.sandbox.VaultStandIn;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The rotation's journal as production keeps it: one document in a secret store, here Vault KV v2 (the Vault stand-in,
 * through the real Vault adapter), each change a new version. Each test gets a document of its own.
 */
class StoredSecretSlotsPassesTheContractTest extends ConnectedAppSecretSlotsContract {
    static VaultStandIn vault;
    static VaultKvSecretStore store;
    static final AtomicInteger DOCUMENTS = new AtomicInteger();

    @BeforeAll
    static void start() throws Exception {
        vault = VaultStandIn.start(Clock.systemUTC(), Optional.empty()).token("hvs.slots");
        store = new VaultKvSecretStore(new VaultSettings(vault.baseUrl(), new VaultSettings.Auth.Token("hvs.slots"), Optional.empty(), Optional.empty(),
                Duration.ofSeconds(2)));
    }

    @AfterAll
    static void stop() {
        vault.close();
    }

    @Override
    protected ConnectedAppSecretSlots slotsHolding(StoredSecret current) {
        var path = "vizgate/slots-" + DOCUMENTS.incrementAndGet();
        vault.write("secret", path, Map.of("value", SlotsDocument.write(SecretSlots.only(current))));
        return new StoredSecretSlots(store, store, SecretRef.of("vault", "secret/" + path));
    }

    @Override
    protected ConnectedAppSecretSlots unreachableSlots() {
        var nowhere = new VaultKvSecretStore(new VaultSettings(URI.create("http://127.0.0.1:1"), new VaultSettings.Auth.Token("hvs.slots"),
                Optional.empty(), Optional.empty(), Duration.ofSeconds(1)));
        return new StoredSecretSlots(nowhere, nowhere, SecretRef.of("vault", "secret/vizgate/nowhere"));
    }
}
