package dev.vizgate.app.http;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import dev.vizgate.adapters.salesforce.AuthorizeUrl;
import dev.vizgate.adapters.salesforce.Pkce;
import dev.vizgate.adapters.salesforce.SalesforceSettings;
import dev.vizgate.domain.model.ExchangeOutcome;
import dev.vizgate.domain.model.Grant;
import dev.vizgate.domain.model.Subject;
import dev.vizgate.domain.model.Text;
import dev.vizgate.domain.port.RefreshTokens;
import dev.vizgate.domain.port.SalesforceAuthorization;

import java.net.URI;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Salesforce's web server flow with PKCE, for interactive users (salesforce.md §2): {@code authorize} binds a random
 * {@code state} to the user the platform proved and to a PKCE verifier; {@code callback} accepts that state once,
 * exchanges the code and keeps the refresh token, from which later frontdoor calls open sessions.
 * States live 10 minutes on this node (several nodes need a shared store; see the scale-out issue).
 */
public final class WebServerFlow {
    public static final List<String> DEFAULT_SCOPES = List.of("api", "web", "refresh_token");
    private static final SecureRandom RANDOM = new SecureRandom();

    private record Pending(Subject subject, Pkce pkce) {
    }

    public sealed interface Finished {
        record SignedIn(Subject subject) implements Finished {
        }

        record Refused(Problem problem) implements Finished {
        }
    }

    private final SalesforceSettings settings;
    private final SalesforceAuthorization salesforce;
    private final RefreshTokens tokens;
    private final List<String> scopes;
    private final Cache<String, Pending> pending = Caffeine.newBuilder().expireAfterWrite(Duration.ofMinutes(10)).maximumSize(100_000).build();

    public WebServerFlow(SalesforceSettings settings, SalesforceAuthorization salesforce, RefreshTokens tokens, List<String> scopes) {
        this.settings = settings;
        this.salesforce = salesforce;
        this.tokens = tokens;
        this.scopes = List.copyOf(scopes);
    }

    /** Where to send the user's browser; {@code login_hint} only pre-fills Salesforce's login form. */
    public URI begin(Subject subject) {
        var bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        var state = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        var pkce = Pkce.generate();
        pending.put(state, new Pending(subject, pkce));
        return AuthorizeUrl.build(settings, state, pkce, scopes, Optional.of(subject.value()), true);
    }

    public Finished finish(Map<String, String> query) {
        var state = query.getOrDefault("state", "");
        var p = pending.asMap().remove(state);
        if (p == null) {
            return refused(Problem.of(ProblemType.UNKNOWN_STATE, "start again from /v1/tableau-next/authorize; a sign-in link works once, within 10 minutes"));
        }
        if (query.containsKey("error")) {
            return refused(Problem.of(ProblemType.SALESFORCE_AUTHORIZATION_DENIED, "Salesforce answered " + Text.oneLine(query.get("error"), 200) + Optional.ofNullable(query.get("error_description")).map(d -> " (" + Text.oneLine(d, 200) + ")").orElse("")
                            + "; the user must approve the app, or be pre-authorized by a permission set")
                    .with("salesforceError", Text.oneLine(query.get("error"), 200)));
        }
        var code = query.get("code");
        if (code == null || code.isBlank()) {
            return refused(Problem.invalidRequest("the callback carries no code"));
        }
        var exchanged = salesforce.exchange(new Grant.AuthorizationCode(code, p.pkce().verifier(), settings.redirectUri().orElseThrow()));
        if (exchanged instanceof ExchangeOutcome.Failed f) {
            return refused(FrontdoorRoute.problem(f.failure()));
        }
        var session = ((ExchangeOutcome.Exchanged) exchanged).session();
        if (session.refreshToken().isEmpty()) {
            return refused(Problem.of(ProblemType.SALESFORCE_NO_REFRESH_TOKEN, "add the refresh_token scope (and offline access) to the External Client App's OAuth scopes"));
        }
        tokens.save(p.subject(), new RefreshTokens.Grant(session.refreshToken().get(), session.instanceUrl()));
        return new Finished.SignedIn(p.subject());
    }


    private static Finished refused(Problem p) {
        return new Finished.Refused(p);
    }
}
