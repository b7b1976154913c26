package dev.vizgate.domain.model;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/** tableau.md §1 ODA: the documented claim names, not the invented ones. */
class OnDemandAccessTest {
    @Test
    void claimNames_areTheDocumentedOnes() {
        assertThat(OnDemandAccess.ODA_CLAIM).isEqualTo("https://tableau.com/oda");
        assertThat(OnDemandAccess.GROUPS_CLAIM).isEqualTo("https://tableau.com/groups");
    }

    @Test
    void givenNoGroups_construction_isRefused() {
        assertThatIllegalArgumentException().isThrownBy(OnDemandAccess::inGroups);
    }

    @Test
    void flagStyle_writesBooleanOrStringTrue() {
        assertThat(OnDemandAccess.FlagStyle.BOOLEAN.value()).isEqualTo(Boolean.TRUE);
        assertThat(OnDemandAccess.FlagStyle.STRING.value()).isEqualTo("true");
    }
}
