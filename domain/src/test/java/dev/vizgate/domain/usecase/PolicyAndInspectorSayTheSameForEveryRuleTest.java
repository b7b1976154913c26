package dev.vizgate.domain.usecase;

import dev.vizgate.domain.model.Audience;
import dev.vizgate.domain.model.Claims;
import dev.vizgate.domain.model.ClientId;
import dev.vizgate.domain.model.Issuer;
import dev.vizgate.domain.model.JwsAlgorithm;
import dev.vizgate.domain.model.JwsHeader;
import dev.vizgate.domain.model.KeyId;
import dev.vizgate.domain.model.Scopes;
import dev.vizgate.domain.model.Subject;
import dev.vizgate.domain.model.TokenDraft;
import dev.vizgate.domain.model.TokenId;
import dev.vizgate.domain.model.UserAttributes;
import dev.vizgate.domain.model.VerifiedClaims;
import dev.vizgate.domain.policy.BearerAssertionPolicy;
import dev.vizgate.domain.policy.EasExpectation;
import dev.vizgate.domain.policy.EasRules;
import dev.vizgate.domain.policy.PolicyViolation;
import dev.vizgate.domain.policy.TableauTokenPolicy;
import dev.vizgate.domain.policy.TokenRule;
import dev.vizgate.domain.testing.FakeTokenDecoder;
import dev.vizgate.domain.testing.MutableClock;
import dev.vizgate.domain.usecase.InspectionReport.Status;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.time.Duration;
import java.time.Instant;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Supplier;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The rulebook, walked rule by rule. Each row breaks one {@link TokenRule}, once as a token the inspector reads and once
 * as the same values the enforcing side refuses (the Tableau token policy before signing, the EAS rules the token
 * exchange holds an identity provider's token to, the Salesforce assertion policy). Where both sides can meet the
 * broken rule they must answer with the same words and the same vendor code; where only one can (the policy builds
 * values that cannot break some rules, the inspector expects no particular issuer or user) that side must still answer
 * with the rule's code and kind. A rule added to the rulebook without a row here fails {@link #everyRule_hasARow}.
 */
class PolicyAndInspectorSayTheSameForEveryRuleTest {
    static final long NOW = MutableClock.START.getEpochSecond();
    static final Instant AT = MutableClock.START;
    static final String SITE = "tableau:0b5a2d4e-1c3f-4a5b-8c7d-9e0f1a2b3c4d";

    final FakeTokenDecoder decoder = new FakeTokenDecoder();
    final InspectToken inspector = new InspectToken(decoder, Duration.ofMinutes(10), new MutableClock());
    final TableauTokenPolicy policy = TableauTokenPolicy.defaults().withSkew(Duration.ZERO);
    final BearerAssertionPolicy assertions = new BearerAssertionPolicy(new ClientId("consumer-key"), new Audience("https://login.salesforce.com"));

    /** One broken rule: the token the inspector reads (target, header, payload), and what the enforcing side answers, if it can meet it. */
    record Row(Optional<Inspected> inspected, Optional<Supplier<List<PolicyViolation>>> enforced) {
        Row(InspectToken.Target target, Map<String, Object> header, Map<String, Object> payload, Optional<Supplier<List<PolicyViolation>>> enforced) {
            this(Optional.of(new Inspected(target, header, payload)), enforced);
        }

        /** A rule the inspector cannot meet: it expects no particular issuer, user or site, or the token is not one it sorts by trust. */
        static Row enforcedOnly(Optional<Supplier<List<PolicyViolation>>> enforced) {
            return new Row(Optional.empty(), enforced);
        }
    }

    record Inspected(InspectToken.Target target, Map<String, Object> header, Map<String, Object> payload) {
    }

    static Map<String, Object> directHeader(Consumer<Map<String, Object>> change) {
        var h = new HashMap<String, Object>(Map.of("alg", "HS256", "typ", "JWT", "kid", "secret-1", "iss", "client-1"));
        change.accept(h);
        return h;
    }

    static Map<String, Object> easHeader(Consumer<Map<String, Object>> change) {
        var h = new HashMap<String, Object>(Map.of("alg", "RS256", "typ", "JWT", "kid", "key-1"));
        change.accept(h);
        return h;
    }

    static Map<String, Object> tableauPayload(Consumer<Map<String, Object>> change) {
        var p = new HashMap<String, Object>(Map.of("iss", "https://idp.example.com", "sub", "alice@example.com", "aud", "tableau", "jti", "j-1",
                "iat", NOW, "exp", NOW + 300, "scp", List.of("tableau:views:embed")));
        change.accept(p);
        return p;
    }

    /** A unified access token's payload (tableau.md §8): no sub, no aud; the tenant, and the user in email. */
    static Map<String, Object> uatPayload(Consumer<Map<String, Object>> change) {
        var p = new HashMap<String, Object>(Map.of("iss", "https://vizgate.example.com", "https://tableau.com/tenantId", "tenant-1",
                "email", "alice@example.com", "jti", "j-1", "iat", NOW, "exp", NOW + 300, "scp", List.of("tableau:views:embed")));
        change.accept(p);
        return p;
    }

    /** A direct-trust token's payload names the client id as its issuer, as the header does. */
    static Map<String, Object> directPayload(Consumer<Map<String, Object>> change) {
        return tableauPayload(p -> {
            p.put("iss", "client-1");
            change.accept(p);
        });
    }

    static Map<String, Object> salesforceHeader(Consumer<Map<String, Object>> change) {
        var h = new HashMap<String, Object>(Map.of("alg", "RS256"));
        change.accept(h);
        return h;
    }

    static Map<String, Object> salesforcePayload(Consumer<Map<String, Object>> change) {
        var p = new HashMap<String, Object>(Map.of("iss", "consumer-key", "sub", "alice@example.com", "aud", "https://login.salesforce.com",
                "exp", NOW + 120));
        change.accept(p);
        return p;
    }

    static Claims claims(Audience aud, long exp, Scopes scopes) {
        return new Claims(new Issuer("client-1"), new Subject("alice@example.com"), aud, new TokenId("j-1"), AT, Optional.empty(),
                Instant.ofEpochSecond(exp), scopes, UserAttributes.none(), Optional.empty());
    }

    static Claims tableauClaims() {
        return claims(Audience.TABLEAU, NOW + 300, Scopes.of("tableau:views:embed"));
    }

    static TokenDraft assertion(JwsAlgorithm alg, String iss, String aud, long iat, long exp) {
        return new TokenDraft(new JwsHeader(alg, Optional.empty(), Optional.empty(), Optional.empty()), new Claims(new Issuer(iss),
                new Subject("alice@example.com"), new Audience(aud), new TokenId("j-1"), Instant.ofEpochSecond(iat), Optional.empty(),
                Instant.ofEpochSecond(exp), Scopes.none(), UserAttributes.none(), Optional.empty()));
    }

    /** What the token exchange holds an IdP's token to, knowing the registered issuer, the site's audience and the user. */
    static List<PolicyViolation> exchanged(Map<String, Object> header, Map<String, Object> payload) {
        var expected = new EasExpectation(Optional.of(new Issuer("https://idp.example.com")), Optional.of(new Audience("tableau")),
                Optional.of(new Subject("alice@example.com")), Duration.ofMinutes(10));
        return EasRules.violations(new VerifiedClaims(header), new VerifiedClaims(payload), expected, AT);
    }

    static Supplier<List<PolicyViolation>> exchangedWith(Map<String, Object> header, Map<String, Object> payload) {
        return () -> exchanged(header, payload);
    }

    Map<TokenRule, Row> rows() {
        var rows = new EnumMap<TokenRule, Row>(TokenRule.class);
        var t = InspectToken.Target.TABLEAU;
        var eas = InspectToken.Target.TABLEAU_EAS;
        var sf = InspectToken.Target.SALESFORCE;
        rows.put(TokenRule.TABLEAU_AUDIENCE, new Row(t, directHeader(h -> { }), directPayload(p -> p.put("aud", "tableau-x")),
                Optional.of(() -> policy.review(claims(new Audience("tableau-x"), NOW + 300, Scopes.of("tableau:views:embed"))))));
        rows.put(TokenRule.TABLEAU_LIFETIME, new Row(t, directHeader(h -> { }), directPayload(p -> p.put("exp", NOW + 660)),
                Optional.of(() -> policy.review(claims(Audience.TABLEAU, NOW + 660, Scopes.of("tableau:views:embed"))))));
        var expired = tableauPayload(p -> {
            p.put("iat", NOW - 100);
            p.put("exp", NOW - 1);
        });
        rows.put(TokenRule.TABLEAU_EXPIRY, new Row(t, easHeader(h -> { }), expired, Optional.of(exchangedWith(easHeader(h -> { }), expired))));
        rows.put(TokenRule.TABLEAU_ISSUED_AT, new Row(t, directHeader(h -> { }), directPayload(p -> p.put("iat", NOW + 60)), Optional.empty()));
        rows.put(TokenRule.TABLEAU_NOT_BEFORE, new Row(t, directHeader(h -> { }), directPayload(p -> p.put("nbf", NOW + 60)), Optional.empty()));
        var noIssuer = tableauPayload(p -> p.remove("iss"));
        rows.put(TokenRule.TABLEAU_ISSUER, new Row(t, easHeader(h -> { }), noIssuer, Optional.of(exchangedWith(easHeader(h -> { }), noIssuer))));
        var noSubject = tableauPayload(p -> p.remove("sub"));
        rows.put(TokenRule.TABLEAU_SUBJECT, new Row(t, easHeader(h -> { }), noSubject, Optional.of(exchangedWith(easHeader(h -> { }), noSubject))));
        var noJti = tableauPayload(p -> p.remove("jti"));
        rows.put(TokenRule.TABLEAU_TOKEN_ID, new Row(t, easHeader(h -> { }), noJti, Optional.of(exchangedWith(easHeader(h -> { }), noJti))));
        rows.put(TokenRule.TABLEAU_SCOPES, new Row(t, directHeader(h -> { }), directPayload(p -> p.put("scp", List.of())),
                Optional.of(() -> policy.review(claims(Audience.TABLEAU, NOW + 300, Scopes.none())))));
        // A UAT's rules: the policy builds every UAT from its trust (kid, alg, tenant, username claim), so only the inspector meets them broken.
        var uat = InspectToken.Target.TABLEAU_UAT;
        rows.put(TokenRule.UAT_KEY_ID, new Row(uat, easHeader(h -> h.remove("kid")), uatPayload(p -> { }), Optional.empty()));
        rows.put(TokenRule.UAT_ALGORITHM, new Row(uat, easHeader(h -> h.put("alg", "HS256")), uatPayload(p -> { }), Optional.empty()));
        rows.put(TokenRule.UAT_TENANT, new Row(uat, easHeader(h -> { }), uatPayload(p -> p.remove("https://tableau.com/tenantId")), Optional.empty()));
        rows.put(TokenRule.UAT_USERNAME, new Row(uat, easHeader(h -> { }), uatPayload(p -> p.remove("email")), Optional.empty()));
        rows.put(TokenRule.UAT_LIFETIME, new Row(uat, easHeader(h -> { }), uatPayload(p -> p.put("exp", NOW + 3600)), Optional.empty()));
        rows.put(TokenRule.UAT_SCOPES, new Row(uat, easHeader(h -> { }), uatPayload(p -> p.put("scp", "tableau:views:embed")), Optional.empty()));
        // The policy always writes scp as a list, so only the inspector meets a scp that is not one.
        rows.put(TokenRule.TABLEAU_SCOPES_LIST, new Row(t, directHeader(h -> { }), directPayload(p -> p.put("scp", "tableau:views:embed")), Optional.empty()));
        rows.put(TokenRule.TABLEAU_ALGORITHM, new Row(t, directHeader(h -> h.put("alg", "HS512")), directPayload(p -> { }), Optional.empty()));
        rows.put(TokenRule.DIRECT_KEY_ID, new Row(t, directHeader(h -> h.remove("kid")), directPayload(p -> { }), Optional.of(() -> policy.reviewDirectTrustHeader(
                new JwsHeader(JwsAlgorithm.HS256, Optional.empty(), Optional.of("JWT"), Optional.of(new Issuer("client-1")))))));
        rows.put(TokenRule.DIRECT_HEADER_ISSUER, new Row(t, directHeader(h -> h.remove("iss")), directPayload(p -> { }), Optional.of(() -> policy.reviewDirectTrustHeader(
                new JwsHeader(JwsAlgorithm.HS256, Optional.of(new KeyId("secret-1")), Optional.of("JWT"), Optional.empty())))));
        rows.put(TokenRule.DIRECT_ALGORITHM, Row.enforcedOnly(Optional.of(() -> policy.reviewDirectTrustHeader(
                new JwsHeader(JwsAlgorithm.RS256, Optional.of(new KeyId("secret-1")), Optional.of("JWT"), Optional.of(new Issuer("client-1")))))));
        var noKid = easHeader(h -> h.remove("kid"));
        rows.put(TokenRule.EAS_KEY_ID, new Row(eas, noKid, tableauPayload(p -> { }), Optional.of(exchangedWith(noKid, tableauPayload(p -> { })))));
        var symmetric = easHeader(h -> h.put("alg", "HS256"));
        rows.put(TokenRule.EAS_ALGORITHM, new Row(eas, symmetric, tableauPayload(p -> { }), Optional.of(exchangedWith(symmetric, tableauPayload(p -> { })))));
        var plainHttp = tableauPayload(p -> p.put("iss", "http://idp.example.com"));
        rows.put(TokenRule.EAS_ISSUER_HTTPS, new Row(eas, easHeader(h -> { }), plainHttp, Optional.of(exchangedWith(easHeader(h -> { }), plainHttp))));
        rows.put(TokenRule.EAS_ISSUER_REGISTERED, Row.enforcedOnly(Optional.of(exchangedWith(easHeader(h -> { }), tableauPayload(p -> p.put("iss", "https://other-idp.example.com"))))));
        rows.put(TokenRule.EAS_USER, Row.enforcedOnly(Optional.of(exchangedWith(easHeader(h -> { }), tableauPayload(p -> p.put("sub", "bob@example.com"))))));
        rows.put(TokenRule.EAS_SITE_AUDIENCE, Row.enforcedOnly(Optional.of(exchangedWith(easHeader(h -> { }), tableauPayload(p -> p.put("aud", SITE))))));
        rows.put(TokenRule.SALESFORCE_ALGORITHM, new Row(sf, salesforceHeader(h -> h.put("alg", "HS256")), salesforcePayload(p -> { }),
                Optional.of(() -> assertions.review(assertion(JwsAlgorithm.HS256, "consumer-key", "https://login.salesforce.com", NOW, NOW + 120), AT))));
        rows.put(TokenRule.SALESFORCE_ISSUER, new Row(sf, salesforceHeader(h -> { }), salesforcePayload(p -> p.remove("iss")),
                Optional.of(() -> assertions.review(assertion(JwsAlgorithm.RS256, "another-key", "https://login.salesforce.com", NOW, NOW + 120), AT))));
        rows.put(TokenRule.SALESFORCE_SUBJECT, new Row(sf, salesforceHeader(h -> { }), salesforcePayload(p -> p.remove("sub")), Optional.empty()));
        rows.put(TokenRule.SALESFORCE_AUDIENCE, new Row(sf, salesforceHeader(h -> { }), salesforcePayload(p -> p.put("aud", "login.salesforce.com")),
                Optional.of(() -> assertions.review(assertion(JwsAlgorithm.RS256, "consumer-key", "login.salesforce.com", NOW, NOW + 120), AT))));
        rows.put(TokenRule.SALESFORCE_EXPIRY, new Row(sf, salesforceHeader(h -> { }), salesforcePayload(p -> p.put("exp", NOW - 1)),
                Optional.of(() -> assertions.review(assertion(JwsAlgorithm.RS256, "consumer-key", "https://login.salesforce.com", NOW - 100, NOW - 1), AT))));
        rows.put(TokenRule.SALESFORCE_LIFETIME, new Row(sf, salesforceHeader(h -> { }), salesforcePayload(p -> p.put("exp", NOW + 600)),
                Optional.of(() -> assertions.review(assertion(JwsAlgorithm.RS256, "consumer-key", "https://login.salesforce.com", NOW, NOW + 600), AT))));
        return rows;
    }

    @ParameterizedTest
    @EnumSource(TokenRule.class)
    void everyRule_hasARow(TokenRule rule) {
        var row = rows().get(rule);
        assertThat(row).as("a row that breaks " + rule).isNotNull();
        assertThat(row.inspected().isPresent() || row.enforced().isPresent()).as(rule + " is met by the inspector, the enforcing side or both").isTrue();
    }

    @ParameterizedTest
    @EnumSource(TokenRule.class)
    void aBrokenRule_isRefusedAndReportedWithTheSameWordsAndCode(TokenRule rule) {
        var row = rows().get(rule);
        Optional<String> inspectorWords = Optional.empty();
        if (row.inspected().isPresent()) {
            var token = row.inspected().get();
            var report = inspector.inspect(decoder.token(token.header(), token.payload()), token.target());
            var failed = report.findings().stream().filter(f -> f.status() == Status.FAIL).toList();
            assertThat(failed).as("the inspector's failures for " + rule + ": " + report.findings()).singleElement().satisfies(f -> {
                assertThat(f.rule()).isEqualTo(rule.claim());
                assertThat(f.tableauCode()).isEqualTo(rule.tableauWouldSay());
            });
            inspectorWords = Optional.of(failed.get(0).message());
        }
        if (row.enforced().isPresent()) {
            var refused = row.enforced().get().get();
            assertThat(refused).as("the enforcing side's refusal of " + rule).singleElement().satisfies(v -> {
                assertThat(v.rule()).isEqualTo(rule.kind());
                assertThat(v.tableauWouldSay()).isEqualTo(rule.tableauWouldSay());
            });
            inspectorWords.ifPresent(words -> assertThat(refused.get(0).message()).as("the policy's words and the inspector's").isEqualTo(words));
        }
    }
}
