package dev.vizgate.app.http;

import dev.vizgate.domain.usecase.WebServerFlow;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.server.Request;

import java.util.Map;

/**
 * {@code GET /v1/tableau-next/authorize}: the web-server flow's start. A browser arrives with its platform assertion in
 * the query (a navigation cannot carry headers); it may name nothing else, and it carries exactly one credential.
 */
final class AuthorizeRoute implements Route {
    private final WebServerFlow flow;
    private final Admission admission;

    AuthorizeRoute(WebServerFlow flow, Admission admission) {
        this.flow = flow;
        this.admission = admission;
    }

    @Override
    public Reply answer(Request request) {
        var query = Request.extractQueryParameters(request);
        var assertions = query.getValues("assertion");
        if (assertions == null || assertions.isEmpty()) {
            return Reply.problem(Problem.unauthenticated("add ?assertion=<platform assertion> proving the user; API keys never go in URLs"));
        }
        if (assertions.size() > 1 || request.getHeaders().contains(HttpHeader.AUTHORIZATION)) {
            return Reply.problem(Admission.ambiguous(assertions.size() > 1 ? "the URL carries " + assertions.size() + " assertion parameters"
                    : "the request carries both an assertion parameter and an Authorization header"));
        }
        var named = Admission.choicesIn(f -> query.getValue(f) != null);
        if (!named.isEmpty()) {
            return Reply.problem(Admission.browserMayNotChoose(named));
        }
        var proof = admission.prove("Bearer " + assertions.get(0));
        if (proof instanceof Admission.Proof.Refused r) {
            return Reply.problem(r.problem());
        }
        var caller = ((Admission.Proof.Proved) proof).caller();
        if (!(caller instanceof Caller.Browser browser)) {
            return Reply.problem(Problem.invalidRequest("an API key may not start a browser sign-in; send a platform assertion")).by(caller.name());
        }
        var location = flow.begin(browser.subject());
        return new Reply(302, "text/plain", new byte[0], Map.of("Location", location.toString())).by(caller.name());
    }
}
