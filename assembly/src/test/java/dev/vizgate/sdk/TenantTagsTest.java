package dev.vizgate.sdk;

import dev.vizgate.domain.model.TenantId;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/** The tenant tag is bounded: the first tenants met keep their own, the rest share "other", and a tag never changes. */
class TenantTagsTest {
    @Test
    void givenALimitOfTwo_theFirstTwoTenantsKeepTheirIds_andTheRestShareOther() {
        var tags = new TenantTags(2);
        assertThat(tags.tagFor(new TenantId("acme"))).isEqualTo("acme");
        assertThat(tags.tagFor(new TenantId("globex"))).isEqualTo("globex");
        assertThat(tags.tagFor(new TenantId("initech"))).isEqualTo(TenantTags.OTHER);
        assertThat(tags.tagFor(new TenantId("acme"))).as("a tenant keeps its tag").isEqualTo("acme");
        assertThat(tags.tagFor(new TenantId("initech"))).isEqualTo(TenantTags.OTHER);
    }

    @Test
    void givenALimitOfZero_everyTenantSharesOther_andANegativeLimitIsRefused() {
        assertThat(new TenantTags(0).tagFor(new TenantId("acme"))).isEqualTo(TenantTags.OTHER);
        assertThat(TenantTags.defaults().limit()).isEqualTo(100);
        assertThatIllegalArgumentException().isThrownBy(() -> new TenantTags(-1));
    }
}
