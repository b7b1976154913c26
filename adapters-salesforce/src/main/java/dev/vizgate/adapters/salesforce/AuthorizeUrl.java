package dev.vizgate.adapters.salesforce;

import dev.vizgate.domain.model.AuthorizationState;
import dev.vizgate.domain.model.PkceVerifier;
import dev.vizgate.domain.model.Subject;
import dev.vizgate.domain.port.AuthorizeUrls;

import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The web server flow's first step: {@code GET {host}/services/oauth2/authorize?response_type=code&client_id&redirect_uri
 * &state&code_challenge…} (salesforce.md §2). Whether Salesforce needs {@code code_challenge_method=S256} is
 * UNVERIFIED (jsforce leaves it out); RFC 7636 says a server assumes "plain" without it, so it is sent by default
 * and can be turned off.
 */
public final class AuthorizeUrl implements AuthorizeUrls {
    /** The scopes asked for when none are configured: the API, the web session frontdoor needs, and a refresh token. */
    public static final List<String> DEFAULT_SCOPES = List.of("api", "web", "refresh_token");

    private final SalesforceSettings settings;
    private final List<String> scopes;
    private final boolean sendChallengeMethod;

    public AuthorizeUrl(SalesforceSettings settings, List<String> scopes, boolean sendChallengeMethod) {
        if (settings.redirectUri().isEmpty()) {
            throw new IllegalArgumentException("the web server flow needs a redirect URI");
        }
        this.settings = settings;
        this.scopes = List.copyOf(scopes);
        this.sendChallengeMethod = sendChallengeMethod;
    }

    @Override
    public URI authorizeUrl(AuthorizationState state, PkceVerifier verifier, Subject loginHint) {
        return build(settings, state.value(), challenge(verifier), scopes, Optional.of(loginHint.value()), sendChallengeMethod);
    }

    /** The S256 {@code code_challenge}: base64url(SHA-256(verifier)), RFC 7636 §4.2. */
    public static String challenge(PkceVerifier verifier) {
        try {
            var digest = MessageDigest.getInstance("SHA-256").digest(verifier.value().getBytes(StandardCharsets.US_ASCII));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JDK", e);
        }
    }

    public static URI build(SalesforceSettings settings, String state, String codeChallenge, List<String> scopes, Optional<String> loginHint,
                            boolean sendChallengeMethod) {
        var redirect = settings.redirectUri().orElseThrow(() -> new IllegalStateException("the web server flow needs a redirect URI"));
        var q = new LinkedHashMap<String, String>();
        q.put("response_type", "code");
        q.put("client_id", settings.consumerKey().value());
        q.put("redirect_uri", redirect.toString());
        q.put("state", state);
        q.put("code_challenge", codeChallenge);
        if (sendChallengeMethod) {
            q.put("code_challenge_method", "S256");
        }
        if (!scopes.isEmpty()) {
            q.put("scope", String.join(" ", scopes));
        }
        loginHint.ifPresent(h -> q.put("login_hint", h));
        return URI.create(settings.endpoint("/services/oauth2/authorize") + "?" + form(q));
    }

    static String form(Map<String, String> fields) {
        return fields.entrySet().stream()
                .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
    }
}
