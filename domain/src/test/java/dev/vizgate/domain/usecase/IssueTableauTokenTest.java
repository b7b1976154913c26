package dev.vizgate.domain.usecase;

import dev.vizgate.domain.model.AttributeValue;
import dev.vizgate.domain.model.Audience;
import dev.vizgate.domain.model.ClientId;
import dev.vizgate.domain.model.Issuer;
import dev.vizgate.domain.model.JwsAlgorithm;
import dev.vizgate.domain.model.KeyId;
import dev.vizgate.domain.model.Scopes;
import dev.vizgate.domain.model.SecretId;
import dev.vizgate.domain.model.Subject;
import dev.vizgate.domain.model.UseCaseName;
import dev.vizgate.domain.model.UseCaseResult;
import dev.vizgate.domain.model.UserAttributes;
import dev.vizgate.domain.policy.ConnectedAppTrust;
import dev.vizgate.domain.policy.PolicyViolation;
import dev.vizgate.domain.policy.SecretRotation;
import dev.vizgate.domain.policy.TableauTokenPolicy;
import dev.vizgate.domain.policy.TableauTokenRequest;
import dev.vizgate.domain.testing.FakeKeySource;
import dev.vizgate.domain.testing.FakeTokenSigner;
import dev.vizgate.domain.testing.MutableClock;
import dev.vizgate.domain.testing.RecordingUseCaseObserver;
import dev.vizgate.domain.testing.SequentialTokenIds;
import dev.vizgate.domain.testing.TestKeys;
import org.assertj.core.api.Assertions;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;

import static org.assertj.core.api.Assertions.assertThat;

class IssueTableauTokenTest {
    private static final ClientId CLIENT = new ClientId("client-1");
    private static final SecretId OLD = new SecretId("secret-old");
    private static final SecretId NEW = new SecretId("secret-new");
    private static final Subject ALICE = new Subject("alice@example.com");

    private final MutableClock clock = new MutableClock();
    private final FakeTokenSigner signer = new FakeTokenSigner();
    private final FakeKeySource keys = new FakeKeySource().with(TestKeys.hs256(OLD.value())).with(TestKeys.hs256(NEW.value()));

    private IssueTableauToken useCase(ConnectedAppTrust trust) {
        return new IssueTableauToken(trust, TableauTokenPolicy.defaults(), keys, signer, new SequentialTokenIds(), clock);
    }

    private ConnectedAppTrust direct(SecretId active) {
        return new ConnectedAppTrust.DirectTrust(CLIENT, new SecretRotation(List.of(OLD, NEW), active));
    }

    @Test
    void givenDirectTrust_issue_signsWithKidSecretIdAndIssClientIdInHeaderAndPayload() {
        var outcome = (TokenIssueOutcome.Issued) useCase(direct(OLD)).issue(TableauTokenRequest.forUser(ALICE));
        var draft = signer.signed().get(0);
        assertThat(draft.header().algorithm()).isEqualTo(JwsAlgorithm.HS256);
        assertThat(draft.header().keyId()).contains(OLD.asKeyId());
        assertThat(draft.header().issuer()).contains(CLIENT.asIssuer());
        assertThat(draft.header().type()).contains("JWT");
        assertThat(draft.claims().issuer()).isEqualTo(CLIENT.asIssuer());
        assertThat(outcome.keyId()).isEqualTo(OLD.asKeyId());
        assertThat(outcome.expiresAt()).isEqualTo(MutableClock.START.plus(Duration.ofMinutes(5)));
    }

    @Test
    void givenScopesAndAttributes_issue_reportsWhatItSigned() {
        var request = new TableauTokenRequest(ALICE, Optional.of(Scopes.of("tableau:views:embed")),
                new UserAttributes(Map.of("Region", AttributeValue.of("EMEA"))), Optional.empty(), Optional.empty());
        var outcome = (TokenIssueOutcome.Issued) useCase(direct(OLD)).issue(request);
        var signed = signer.signed().get(0).claims();
        assertThat(outcome.scopes()).isEqualTo(signed.scopes()).isEqualTo(Scopes.of("tableau:views:embed"));
        assertThat(outcome.attributes()).isEqualTo(signed.attributes());
        assertThat(outcome.attributes().values()).containsOnlyKeys("Region");
        assertThat(outcome.tokenId()).isEqualTo(signed.tokenId());
    }

