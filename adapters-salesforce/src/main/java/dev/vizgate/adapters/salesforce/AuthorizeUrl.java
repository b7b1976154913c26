package dev.vizgate.adapters.salesforce;

import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The web server flow's first step: {@code GET {host}/services/oauth2/authorize?response_type=code&client_id&redirect_uri
 * &state&code_challenge…} (salesforce.md §2). Whether Salesforce needs {@code code_challenge_method=S256} is
 * UNVERIFIED (jsforce leaves it out); RFC 7636 says a server assumes "plain" without it, so it is sent by default
 * and can be turned off.
 */
public final class AuthorizeUrl {
    private AuthorizeUrl() {
    }

    public static URI build(SalesforceSettings settings, String state, Pkce pkce, List<String> scopes, Optional<String> loginHint,
                            boolean sendChallengeMethod) {
        var redirect = settings.redirectUri().orElseThrow(() -> new IllegalStateException("the web server flow needs a redirect URI"));
        var q = new LinkedHashMap<String, String>();
        q.put("response_type", "code");
        q.put("client_id", settings.consumerKey().value());
        q.put("redirect_uri", redirect.toString());
        q.put("state", state);
        q.put("code_challenge", pkce.challenge());
        if (sendChallengeMethod) {
            q.put("code_challenge_method", "S256");
        }
        if (!scopes.isEmpty()) {
            q.put("scope", String.join(" ", scopes));
        }
        loginHint.ifPresent(h -> q.put("login_hint", h));
        return URI.create(settings.endpoint("/services/oauth2/authorize") + "?" + form(q));
    }

    static String form(java.util.Map<String, String> fields) {
        return fields.entrySet().stream()
                .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
    }
}
