package dev.vizgate.domain.usecase;

import dev.vizgate.domain.model.ClaimNames;
import dev.vizgate.domain.model.DecodeOutcome;
import dev.vizgate.domain.model.KeyId;
import dev.vizgate.domain.model.RejectionReason;
import dev.vizgate.domain.model.SettingId;
import dev.vizgate.domain.model.SignedToken;
import dev.vizgate.domain.model.Subject;
import dev.vizgate.domain.model.TokenExchangeOutcome;
import dev.vizgate.domain.model.TokenId;
import dev.vizgate.domain.model.UntrustedToken;
import dev.vizgate.domain.model.UseCaseName;
import dev.vizgate.domain.model.VerificationOutcome;
import dev.vizgate.domain.policy.EasExpectation;
import dev.vizgate.domain.policy.EasRules;
import dev.vizgate.domain.policy.PolicyViolation.Rule;
import dev.vizgate.domain.port.TokenDecoder;
import dev.vizgate.domain.port.TokenExchange;
import dev.vizgate.domain.port.TokenVerifier;
import dev.vizgate.domain.port.UseCaseObserver;

import java.time.Clock;
import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The platform's identity provider as the issuer (the source document's model): the caller's IdP access token is
 * exchanged (RFC 8693) for one whose audience is Tableau, and that token is handed out only if it meets every EAS rule
 * ({@link EasRules}) for the very user the caller proved, and verifies under the keys the IdP publishes, the keys
 * Tableau will fetch. A token that breaks a rule is refused with the IdP setting that fixes it.
 */
public final class ExchangeForTableauToken {
    /** The identity-provider setting behind each rule; Keycloak's names are given where it is the worked example. */
    static final Map<Rule, String> IDP_SETTING = settings();
    /** Vizgate's own setting that goes with the fix, where there is one. */
    static final Map<Rule, SettingId> OUR_SETTING = Map.of(Rule.WRONG_ISSUER, SettingId.CONNECTED_APP_ISSUER, Rule.WRONG_SUBJECT, SettingId.IDP_USERNAME_CLAIM,
            Rule.AUDIENCE_NOT_TABLEAU, SettingId.TOKEN_EXCHANGE_AUDIENCE, Rule.WRONG_AUDIENCE, SettingId.TOKEN_EXCHANGE_AUDIENCE, Rule.NO_SCOPES, SettingId.TOKEN_EXCHANGE_SCOPE);

    private final TokenExchange exchange;
    private final TokenDecoder decoder;
    private final TokenVerifier idpKeys;
    private final EasExpectation expectation;
    private final Clock clock;
    private final UseCaseObserver observer;

    /** @param idpKeys a verifier trusting only the IdP's published keys, under its issuer */
    public ExchangeForTableauToken(TokenExchange exchange, TokenDecoder decoder, TokenVerifier idpKeys, EasExpectation expectation, Clock clock) {
        this(exchange, decoder, idpKeys, expectation, clock, UseCaseObserver.NONE);
    }

    private ExchangeForTableauToken(TokenExchange exchange, TokenDecoder decoder, TokenVerifier idpKeys, EasExpectation expectation, Clock clock,
                                    UseCaseObserver observer) {
        this.exchange = Objects.requireNonNull(exchange, "exchange");
        this.decoder = Objects.requireNonNull(decoder, "decoder");
        this.idpKeys = Objects.requireNonNull(idpKeys, "idpKeys");
        this.expectation = Objects.requireNonNull(expectation, "expectation");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.observer = Objects.requireNonNull(observer, "observer");
    }

    /** This use case, each run told to {@code observer} as it starts and ends. */
    public ExchangeForTableauToken observedBy(UseCaseObserver observer) {
        return new ExchangeForTableauToken(exchange, decoder, idpKeys, expectation, clock, observer);
    }

    /** @param user the Tableau username the caller proved, which the token's {@code sub} must be */
    public IdpTokenOutcome exchange(UntrustedToken subjectToken, Subject user) {
        return observer.observe(UseCaseName.EXCHANGE_FOR_TABLEAU_TOKEN, () -> exchanged(subjectToken, user), IdpTokenOutcome::result);
    }

