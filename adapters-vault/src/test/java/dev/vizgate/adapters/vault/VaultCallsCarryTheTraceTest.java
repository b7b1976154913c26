package dev.vizgate.adapters.vault;

import dev.vizgate.domain.model.SecretFetch;
import dev.vizgate.domain.model.SecretRef;
import dev.vizgate.sandbox.VaultStandIn;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanContext;
import io.opentelemetry.api.trace.TraceFlags;
import io.opentelemetry.api.trace.TraceState;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 32, item 6: a read made for a request carries that request's trace to Vault (W3C {@code traceparent}, which
 * the driver's requests get from the client this adapter hands it); a read made with no trace current carries none.
 */
class VaultCallsCarryTheTraceTest {
    static final String TRACE = "4bf92f3577b34da6a3ce929d0e0e4736";
    static final String SPAN = "00f067aa0ba902b7";

    @Test
    void givenACurrentTrace_aRead_carriesIt_andWithoutOne_carriesNone() throws Exception {
        try (var vault = VaultStandIn.start(Clock.systemUTC(), Optional.empty()).token("hvs.root-token")) {
            vault.write("secret", "vizgate/traced", Map.of("value", "v"));
            var store = new VaultKvSecretStore(new VaultSettings(vault.baseUrl(), new VaultSettings.Auth.Token("hvs.root-token"), Optional.empty(),
                    Optional.empty(), Duration.ofSeconds(2)));
            var ref = SecretRef.of("vault", "secret/vizgate/traced");
            assertThat(store.fetch(ref)).isInstanceOf(SecretFetch.Found.class);
            assertThat(vault.traceparents().all()).as("no trace current").isEmpty();
            try (var ignored = Span.wrap(SpanContext.create(TRACE, SPAN, TraceFlags.getSampled(), TraceState.getDefault())).makeCurrent()) {
                assertThat(store.fetch(ref)).isInstanceOf(SecretFetch.Found.class);
            }
            assertThat(vault.traceparents().all()).singleElement().satisfies(seen -> {
                assertThat(seen.traceparent()).isEqualTo("00-" + TRACE + "-" + SPAN + "-01");
                assertThat(seen.path()).startsWith("/v1/secret/data/vizgate/traced");
            });
        }
    }
}
