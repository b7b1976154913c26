package dev.vizgate.adapters.store;

import dev.vizgate.domain.model.BudgetSpend;
import dev.vizgate.domain.model.RateBudget;
import dev.vizgate.domain.testing.MutableClock;
import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

/** The in-memory counts beyond the port's contract: their bound, and a counter that rolls to a new window in place. */
class CaffeineRequestBudgetsTest {
    private final MutableClock clock = new MutableClock();

    @Test
    void givenMoreKeysThanTheBound_theCountersKept_stayWithinIt() {
        var budgets = new CaffeineRequestBudgets(clock, 100);
        for (int i = 0; i < 1_000; i++) {
            budgets.spend("user-" + i, RateBudget.perMinute(5));
        }
        assertThat(budgets.countersKept()).isPositive().isLessThanOrEqualTo(100);
    }

    @Test
    void givenASpendStampedInTheWindowBefore_itCountsInTheNewerWindow() {
        var budgets = new CaffeineRequestBudgets(clock, 100);
        var budget = RateBudget.perMinute(1);
        clock.advance(Duration.ofMinutes(1));
        assertThat(budgets.spend("k", budget)).isEqualTo(BudgetSpend.ALLOWED);
        // A thread that read the clock just before the window turned: it must not open the old window's budget again.
        clock.advance(Duration.ofMillis(-1));
        assertThat(budgets.spend("k", budget)).isInstanceOf(BudgetSpend.Exhausted.class);
    }

    @Test
    void givenAnExhaustedKey_everyFurtherSpendInTheWindow_isExhausted() {
        var budgets = new CaffeineRequestBudgets(clock, 100);
        var budget = RateBudget.perMinute(3);
        var allowed = 0;
        for (int i = 0; i < 10_000; i++) {
            allowed += budgets.spend("k", budget) == BudgetSpend.ALLOWED ? 1 : 0;
        }
        assertThat(allowed).isEqualTo(3);
    }
}
