package dev.vizgate.domain.model;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.net.URI;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/** salesforce.md §3 and §6: instance URLs, frontdoor URLs and the SDK's Lightning orgUrl. */
class UrlTypesTest {
    @ParameterizedTest
    @CsvSource({
            "https://acme.my.salesforce.com, https://acme.lightning.force.com",
            "https://acme--uat.sandbox.my.salesforce.com, https://acme--uat.sandbox.lightning.force.com",
            "https://acme-dev-ed.develop.my.salesforce.com, https://acme-dev-ed.develop.lightning.force.com",
            "https://acme.lightning.force.com, https://acme.lightning.force.com",
            "http://127.0.0.1:8081, http://127.0.0.1:8081"})
    void givenInstance_orgUrl_isTheLightningDomain(String instance, String lightning) {
        assertThat(OrgUrl.fromInstance(InstanceUrl.of(instance))).map(OrgUrl::toString).contains(lightning);
    }

    @Test
    void givenInstanceWithoutDocumentedLightningForm_orgUrl_isEmpty() {
        assertThat(OrgUrl.fromInstance(InstanceUrl.of("https://na1.salesforce.com"))).isEmpty();
    }

    @Test
    void givenPlainHttpOffLoopback_instanceUrl_isRefused() {
        assertThatIllegalArgumentException().isThrownBy(() -> InstanceUrl.of("http://acme.my.salesforce.com"));
    }

    @Test
    void givenUserInfo_instanceUrl_isRefused() {
        assertThatIllegalArgumentException().isThrownBy(() -> InstanceUrl.of("https://a@acme.my.salesforce.com"));
    }

    @Test
    void givenRelativeFrontdoor_construction_isRefused() {
        assertThatIllegalArgumentException().isThrownBy(() -> new FrontdoorUrl(URI.create("/secur/frontdoor.jsp?otp=1")));
    }

    @Test
    void instanceUrl_resolvesPathsWithoutDoubleSlashes() {
        assertThat(InstanceUrl.of("https://acme.my.salesforce.com/").resolve("/services/oauth2/singleaccess"))
                .hasToString("https://acme.my.salesforce.com/services/oauth2/singleaccess");
    }
}
