package dev.vizgate.adapters.audit;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The writer's remembered pseudonyms are the audit key's, and the memory of them is bounded. */
class PseudonymsAreTheKeysTest {

    @Test
    void givenAValueSeenBeforeOrNot_itsPseudonym_isTheKeys() {
        var pseudonyms = new Pseudonyms(AuditKeys.KEY);
        for (int round = 0; round < 2; round++) {
            assertThat(pseudonyms.of("alice@acme.com")).isEqualTo(AuditKeys.KEY.pseudonym("alice@acme.com"));
            assertThat(pseudonyms.of("EMEA")).isEqualTo(AuditKeys.KEY.pseudonym("EMEA"));
        }
        assertThat(pseudonyms.of("alice@acme.com")).isNotEqualTo(new Pseudonyms(AuditKeys.OTHER).of("alice@acme.com"));
    }

    @Test
    void givenMoreValuesThanItKeeps_theOldest_isForgottenAndStillPseudonymisedAlike() {
        var pseudonyms = new Pseudonyms(AuditKeys.KEY);
        for (int i = 0; i <= Pseudonyms.MOST; i++) {
            pseudonyms.of("user-" + i + "@acme.com");
        }
        assertThat(pseudonyms.kept()).isEqualTo(Pseudonyms.MOST);
        assertThat(pseudonyms.of("user-0@acme.com")).isEqualTo(AuditKeys.KEY.pseudonym("user-0@acme.com"));
    }
}
