package dev.vizgate.app.http;

import com.fasterxml.jackson.databind.JsonNode;
import dev.vizgate.domain.model.AuditContext;
import dev.vizgate.domain.model.AuditEvent;
import dev.vizgate.domain.model.Subject;
import dev.vizgate.domain.usecase.WhoMayChoose;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.server.Request;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.function.Supplier;

/**
 * The step every caller-facing route takes first: exactly one credential, the caller it proves, the body's fields,
 * and the user the request acts for. The trust boundary lives here: a backend names the user; a browser's user is
 * its assertion's subject, and a browser that names a user, scopes or attributes is refused (403), never quietly
 * overruled, so a mistake in the page shows instead of being hidden.
 * <p>
 * A one-time assertion is verified first and spent last: the body, the browser's choices and the rate limits are all
 * checked before, and the route spends it ({@link #spend}) just before it grants, so a refused request leaves the
 * assertion usable for its retry. A route that grants without spending still cannot leak a second use: {@link #answer}
 * spends before a successful reply leaves, and refuses it if the assertion was already spent.
 */
final class Admission {
    /** The request attribute that carries an admitted caller to the workers; only the gateway sets request attributes. */
    private static final String ADMITTED = "vizgate.admitted";
    /** An authenticated, rate-checked caller and the user it acts for; remembers whether its one-time proof is spent. */
    static final class Acting {
        private final Caller caller;
        private final Subject user;
        private final JsonNode body;
        private final Request request;
        private boolean spendTried;
        private String tenant = "-";

        Acting(Caller caller, Subject user, JsonNode body, Request request) {
            this.caller = Objects.requireNonNull(caller, "caller");
            this.user = Objects.requireNonNull(user, "user");
            this.body = Objects.requireNonNull(body, "body");
            this.request = Objects.requireNonNull(request, "request");
        }

        /** The tenant the caller's proof decided ({@link TenantSource#serve}); "-" for a one-tenant gateway. */
        void serving(String tenantId) {
            this.tenant = Objects.requireNonNull(tenantId, "tenantId");
        }

        Request request() {
            return request;
        }

        String tenant() {
            return tenant;
        }

        Caller caller() {
            return caller;
        }

        Subject user() {
            return user;
        }

        JsonNode body() {
            return body;
        }
    }

    sealed interface Outcome {
        /** The caller's name, for the access log; "-" when no credential was accepted. */
        String callerName();

        record Admitted(Acting acting) implements Outcome {
            @Override
            public String callerName() {
                return acting.caller().name();
            }
        }

        /** @param caller the caller, when its credential proved one (a rate limit, a bad body) */
        record Turned(Problem problem, Optional<Caller> caller) implements Outcome {
            @Override
            public String callerName() {
                return caller.map(Caller::name).orElse("-");
            }
        }
    }

    private final CallerAuthentication callers;
    private final RateLimits rateLimits;
    private final GatewayMetrics metrics;
    private final long maxBodyBytes;
    private final Audits audits;

    Admission(CallerAuthentication callers, RateLimits rateLimits, GatewayMetrics metrics, long maxBodyBytes, Audits audits) {
        this.callers = Objects.requireNonNull(callers, "callers");
        this.rateLimits = Objects.requireNonNull(rateLimits, "rateLimits");
        this.metrics = Objects.requireNonNull(metrics, "metrics");
        this.maxBodyBytes = maxBodyBytes;
        this.audits = Objects.requireNonNull(audits, "audits");
    }

    /** Records a grant the route made for the acting caller: {@code event} is given the request's audit context. */
    void granted(Acting acting, Function<AuditContext, AuditEvent> event) {
        if (!audits.on()) {
            return;
        }
        audits.record(event.apply(audits.context(acting, acting.tenant())));
    }

    /**
     * Admits the request and lets {@code act} answer for the acting caller; a turned-away request gets its problem. Either
     * reply names the caller for the access log.
     */
    Reply answer(Request request, Set<String> fields, Function<Acting, Reply> act) {
        // A request sent on to the workers (ReadingThread.MustWait) comes back admitted: its budgets are spent once.
        Acting acting;
        if (request.getAttribute(ADMITTED) instanceof Acting resumed) {
            acting = resumed;
        } else {
            var closed = audits.closed();
            if (closed.isPresent()) { // before admission, so a one-time proof is not spent on a request refused
                audits.turnedAway(request, Optional.empty(), closed.get());
                return Reply.problem(closed.get());
            }
            var admitted = admit(request, fields);
            if (admitted instanceof Outcome.Turned t) {
                audits.turnedAway(request, t.caller(), t.problem());
                return Reply.problem(t.problem()).by(t.callerName());
            }
            acting = ((Outcome.Admitted) admitted).acting();
        }
        try {
            return audited(acting, settled(acting, act.apply(acting)));
        } catch (ReadingThread.MustWait e) {
            request.setAttribute(ADMITTED, acting);
            throw e;
        }
    }

