package dev.vizgate.benchmarks;

import dev.vizgate.domain.model.SignedToken;
import dev.vizgate.domain.model.Subject;
import dev.vizgate.domain.model.TenantId;
import dev.vizgate.domain.policy.TableauTokenRequest;
import dev.vizgate.sdk.Tenants;
import dev.vizgate.sdk.Vizgate;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * A direct-trust token through {@link Tenants}, round-robin over 1 or 1,000 customers, each built once beforehand: what
 * many tenants cost per token compared with one (issue 29's target: at least 95% of one tenant's throughput).
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@State(Scope.Benchmark)
public class TenantsBenchmark {
    @Param({"1", "1000"})
    int tenants;

    Tenants all;
    List<TenantId> ids;
    int next;
    final TableauTokenRequest request = TableauTokenRequest.forUser(new Subject("alice@example.com"));

    @Setup(Level.Trial)
    public void setUp() {
        ids = TenantFixtures.ids(tenants);
        var catalogue = TenantFixtures.catalogue(ids);
        all = Tenants.of(id -> Optional.ofNullable(catalogue.get(id)), Vizgate::builder);
        ids.forEach(id -> all.tenant(id).orElseThrow()); // built before timing: the first request's build is not the steady state
    }

    @TearDown(Level.Trial)
    public void tearDown() {
        all.close();
    }

    @Benchmark
    public SignedToken issueForTheNextTenant() {
        var id = ids.get(next++ % ids.size());
        return all.tenant(id).orElseThrow().tableauTokens().orElseThrow().issue(request).issued().token();
    }
}
