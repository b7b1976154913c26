package dev.vizgate.domain.policy;

import dev.vizgate.domain.model.Audience;
import dev.vizgate.domain.model.ClientId;
import dev.vizgate.domain.model.Issuer;
import dev.vizgate.domain.model.JwsAlgorithm;
import dev.vizgate.domain.model.JwsHeader;
import dev.vizgate.domain.model.KeyId;
import dev.vizgate.domain.model.OnDemandAccess;
import dev.vizgate.domain.model.Scope;
import dev.vizgate.domain.model.Scopes;
import dev.vizgate.domain.model.SecretId;
import dev.vizgate.domain.model.Subject;
import dev.vizgate.domain.model.TableauErrorCode;
import dev.vizgate.domain.model.TokenId;
import dev.vizgate.domain.model.UserAttributes;
import dev.vizgate.domain.testing.MutableClock;
import dev.vizgate.domain.testing.TestClaims;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import static dev.vizgate.domain.policy.PolicyViolation.Rule.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/** tableau.md §1: the direct-trust and EAS payload rules, one test per rule. */
class TableauTokenPolicyTest {
    private static final Issuer ISS = new Issuer(TestClaims.CLIENT_ID);
    private static final TokenId JTI = new TokenId("jti-1");
    private static final Instant NOW = MutableClock.START.plusMillis(700);
    private static final Subject ALICE = new Subject("alice@example.com");

    private final TableauTokenPolicy policy = TableauTokenPolicy.defaults()
            .withScopes(Set.of(Scope.VIEWS_EMBED, Scope.INSIGHTS_EMBED), Scopes.of("tableau:views:embed"));

    private PolicyDecision.Allowed allowed(TableauTokenRequest request) {
        var decision = policy.draft(request, ISS, JTI, NOW);
        assertThat(decision).isInstanceOf(PolicyDecision.Allowed.class);
        return (PolicyDecision.Allowed) decision;
    }

    private List<PolicyViolation> refused(TableauTokenPolicy p, TableauTokenRequest request) {
        var decision = p.draft(request, ISS, JTI, NOW);
        assertThat(decision).isInstanceOf(PolicyDecision.Refused.class);
        return ((PolicyDecision.Refused) decision).violations();
    }

    @Test
    void givenAnyRequest_draft_setsAudToExactlyTableau() {
        assertThat(allowed(TableauTokenRequest.forUser(ALICE)).claims().audience().value()).isEqualTo("tableau");
    }

    @Test
    void givenClaimsWithAudOtherThanLowercaseTableau_review_refusesWithCode10084() {
        var violations = policy.review(TestClaims.valid().withAudience("Tableau").build());
        assertThat(violations).extracting(PolicyViolation::rule).containsExactly(AUDIENCE_NOT_TABLEAU);
        assertThat(violations.get(0).tableauWouldSay()).contains(TableauErrorCode.JWT_PARSE_ERROR);
    }

    @Test
    void givenDraft_draft_setsIssAndSubAndJti() {
        var claims = allowed(TableauTokenRequest.forUser(ALICE)).claims();
        assertThat(claims.issuer()).isEqualTo(ISS);
        assertThat(claims.subject()).isEqualTo(ALICE);
        assertThat(claims.tokenId()).isEqualTo(JTI);
    }

    @Test
    void givenLifetimeOverTenMinutes_draft_isRefusedBeforeSigningWithTableauCode16() {
        var violations = refused(policy, TableauTokenRequest.forUser(ALICE).withLifetime(Duration.ofMinutes(15)));
        assertThat(violations).extracting(PolicyViolation::rule).containsExactly(LIFETIME_TOO_LONG);
        assertThat(violations.get(0).tableauWouldSay()).contains(TableauErrorCode.LOGIN_FAILED);
        assertThat(violations.get(0).message()).contains("15 min 5 s after iat", "10 min");
    }

