package dev.vizgate.domain.model;

import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class VerifiedClaimsTest {
    @Test
    void givenNumericDate_instant_readsSeconds() {
        assertThat(new VerifiedClaims(Map.of("exp", 1_700_000_000L)).instant("exp")).contains(Instant.ofEpochSecond(1_700_000_000L));
    }

    @Test
    void givenStringOrAbsurdDate_instant_isEmpty() {
        assertThat(new VerifiedClaims(Map.of("exp", "1700000000")).instant("exp")).isEmpty();
        assertThat(new VerifiedClaims(Map.of("exp", 1e300)).instant("exp")).isEmpty();
        assertThat(new VerifiedClaims(Map.of("exp", Double.NaN)).instant("exp")).isEmpty();
    }

    @Test
    void givenAudAsStringOrArray_audiences_readsBoth() {
        assertThat(new VerifiedClaims(Map.of("aud", "a")).audiences()).containsExactly("a");
        assertThat(new VerifiedClaims(Map.of("aud", List.of("a", "b"))).audiences()).containsExactly("a", "b");
        assertThat(new VerifiedClaims(Map.of("aud", List.of("a", 1))).audiences()).isEmpty();
    }

    @Test
    void toString_namesClaimsButNotValues() {
        assertThat(new VerifiedClaims(Map.of("sub", "alice@example.com")).toString()).doesNotContain("alice");
    }
}
