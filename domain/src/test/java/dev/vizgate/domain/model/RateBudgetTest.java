package dev.vizgate.domain.model;

import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatNullPointerException;

class RateBudgetTest {
    @Test
    void perMinute_isThatManyRequestsAMinute() {
        assertThat(RateBudget.perMinute(120)).isEqualTo(new RateBudget(120, Duration.ofMinutes(1)));
    }

    @Test
    void givenNoRequests_budget_isRefused() {
        assertThatIllegalArgumentException().isThrownBy(() -> RateBudget.perMinute(0)).withMessageContaining("at least one");
    }

    @Test
    void givenAWindowUnderASecondOrOverADay_budget_isRefused() {
        assertThatIllegalArgumentException().isThrownBy(() -> new RateBudget(1, Duration.ofMillis(999)));
        assertThatIllegalArgumentException().isThrownBy(() -> new RateBudget(1, Duration.ofDays(1).plusMillis(1)));
        assertThat(new RateBudget(1, Duration.ofSeconds(1)).window()).isEqualTo(Duration.ofSeconds(1));
        assertThat(new RateBudget(1, Duration.ofDays(1)).window()).isEqualTo(Duration.ofDays(1));
        assertThatNullPointerException().isThrownBy(() -> new RateBudget(1, null));
    }

    @Test
    void exhausted_needsAPositiveWait_andUnavailable_aPrintableReason() {
        assertThatIllegalArgumentException().isThrownBy(() -> new BudgetSpend.Exhausted(Duration.ZERO));
        assertThatIllegalArgumentException().isThrownBy(() -> new BudgetSpend.Exhausted(Duration.ofSeconds(-1)));
        assertThat(new BudgetSpend.Exhausted(Duration.ofMillis(1)).retryAfter()).isEqualTo(Duration.ofMillis(1));
        assertThatIllegalArgumentException().isThrownBy(() -> new BudgetSpend.Unavailable("line\nbreak"));
    }
}
