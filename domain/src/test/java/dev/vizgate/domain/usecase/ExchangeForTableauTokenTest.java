package dev.vizgate.domain.usecase;

import dev.vizgate.domain.model.Audience;
import dev.vizgate.domain.model.Issuer;
import dev.vizgate.domain.model.KeyId;
import dev.vizgate.domain.model.RejectionReason;
import dev.vizgate.domain.model.Subject;
import dev.vizgate.domain.model.UntrustedToken;
import dev.vizgate.domain.model.UseCaseName;
import dev.vizgate.domain.model.UseCaseResult;
import dev.vizgate.domain.model.VerificationOutcome;
import dev.vizgate.domain.policy.EasExpectation;
import dev.vizgate.domain.policy.PolicyViolation;
import dev.vizgate.domain.testing.FakeTokenDecoder;
import dev.vizgate.domain.testing.FakeTokenExchange;
import dev.vizgate.domain.testing.FakeTokenVerifier;
import dev.vizgate.domain.testing.MutableClock;
import dev.vizgate.domain.testing.RecordingUseCaseObserver;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/** The IdP as the issuer: its token is handed out only when it meets Tableau's EAS rules, for the proven user. */
class ExchangeForTableauTokenTest {
    private static final Issuer IDP = new Issuer("https://sso.example.com/realms/portal");
    private static final Subject ALICE = new Subject("alice@example.com");
    private static final UntrustedToken SUBJECT = new UntrustedToken("alice-access-token");
    private final MutableClock clock = new MutableClock();
    private final FakeTokenDecoder decoder = new FakeTokenDecoder();
    private final FakeTokenVerifier verifier = new FakeTokenVerifier();
    private final FakeTokenExchange idp = new FakeTokenExchange();
    private final ExchangeForTableauToken useCase = new ExchangeForTableauToken(idp, decoder, verifier,
            new EasExpectation(Optional.of(IDP), Optional.of(Audience.TABLEAU), Optional.empty(), Duration.ofMinutes(10)), clock);

    private Map<String, Object> claims() {
        var c = new HashMap<String, Object>();
        c.put("iss", IDP.value());
        c.put("sub", ALICE.value());
        c.put("aud", "tableau");
        c.put("iat", clock.instant().getEpochSecond());
        c.put("exp", clock.instant().getEpochSecond() + 300);
        c.put("jti", "ntrtte:1");
        c.put("scp", List.of("tableau:views:embed"));
        return c;
    }

    /** A token the IdP issues: the decoder reads it and, when {@code signedByIdp}, the verifier accepts its signature. */
    private UntrustedToken issued(Map<String, Object> claims, boolean signedByIdp) {
        var token = decoder.token("eyJhbGciOiJSUzI1NiJ9.eyJpc3MiOiJpZHAifQ.c2ln" + claims.hashCode(), Map.of("alg", "RS256", "kid", "idp-key-1", "typ", "JWT"), claims);
        if (signedByIdp) {
            verifier.trusting(token.value(), claims);
        }
        idp.answering(SUBJECT, token);
        return token;
    }

    @Test
    void givenTokenMeetingEveryRule_exchange_handsItOut() {
        var token = issued(claims(), true);
        var outcome = (IdpTokenOutcome.Issued) useCase.exchange(SUBJECT, ALICE);
        assertThat(outcome.token().value()).isEqualTo(token.value());
        assertThat(outcome.keyId()).isEqualTo(new KeyId("idp-key-1"));
        assertThat(outcome.expiresAt()).isEqualTo(clock.instant().plusSeconds(300));
    }

    @Test
    void givenAnObserver_eachExchange_isHeardOnce_withHowItEnded() {
        var observer = new RecordingUseCaseObserver();
        var observed = useCase.observedBy(observer);
        issued(claims(), true);
        assertThat(observed.exchange(SUBJECT, ALICE)).isInstanceOf(IdpTokenOutcome.Issued.class);
        var c = claims();
        c.put("sub", "0c7e2a9e-4b61-4f0e-8d51-3a7c9d1e2f00");
        issued(c, true);
        assertThat(observed.exchange(SUBJECT, ALICE)).isInstanceOf(IdpTokenOutcome.BreaksTableauRules.class);
        assertThat(observer.heard()).extracting(RecordingUseCaseObserver.Heard::result).containsExactly(UseCaseResult.GRANTED, UseCaseResult.REFUSED);
        assertThat(observer.heard()).extracting(RecordingUseCaseObserver.Heard::useCase).containsOnly(UseCaseName.EXCHANGE_FOR_TABLEAU_TOKEN);
        assertThat(new IdpTokenOutcome.IdpRefused("invalid_grant", "no").result()).as("the IdP said no").isEqualTo(UseCaseResult.REFUSED);
        assertThat(new IdpTokenOutcome.Unusable("not a JWT").result()).isEqualTo(UseCaseResult.FAILED);
        assertThat(new IdpTokenOutcome.IdpUnavailable("timed out").result()).isEqualTo(UseCaseResult.FAILED);
    }

