package dev.vizgate.app.http;

import dev.vizgate.domain.model.SignInTicket;
import dev.vizgate.domain.model.Subject;
import dev.vizgate.domain.usecase.IssueSignInTickets;
import dev.vizgate.domain.usecase.WebServerFlow;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.server.Request;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * {@code /v1/tableau-next/authorize}: the web-server flow's start.
 * <ul>
 *   <li>{@code GET ?assertion=…}: a browser navigates here with a one-time platform assertion (a navigation cannot carry
 *       headers). It is verified, the browser may name nothing else, the same rate budgets as every caller route apply,
 *       and the assertion is spent last.</li>
 *   <li>{@code POST} with {@code Authorization: Bearer …} (a platform assertion or the identity provider's access token):
 *       answers a one-time, short-lived URL ({@code ?ticket=…}) to navigate to. A reusable IdP token never goes in a
 *       URL, where browser history and proxy logs keep it.</li>
 *   <li>{@code GET ?ticket=…}: redeems a ticket once.</li>
 * </ul>
 * Either GET answers 302 to Salesforce and sets the cookie that binds the sign-in to this browser ({@link SignInCookie}).
 */
final class AuthorizeRoute implements Route {
    static final String PATH = "/v1/tableau-next/authorize";

    private final WebServerFlow flow;
    private final IssueSignInTickets tickets;
    private final Admission admission;

    AuthorizeRoute(WebServerFlow flow, IssueSignInTickets tickets, Admission admission) {
        this.flow = flow;
        this.tickets = tickets;
        this.admission = admission;
    }

    @Override
    public Reply answer(Request request) {
        return "POST".equals(request.getMethod()) ? ticket(request) : navigate(request);
    }

    /** POST: the caller proves its user in the header, and gets a one-time URL to send the browser to. */
    private Reply ticket(Request request) {
        return admission.answer(request, Set.of(), acting -> {
            if (!(acting.caller() instanceof Caller.Browser)) {
                return Reply.problem(Admission.apiKeyMayNotSignIn());
            }
            return admission.spendThen(acting, () -> {
                var ticket = tickets.issue(acting.user());
                var body = new LinkedHashMap<String, Object>();
                body.put("location", PATH + "?ticket=" + ticket.value());
                body.put("expiresInSeconds", IssueSignInTickets.TICKET_LIFETIME.toSeconds());
                return Reply.json(200, body);
            });
        });
    }

    private Reply navigate(Request request) {
        var query = Request.extractQueryParameters(request);
        var assertions = query.getValues("assertion");
        var ticketValues = query.getValues("ticket");
        var assertionCount = assertions == null ? 0 : assertions.size();
        var ticketCount = ticketValues == null ? 0 : ticketValues.size();
        if (assertionCount + ticketCount == 0) {
            return Reply.problem(Problem.unauthenticated("add ?assertion=<platform assertion> proving the user, or POST the user's credential here"
                    + " (Authorization: Bearer) for a one-time ?ticket= URL; API keys and identity-provider tokens never go in URLs"));
        }
        if (assertionCount + ticketCount > 1 || request.getHeaders().contains(HttpHeader.AUTHORIZATION)) {
            return Reply.problem(Admission.ambiguous(assertionCount + ticketCount > 1
                    ? "the URL carries " + (assertionCount + ticketCount) + " assertion or ticket parameters"
                    : "the request carries both a URL credential and an Authorization header"));
        }
        var named = Admission.choicesIn(f -> query.getValue(f) != null);
        if (!named.isEmpty()) {
            return Reply.problem(Admission.browserMayNotChoose(named));
        }
        if (ticketCount == 1) {
            return redeem(ticketValues.get(0));
        }
        return admission.admitNavigation(request, assertions.get(0), acting -> {
            if (((Caller.Browser) acting.caller()).idpToken().isPresent()) { // admitNavigation admits browsers only
                return Reply.problem(Problem.of(ProblemType.REUSABLE_PROOF_IN_URL, "an identity provider's access token works again and again, so it"
                        + " must not travel in a URL, where browser history and proxy logs keep it; POST it to " + PATH
                        + " as Authorization: Bearer and send the browser to the one-time location that answers"));
            }
            return admission.spendThen(acting, () -> begin(acting.user()));
        });
    }

    private Reply redeem(String raw) {
        SignInTicket ticket;
        try {
            ticket = new SignInTicket(raw);
        } catch (IllegalArgumentException e) {
            return Reply.problem(unknownTicket());
        }
        return tickets.redeem(ticket).map(this::begin).orElseGet(() -> Reply.problem(unknownTicket()));
    }

    private Reply begin(Subject user) {
        var start = flow.begin(user);
        var headers = new LinkedHashMap<String, String>();
        headers.put("Location", start.authorizeUrl().toString());
        headers.put("Set-Cookie", SignInCookie.set(start.state(), start.binding(), WebServerFlow.STATE_LIFETIME.toSeconds()));
        return new Reply(302, "text/plain", new byte[0], Map.copyOf(headers));
    }

    private static Problem unknownTicket() {
        return Problem.of(ProblemType.UNKNOWN_TICKET, "a sign-in ticket works once, within "
                + IssueSignInTickets.TICKET_LIFETIME.toSeconds() + " seconds; POST to " + PATH + " for a new one");
    }
}