    /** A refusal after admission is recorded here; a grant by the route that made it ({@link #granted}). */
    private Reply audited(Acting acting, Reply reply) {
        if (reply.status() >= 400) {
            audits.refused(acting, reply);
        }
        return reply;
    }

    /**
     * Admits a browser's navigation whose credential came in the URL (the web-server flow's authorize link): it proves a
     * browser's user, and the same rate budgets apply as to every caller route. An API key in a URL is refused outright.
     * As in {@link #answer}, a successful reply never leaves with its one-time proof unspent.
     */
    Reply admitNavigation(Request request, String credential, Function<Acting, Reply> act) {
        var closed = audits.closed();
        if (closed.isPresent()) {
            audits.turnedAway(request, Optional.empty(), closed.get());
            return Reply.problem(closed.get());
        }
        var proof = prove("Bearer " + credential);
        if (proof instanceof Proof.Refused r) {
            audits.turnedAway(request, Optional.empty(), r.problem());
            return Reply.problem(r.problem());
        }
        var caller = ((Proof.Proved) proof).caller();
        if (!(caller instanceof Caller.Browser browser)) {
            audits.turnedAway(request, Optional.of(caller), apiKeyMayNotSignIn());
            return Reply.problem(apiKeyMayNotSignIn()).by(caller.name());
        }
        var limited = rateLimits.check(caller.name(), browser.subject().value());
        if (limited.isPresent()) {
            var problem = Problem.rateLimited(limited.getAsLong());
            audits.turnedAway(request, Optional.of(caller), problem);
            return Reply.problem(problem).by(caller.name());
        }
        var acting = new Acting(caller, browser.subject(), Gateway.JSON.createObjectNode(), request);
        return audited(acting, settled(acting, act.apply(acting)));
    }

    /** A successful reply whose one-time proof a route forgot to spend is spent now, or refused if it was spent before. */
    private Reply settled(Acting acting, Reply reply) {
        if (reply.status() < 400) {
            var refused = spend(acting);
            if (refused.isPresent()) {
                reply = Reply.problem(refused.get());
            }
        }
        return reply.by(acting.caller().name());
    }

    /** Spends the caller's one-time proof, then grants; a refused spend (replayed, ledger down) is the answer instead. */
    Reply spendThen(Acting acting, Supplier<Reply> grant) {
        var refused = spend(acting);
        return refused.isPresent() ? Reply.problem(refused.get()) : grant.get();
    }

    /** Spends one request of the tenant's own budget; empty when allowed, else the seconds to wait. */
    OptionalLong tenantLimit(String tenant) {
        return rateLimits.checkTenant(tenant);
    }

    /** The refusal of an API key that tries to start a browser sign-in (in a URL or in a header). */
    static Problem apiKeyMayNotSignIn() {
        return Problem.invalidRequest("an API key may not start a browser sign-in, and never goes in a URL; prove the user with a platform"
                + " assertion or the identity provider's token");
    }

    /**
     * Spends the caller's one-time proof, once: empty when the request may be granted (first use, or a reusable
     * proof), else the problem that refuses it. Routes call it right before they grant.
     */
    Optional<Problem> spend(Acting acting) {
        if (acting.spendTried) {
            return Optional.empty();
        }
        acting.spendTried = true;
        var refused = callers.spend(acting.caller());
        refused.ifPresent(this::count);
        return refused;
    }

