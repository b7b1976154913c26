package dev.vizgate.app.http;

import dev.vizgate.config.SettingPaths;
import dev.vizgate.domain.model.AuditEvent;
import dev.vizgate.domain.model.OrgUrl;
import dev.vizgate.domain.model.SalesforceFailure;
import dev.vizgate.domain.model.SessionUser;
import dev.vizgate.domain.usecase.NextSessionOutcome;
import dev.vizgate.domain.usecase.OpenTableauNextSession;
import org.eclipse.jetty.server.Request;

import java.util.LinkedHashMap;
import java.util.Set;

/**
 * {@code POST /v1/tableau-next/frontdoor} and {@code POST /v1/tenants/{tenant}/tableau-next/frontdoor}: a single-use
 * frontdoor URL for the admitted caller's user, in the org its {@link TenantSource} picks.
 */
final class FrontdoorRoute implements Route {
    private final TenantSource<OpenTableauNextSession> source;
    private final Admission admission;
    private final GatewayMetrics metrics;

    FrontdoorRoute(TenantSource<OpenTableauNextSession> source, Admission admission, GatewayMetrics metrics) {
        this.source = source;
        this.admission = admission;
        this.metrics = metrics;
    }

    @Override
    public Reply answer(Request request) {
        var named = TenantPaths.named(request);
        return admission.answer(request, Set.of("user"), acting -> TenantSource.serve(source, admission, acting, named,
                // Opening a session reaches Salesforce, so the assertion is spent before, not after.
                (sessions, kind) -> admission.spendThen(acting, () -> opened(acting, sessions))));
    }

    private Reply opened(Admission.Acting acting, OpenTableauNextSession sessions) {
        // The token exchange flow exchanges the very token that proved the user; the other flows need only the user.
        var user = acting.caller() instanceof Caller.Browser browser && browser.idpToken().isPresent()
                ? SessionUser.provenBy(acting.user(), browser.idpToken().get()) : SessionUser.of(acting.user());
        var outcome = sessions.open(user);
        if (outcome instanceof NextSessionOutcome.Opened opened) {
            metrics.tokenIssued("frontdoor");
            admission.granted(acting, AuditEvent.FrontdoorOpened::new); // never the URL: it is a credential
            var body = new LinkedHashMap<String, Object>();
            body.put("frontdoorUrl", opened.frontdoorUrl().value().toString());
            body.put("orgUrl", opened.orgUrl().map(OrgUrl::toString).orElse(null));
            return Reply.json(200, body);
        }
        return Reply.problem(problem(((NextSessionOutcome.Failed) outcome).failure()));
    }

    /** How each kind of Salesforce failure reaches a client. */
    static Problem problem(SalesforceFailure f) {
        var p = switch (f.kind()) {
            case REJECTED -> Problem.of(ProblemType.SALESFORCE_REJECTED, SettingPaths.spelledOut(f.detail()));
            case UNAVAILABLE -> Problem.of(ProblemType.SALESFORCE_UNAVAILABLE, f.detail() + "; retry shortly");
            case UNTRUSTED_HOST -> Problem.of(ProblemType.UNTRUSTED_HOST, f.detail() + "; if the host is yours, add it to salesforce.allowed-hosts");
            case MALFORMED_RESPONSE -> Problem.of(ProblemType.SALESFORCE_MALFORMED, f.detail());
            case SESSION_REJECTED -> Problem.of(ProblemType.SALESFORCE_SESSION_REJECTED, f.detail());
            case LOCAL_FAILURE -> Problem.of(ProblemType.ASSERTION_FAILED, f.detail() + "; run vizgate doctor");
            case NEEDS_IDP_TOKEN -> Problem.of(ProblemType.IDP_TOKEN_REQUIRED, f.detail());
            case NEEDS_AUTHORIZATION -> Problem.of(ProblemType.SALESFORCE_AUTHORIZATION_REQUIRED, f.detail())
                    .with("authorize", "/v1/tableau-next/authorize");
        };
        if (f.error().isPresent()) {
            p = p.with("salesforceError", f.error().get());
        }
        if (f.description().isPresent()) {
            p = p.with("salesforceErrorDescription", f.description().get());
        }
        return f.kind() == SalesforceFailure.Kind.UNAVAILABLE ? p.retryAfter(5) : p;
    }
}
