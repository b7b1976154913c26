package dev.vizgate.domain.testing;

import dev.vizgate.domain.model.BudgetSpend;
import dev.vizgate.domain.model.RateBudget;
import dev.vizgate.domain.port.RequestBudgets;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/** What every {@link RequestBudgets} must do. Extend it and return the adapter under test. */
public abstract class RequestBudgetsContract {
    protected MutableClock clock;
    private RequestBudgets budgets;

    /** A fresh store that reads time from {@code clock}. */
    protected abstract RequestBudgets createBudgets(MutableClock clock);

    @BeforeEach
    void createBudgets() {
        clock = new MutableClock(); // starts on a whole minute, so each test knows where its window ends
        budgets = createBudgets(clock);
    }

    private static String key(String v) {
        return v + "-" + System.nanoTime();
    }

    @Test
    void givenBudgetLeft_spend_isAllowed() {
        assertThat(budgets.spend(key("a"), RateBudget.perMinute(2))).isEqualTo(BudgetSpend.ALLOWED);
    }

    @Test
    void givenBudgetSpent_spend_isExhaustedUntilTheWindowEnds() {
        var k = key("b");
        budgets.spend(k, RateBudget.perMinute(2));
        budgets.spend(k, RateBudget.perMinute(2));
        clock.advance(Duration.ofSeconds(20));
        var third = budgets.spend(k, RateBudget.perMinute(2));
        assertThat(third).isInstanceOf(BudgetSpend.Exhausted.class);
        assertThat(((BudgetSpend.Exhausted) third).retryAfter()).isEqualTo(Duration.ofSeconds(40));
    }

    @Test
    void givenANewWindow_spend_isAllowedAgain() {
        var k = key("c");
        budgets.spend(k, RateBudget.perMinute(1));
        assertThat(budgets.spend(k, RateBudget.perMinute(1))).isInstanceOf(BudgetSpend.Exhausted.class);
        clock.advance(Duration.ofMinutes(1));
        assertThat(budgets.spend(k, RateBudget.perMinute(1))).isEqualTo(BudgetSpend.ALLOWED);
    }

    @Test
    void aKey_countsSeparatelyUnderEachBudget() {
        var k = key("f");
        budgets.spend(k, RateBudget.perMinute(1));
        assertThat(budgets.spend(k, RateBudget.perMinute(1))).isInstanceOf(BudgetSpend.Exhausted.class);
        assertThat(budgets.spend(k, RateBudget.perMinute(2))).isEqualTo(BudgetSpend.ALLOWED);
    }

    @Test
    void keys_haveBudgetsOfTheirOwn() {
        var k = key("d");
        budgets.spend(k, RateBudget.perMinute(1));
        assertThat(budgets.spend(k + "-other", RateBudget.perMinute(1))).isEqualTo(BudgetSpend.ALLOWED);
    }

    @Test
    void givenConcurrentSpends_exactlyTheBudgetIsAllowed() throws Exception {
        var k = key("e");
        var pool = Executors.newFixedThreadPool(8);
        try {
            var start = new CountDownLatch(1);
            var calls = new ArrayList<Callable<BudgetSpend>>();
            for (int i = 0; i < 40; i++) {
                calls.add(() -> {
                    start.await();
                    return budgets.spend(k, RateBudget.perMinute(10));
                });
            }
            var futures = calls.stream().map(pool::submit).toList();
            start.countDown();
            long allowed = 0;
            for (var f : futures) {
                allowed += f.get(10, TimeUnit.SECONDS) instanceof BudgetSpend.Allowed ? 1 : 0;
            }
            assertThat(allowed).isEqualTo(10);
        } finally {
            pool.shutdownNow();
        }
    }
}
