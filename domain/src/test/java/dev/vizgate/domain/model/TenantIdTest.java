package dev.vizgate.domain.model;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatNullPointerException;

class TenantIdTest {
    /** 64 characters, the longest an id may be. */
    private static final String SIXTY_FOUR = "abcdefghijklmnopqrstuvwxyz0123456789abcdefghijklmnopqrstuvwxyz-9";

    @ParameterizedTest
    @ValueSource(strings = {"a", "7", "acme", "globex-eu", "a-b-c", "0-0", "z9", SIXTY_FOUR})
    void givenASlug_isATenantId(String value) {
        assertThat(new TenantId(value).value()).isEqualTo(value);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "-", "-acme", "acme-", "Acme", "ACME", "acme_eu", "acme.eu", "acme/eu", "acme eu", "ac\u00e9me", "a`", "a{", "a:",
            "a" + SIXTY_FOUR})
    void givenAnythingElse_isRefusedInWords(String value) {
        assertThatIllegalArgumentException().isThrownBy(() -> new TenantId(value))
                .withMessage("a tenant id is 1 to 64 lower-case letters, digits and dashes, not starting or ending with a dash");
    }

    @Test
    void givenNull_isRefused() {
        assertThatNullPointerException().isThrownBy(() -> new TenantId(null));
    }

    @Test
    void equalIds_areEqual_andHashAlike_andOthersAreNot() {
        assertThat(new TenantId("acme")).isEqualTo(new TenantId("acme")).hasSameHashCodeAs(new TenantId("acme"))
                .isNotEqualTo(new TenantId("globex")).isNotEqualTo("acme");
        assertThat(new TenantId("acme")).hasToString("acme");
    }
}