    @Test
    void givenATrustThatChanges_issue_signsWithTheKidInForceForEachToken() {
        var trust = new AtomicReference<ConnectedAppTrust>(direct(OLD));
        var useCase = new IssueTableauToken(trust::get, TableauTokenPolicy.defaults(), keys, signer, new SequentialTokenIds(), clock);
        useCase.issue(TableauTokenRequest.forUser(ALICE));
        trust.set(direct(NEW));
        useCase.issue(TableauTokenRequest.forUser(ALICE));
        assertThat(signer.signed()).extracting(d -> d.header().keyId().orElseThrow()).containsExactly(OLD.asKeyId(), NEW.asKeyId());
    }

    @Test
    void givenAnEasAudienceForTableauCloud_issue_writesItAsAud() {
        var luid = new Audience("tableau:0a1b2c3d-0000-4000-8000-0123456789ab");
        var eas = new ConnectedAppTrust.ExternalAuthorizationServer(new Issuer("https://vizgate.example.com"), new KeyId("eas-1"), JwsAlgorithm.RS256, luid);
        var rsaKeys = new FakeKeySource().with(TestKeys.rs256("eas-1"));
        var outcome = new IssueTableauToken(eas, TableauTokenPolicy.defaults(), rsaKeys, signer, new SequentialTokenIds(), clock)
                .issue(TableauTokenRequest.forUser(ALICE));
        assertThat(outcome).isInstanceOf(TokenIssueOutcome.Issued.class);
        assertThat(signer.signed().get(0).claims().audience()).isEqualTo(luid);
        Assertions.assertThatIllegalArgumentException().isThrownBy(() -> new ConnectedAppTrust.ExternalAuthorizationServer(
                new Issuer("https://vizgate.example.com"), new KeyId("eas-1"), JwsAlgorithm.RS256, new Audience("tableau:site")));
    }

    @Test
    void givenTwoSecrets_issue_signsWithTheActiveOneOnly() {
        useCase(direct(NEW)).issue(TableauTokenRequest.forUser(ALICE));
        assertThat(signer.signed().get(0).header().keyId()).contains(NEW.asKeyId());
    }

    @Test
    void givenTwoTokens_issue_givesEachAFreshJti() {
        var uc = useCase(direct(OLD));
        var a = (TokenIssueOutcome.Issued) uc.issue(TableauTokenRequest.forUser(ALICE));
        var b = (TokenIssueOutcome.Issued) uc.issue(TableauTokenRequest.forUser(ALICE));
        assertThat(a.tokenId()).isNotEqualTo(b.tokenId());
    }

    @Test
    void givenLifetimeOverTenMinutes_issue_isRefusedAndNothingIsSigned() {
        var outcome = useCase(direct(OLD)).issue(TableauTokenRequest.forUser(ALICE).withLifetime(Duration.ofMinutes(11)));
        assertThat(outcome).isInstanceOf(TokenIssueOutcome.Refused.class);
        assertThat(((TokenIssueOutcome.Refused) outcome).violations()).extracting(PolicyViolation::rule)
                .containsExactly(PolicyViolation.Rule.LIFETIME_TOO_LONG);
        assertThat(signer.signed()).isEmpty();
    }

    @Test
    void givenActiveSecretNotLoaded_issue_failsWithoutSigning() {
        var empty = new IssueTableauToken(direct(OLD), TableauTokenPolicy.defaults(), new FakeKeySource(), signer,
                new SequentialTokenIds(), clock);
        assertThat(empty.issue(TableauTokenRequest.forUser(ALICE))).isInstanceOf(TokenIssueOutcome.Failed.class);
        assertThat(signer.signed()).isEmpty();
    }