    private IdpTokenOutcome exchanged(UntrustedToken subjectToken, Subject user) {
        var answer = exchange.exchange(subjectToken);
        if (answer instanceof TokenExchangeOutcome.Refused r) {
            return new IdpTokenOutcome.IdpRefused(r.error(), r.description());
        }
        if (answer instanceof TokenExchangeOutcome.Unavailable u) {
            return new IdpTokenOutcome.IdpUnavailable(u.reason());
        }
        var issued = ((TokenExchangeOutcome.Exchanged) answer).token();
        var decoded = decoder.decode(issued);
        if (decoded instanceof DecodeOutcome.Undecodable u) {
            return new IdpTokenOutcome.IdpUnavailable("the identity provider answered something that is not a JWT (" + u.detail()
                    + "); ask for requested_token_type access_token from a client that issues JWT access tokens");
        }
        var token = ((DecodeOutcome.Decoded) decoded).token();
        var breaks = EasRules.violations(token.headerValues(), token.claims(), expectation.forUser(user), clock.instant()).stream()
                .map(v -> new IdpTokenOutcome.RuleBreak(v, IDP_SETTING.getOrDefault(v.rule(), "check the identity provider's token settings"),
                        Optional.ofNullable(OUR_SETTING.get(v.rule()))))
                .toList();
        if (!breaks.isEmpty()) {
            return new IdpTokenOutcome.BreaksTableauRules(breaks);
        }
        var verified = idpKeys.verify(issued);
        if (verified instanceof VerificationOutcome.Rejected r && r.reason() == RejectionReason.KEYS_UNAVAILABLE) {
            return new IdpTokenOutcome.IdpUnavailable("the identity provider's published keys could not be fetched to check its token (" + r.detail() + ")");
        }
        if (verified instanceof VerificationOutcome.Rejected r) {
            return new IdpTokenOutcome.Unusable("the identity provider's token does not verify under the keys it publishes, which Tableau will fetch ("
                    + r.reason().meaning() + ": " + r.detail() + "); check that the identity provider signs with a key its JWKS publishes"
                    + " and that the issuer configured here is the one that signed it");
        }
        var claims = token.claims();
        try {
            return new IdpTokenOutcome.Issued(new SignedToken(issued.value()), claims.instant(ClaimNames.EXPIRES).orElseThrow(),
                    new KeyId(token.headerValues().string(ClaimNames.KEY_ID).orElseThrow()), new TokenId(claims.string(ClaimNames.TOKEN_ID).orElseThrow()));
        } catch (IllegalArgumentException e) {
            // A kid or jti no Tableau token could carry (control characters, over-long): refused, never passed on.
            return new IdpTokenOutcome.Unusable("the identity provider's token cannot be handed to Tableau: " + e.getMessage());
        }
    }

    private static Map<Rule, String> settings() {
        var m = new EnumMap<Rule, String>(Rule.class);
        m.put(Rule.HEADER_MISSING_KID, "the IdP must sign with a key that has a kid, as every OIDC provider's JWKS does; check its active signing keys");
        m.put(Rule.WRONG_ALGORITHM, "set the exchange client's access-token signature algorithm to RS256, PS256 or ES256"
                + " (Keycloak: Clients > vizgate > Advanced > Access token signature algorithm)");
        m.put(Rule.WRONG_ISSUER, "set the connected app's issuer to the IdP's issuer exactly as its metadata says, and serve it over https"
                + " (Keycloak: https://<host>/realms/<realm>; a frontend URL changes it)");
        m.put(Rule.WRONG_SUBJECT, "put the Tableau username in sub on the exchange client (Keycloak: a User Property mapper, property email or username,"
                + " token claim name sub), the same value the callers' username claim reads");
        m.put(Rule.AUDIENCE_NOT_TABLEAU, "make the IdP put the site's audience in aud: name it as the token exchange's audience"
                + " (Keycloak: a client with that client id and an audience mapper on the exchange client)");
        m.put(Rule.WRONG_AUDIENCE, m.get(Rule.AUDIENCE_NOT_TABLEAU));
        m.put(Rule.LIFETIME_TOO_LONG, "set the exchange client's access-token lifespan to 10 minutes or less"
                + " (Keycloak: Clients > vizgate > Advanced > Access Token Lifespan)");
        m.put(Rule.TOKEN_EXPIRED, "the IdP issued a token that is already expired: check the IdP's clock (NTP)");
        m.put(Rule.MISSING_JTI, "the IdP must put a jti in its access tokens (Keycloak does by default)");
        m.put(Rule.NO_SCOPES, "have the requested scope emit scp as an array of Tableau scopes (Keycloak: a client scope with a hardcoded claim mapper,"
                + " claim scp, JSON [\"tableau:views:embed\"]), requested as the token exchange's scope");
        return Map.copyOf(m);
    }
}
