package dev.vizgate.domain.model;

import java.net.URI;
import java.util.Objects;
import java.util.Optional;

/** What is presented to Salesforce's token endpoint for an access token (salesforce.md §1–§2). */
public sealed interface Grant {
    /** {@code grant_type=urn:ietf:params:oauth:grant-type:jwt-bearer} with a signed assertion. */
    record JwtBearer(SignedToken assertion) implements Grant {
        public JwtBearer {
            Objects.requireNonNull(assertion, "assertion");
        }
    }

    /** {@code grant_type=client_credentials}; the client secret is the adapter's configuration. */
    record ClientCredentials() implements Grant {
    }

    /** {@code grant_type=authorization_code} with the PKCE {@code code_verifier}. */
    record AuthorizationCode(String code, String codeVerifier, URI redirectUri) implements Grant {
        public AuthorizationCode {
            Secrets.check(code, "authorization code");
            Secrets.check(codeVerifier, "code verifier");
            Objects.requireNonNull(redirectUri, "redirect_uri");
        }

        @Override
        public String toString() {
            return "AuthorizationCode[redirectUri=" + redirectUri + ", code=redacted]";
        }
    }

    /**
     * {@code grant_type=urn:ietf:params:oauth:grant-type:token-exchange} (RFC 8693): the platform's identity provider
     * token, which the org's Apex token exchange handler validates and maps to a Salesforce user. The consumer key, and
     * the secret where the app requires one, are the adapter's configuration.
     */
    record TokenExchange(UntrustedToken subjectToken, SubjectTokenType type, Optional<TokenExchangeHandler> handler) implements Grant {
        public TokenExchange {
            Objects.requireNonNull(subjectToken, "subject token");
            Objects.requireNonNull(type, "subject token type");
            Objects.requireNonNull(handler, "handler");
        }

        @Override
        public String toString() {
            return "TokenExchange[type=" + type + ", handler=" + handler + ", subjectToken=redacted]";
        }
    }

    /** {@code grant_type=refresh_token}; the answer may move the session to a new {@code instance_url}. */
    record Refresh(RefreshToken refreshToken, InstanceUrl currentInstance) implements Grant {
        public Refresh {
            Objects.requireNonNull(refreshToken, "refresh token");
            Objects.requireNonNull(currentInstance, "current instance");
        }
    }
}