    @Test
    void givenAnObserver_eachIssue_isHeardOnce_withHowItEnded() {
        var observer = new RecordingUseCaseObserver();
        var observed = useCase(direct(OLD)).observedBy(observer);
        assertThat(observed.issue(TableauTokenRequest.forUser(ALICE))).isInstanceOf(TokenIssueOutcome.Issued.class);
        observed.issue(TableauTokenRequest.forUser(ALICE).withLifetime(Duration.ofMinutes(11)));
        new IssueTableauToken(direct(OLD), TableauTokenPolicy.defaults(), new FakeKeySource(), signer, new SequentialTokenIds(), clock)
                .observedBy(observer).issue(TableauTokenRequest.forUser(ALICE));
        assertThat(observer.heard()).containsExactly(new RecordingUseCaseObserver.Heard(UseCaseName.ISSUE_TABLEAU_TOKEN, UseCaseResult.GRANTED),
                new RecordingUseCaseObserver.Heard(UseCaseName.ISSUE_TABLEAU_TOKEN, UseCaseResult.REFUSED),
                new RecordingUseCaseObserver.Heard(UseCaseName.ISSUE_TABLEAU_TOKEN, UseCaseResult.FAILED));
        assertThat(observer.open()).isEmpty();
    }

    @Test
    void givenASignerThatThrows_theRun_isHeardAsFailed_andTheExceptionGoesOn() {
        var observer = new RecordingUseCaseObserver();
        var throwing = new IssueTableauToken(direct(OLD), TableauTokenPolicy.defaults(), keys, (draft, key) -> {
            throw new IllegalStateException("a signer's bug");
        }, new SequentialTokenIds(), clock).observedBy(observer);
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> throwing.issue(TableauTokenRequest.forUser(ALICE))).hasMessage("a signer's bug");
        assertThat(observer.heard()).containsExactly(new RecordingUseCaseObserver.Heard(UseCaseName.ISSUE_TABLEAU_TOKEN, UseCaseResult.FAILED));
    }

    @Test
    void givenSignerFailure_issue_failsTyped() {
        var failing = new IssueTableauToken(direct(OLD), TableauTokenPolicy.defaults(), keys, new FakeTokenSigner().failing(),
                new SequentialTokenIds(), clock);
        assertThat(failing.issue(TableauTokenRequest.forUser(ALICE))).isInstanceOf(TokenIssueOutcome.Failed.class);
    }

    @Test
    void givenEas_issue_signsWithTheConfiguredKeyAndHttpsIssuer() {
        var eas = new ConnectedAppTrust.ExternalAuthorizationServer(new Issuer("https://vizgate.example.com"), new KeyId("eas-1"), JwsAlgorithm.RS256);
        keys.with(TestKeys.rs256("eas-1"));
        var outcome = useCase(eas).issue(TableauTokenRequest.forUser(ALICE));
        assertThat(outcome).isInstanceOf(TokenIssueOutcome.Issued.class);
        var draft = signer.signed().get(0);
        assertThat(draft.header().algorithm()).isEqualTo(JwsAlgorithm.RS256);
        assertThat(draft.header().keyId()).contains(new KeyId("eas-1"));
        assertThat(draft.claims().issuer().value()).isEqualTo("https://vizgate.example.com");
    }

    @Test
    void givenEasKeyOfAnotherAlgorithm_issue_failsWithoutSigning() {
        var eas = new ConnectedAppTrust.ExternalAuthorizationServer(new Issuer("https://vizgate.example.com"), new KeyId("eas-1"), JwsAlgorithm.ES256);
        keys.with(TestKeys.rs256("eas-1"));
        assertThat(useCase(eas).issue(TableauTokenRequest.forUser(ALICE))).isInstanceOf(TokenIssueOutcome.Failed.class);
        assertThat(signer.signed()).isEmpty();
    }
}
