package dev.vizgate.app.http;

import dev.vizgate.domain.model.Issuer;
import dev.vizgate.domain.model.Subject;
import dev.vizgate.domain.model.UntrustedToken;
import dev.vizgate.domain.model.UserAttributes;
import dev.vizgate.domain.usecase.WhoMayChoose;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A browser that names a choice is refused either way, but the advice fits what proved it: a platform is told to put
 * the choice in its assertion (callers.assertions[].claims); an identity provider's token is pointed to the IdP's claim
 * mapping and callers.identity-providers[].claims, never to an assertion it does not have.
 */
class MayNotChooseAdviceFitsTheProofTest {
    static final Issuer ISSUER = new Issuer("https://sso.example.com/realms/portal");

    /** The problem the admission answers when this browser's request names these fields. */
    static Problem refusalOf(Caller.Browser browser, String... fields) {
        return Admission.refusal(WhoMayChoose.actingUser(browser.chooser(), WhoMayChoose.Choice.namedBy(List.of(fields)::contains), Optional.empty()));
    }

    @Test
    void givenAPlatformAssertion_theAdviceIsTheAssertionsClaims() {
        var browser = new Caller.Browser(ISSUER, new Subject("alice@example.com"));
        var p = refusalOf(browser, "user");
        assertThat(p.kind()).isEqualTo(ProblemType.CALLER_MAY_NOT_CHOOSE);
        assertThat(p.detail()).contains("platform assertion", "put them in the assertion");
        assertThat(p.extensions()).containsEntry("configKey", "callers.assertions[].claims");
    }

    @Test
    void givenAnIdentityProvidersToken_theAdviceIsTheIdpsClaimMapping() {
        var browser = new Caller.Browser(ISSUER, new Subject("alice@example.com"), Optional.empty(), UserAttributes.none(),
                Optional.of(new UntrustedToken("eyJ.eyJ.sig")), Optional.empty());
        var p = refusalOf(browser, "scopes", "attributes");
        assertThat(p.kind()).isEqualTo(ProblemType.CALLER_MAY_NOT_CHOOSE);
        assertThat(p.detail()).contains("identity provider's token", "claim mapper", "callers.identity-providers[].claims")
                .doesNotContain("assertion");
        assertThat(p.extensions()).containsEntry("configKey", "callers.identity-providers[].claims").containsEntry("fields", List.of("scopes", "attributes"));
    }
}
