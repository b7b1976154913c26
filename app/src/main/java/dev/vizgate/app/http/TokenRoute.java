package dev.vizgate.app.http;

import com.fasterxml.jackson.databind.JsonNode;
import dev.vizgate.domain.model.AttributeValue;
import dev.vizgate.domain.model.AuditEvent;
import dev.vizgate.domain.model.Scopes;
import dev.vizgate.domain.model.UserAttributes;
import dev.vizgate.domain.usecase.IssueTableauToken;
import dev.vizgate.domain.usecase.TokenIssueOutcome;
import dev.vizgate.domain.usecase.WhoMayChoose;
import org.eclipse.jetty.server.Request;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.Optional;
import java.util.Set;

/**
 * {@code POST /v1/tableau/token} and {@code POST /v1/tenants/{tenant}/tableau/token}: a Connected App JWT for the
 * admitted caller's user, with what that caller may choose, signed for the Connected App its {@link TenantSource} picks.
 */
final class TokenRoute implements Route {
    private static final Set<String> FIELDS = Set.of("user", "scopes", "attributes");

    private final TenantSource<IssueTableauToken> source;
    private final Admission admission;
    private final GatewayMetrics metrics;

    TokenRoute(TenantSource<IssueTableauToken> source, Admission admission, GatewayMetrics metrics) {
        this.source = source;
        this.admission = admission;
        this.metrics = metrics;
    }

    @Override
    public Reply answer(Request request) {
        var named = TenantPaths.named(request);
        return admission.answer(request, FIELDS, acting -> TenantSource.serve(source, admission, acting, named,
                (tokens, kind) -> issue(acting, tokens, kind)));
    }

    private Reply issue(Admission.Acting acting, IssueTableauToken tokens, String kind) {
        Optional<Scopes> scopes = Optional.empty();
        Optional<UserAttributes> attributes = Optional.empty();
        if (acting.caller() instanceof Caller.Backend) {
            // A browser's body named no choice (the admission refused it), so only a backend's is read.
            try {
                var named = acting.body().get("scopes");
                if (named != null) {
                    if (!named.isArray()) {
                        return Reply.problem(Problem.invalidRequest("scopes must be an array of strings such as [\"tableau:views:embed\"]"));
                    }
                    var names = new ArrayList<String>();
                    named.forEach(sc -> names.add(sc.isTextual() ? sc.asText() : "?"));
                    scopes = Optional.of(Scopes.parse(names));
                }
                var values = acting.body().get("attributes");
                if (values != null) {
                    attributes = Optional.of(attributes(values));
                }
            } catch (IllegalArgumentException e) {
                return Reply.problem(Problem.invalidRequest(e.getMessage()));
            }
        }
        var decision = WhoMayChoose.tokenRequest(acting.caller().chooser(), acting.user(), scopes, attributes);
        if (decision instanceof WhoMayChoose.Decision.BeyondAllowance beyond) {
            return Reply.problem(CallerAllowanceProblem.of((Caller.Backend) acting.caller(), beyond.refusals()));
        }
        if (!(decision instanceof WhoMayChoose.Decision.Decided decided)) {
            return Reply.problem(Admission.refusal(decision));
        }
        var tokenRequest = decided.request();
        var outcome = tokens.issue(tokenRequest);
        if (outcome instanceof TokenIssueOutcome.Issued issued) {
            // Signing has no effect outside this request, so the assertion is spent only once there is a token to give.
            return admission.spendThen(acting, () -> {
                metrics.tokenIssued(kind);
                admission.granted(acting, context -> new AuditEvent.TokenIssued(context, GatewayMetrics.trustOf(kind), issued.tokenId(), issued.keyId(),
                        issued.scopes(), issued.attributes(), issued.expiresAt()));
                var body = new LinkedHashMap<String, Object>();
                body.put("token", issued.token().value());
                body.put("expiresAt", iso(issued.expiresAt()));
                body.put("kid", issued.keyId().value());
                return Reply.json(200, body);
            });
        }
        if (outcome instanceof TokenIssueOutcome.Refused refused) {
            return Reply.problem(CallerAllowanceProblem.policy(refused.violations()));
        }
        return Reply.problem(Problem.of(ProblemType.SIGNING_FAILED, "the gateway could not sign the token ("
                + ((TokenIssueOutcome.Failed) outcome).detail() + "); its operators should run vizgate doctor"));
    }

    static UserAttributes attributes(JsonNode node) {
        if (!node.isObject()) {
            throw new IllegalArgumentException("attributes must be an object of name to string or array of strings");
        }
        var values = new LinkedHashMap<String, AttributeValue>();
        for (var it = node.fields(); it.hasNext(); ) {
            var e = it.next();
            var v = e.getValue();
            if (v.isTextual()) {
                values.put(e.getKey(), AttributeValue.of(v.asText()));
            } else if (v.isArray()) {
                var list = new ArrayList<String>();
                v.forEach(x -> {
                    if (!x.isTextual()) {
                        throw new IllegalArgumentException("attribute '" + e.getKey() + "' must hold strings");
                    }
                    list.add(x.asText());
                });
                values.put(e.getKey(), AttributeValue.of(list));
            } else {
                throw new IllegalArgumentException("attribute '" + e.getKey() + "' must be a string or an array of strings");
            }
        }
        return new UserAttributes(values);
    }

    private record Formatted(Instant at, String text) {
    }

    /** The last expiry formatted: tokens issued in the same second share it, and DateTimeFormatter is costly per token. */
    private volatile Formatted lastExpiry = new Formatted(Instant.EPOCH, Instant.EPOCH.toString());

    private String iso(Instant at) {
        var last = lastExpiry;
        if (!last.at().equals(at)) {
            last = new Formatted(at, at.toString());
            lastExpiry = last;
        }
        return last.text();
    }
}
