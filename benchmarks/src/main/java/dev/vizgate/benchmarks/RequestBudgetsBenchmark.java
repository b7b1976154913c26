package dev.vizgate.benchmarks;

import dev.vizgate.adapters.store.CaffeineRequestBudgets;
import dev.vizgate.domain.model.BudgetSpend;
import dev.vizgate.domain.model.RateBudget;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.infra.Blackhole;

import java.time.Clock;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;

/**
 * The rate budgets one token request spends on a one-node gateway: its caller's, its user's and its tenant's, with the
 * tenant drawn at random from 1 or 1,000, on one thread (two contend for the caller's and user's counters, as on the gateway,
 * and that contention, the same for any number of tenants, hides the rest). What 1,000 tenants' keys
 * cost the in-memory counts per request (issue 29: a 1,000-tenant gateway at 95% of a one-tenant one).
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@State(Scope.Benchmark)
@Threads(1)
public class RequestBudgetsBenchmark {
    @Param({"1", "1000"})
    int tenants;

    CaffeineRequestBudgets budgets;
    String[] tenantKeys;
    final RateBudget generous = RateBudget.perMinute(Integer.MAX_VALUE);

    @Setup(Level.Trial)
    public void setUp() {
        budgets = new CaffeineRequestBudgets(Clock.systemUTC(), 200_000);
        tenantKeys = new String[tenants];
        for (int i = 0; i < tenants; i++) {
            tenantKeys[i] = "t\u0000" + String.format("t%04d", i);
        }
    }

    @Benchmark
    public void spendCallerUserAndTenant(Blackhole out) {
        out.consume(budgets.spend("c\u0000backend", generous));
        out.consume(budgets.spend("u\u0000backend\u0000alice@example.com", generous));
        out.consume(budgets.spend(tenantKeys[ThreadLocalRandom.current().nextInt(tenantKeys.length)], generous));
    }
}
