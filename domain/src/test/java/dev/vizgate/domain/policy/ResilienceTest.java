package dev.vizgate.domain.policy;

import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class ResilienceTest {
    static Resilience with(int retries, int failures, int window, Duration openFor, Duration request, Duration budget) {
        return new Resilience(Duration.ofSeconds(1), request, budget, retries, Duration.ofMillis(100), Duration.ofSeconds(1), failures, window, openFor);
    }

    @Test
    void givenTheDefaults_theyAreValidAndOpenForThirtySeconds() {
        assertThat(Resilience.defaults().breakerOpenFor()).isEqualTo(Duration.ofSeconds(30));
        assertThat(Resilience.defaults().breakerFailures()).isLessThanOrEqualTo(Resilience.defaults().breakerWindow());
    }

    @Test
    void givenNegativeRetries_isRefusedNamingTheValue() {
        assertThatIllegalArgumentException().isThrownBy(() -> with(-1, 5, 10, Duration.ofSeconds(30), Duration.ofSeconds(5), Duration.ofSeconds(10)))
                .withMessageContaining("max retries is -1");
    }

    @Test
    void givenMoreFailuresThanTheWindowHolds_isRefused() {
        assertThatIllegalArgumentException().isThrownBy(() -> with(2, 11, 10, Duration.ofSeconds(30), Duration.ofSeconds(5), Duration.ofSeconds(10)))
                .withMessageContaining("11 failures of the last 10 calls");
        assertThatIllegalArgumentException().isThrownBy(() -> with(2, 0, 10, Duration.ofSeconds(30), Duration.ofSeconds(5), Duration.ofSeconds(10)));
    }

    @Test
    void givenAnOpenTimeThatIsNotPositive_isRefused() {
        assertThatIllegalArgumentException().isThrownBy(() -> with(2, 5, 10, Duration.ZERO, Duration.ofSeconds(5), Duration.ofSeconds(10)))
                .withMessageContaining("positive");
    }

    @Test
    void givenABudgetShorterThanOneRequest_isRefused() {
        assertThatIllegalArgumentException().isThrownBy(() -> with(2, 5, 10, Duration.ofSeconds(30), Duration.ofSeconds(5), Duration.ofSeconds(4)))
                .withMessageContaining("at least one request");
    }
}
