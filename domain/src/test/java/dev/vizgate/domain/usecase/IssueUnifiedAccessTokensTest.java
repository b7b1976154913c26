package dev.vizgate.domain.usecase;

import dev.vizgate.domain.model.ClaimLayoutTest;
import dev.vizgate.domain.model.ClaimNames;
import dev.vizgate.domain.model.Issuer;
import dev.vizgate.domain.model.JwsAlgorithm;
import dev.vizgate.domain.model.KeyId;
import dev.vizgate.domain.model.OnDemandAccess;
import dev.vizgate.domain.model.Subject;
import dev.vizgate.domain.model.UnifiedAccess;
import dev.vizgate.domain.model.UserAttributes;
import dev.vizgate.domain.policy.ConnectedAppTrust;
import dev.vizgate.domain.policy.TableauTokenPolicy;
import dev.vizgate.domain.policy.TableauTokenRequest;
import dev.vizgate.domain.testing.FakeKeySource;
import dev.vizgate.domain.testing.FakeTokenSigner;
import dev.vizgate.domain.testing.MutableClock;
import dev.vizgate.domain.testing.SequentialTokenIds;
import dev.vizgate.domain.testing.TestKeys;
import org.junit.jupiter.api.Test;

import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * Tableau Cloud's unified access tokens (tableau.md §8), as tableau-mcp's {@code getJwt.ts} writes them: our own key's
 * kid in the header; iss, the Tableau Cloud Manager tenant and the user in the configuration's username claim, jti,
 * iat, nbf, exp, scp and the optional site in the payload; no aud and no sub. User attributes ride along as for
 * connected apps; on-demand access, which the references give for connected apps only, is refused.
 */
class IssueUnifiedAccessTokensTest {
    static final Subject ALICE = new Subject("alice@example.com");
    final FakeTokenSigner signer = new FakeTokenSigner();
    final MutableClock clock = new MutableClock();

    IssueTableauToken useCase(UnifiedAccess uat) {
        var trust = new ConnectedAppTrust.UnifiedAccessTokens(new Issuer("https://vizgate.example.com"), new KeyId("uat-1"), JwsAlgorithm.RS256, uat);
        return new IssueTableauToken(trust, TableauTokenPolicy.defaults(), new FakeKeySource().with(TestKeys.rs256("uat-1")), signer,
                new SequentialTokenIds(), clock);
    }

    @Test
    void aUat_hasNoAudNorSub_namesItsTenantAndTheUserInEmail_andIsSignedWithItsKid() {
        var outcome = useCase(UnifiedAccess.forTenant("0c5a1f2e-tenant")).issue(TableauTokenRequest.forUser(ALICE));
        assertThat(outcome).isInstanceOf(TokenIssueOutcome.Issued.class);
        var draft = signer.signed().get(0);
        assertThat(draft.header().keyId()).contains(new KeyId("uat-1"));
        assertThat(draft.header().algorithm()).isEqualTo(JwsAlgorithm.RS256);
        assertThat(ClaimLayoutTest.written(draft.claims())).startsWith("iss=text:https://vizgate.example.com",
                        ClaimNames.UAT_TENANT_ID + "=text:0c5a1f2e-tenant", "email=text:alice@example.com")
                .anyMatch(c -> c.startsWith("jti=")).anyMatch(c -> c.startsWith("nbf=")).anyMatch(c -> c.startsWith("scp=texts:"))
                .noneMatch(c -> c.startsWith("sub=") || c.startsWith("aud=") || c.startsWith(ClaimNames.UAT_SITE_ID));
    }

    @Test
    void aUatConfigurationsOwnUsernameClaim_andSite_areWritten_andAttributesRideAlong() {
        var uat = new UnifiedAccess("tenant-1", "upn", Optional.of("site-uuid-1"));
        var request = TableauTokenRequest.forUser(ALICE).withAttributes(UserAttributes.none().with("Region", "West"));
        useCase(uat).issue(request);
        assertThat(ClaimLayoutTest.written(signer.signed().get(0).claims())).contains("upn=text:alice@example.com",
                ClaimNames.UAT_SITE_ID + "=text:site-uuid-1", "Region=text:West").noneMatch(c -> c.startsWith("email="));
    }

    @Test
    void onDemandAccess_isRefusedForAUat_notDropped() {
        var outcome = useCase(UnifiedAccess.forTenant("tenant-1")).issue(TableauTokenRequest.forUser(ALICE).withOnDemandAccess(OnDemandAccess.inGroups("g")));
        assertThat(outcome).isInstanceOfSatisfying(TokenIssueOutcome.Refused.class,
                r -> assertThat(r.violations()).singleElement().satisfies(v -> assertThat(v.message()).contains("unified access token")));
        assertThat(signer.signed()).isEmpty();
    }

    @Test
    void aUsernameClaimThatAUatAlreadyUses_isRefused_asIsAPlainHttpIssuer() {
        assertThatIllegalArgumentException().isThrownBy(() -> new UnifiedAccess("tenant-1", "sub", Optional.empty())).withMessageContaining("sub");
        assertThatIllegalArgumentException().isThrownBy(() -> new UnifiedAccess("tenant-1", ClaimNames.UAT_TENANT_ID, Optional.empty()));
        assertThatIllegalArgumentException().isThrownBy(() -> new ConnectedAppTrust.UnifiedAccessTokens(new Issuer("http://vizgate.example.com"),
                new KeyId("k"), JwsAlgorithm.RS256, UnifiedAccess.forTenant("t")));
        assertThatIllegalArgumentException().isThrownBy(() -> new ConnectedAppTrust.UnifiedAccessTokens(new Issuer("https://vizgate.example.com"),
                new KeyId("k"), JwsAlgorithm.HS256, UnifiedAccess.forTenant("t")));
    }
}
