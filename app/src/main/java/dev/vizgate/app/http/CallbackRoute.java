package dev.vizgate.app.http;

import dev.vizgate.domain.model.AuthorizationState;
import dev.vizgate.domain.model.BrowserBinding;
import dev.vizgate.domain.model.SalesforceFailure;
import dev.vizgate.domain.model.Text;
import dev.vizgate.domain.usecase.CallbackOutcome;
import dev.vizgate.domain.usecase.WebServerFlow;
import org.eclipse.jetty.server.Request;

import java.util.LinkedHashMap;
import java.util.Optional;

/**
 * {@code GET /v1/tableau-next/callback}: Salesforce sends the browser back with the code and the state. It is honoured
 * only in the browser that began (its {@link SignInCookie}), and only for the user who began; a parameter given twice
 * is refused as ambiguous, as two credentials are.
 */
final class CallbackRoute implements Route {
    private static final String SIGNED_IN = "<!doctype html><html><head><meta charset=\"utf-8\"><title>Signed in to Salesforce</title></head><body>"
            + "<p>Signed in to Salesforce. You can close this window.</p></body></html>";

    private final WebServerFlow flow;
    private final Audits audits;

    CallbackRoute(WebServerFlow flow, Audits audits) {
        this.flow = flow;
        this.audits = audits;
    }

    @Override
    public Reply answer(Request request) {
        var closed = audits.closed();
        if (closed.isPresent()) { // before the state is spent: the same link works once the trail can record
            return Reply.problem(closed.get());
        }
        var fields = Request.extractQueryParameters(request);
        var query = new LinkedHashMap<String, String>();
        for (var name : fields.getNames()) {
            var values = fields.getValues(name);
            if (values.size() > 1) {
                return Reply.problem(Problem.of(ProblemType.AMBIGUOUS_CREDENTIALS, "the callback carries " + values.size() + " '"
                        + Text.oneLine(name, 32) + "' parameters; Salesforce sends each once, so this link was"
                        + " altered; start again from " + AuthorizeRoute.PATH));
            }
            query.put(name, values.get(0));
        }
        var state = state(query.get("state"));
        Optional<BrowserBinding> presented = state.flatMap(s -> SignInCookie.presented(request, s));
        var outcome = flow.finish(query, presented);
        audits.signInCompleted(request, outcome instanceof CallbackOutcome.SignedIn in ? Optional.of(in.subject())
                : outcome instanceof CallbackOutcome.WrongUser w ? Optional.of(w.expected()) : Optional.empty(),
                outcome instanceof CallbackOutcome.SignedIn ? "signed-in" : problem(outcome).kind().slug());
        var reply = outcome instanceof CallbackOutcome.SignedIn
                ? Reply.text("text/html; charset=utf-8", SIGNED_IN)
                : Reply.problem(problem(outcome));
        // The binding has done its work, whatever the outcome: the state is spent.
        return state.filter(s -> presented.isPresent()).map(s -> reply.withHeader("Set-Cookie", SignInCookie.clear(s))).orElse(reply);
    }

    private static Optional<AuthorizationState> state(String raw) {
        try {
            return raw == null ? Optional.empty() : Optional.of(new AuthorizationState(raw));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    static Problem problem(CallbackOutcome outcome) {
        if (outcome instanceof CallbackOutcome.UnknownState) {
            return Problem.of(ProblemType.UNKNOWN_STATE, "start again from " + AuthorizeRoute.PATH + "; a sign-in link works once, within "
                    + WebServerFlow.STATE_LIFETIME.toMinutes() + " minutes");
        }
        if (outcome instanceof CallbackOutcome.NotThisBrowser) {
            return Problem.of(ProblemType.SIGN_IN_NOT_THIS_BROWSER, "this sign-in was begun in another browser (or this browser refused the"
                    + " gateway's sign-in cookie), so nothing was exchanged and the link is spent; start again from " + AuthorizeRoute.PATH
                    + " in the browser that will use it, over https");
        }
        if (outcome instanceof CallbackOutcome.WrongUser w) {
            return Problem.of(ProblemType.SALESFORCE_USER_MISMATCH, "Salesforce signed in a different user than " + w.expected().value()
                    + ", who began this sign-in; that user's tokens were revoked and nothing was kept. Sign out of Salesforce in this"
                    + " browser, start again from " + AuthorizeRoute.PATH + ", and sign in as " + w.expected().value());
        }
        if (outcome instanceof CallbackOutcome.IdentityUnknown u) {
            var f = u.failure();
            return FrontdoorRoute.problem(new SalesforceFailure(f.kind(), f.error(), f.description(),
                    "Salesforce's identity service could not confirm who signed in, so the new tokens were revoked and nothing was kept: " + f.detail()));
        }
        if (outcome instanceof CallbackOutcome.Denied d) {
            return Problem.of(ProblemType.SALESFORCE_AUTHORIZATION_DENIED, "Salesforce answered " + d.error() + d.description().map(t -> " (" + t + ")").orElse("")
                    + "; the user must approve the app, or be pre-authorized by a permission set").with("salesforceError", d.error());
        }
        if (outcome instanceof CallbackOutcome.MissingCode) {
            return Problem.invalidRequest("the callback carries no code");
        }
        if (outcome instanceof CallbackOutcome.ExchangeFailed f) {
            return FrontdoorRoute.problem(f.failure());
        }
        return Problem.of(ProblemType.SALESFORCE_NO_REFRESH_TOKEN, "add the refresh_token scope (and offline access) to the External Client App's OAuth scopes");
    }
}
