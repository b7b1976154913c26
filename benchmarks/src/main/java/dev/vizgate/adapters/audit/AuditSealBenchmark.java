package dev.vizgate.adapters.audit;

import dev.vizgate.domain.model.AuditCaller;
import dev.vizgate.domain.model.AuditContext;
import dev.vizgate.domain.model.AuditEvent;
import dev.vizgate.domain.model.KeyId;
import dev.vizgate.domain.model.Scopes;
import dev.vizgate.domain.model.Subject;
import dev.vizgate.domain.model.TenantId;
import dev.vizgate.domain.model.TokenId;
import dev.vizgate.domain.model.UserAttributes;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * What the audit trail's writer thread spends on each record before it reaches the sink: the JSON, the pseudonym and
 * the chain's HMAC (issue 32's cost on a token route, whose records look like these). In the adapter's package because
 * the chain is the adapter's own, not part of its API.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@State(Scope.Benchmark)
public class AuditSealBenchmark {
    private static final Instant AT = Instant.parse("2026-12-06T10:00:00Z");

    final AuditChain chain = AuditChain.start(AuditKey.of("an-audit-key-of-32-bytes-or-more-for-jmh".getBytes(StandardCharsets.US_ASCII)),
            "gw-1", ClearFields.none());
    final AuditEvent[] events = new AuditEvent[64];
    int next;

    public AuditSealBenchmark() {
        for (int i = 0; i < events.length; i++) {
            var context = new AuditContext(AT.plusMillis(i * 10L), Optional.of(new TenantId("acme")),
                    new AuditCaller("portal-backend", AuditCaller.Kind.API_KEY), Optional.of(new Subject("user-" + (i % 16) + "@acme.com")),
                    Optional.of("4bf92f3577b34da6a3ce929d0e0e47" + (10 + i)));
            events[i] = new AuditEvent.TokenIssued(context, "direct", new TokenId("0b6f1c2e-7a55-4c1e-9d3a-" + (100000000000L + i)), new KeyId("s1"),
                    Scopes.of("tableau:views:embed"), new UserAttributes(Map.of()), AT.plusSeconds(300));
        }
    }

    /**
     * One token-issued record sealed into the chain (the events fall within one second, as a busy gateway's do): its
     * line's bytes, as the sink receives them.
     */
    @Benchmark
    public byte[] sealTokenIssued() {
        return chain.seal(events[next++ & 63]);
    }
}
