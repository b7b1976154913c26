package dev.vizgate.app.http;

import org.junit.jupiter.api.Test;

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
}
