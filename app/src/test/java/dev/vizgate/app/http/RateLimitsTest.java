package dev.vizgate.app.http;

import dev.vizgate.adapters.store.CaffeineRequestBudgets;
import dev.vizgate.domain.model.BudgetSpend;
import dev.vizgate.domain.port.RequestBudgets;
import dev.vizgate.domain.testing.MutableClock;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

class RateLimitsTest {
    @Test
    void givenABurstWithinTheUsersBudget_check_allowsAllOfIt() {
        var limits = new RateLimits(1000, 5);
        for (int i = 0; i < 5; i++) {
            assertThat(limits.check("portal", "alice")).as("request " + i).isEmpty();
        }
    }

    @Test
    void givenTheUsersBudgetSpent_check_refusesWithRetryAfter() {
        var limits = new RateLimits(1000, 3);
        for (int i = 0; i < 3; i++) {
            limits.check("portal", "alice");
        }
        assertThat(limits.check("portal", "alice")).hasValue(60);
        assertThat(limits.check("portal", "bob")).as("other users keep their budget").isEmpty();
    }

    @Test
    void givenTheCallersBudgetSpent_check_refusesEveryUserOfThatCaller() {
        var limits = new RateLimits(2, 100);
        limits.check("portal", "a");
        limits.check("portal", "b");
        assertThat(limits.check("portal", "c")).isPresent();
        assertThat(limits.check("other-backend", "c")).isEmpty();
    }

    @Test
    void givenSharedBudgets_twoNodesSpendOneBudget_andTheRefusalSaysWhenTheWindowEnds() {
        var clock = new MutableClock();
        var shared = new CaffeineRequestBudgets(clock, 1000);
        var nodeA = new RateLimits(Optional.of(shared), 1000, 3);
        var nodeB = new RateLimits(Optional.of(shared), 1000, 3);
        assertThat(nodeA.check("portal", "alice")).isEmpty();
        assertThat(nodeB.check("portal", "alice")).isEmpty();
        clock.advance(Duration.ofSeconds(15));
        assertThat(nodeA.check("portal", "alice")).isEmpty();
        assertThat(nodeB.check("portal", "alice")).as("three in all, not three per node").hasValue(45);
    }

    @Test
    void givenSharedBudgetsUnavailable_eachNodeStillLimitsOnItsOwn() {
        RequestBudgets down = (key, budget) -> new BudgetSpend.Unavailable("Redis did not answer");
        var node = new RateLimits(Optional.of(down), 1000, 2);
        assertThat(node.check("portal", "alice")).isEmpty();
        assertThat(node.check("portal", "alice")).isEmpty();
        assertThat(node.check("portal", "alice")).hasValue(60);
    }
}
