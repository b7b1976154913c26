package dev.vizgate.domain.usecase;

import dev.vizgate.domain.model.AuthorizationState;
import dev.vizgate.domain.model.BrowserBinding;
import dev.vizgate.domain.model.IdentityOutcome;
import dev.vizgate.domain.model.ExchangeOutcome;
import dev.vizgate.domain.model.Grant;
import dev.vizgate.domain.model.PendingAuthorization;
import dev.vizgate.domain.model.Subject;
import dev.vizgate.domain.model.Text;
import dev.vizgate.domain.port.AuthorizeUrls;
import dev.vizgate.domain.port.PendingAuthorizations;
import dev.vizgate.domain.port.RefreshTokens;
import dev.vizgate.domain.port.SalesforceAuthorization;
import dev.vizgate.domain.port.SalesforceIdentities;
import dev.vizgate.domain.port.SignInSecrets;

import java.net.URI;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Salesforce's web server flow with PKCE, for interactive users (salesforce.md §2). {@link #begin} binds a random
 * state to the user the platform proved, to a PKCE verifier, and to the browser that began (a binding it keeps in a
 * cookie, stored here only as a digest); {@link #finish} takes that state once, refuses a callback from any other
 * browser, exchanges the code, and keeps the refresh token only if Salesforce's identity service names the very user
 * who began. Later frontdoor calls open sessions from it ({@link RefreshTokenGrants}). Everything lives behind ports,
 * so a callback may reach any node.
 * <p>
 * The two checks close RFC 6749 §10.12's login CSRF and RFC 9700 §4.7's session swap: without the binding, a sign-in
 * link opened in another browser (signed in to Salesforce as someone else) would store that someone's refresh token
 * under the user who began; without the identity check, a user could approve as anyone they can sign in as.
 */
public final class WebServerFlow {
    /** How long a sign-in link waits for its callback. */
    public static final Duration STATE_LIFETIME = Duration.ofMinutes(10);
    private static final int ERROR_TEXT_LIMIT = 200;

    private final PendingAuthorizations pending;
    private final SignInSecrets secrets;
    private final AuthorizeUrls urls;
    private final SalesforceAuthorization salesforce;
    private final RefreshTokens refreshTokens;
    private final SalesforceIdentities identities;
    private final URI redirectUri;

    public WebServerFlow(PendingAuthorizations pending, SignInSecrets secrets, AuthorizeUrls urls, SalesforceAuthorization salesforce,
                         SalesforceIdentities identities, RefreshTokens refreshTokens, URI redirectUri) {
        this.pending = Objects.requireNonNull(pending, "pending");
        this.secrets = Objects.requireNonNull(secrets, "secrets");
        this.urls = Objects.requireNonNull(urls, "urls");
        this.salesforce = Objects.requireNonNull(salesforce, "salesforce");
        this.identities = Objects.requireNonNull(identities, "identities");
        this.refreshTokens = Objects.requireNonNull(refreshTokens, "refreshTokens");
        this.redirectUri = Objects.requireNonNull(redirectUri, "redirectUri");
    }

    /**
     * Where to send the user's browser, and the binding that browser must keep; the user name only pre-fills
     * Salesforce's login form ({@code login_hint}), which is why the callback checks who actually signed in.
     */
    public SignInStart begin(Subject subject) {
        var state = secrets.newState();
        var verifier = secrets.newVerifier();
        var binding = secrets.newBinding();
        pending.hold(state, new PendingAuthorization(subject, verifier, secrets.digest(binding)), STATE_LIFETIME);
        return new SignInStart(urls.authorizeUrl(state, verifier, subject), state, binding);
    }

    /**
     * Salesforce's redirect back, with its query parameters ({@code state}, and {@code code} or {@code error}), and the
     * binding the browser presented (empty when it sent none).
     */
    public CallbackOutcome finish(Map<String, String> query, Optional<BrowserBinding> presented) {
        var state = Optional.ofNullable(query.get("state")).flatMap(WebServerFlow::state);
        var waiting = state.flatMap(pending::take);
        if (waiting.isEmpty()) {
            return new CallbackOutcome.UnknownState();
        }
        // The state is spent either way: a link opened in the wrong browser cannot be retried there.
        if (presented.isEmpty() || !secrets.digest(presented.get()).matches(waiting.get().binding())) {
            return new CallbackOutcome.NotThisBrowser();
        }
        if (query.containsKey("error")) {
            return new CallbackOutcome.Denied(Text.oneLine(query.get("error"), ERROR_TEXT_LIMIT),
                    Optional.ofNullable(query.get("error_description")).map(d -> Text.oneLine(d, ERROR_TEXT_LIMIT)));
        }
        var code = query.get("code");
        if (code == null || code.isBlank()) {
            return new CallbackOutcome.MissingCode();
        }
        Grant grant;
        try {
            grant = new Grant.AuthorizationCode(code, waiting.get().verifier().value(), redirectUri);
        } catch (IllegalArgumentException e) {
            return new CallbackOutcome.MissingCode(); // a code with spaces or control characters is no code Salesforce issued
        }
        var exchanged = salesforce.exchange(grant);
        if (exchanged instanceof ExchangeOutcome.Failed f) {
            return new CallbackOutcome.ExchangeFailed(f.failure());
        }
        var session = ((ExchangeOutcome.Exchanged) exchanged).session();
        if (session.refreshToken().isEmpty()) {
            return new CallbackOutcome.NoRefreshToken();
        }
        var subject = waiting.get().subject();
        var identity = identities.identify(session);
        if (identity instanceof IdentityOutcome.Failed f) {
            salesforce.revoke(session); // kept nowhere, so nobody may use it
            return new CallbackOutcome.IdentityUnknown(f.failure());
        }
        if (!((IdentityOutcome.Identified) identity).username().equals(subject)) {
            salesforce.revoke(session);
            return new CallbackOutcome.WrongUser(subject);
        }
        refreshTokens.save(subject, new RefreshTokens.Grant(session.refreshToken().get(), session.instanceUrl()));
        return new CallbackOutcome.SignedIn(subject);
    }

    private static Optional<AuthorizationState> state(String value) {
        try {
            return Optional.of(new AuthorizationState(value));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
