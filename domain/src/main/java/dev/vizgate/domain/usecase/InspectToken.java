package dev.vizgate.domain.usecase;

import dev.vizgate.domain.model.Audience;
import dev.vizgate.domain.model.ClaimNames;
import dev.vizgate.domain.model.DecodeOutcome;
import dev.vizgate.domain.model.DecodedToken;
import dev.vizgate.domain.model.JwsAlgorithm;
import dev.vizgate.domain.model.OnDemandAccess;
import dev.vizgate.domain.model.Text;
import dev.vizgate.domain.model.UntrustedToken;
import dev.vizgate.domain.model.VerifiedClaims;
import dev.vizgate.domain.policy.EasExpectation;
import dev.vizgate.domain.policy.EasRules;
import dev.vizgate.domain.policy.PolicyViolation;
import dev.vizgate.domain.policy.SalesforceAssertionRules;
import dev.vizgate.domain.policy.TableauRules;
import dev.vizgate.domain.policy.UatRules;
import dev.vizgate.domain.port.TokenDecoder;
import dev.vizgate.domain.usecase.InspectionReport.Finding;
import dev.vizgate.domain.usecase.InspectionReport.Status;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * Decodes a token without trusting it and says, rule by rule, what Tableau (tableau.md §1–§4) or Salesforce
 * (salesforce.md §1) would make of it. It reads raw JSON values rather than building {@code Claims}, so that
 * a token that could never be built here (no sub, a string exp) is still explained.
 */
public final class InspectToken {
    public enum Target {
        TABLEAU, SALESFORCE,
        /** An OAuth 2.0 trust token, by Tableau's EAS claims table (tableau.md §2) and the field reports on aud (§7). */
        TABLEAU_EAS,
        /** A Tableau Cloud unified access token (tableau.md §8): no aud, no sub, the user in the configuration's username claim. */
        TABLEAU_UAT
    }

    private static final Set<String> REGISTERED = ClaimNames.TABLEAU_REGISTERED;

    private final TokenDecoder decoder;
    private final Duration tableauMaxLifetime;
    private final Clock clock;

