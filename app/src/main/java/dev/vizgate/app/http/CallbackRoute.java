package dev.vizgate.app.http;

import dev.vizgate.domain.usecase.CallbackOutcome;
import dev.vizgate.domain.usecase.WebServerFlow;
import org.eclipse.jetty.server.Request;

import java.util.LinkedHashMap;

/** {@code GET /v1/tableau-next/callback}: Salesforce sends the browser back with the code and the state. */
final class CallbackRoute implements Route {
    private static final String SIGNED_IN = "<!doctype html><html><head><meta charset=\"utf-8\"><title>Signed in to Salesforce</title></head><body>"
            + "<p>Signed in to Salesforce. You can close this window.</p></body></html>";

    private final WebServerFlow flow;

    CallbackRoute(WebServerFlow flow) {
        this.flow = flow;
    }

    @Override
    public Reply answer(Request request) {
        var fields = Request.extractQueryParameters(request);
        var query = new LinkedHashMap<String, String>();
        for (var name : fields.getNames()) {
            query.put(name, fields.getValue(name));
        }
        var outcome = flow.finish(query);
        if (outcome instanceof CallbackOutcome.SignedIn) {
            return Reply.text("text/html; charset=utf-8", SIGNED_IN);
        }
        return Reply.problem(problem(outcome));
    }

    static Problem problem(CallbackOutcome outcome) {
        if (outcome instanceof CallbackOutcome.UnknownState) {
            return Problem.of(ProblemType.UNKNOWN_STATE, "start again from /v1/tableau-next/authorize; a sign-in link works once, within "
                    + WebServerFlow.STATE_LIFETIME.toMinutes() + " minutes");
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
