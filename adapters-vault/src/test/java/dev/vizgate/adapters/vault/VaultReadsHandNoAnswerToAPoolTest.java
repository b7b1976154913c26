package dev.vizgate.adapters.vault;

import dev.vizgate.domain.model.SecretFetch;
import dev.vizgate.domain.model.SecretRef;
import dev.vizgate.domain.testing.JdkClientPoolThreads;
import dev.vizgate.sandbox.VaultStandIn;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A gateway of many tenants reads one secret per tenant at every refresh. The JDK client's default executor is a pool
 * of its own ({@code HttpClient-N-Worker-M}) that every answer is handed to and back from; the store's client runs
 * that work on its selector thread and the reading one instead, which cut the CPU of a refresh of 1,000 tenants by
 * about 30% (docs/architecture.md). So reads start no such pool.
 */
class VaultReadsHandNoAnswerToAPoolTest {

    @Test
    void givenReads_theClientsWork_startsNoPoolOfItsOwn() throws Exception {
        try (var vault = VaultStandIn.start(Clock.systemUTC(), Optional.empty()).token("hvs.root-token")) {
            vault.write("secret", "vizgate/pooled", Map.of("value", "v"));
            var started = JdkClientPoolThreads.startedDuring(() -> {
                var store = new VaultKvSecretStore(new VaultSettings(vault.baseUrl(), new VaultSettings.Auth.Token("hvs.root-token"), Optional.empty(),
                        Optional.empty(), Duration.ofSeconds(2)));
                for (int i = 0; i < 5; i++) {
                    assertThat(store.fetch(SecretRef.of("vault", "secret/vizgate/pooled"))).isInstanceOf(SecretFetch.Found.class);
                }
            });
            assertThat(started).as("the JDK client's pool threads the reads started").isEmpty();
        }
    }
}