    Outcome admit(Request request, Set<String> fields) {
        var proof = credential(request);
        if (proof instanceof Proof.Refused r) {
            return new Outcome.Turned(r.problem(), Optional.empty());
        }
        var caller = ((Proof.Proved) proof).caller();
        var body = JsonBody.read(request, fields, maxBodyBytes);
        if (body instanceof JsonBody.Read.Bad bad) {
            return new Outcome.Turned(bad.problem(), Optional.of(caller));
        }
        var json = ((JsonBody.Read.Good) body).json();
        Optional<Subject> named = Optional.empty();
        var userField = json.path(WhoMayChoose.Choice.USER.field());
        if (caller instanceof Caller.Backend && userField.isTextual()) {
            try {
                named = Optional.of(new Subject(userField.asText()));
            } catch (IllegalArgumentException e) {
                return new Outcome.Turned(Problem.invalidRequest("user: " + e.getMessage()), Optional.of(caller));
            }
        }
        var decision = WhoMayChoose.actingUser(caller.chooser(), WhoMayChoose.Choice.namedBy(json::has), named);
        if (!(decision instanceof WhoMayChoose.Decision.Decided decided)) {
            return new Outcome.Turned(refusal(decision), Optional.of(caller));
        }
        var user = decided.request().subject();
        var limited = rateLimits.check(caller.name(), user.value());
        if (limited.isPresent()) {
            return new Outcome.Turned(Problem.rateLimited(limited.getAsLong()), Optional.of(caller));
        }
        return new Outcome.Admitted(new Acting(caller, user, json, request));
    }

    /** The choices a request names, wherever it carries them (a JSON body, a query). */
    static List<String> choicesIn(Predicate<String> named) {
        return WhoMayChoose.Choice.namedBy(named).stream().map(WhoMayChoose.Choice::field).toList();
    }

    /**
     * The problem that answers the acting-user decision's refusal: a browser that named choices, or a backend that named
     * no user (the only refusals {@link WhoMayChoose#actingUser} makes).
     */
    static Problem refusal(WhoMayChoose.Decision decision) {
        if (decision instanceof WhoMayChoose.Decision.BrowserMayNotChoose b) {
            var fields = b.named().stream().map(WhoMayChoose.Choice::field).toList();
            return b.signer() == WhoMayChoose.Chooser.Signer.IDENTITY_PROVIDER ? identityProviderDecides(fields) : browserMayNotChoose(fields);
        }
        return Problem.invalidRequest("an API-key caller must name the user: {\"user\":\"alice@example.com\"}");
    }

    static Problem browserMayNotChoose(List<String> named) {
        return Problem.of(ProblemType.CALLER_MAY_NOT_CHOOSE, "a platform assertion decides the user (its sub), and the scopes and attributes its platform signed"
                        + " (callers.assertions[].claims); remove " + String.join(", ", named) + " from the request,"
                        + " or have the platform put them in the assertion").with("fields", named).with("configKey", "callers.assertions[].claims");
    }

    private static Problem identityProviderDecides(List<String> named) {
        return Problem.of(ProblemType.CALLER_MAY_NOT_CHOOSE, "the identity provider's token decides the user (the claim"
                        + " callers.identity-providers[].claims.username names), and the scopes and attributes it carries; remove "
                        + String.join(", ", named) + " from the request, or have the identity provider put them in its access token"
                        + " (a claim mapper on the client, e.g. a Keycloak protocol mapper) and name those claims in"
                        + " callers.identity-providers[].claims.scopes and .attributes").with("fields", named)
                .with("configKey", "callers.identity-providers[].claims");
    }

    sealed interface Proof {
        record Proved(Caller caller) implements Proof {
        }

        record Refused(Problem problem) implements Proof {
        }
    }

    /** Exactly one Authorization header: it is not a list header (RFC 9110), and a proxy reading the other one would decide differently. */
    Proof credential(Request request) {
        var values = request.getHeaders().getValuesList(HttpHeader.AUTHORIZATION);
        if (values.size() > 1) {
            return new Proof.Refused(ambiguous("the request carries " + values.size() + " Authorization headers"));
        }
        return prove(values.isEmpty() ? null : values.get(0));
    }

    Proof prove(String authorization) {
        var auth = callers.authenticate(authorization);
        if (auth instanceof CallerAuthentication.Outcome.Refused r) {
            count(r.problem());
            return new Proof.Refused(r.problem());
        }
        return new Proof.Proved(((CallerAuthentication.Outcome.Authenticated) auth).caller());
    }

    private void count(Problem refusal) {
        metrics.callerRefused(refusal.kind().slug());
        if (refusal.kind() == ProblemType.ASSERTION_REPLAYED) {
            metrics.replayRefused();
        }
    }

    static Problem ambiguous(String what) {
        return Problem.of(ProblemType.AMBIGUOUS_CREDENTIALS, what
                + "; send exactly one credential per request (one Authorization header, or one assertion parameter)");
    }
}