    @Test
    void givenClaimsWithExpFifteenMinutesAfterIat_review_refusesWithCode16() {
        var violations = policy.review(TestClaims.valid().withLifetime(Duration.ofMinutes(15)).build());
        assertThat(violations).extracting(PolicyViolation::rule).containsExactly(LIFETIME_TOO_LONG);
        assertThat(violations.get(0).message()).contains("exp is 15 min after iat; Tableau refuses more than 10 min");
    }

    @Test
    void givenLifetimeOfExactlyTheMaximumMinusSkew_draft_isAllowed() {
        var claims = allowed(TableauTokenRequest.forUser(ALICE).withLifetime(Duration.ofMinutes(10).minusSeconds(5))).claims();
        assertThat(Duration.between(claims.issuedAt(), claims.expiresAt())).isEqualTo(Duration.ofMinutes(10));
    }

    @Test
    void givenLifetimeOfTenMinutesPlusTheBackdating_draft_isRefused() {
        assertThat(refused(policy, TableauTokenRequest.forUser(ALICE).withLifetime(Duration.ofMinutes(10))))
                .extracting(PolicyViolation::rule).containsExactly(LIFETIME_TOO_LONG);
    }

    @Test
    void givenServerWithLongerConfiguredMaximum_draft_allowsLongerLifetime() {
        var server = policy.withMaxLifetime(Duration.ofMinutes(30));
        assertThat(server.draft(TableauTokenRequest.forUser(ALICE).withLifetime(Duration.ofMinutes(20)), ISS, JTI, NOW))
                .isInstanceOf(PolicyDecision.Allowed.class);
    }

    @Test
    void givenDefaultLifetimeThatCannotFitTheMaximum_construction_isRefused() {
        assertThatIllegalArgumentException().isThrownBy(() -> policy.withDefaultLifetime(Duration.ofMinutes(10)))
                .withMessageContaining("exceeds the maximum lifetime");
    }

    @Test
    void givenNonPositiveLifetime_draft_isRefused() {
        assertThat(refused(policy, TableauTokenRequest.forUser(ALICE).withLifetime(Duration.ZERO)))
                .extracting(PolicyViolation::rule).containsExactly(LIFETIME_NOT_POSITIVE);
    }

    @Test
    void givenSkew_draft_backdatesIatAndNbfBySkewFromTheWholeSecond() {
        var claims = allowed(TableauTokenRequest.forUser(ALICE)).claims();
        var second = MutableClock.START;
        assertThat(claims.issuedAt()).isEqualTo(second.minusSeconds(5));
        assertThat(claims.notBefore()).contains(second.minusSeconds(5));
        assertThat(claims.expiresAt()).isEqualTo(second.plus(Duration.ofMinutes(5)));
    }

    @Test
    void givenConfiguredSkew_draft_backdatesByThatSkew() {
        var claims = ((PolicyDecision.Allowed) policy.withSkew(Duration.ofSeconds(30))
                .draft(TableauTokenRequest.forUser(ALICE), ISS, JTI, NOW)).claims();
        assertThat(claims.issuedAt()).isEqualTo(MutableClock.START.minusSeconds(30));
    }

    @Test
    void givenNoScopesRequested_draft_grantsTheDefaultScopes() {
        assertThat(allowed(TableauTokenRequest.forUser(ALICE)).claims().scopes().names()).containsExactly("tableau:views:embed");
    }

    @Test
    void givenAllowedScopes_draft_carriesScpAsTheList() {
        var claims = allowed(TableauTokenRequest.forUser(ALICE).withScopes(Scopes.of("tableau:views:embed", "tableau:insights:embed"))).claims();
        assertThat(claims.scopes().names()).containsExactly("tableau:views:embed", "tableau:insights:embed");
    }

    @Test
    void givenScopeOutsideAllowedScopes_draft_isRefused() {
        assertThat(refused(policy, TableauTokenRequest.forUser(ALICE).withScopes(Scopes.of("tableau:content:read"))))
                .extracting(PolicyViolation::rule).containsExactly(SCOPE_NOT_ALLOWED);
    }

