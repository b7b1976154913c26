package dev.vizgate.domain.model;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/** One home for the claim names: a user attribute can take none of them. */
class ClaimNamesTest {
    @Test
    void everyReservedName_isRefusedAsAnAttributeName() {
        for (var name : ClaimNames.RESERVED) {
            assertThatIllegalArgumentException().as(name).isThrownBy(() -> UserAttributes.none().with(name, "x"))
                    .withMessageContaining("reserved claim");
        }
    }

    @Test
    void theReservedNames_coverTableausRegisteredClaimsAndTheConfusableHeaderNames() {
        assertThat(ClaimNames.RESERVED).containsAll(ClaimNames.TABLEAU_REGISTERED)
                .contains("prn", "kid", "typ", "alg", "https://tableau.com/oda", "https://tableau.com/groups");
        assertThat(ClaimNames.TABLEAU_REGISTERED).contains("iss", "sub", "aud", "exp", "nbf", "iat", "jti", "scp");
    }
}