    public InspectToken(TokenDecoder decoder, Duration tableauMaxLifetime, Clock clock) {
        this.decoder = Objects.requireNonNull(decoder, "decoder");
        this.tableauMaxLifetime = Objects.requireNonNull(tableauMaxLifetime, "tableauMaxLifetime");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    public InspectionReport inspect(UntrustedToken token, Target target) {
        return inspect(token, target, ClaimNames.UAT_DEFAULT_USERNAME);
    }

    /** As {@link #inspect(UntrustedToken, Target)}; a UAT's user is read from {@code uatUsernameClaim}, as its configuration names it. */
    public InspectionReport inspect(UntrustedToken token, Target target, String uatUsernameClaim) {
        var decoded = decoder.decode(token);
        var name = target.name().toLowerCase(Locale.ROOT).replace('_', '-');
        if (decoded instanceof DecodeOutcome.Undecodable u) {
            return new InspectionReport(name, List.of(fail("structure", u.detail())));
        }
        var t = ((DecodeOutcome.Decoded) decoded).token();
        var findings = new ArrayList<Finding>();
        findings.add(new Finding(Status.PASS, "structure", "a compact JWS with a " + t.signatureLength()
                + "-character signature (not checked: the inspector trusts nothing)", Optional.empty()));
        if (target == Target.TABLEAU) {
            tableau(t, findings);
        } else if (target == Target.TABLEAU_UAT) {
            critical(t, findings);
            for (var check : UatRules.check(t.headerValues(), t.claims(),
                    new UatRules.Expectation(Optional.empty(), uatUsernameClaim, tableauMaxLifetime), clock.instant())) {
                findings.add(check.violation().map(v -> violated(check.claim(), v)).orElseGet(() -> pass(check.claim(), check.seen())));
            }
        } else if (target == Target.TABLEAU_EAS) {
            critical(t, findings);
            for (var check : EasRules.check(t.headerValues(), t.claims(),
                    EasExpectation.anyToken(tableauMaxLifetime), clock.instant())) {
                findings.add(check.violation().map(v -> violated(check.claim(), v)).orElseGet(() -> pass(check.claim(), check.seen())));
            }
        } else {
            salesforce(t, findings);
        }
        return new InspectionReport(name, findings);
    }

    private void tableau(DecodedToken t, List<Finding> out) {
        var h = t.headerValues();
        var p = t.claims();
        var now = clock.instant();
        var alg = h.string(ClaimNames.ALGORITHM).flatMap(JwsAlgorithm::fromName);
        var unknownAlg = TableauRules.algorithm(h.string(ClaimNames.ALGORITHM));
        if (unknownAlg.isPresent()) {
            out.add(violated(ClaimNames.ALGORITHM, unknownAlg.get()));
        } else {
            out.add(pass(ClaimNames.ALGORITHM, alg.get() + (alg.get().isSymmetric() ? " (direct trust)" : " (OAuth 2.0 trust / EAS)")));
        }
        var direct = alg.filter(JwsAlgorithm::isSymmetric).isPresent();
        var noKid = TableauRules.headerKeyId(h.string(ClaimNames.KEY_ID).isPresent(), direct ? " (the secret id)" : "");
        if (noKid.isPresent()) {
            out.add(violated(ClaimNames.KEY_ID, noKid.get()));
        } else if (Text.needsEscaping(h.string(ClaimNames.KEY_ID).get())) {
            out.add(fail(ClaimNames.KEY_ID, "kid " + escaped(h.string(ClaimNames.KEY_ID).get()) + " holds control or invisible characters; no secret or key id has them"));
        } else {
            out.add(pass(ClaimNames.KEY_ID, "kid " + escaped(h.string(ClaimNames.KEY_ID).get())));
        }
        critical(t, out);
        var headerIss = h.string(ClaimNames.ISSUER);
        var payloadIss = p.string(ClaimNames.ISSUER);
        var noIss = (direct ? TableauRules.headerIssuer(headerIss.isPresent()) : Optional.<PolicyViolation>empty())
                .or(() -> TableauRules.issuer(headerIss, payloadIss));
        if (noIss.isPresent()) {
            out.add(violated(ClaimNames.ISSUER, noIss.get()));
        } else {
            out.add(pass(ClaimNames.ISSUER, "iss " + escaped(headerIss.or(() -> payloadIss).get())));
        }
        var noSubject = TableauRules.subject(p.string(ClaimNames.SUBJECT));
        if (noSubject.isPresent()) {
            out.add(violated(ClaimNames.SUBJECT, noSubject.get()));
        } else if (Text.needsEscaping(p.string(ClaimNames.SUBJECT).get())) {
            out.add(fail(ClaimNames.SUBJECT, "sub " + escaped(p.string(ClaimNames.SUBJECT).get())
                    + " holds control, invisible or direction-changing characters; no Tableau username should, and it would display as another user"));
        } else {
            out.add(pass(ClaimNames.SUBJECT, "sub " + escaped(p.string(ClaimNames.SUBJECT).get()) + " (compared case-sensitively; an unknown user is error 5)"));
        }
        var aud = t.payload().get(ClaimNames.AUDIENCE);
        var wrongAudience = TableauRules.audience(aud);
        if (wrongAudience.isEmpty()) {
            out.add(pass(ClaimNames.AUDIENCE, "aud is \"tableau\""));
        } else if (aud instanceof List<?> l && l.equals(List.of(Audience.TABLEAU.value()))) {
            out.add(new Finding(Status.WARN, ClaimNames.AUDIENCE, "aud is the array [\"tableau\"]; Tableau's samples send the string \"tableau\"", Optional.empty()));
        } else {
            out.add(violated(ClaimNames.AUDIENCE, wrongAudience.get()));
        }
        times(p, now, out);
        out.add(TableauRules.tokenId(p.string(ClaimNames.TOKEN_ID)).map(v -> violated(ClaimNames.TOKEN_ID, v)).orElseGet(() -> pass(ClaimNames.TOKEN_ID, "jti present")));
        scopes(t.payload().get(ClaimNames.SCOPES), out);
        if (h.string(ClaimNames.TYPE).isEmpty()) {
            out.add(new Finding(Status.WARN, ClaimNames.TYPE, "the header has no typ; Tableau's samples set typ JWT", Optional.empty()));
        }
        if (t.payload().containsKey(OnDemandAccess.ODA_CLAIM)) {
            var groups = t.payload().get(OnDemandAccess.GROUPS_CLAIM);
            out.add(groups instanceof List<?> g && !g.isEmpty()
                    ? new Finding(Status.PASS, "oda", "on-demand access into groups " + escaped(String.valueOf(g))
                    + " (needs usage-based licensing, else error 67)", Optional.empty())
                    : new Finding(Status.WARN, "oda", "on-demand access without " + OnDemandAccess.GROUPS_CLAIM + " groups", Optional.empty()));
        }
        var attributes = t.payload().keySet().stream().filter(k -> !REGISTERED.contains(k)).sorted().toList();
        var hidden = attributes.stream().filter(Text::needsEscaping).map(InspectToken::escaped).toList();
        if (!hidden.isEmpty()) {
            out.add(fail("attributes", "attribute names " + escaped(String.valueOf(hidden)) + " hold control or invisible characters; USERATTRIBUTE() could never name them"));
        } else if (!attributes.isEmpty()) {
            out.add(pass("attributes", "user attributes " + escaped(String.valueOf(attributes)) + " (honoured only when the site enables user attributes)"));
        }
    }

    private void times(VerifiedClaims p, Instant now, List<Finding> out) {
        var exp = p.instant(ClaimNames.EXPIRES);
        var iat = p.instant(ClaimNames.ISSUED_AT);
        var broken = TableauRules.expiresWithin(exp, iat, tableauMaxLifetime, now);
        if (broken.isPresent()) {
            out.add(violated(ClaimNames.EXPIRES, broken.get()));
        } else {
            var window = Duration.between(iat.orElse(now), exp.get());
            var from = iat.isPresent() ? ClaimNames.ISSUED_AT : "now";
            out.add(pass(ClaimNames.EXPIRES, "exp is " + minutes(window) + " after " + from + " (at most " + minutes(tableauMaxLifetime) + ")"));
        }
        if (iat.isEmpty()) {
            out.add(new Finding(Status.WARN, ClaimNames.ISSUED_AT, "iat is missing; Tableau's samples set it and users report needing it", Optional.empty()));
        }
        TableauRules.issuedAt(iat, now).ifPresent(v -> out.add(violated(ClaimNames.ISSUED_AT, v)));
        TableauRules.notBefore(p.instant(ClaimNames.NOT_BEFORE), now).ifPresent(v -> out.add(violated(ClaimNames.NOT_BEFORE, v)));
    }

    private static void scopes(Object scp, List<Finding> out) {
        out.add(TableauRules.scopes(scp).map(v -> violated(ClaimNames.SCOPES, v))
                .orElseGet(() -> pass(ClaimNames.SCOPES, "scopes " + escaped(String.valueOf(scp)))));
    }

    /**
     * RFC 7515 §4.1.11: a recipient must refuse a token whose {@code crit} names an extension it does not
     * understand; RFC 7797's {@code b64:false} changes what the signature covers. Neither Tableau nor Salesforce
     * documents support for either, and Vizgate's verifier refuses both.
     */
    private static void critical(DecodedToken t, List<Finding> out) {
        if (t.header().containsKey("crit")) {
            out.add(fail("crit", "the header has crit " + shown(t.header().get("crit"))
                    + "; a verifier that does not implement those extensions must refuse the token (RFC 7515 §4.1.11)"));
        }
        if (t.header().containsKey("b64")) {
            out.add(fail("b64", "the header has b64 " + shown(t.header().get("b64"))
                    + "; unencoded payloads (RFC 7797) are not accepted by Tableau, Salesforce or Vizgate"));
        }
    }

    private void salesforce(DecodedToken t, List<Finding> out) {
        var h = t.headerValues();
        var p = t.claims();
        var now = clock.instant();
        out.add(SalesforceAssertionRules.algorithm(h.string(ClaimNames.ALGORITHM)).map(v -> violated(ClaimNames.ALGORITHM, v))
                .orElseGet(() -> pass(ClaimNames.ALGORITHM, "RS256")));
        critical(t, out);
        out.add(SalesforceAssertionRules.issuer(p.string(ClaimNames.ISSUER), Optional.empty()).map(v -> violated(ClaimNames.ISSUER, v))
                .orElseGet(() -> pass(ClaimNames.ISSUER, "iss (consumer key) present")));
        var sub = p.string(ClaimNames.SUBJECT).or(() -> p.string(ClaimNames.PRINCIPAL));
        out.add(SalesforceAssertionRules.subject(sub).map(v -> violated(ClaimNames.SUBJECT, v))
                .orElseGet(() -> pass(ClaimNames.SUBJECT, "sub " + escaped(sub.get()))));
        var aud = t.payload().get(ClaimNames.AUDIENCE);
        out.add(SalesforceAssertionRules.audience(aud, Optional.empty()).map(v -> violated(ClaimNames.AUDIENCE, v))
                .orElseGet(() -> pass(ClaimNames.AUDIENCE, "aud " + escaped(String.valueOf(aud)) + " (must match what the org expects: login, test, My Domain or site)")));
        var exp = p.instant(ClaimNames.EXPIRES);
        out.add(SalesforceAssertionRules.expiry(exp, now).map(v -> violated(ClaimNames.EXPIRES, v))
                .orElseGet(() -> pass(ClaimNames.EXPIRES, "exp is " + minutes(Duration.between(now, exp.get())) + " ahead (within 3 min)")));
    }

    private static String minutes(Duration d) {
        return TableauRules.human(d);
    }

    /** A value from the token, shown whole enough to recognise and on one line, hidden characters spelled out. */
    private static String escaped(String v) {
        return Text.escaped(v, 200);
    }

    private static String shown(Object v) {
        return TableauRules.shown(v);
    }

    /** A rule of the shared rulebook, broken: its words and the error Tableau would answer. */
    private static Finding violated(String rule, PolicyViolation v) {
        return new Finding(Status.FAIL, rule, v.message(), v.tableauWouldSay());
    }

    private static Finding pass(String rule, String msg) {
        return new Finding(Status.PASS, rule, msg, Optional.empty());
    }

    private static Finding fail(String rule, String msg) {
        return new Finding(Status.FAIL, rule, msg, Optional.empty());
    }
}