    @Test
    void givenEmptyScopes_draft_isRefused() {
        assertThat(refused(policy, TableauTokenRequest.forUser(ALICE).withScopes(Scopes.none())))
                .extracting(PolicyViolation::rule).containsExactly(NO_SCOPES);
    }

    @Test
    void givenWildcardScopeWhileWildcardsAreUnverifiedAndOff_draft_isRefused() {
        assertThat(refused(policy, TableauTokenRequest.forUser(ALICE).withScopes(Scopes.of("tableau:users:*"))))
                .extracting(PolicyViolation::rule).containsExactly(WILDCARD_SCOPE_NOT_ENABLED);
    }

    @Test
    void givenWildcardsEnabledAndAllowed_draft_isAllowed() {
        var p = policy.withWildcardScopesEnabled(true).withScopes(Set.of(new Scope("tableau:users:*")), Scopes.of("tableau:users:*"));
        assertThat(p.draft(TableauTokenRequest.forUser(ALICE), ISS, JTI, NOW)).isInstanceOf(PolicyDecision.Allowed.class);
    }

    @Test
    void givenMultiValuedAttribute_draft_keepsEveryValueAsAnArray() {
        var attrs = UserAttributes.none().with("state", List.of("WA", "OR", "CA")).with("region", "West");
        var claims = allowed(TableauTokenRequest.forUser(ALICE).withAttributes(attrs)).claims();
        assertThat(claims.attributes().values().get("state").values()).containsExactly("WA", "OR", "CA");
        assertThat(claims.attributes().values().get("region").values()).containsExactly("West");
    }

    @Test
    void givenAttributeOutsideTheAllowList_draft_isRefused() {
        var p = policy.withAllowedAttributeNames(Set.of("region"));
        var request = TableauTokenRequest.forUser(ALICE).withAttributes(UserAttributes.none().with("salary_band", "9"));
        assertThat(refused(p, request)).extracting(PolicyViolation::rule).containsExactly(ATTRIBUTE_NOT_ALLOWED);
    }

    @Test
    void givenOnDemandAccess_draft_carriesOdaAndGroups() {
        var claims = allowed(TableauTokenRequest.forUser(ALICE).withOnDemandAccess(OnDemandAccess.inGroups("Sales", "EMEA"))).claims();
        assertThat(claims.onDemandAccess()).map(OnDemandAccess::groups).contains(List.of("Sales", "EMEA"));
    }

    @Test
    void givenNoOnDemandAccess_draft_leavesTheClaimsOut() {
        assertThat(allowed(TableauTokenRequest.forUser(ALICE)).claims().onDemandAccess()).isEmpty();
    }

    @Test
    void givenDirectTrustHeaderWithoutKid_reviewHeader_refusesWithCode10083() {
        var header = new JwsHeader(JwsAlgorithm.HS256, Optional.empty(), Optional.of("JWT"), Optional.of(ISS));
        var violations = policy.reviewDirectTrustHeader(header);
        assertThat(violations).extracting(PolicyViolation::rule).containsExactly(HEADER_MISSING_KID);
        assertThat(violations.get(0).tableauWouldSay()).contains(TableauErrorCode.BAD_JWT);
    }

    @Test
    void givenDirectTrustHeaderWithoutIss_reviewHeader_refusesWithCode10083() {
        var header = new JwsHeader(JwsAlgorithm.HS256, Optional.of(new KeyId("s1")), Optional.of("JWT"), Optional.empty());
        assertThat(policy.reviewDirectTrustHeader(header)).extracting(PolicyViolation::rule).containsExactly(HEADER_MISSING_ISS);
    }

    @Test
    void givenDirectTrustHeader_reviewHeader_passes() {
        assertThat(policy.reviewDirectTrustHeader(JwsHeader.directTrust(new SecretId("s1"), new ClientId("c1")))).isEmpty();
    }

    @Test
    void givenDefaultPolicy_audienceConstant_isLowercaseTableau() {
        assertThat(Audience.TABLEAU.value()).isEqualTo("tableau");
    }
}
