package dev.vizgate.app.http;

import dev.vizgate.config.SettingPaths;
import dev.vizgate.domain.model.AuditEvent;
import dev.vizgate.domain.model.Scopes;
import dev.vizgate.domain.model.UserAttributes;
import dev.vizgate.domain.usecase.ExchangeForTableauToken;
import dev.vizgate.domain.usecase.IdpTokenOutcome;
import org.eclipse.jetty.server.Request;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * {@code POST /v1/tableau/token} when the Connected App trusts the platform's identity provider ({@code trust: idp}):
 * the browser's own IdP access token is exchanged for a Tableau token the IdP signs, for exactly the user, scopes and
 * attributes the IdP puts in it. Only an IdP-proven caller has a token to exchange; a backend's API key has none.
 */
final class IdpTokenRoute implements Route {
    static final String KIND = "tableau-idp";
    private static final Set<String> FIELDS = Set.of("user", "scopes", "attributes");

    private final ExchangeForTableauToken tokens;
    private final Admission admission;
    private final GatewayMetrics metrics;

    IdpTokenRoute(ExchangeForTableauToken tokens, Admission admission, GatewayMetrics metrics) {
        this.tokens = tokens;
        this.admission = admission;
        this.metrics = metrics;
    }

    @Override
    public Reply answer(Request request) {
        return admission.answer(request, FIELDS, this::exchange);
    }

    private Reply exchange(Admission.Acting acting) {
        if (!(acting.caller() instanceof Caller.Browser browser) || browser.idpToken().isEmpty()) {
            return Reply.problem(Problem.of(ProblemType.IDP_TOKEN_REQUIRED, "with trust: idp the identity provider issues the Tableau token in exchange"
                    + " for the user's own access token; send that token as Authorization: Bearer (an API key or a platform assertion has nothing to exchange)"));
        }
        return reply(acting, tokens.exchange(browser.idpToken().get(), acting.user()));
    }

    private Reply reply(Admission.Acting acting, IdpTokenOutcome outcome) {
        if (outcome instanceof IdpTokenOutcome.Issued issued) {
            metrics.tokenIssued(KIND);
            // The identity provider decided the scopes and attributes inside its token; the gateway never read them.
            admission.granted(acting, context -> new AuditEvent.TokenIssued(context, "idp", issued.tokenId(), issued.keyId(), Scopes.none(),
                    UserAttributes.none(), issued.expiresAt()));
            var body = new LinkedHashMap<String, Object>();
            body.put("token", issued.token().value());
            body.put("expiresAt", issued.expiresAt().toString());
            body.put("kid", issued.keyId().value());
            return Reply.json(200, body);
        }
        if (outcome instanceof IdpTokenOutcome.BreaksTableauRules b) {
            var breaks = b.breaks().stream().map(r -> {
                var m = new LinkedHashMap<String, Object>();
                m.put("rule", r.violation().rule().name());
                m.put("detail", r.violation().message());
                r.violation().tableauWouldSay().ifPresent(c -> m.put("tableauError", c.code()));
                m.put("fix", fix(r));
                return (Map<String, Object>) m;
            }).toList();
            var first = b.breaks().get(0);
            return Reply.problem(Problem.of(ProblemType.IDP_TOKEN_BREAKS_TABLEAU_RULES, "the identity provider's token breaks " + b.breaks().size()
                    + " of Tableau's EAS rules, so it was not handed out; first: " + first.violation().message() + ". Fix: " + fix(first))
                    .with("violations", breaks));
        }
        if (outcome instanceof IdpTokenOutcome.IdpRefused r) {
            return Reply.problem(Problem.of(ProblemType.IDP_EXCHANGE_REFUSED, "the identity provider refused the token exchange: " + r.error()
                    + (r.description().isEmpty() ? "" : " (" + r.description() + ")")
                    + "; check that the exchange client may exchange this user's token (Keycloak: standard token exchange enabled on it, and its"
                    + " client id in the user token's aud)").with("error", r.error()));
        }
        if (outcome instanceof IdpTokenOutcome.Unusable u) {
            return Reply.problem(Problem.of(ProblemType.IDP_TOKEN_UNUSABLE, u.reason())); // no retry: the same token would come back
        }
        return Reply.problem(Problem.of(ProblemType.IDP_UNAVAILABLE, ((IdpTokenOutcome.IdpUnavailable) outcome).reason() + "; retry shortly")
                .retryAfter(5));
    }

    /** The IdP's setting, and ours where one goes with it, named as the configuration file spells it. */
    private static String fix(IdpTokenOutcome.RuleBreak r) {
        return r.idpSetting() + r.ours().map(s -> " (" + SettingPaths.yaml(s) + ")").orElse("");
    }
}
