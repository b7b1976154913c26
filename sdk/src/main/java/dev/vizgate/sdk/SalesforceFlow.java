package dev.vizgate.sdk;

import dev.vizgate.domain.model.Audience;
import dev.vizgate.domain.model.SubjectTokenType;
import dev.vizgate.domain.model.TokenExchangeHandler;

import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/** How Vizgate gets a Salesforce access token for a user (salesforce.md §1–§2). */
public sealed interface SalesforceFlow {
    /**
     * Server to server: an RS256 assertion per user, signed with the key whose certificate the External Client App
     * holds. {@code audience} is the assertion's {@code aud}, set apart from the token URL.
     */
    record JwtBearer(Audience audience, KeySpec privateKey) implements SalesforceFlow {
        public JwtBearer {
            Objects.requireNonNull(audience, "audience");
            Objects.requireNonNull(privateKey, "privateKey");
        }
    }

    /**
     * The platform's identity provider token, which proved the user to the gateway, exchanged (RFC 8693) for that user's
     * Salesforce session: no integration user, no login prompt. The org's Apex token exchange handler validates the
     * token and picks the user; {@code handler} names it ({@code token_handler}) when the app has more than one. Whether
     * the session carries the {@code web} scope singleaccess needs is UNVERIFIED (salesforce.md).
     */
    record TokenExchange(SubjectTokenType subjectTokenType, Optional<TokenExchangeHandler> handler) implements SalesforceFlow {
        public TokenExchange {
            Objects.requireNonNull(subjectTokenType, "subjectTokenType");
            Objects.requireNonNull(handler, "handler");
        }

        /** An access token, exchanged with the handler the app marks as its default. */
        public static TokenExchange defaults() {
            return new TokenExchange(SubjectTokenType.ACCESS_TOKEN, Optional.empty());
        }
    }

    /** One integration user for everyone, from the consumer key and secret; only on a My Domain host. */
    record ClientCredentials() implements SalesforceFlow {
    }

    /**
     * Interactive users approve the app once in their browser (with PKCE); their refresh token opens later sessions.
     * Whether Salesforce needs {@code code_challenge_method=S256} is UNVERIFIED, so sending it can be turned off. The
     * default scopes add {@code id}, which Salesforce's identity URL needs ("when a connected app with the id scope is
     * successfully authorized", help {@code remoteaccess_using_openid}): the callback asks it who signed in.
     */
    record WebServer(List<String> scopes, boolean sendChallengeMethod, Duration refreshTokenIdle) implements SalesforceFlow {
        public static final List<String> DEFAULT_SCOPES = List.of("api", "web", "refresh_token", "id");
        /**
         * How long a stored refresh token lives unused: External Client Apps cap it at 30 days idle (salesforce.md §2), and
         * field reports (UNVERIFIED) make a 30-day idle limit mandatory for partner apps; an org may set less.
         */
        public static final Duration DEFAULT_REFRESH_TOKEN_IDLE = Duration.ofDays(30);

        public WebServer(List<String> scopes, boolean sendChallengeMethod) {
            this(scopes, sendChallengeMethod, DEFAULT_REFRESH_TOKEN_IDLE);
        }

        public WebServer {
            Objects.requireNonNull(refreshTokenIdle, "refreshTokenIdle");
            if (refreshTokenIdle.compareTo(Duration.ofMinutes(1)) < 0) {
                throw new IllegalArgumentException("a refresh token's idle limit is at least a minute");
            }
            scopes = List.copyOf(scopes);
            for (var s : scopes) {
                if (s.isBlank() || s.chars().anyMatch(c -> c <= 0x20 || c == 0x7f)) {
                    throw new IllegalArgumentException("a scope is one word, such as api, web or refresh_token");
                }
            }
        }

        public static WebServer defaults() {
            return new WebServer(DEFAULT_SCOPES, true);
        }
    }
}
