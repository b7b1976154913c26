package dev.vizgate.domain.model;

import dev.vizgate.domain.testing.MutableClock;
import dev.vizgate.domain.testing.TestClaims;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class ClaimsTest {
    @Test
    void givenExpNotAfterIat_construction_isRefused() {
        assertThatIllegalArgumentException().isThrownBy(() -> TestClaims.valid().withExpiresAt(MutableClock.START.minusSeconds(5)).build());
    }

    @Test
    void givenFractionalSeconds_construction_isRefused() {
        assertThatIllegalArgumentException().isThrownBy(() -> TestClaims.valid().withExpiresAt(MutableClock.START.plusMillis(300_500)).build())
                .withMessageContaining("whole number of seconds");
    }

    @Test
    void givenBlankSubject_construction_isRefused() {
        assertThatIllegalArgumentException().isThrownBy(() -> new Subject(" "));
        assertThatIllegalArgumentException().isThrownBy(() -> new Subject(" alice"));
    }
}
