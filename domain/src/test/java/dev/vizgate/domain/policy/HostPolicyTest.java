package dev.vizgate.domain.policy;

import org.assertj.core.api.Assertions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.net.URI;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/** salesforce.md §6 and DESIGN.md: who may receive an access token or be handed to a browser. */
class HostPolicyTest {
    private final HostPolicy policy = HostPolicy.salesforce();

    @ParameterizedTest
    @ValueSource(strings = {
            "https://acme.my.salesforce.com",
            "https://acme--uat.sandbox.my.salesforce.com/services/oauth2/singleaccess",
            "https://acme-dev-ed.develop.my.salesforce.com",
            "https://acme.lightning.force.com",
            "https://acme.my.site.com/customers",
            "https://login.salesforce.com:443/secur/frontdoor.jsp?otp=x",
            "https://ACME.MY.SALESFORCE.COM"})
    void givenSalesforceHost_check_allows(String url) {
        assertThat(policy.check(URI.create(url))).isEqualTo(HostDecision.ALLOWED);
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "https://salesforce.com.evil.example",
            "https://evilsalesforce.com",
            "https://my.salesforce.com.attacker.net/x",
            "https://force.com.evil.example",
            "https://example.com"})
    void givenLookAlikeOrForeignHost_check_refuses(String url) {
        assertThat(policy.check(URI.create(url))).isInstanceOf(HostDecision.Refused.class);
    }

    @Test
    void givenPlainHttpOnASalesforceHost_check_refuses() {
        assertThat(policy.check(URI.create("http://acme.my.salesforce.com"))).isInstanceOf(HostDecision.Refused.class);
    }

    @Test
    void givenUserInfoTrick_check_refuses() {
        assertThat(policy.check(URI.create("https://acme.my.salesforce.com@evil.example/"))).isInstanceOf(HostDecision.Refused.class);
        assertThat(policy.check(URI.create("https://user@acme.my.salesforce.com/"))).isInstanceOf(HostDecision.Refused.class);
    }

    @Test
    void givenNonDefaultPort_check_refuses() {
        assertThat(policy.check(URI.create("https://acme.my.salesforce.com:8443"))).isInstanceOf(HostDecision.Refused.class);
    }

    @Test
    void givenRelativeOrOpaqueUrl_check_refuses() {
        assertThat(policy.check(URI.create("/services/oauth2/singleaccess"))).isInstanceOf(HostDecision.Refused.class);
        assertThat(policy.check(URI.create("javascript:alert(1)"))).isInstanceOf(HostDecision.Refused.class);
        assertThat(policy.check(null)).isInstanceOf(HostDecision.Refused.class);
    }

    @ParameterizedTest
    @ValueSource(strings = {"http://127.0.0.1:8081", "http://localhost:9000/x", "http://[::1]:8080"})
    void givenLoopbackByDefault_check_refuses(String url) {
        assertThat(policy.check(URI.create(url))).isInstanceOf(HostDecision.Refused.class);
    }

    @ParameterizedTest
    @ValueSource(strings = {"http://127.0.0.1:8081", "http://localhost:9000/x", "http://[::1]:8080", "https://127.0.0.1:8443"})
    void givenLoopbackEnabledForStandIns_check_allowsHttpOnLoopback(String url) {
        assertThat(policy.withLoopback(true).check(URI.create(url))).isEqualTo(HostDecision.ALLOWED);
    }

    @Test
    void givenExactHostEntry_check_allowsOnlyThatHost() {
        var custom = new HostPolicy(Set.of("portal.acme.com"), false);
        assertThat(custom.check(URI.create("https://portal.acme.com"))).isEqualTo(HostDecision.ALLOWED);
        assertThat(custom.check(URI.create("https://x.portal.acme.com"))).isInstanceOf(HostDecision.Refused.class);
    }

    @ParameterizedTest
    @ValueSource(strings = {".com", ".", "*.salesforce.com", "https://x.com", "a..b.com", ""})
    void givenEntryThatIsNotAHostOrRegisteredSuffix_construction_isRefused(String entry) {
        assertThatIllegalArgumentException().isThrownBy(() -> new HostPolicy(Set.of(entry), false));
    }

    @ParameterizedTest
    @ValueSource(strings = {"https://acme.my.salesforce.com", "https://acme--uat.sandbox.my.salesforce.com", "https://ACME.MY.SALESFORCE.COM",
            "http://127.0.0.1:8080", "http://localhost:1"})
    void givenAMyDomainOrLoopbackHost_isMyDomain_isTrue(String url) {
        Assertions.assertThat(HostPolicy.isMyDomain(URI.create(url))).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"https://login.salesforce.com", "https://test.salesforce.com", "https://.my.salesforce.com",
            "https://my.salesforce.com", "https://acme.my.salesforce.com.evil.example", "mailto:a@b.c"})
    void givenAnyOtherHost_isMyDomain_isFalse(String url) {
        Assertions.assertThat(HostPolicy.isMyDomain(URI.create(url))).isFalse();
    }

    @Test
    void givenNoUrl_isMyDomain_isFalse() {
        Assertions.assertThat(HostPolicy.isMyDomain(null)).isFalse();
    }

    /** The default: the configured org's own hosts, never every customer's under Salesforce's suffixes. */
    @Test
    void givenAMyDomainTokenUrl_forOrg_allowsThatOrgsHostsAndNoOtherOrgs() {
        var own = HostPolicy.forOrg(URI.create("https://acme.my.salesforce.com")).orElseThrow();
        Assertions.assertThat(own.check(URI.create("https://acme.my.salesforce.com/secur/frontdoor.jsp?otp=x")))
                .isInstanceOf(HostDecision.Allowed.class);
        Assertions.assertThat(own.check(URI.create("https://acme.lightning.force.com/"))).isInstanceOf(HostDecision.Allowed.class);
        Assertions.assertThat(own.check(URI.create("https://login.salesforce.com/id/00D/005"))).isInstanceOf(HostDecision.Allowed.class);
        for (var other : List.of("https://evil.my.salesforce.com/", "https://evil.my.site.com/", "https://evil.force.com/",
                "https://acme.my.salesforce.com.evil.example/")) {
            Assertions.assertThat(own.check(URI.create(other))).as(other).isInstanceOf(HostDecision.Refused.class);
        }
        Assertions.assertThat(own.admitsOtherOrgs()).isFalse();
        Assertions.assertThat(HostPolicy.salesforce().admitsOtherOrgs()).isTrue();
    }

    @Test
    void givenASandboxOrDeveloperMyDomain_forOrg_derivesItsLightningHost() {
        var sandbox = HostPolicy.forOrg(URI.create("https://acme--uat.sandbox.my.salesforce.com")).orElseThrow();
        Assertions.assertThat(sandbox.allowedHosts()).contains("acme--uat.sandbox.my.salesforce.com",
                "acme--uat.sandbox.lightning.force.com");
        var dev = HostPolicy.forOrg(URI.create("https://acme-dev-ed.develop.my.salesforce.com")).orElseThrow();
        Assertions.assertThat(dev.allowedHosts()).contains("acme-dev-ed.develop.lightning.force.com");
    }

    @Test
    void givenASharedLoginHost_forOrg_cannotKnowTheOrg() {
        Assertions.assertThat(HostPolicy.forOrg(URI.create("https://login.salesforce.com"))).isEmpty();
        Assertions.assertThat(HostPolicy.forOrg(URI.create("https://test.salesforce.com"))).isEmpty();
        Assertions.assertThat(HostPolicy.forOrg(URI.create("https://portal.example.com"))).isEmpty();
        Assertions.assertThat(HostPolicy.forOrg(URI.create("http://127.0.0.1:9999")).orElseThrow().loopbackAllowed()).isTrue();
    }

    @Test
    void givenAnExperienceCloudSite_forOrg_allowsThatSiteAndNoOther() {
        var site = HostPolicy.forOrg(URI.create("https://acme.my.site.com")).orElseThrow();
        Assertions.assertThat(site.allowedHosts()).contains("acme.my.site.com", "login.salesforce.com");
        Assertions.assertThat(site.loopbackAllowed()).isFalse();
        Assertions.assertThat(HostPolicy.forOrg(URI.create("https://my.site.com"))).isEmpty();
        Assertions.assertThat(HostPolicy.forOrg(URI.create("https://my.salesforce.com"))).isEmpty();
        Assertions.assertThat(HostPolicy.forOrg(null)).isEmpty();
    }

    @Test
    void admitsOtherOrgs_isTrueForEachWideSuffixAndFalseForOneOrgsHosts() {
        for (var wide : List.of(".salesforce.com", ".my.salesforce.com", ".force.com", ".lightning.force.com", ".site.com", ".my.site.com",
                ".salesforce-sites.com")) {
            Assertions.assertThat(new HostPolicy(Set.of(wide), false).admitsOtherOrgs()).as(wide).isTrue();
        }
        for (var narrow : List.of("acme.my.salesforce.com", "acme.lightning.force.com", "acme.my.site.com", ".acme.example.com")) {
            Assertions.assertThat(new HostPolicy(Set.of(narrow), false).admitsOtherOrgs()).as(narrow).isFalse();
        }
    }

    @Test
    void isMyDomain_needsANameBeforeTheSuffix() {
        Assertions.assertThat(HostPolicy.isMyDomain(URI.create("https://a.my.salesforce.com"))).isTrue();
        Assertions.assertThat(HostPolicy.isMyDomain(URI.create("https://.my.salesforce.com"))).isFalse();
    }
}