    @Test
    void givenSubIsTheIdpsUuid_exchange_isRefused_namingTheMapperThatFixesIt() {
        var c = claims();
        c.put("sub", "0c7e2a9e-4b61-4f0e-8d51-3a7c9d1e2f00");
        issued(c, true);
        var outcome = (IdpTokenOutcome.BreaksTableauRules) useCase.exchange(SUBJECT, ALICE);
        assertThat(outcome.breaks()).singleElement().satisfies(b -> {
            assertThat(b.violation().rule()).isEqualTo(PolicyViolation.Rule.WRONG_SUBJECT);
            assertThat(b.idpSetting()).contains("User Property mapper").contains("sub");
        });
    }

    @Test
    void givenLifespanOverTenMinutes_exchange_isRefused_namingTheLifespanSetting() {
        var c = claims();
        c.put("exp", clock.instant().getEpochSecond() + 3600);
        issued(c, true);
        var outcome = (IdpTokenOutcome.BreaksTableauRules) useCase.exchange(SUBJECT, ALICE);
        assertThat(outcome.breaks()).singleElement().satisfies(b -> assertThat(b.idpSetting()).contains("Access Token Lifespan"));
    }

    @Test
    void givenEveryRuleBroken_exchange_listsEachWithItsSetting() {
        var c = new HashMap<String, Object>();
        c.put("iss", IDP.value());
        c.put("aud", "account");
        c.put("exp", clock.instant().getEpochSecond() + 300);
        issued(c, true);
        var outcome = (IdpTokenOutcome.BreaksTableauRules) useCase.exchange(SUBJECT, ALICE);
        assertThat(outcome.breaks()).extracting(b -> b.violation().rule()).containsExactly(PolicyViolation.Rule.WRONG_SUBJECT,
                PolicyViolation.Rule.AUDIENCE_NOT_TABLEAU, PolicyViolation.Rule.MISSING_JTI, PolicyViolation.Rule.NO_SCOPES);
        assertThat(outcome.breaks()).allSatisfy(b -> assertThat(b.idpSetting()).isNotBlank().doesNotStartWith("check the identity provider"));
    }

    @Test
    void givenTokenThatDoesNotVerifyUnderTheIdpsKeys_exchange_isUnusable_notAnOutageToRetry() {
        issued(claims(), false);
        var outcome = useCase.exchange(SUBJECT, ALICE);
        assertThat(outcome).isInstanceOf(IdpTokenOutcome.Unusable.class);
        assertThat(((IdpTokenOutcome.Unusable) outcome).reason()).contains("does not verify", "signs with a key its JWKS publishes");
    }

    @Test
    void givenTheIdpsKeysCouldNotBeFetched_exchange_isUnavailable_toRetry() {
        issued(claims(), true);
        var keysDown = new ExchangeForTableauToken(idp, decoder, token -> new VerificationOutcome.Rejected(
                RejectionReason.KEYS_UNAVAILABLE, "the JWKS did not answer"),
                new EasExpectation(Optional.of(IDP), Optional.of(Audience.TABLEAU), Optional.empty(), Duration.ofMinutes(10)), clock);
        var outcome = keysDown.exchange(SUBJECT, ALICE);
        assertThat(outcome).isInstanceOf(IdpTokenOutcome.IdpUnavailable.class);
        assertThat(((IdpTokenOutcome.IdpUnavailable) outcome).reason()).contains("keys could not be fetched", "the JWKS did not answer");
    }

    @Test
    void givenIdpRefusal_exchange_carriesItsError() {
        var outcome = useCase.exchange(new UntrustedToken("unknown"), ALICE);
        assertThat(outcome).isEqualTo(new IdpTokenOutcome.IdpRefused("invalid_grant", "subject token is not valid"));
    }

    @Test
    void givenIdpDown_exchange_isUnavailable() {
        idp.down();
        assertThat(useCase.exchange(SUBJECT, ALICE)).isInstanceOf(IdpTokenOutcome.IdpUnavailable.class);
    }

    @Test
    void everyRuleAnIdpCanBreak_hasAnIdpSetting() {
        for (var rule : List.of(PolicyViolation.Rule.HEADER_MISSING_KID, PolicyViolation.Rule.WRONG_ALGORITHM, PolicyViolation.Rule.WRONG_ISSUER,
                PolicyViolation.Rule.WRONG_SUBJECT, PolicyViolation.Rule.AUDIENCE_NOT_TABLEAU, PolicyViolation.Rule.WRONG_AUDIENCE,
                PolicyViolation.Rule.LIFETIME_TOO_LONG, PolicyViolation.Rule.TOKEN_EXPIRED, PolicyViolation.Rule.MISSING_JTI, PolicyViolation.Rule.NO_SCOPES)) {
            assertThat(ExchangeForTableauToken.IDP_SETTING).as(rule.name()).containsKey(rule);
        }
    }
}
