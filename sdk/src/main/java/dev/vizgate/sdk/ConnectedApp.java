package dev.vizgate.sdk;

import dev.vizgate.domain.model.Audience;
import dev.vizgate.domain.model.ClientId;
import dev.vizgate.domain.model.Issuer;
import dev.vizgate.domain.model.SecretId;
import dev.vizgate.domain.model.SecretRef;
import dev.vizgate.domain.model.UnifiedAccess;
import dev.vizgate.domain.policy.SecretRotation;
import dev.vizgate.domain.policy.TableauRules;

import java.net.URI;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/** How Tableau trusts the tokens: a Connected App's secret (direct trust), or our own keys (EAS). */
public sealed interface ConnectedApp {
    /**
     * Direct trust (tableau.md §1): HS256 under the secret named {@code activeSecret}; {@code iss} is the client id.
     * A Connected App holds at most two secrets (Tableau error 128), the second being rotated in or out.
     */
    record Direct(ClientId clientId, List<ConnectedAppSecret> secrets, SecretId activeSecret) implements ConnectedApp {
        public Direct {
            Objects.requireNonNull(clientId, "clientId");
            Objects.requireNonNull(activeSecret, "activeSecret");
            secrets = List.copyOf(secrets);
            if (secrets.isEmpty()) {
                throw new IllegalArgumentException("direct trust needs the Connected App's secret");
            }
            if (secrets.size() > SecretRotation.MAX_SECRETS) {
                throw new IllegalArgumentException(secrets.size() + " secrets; a Connected App holds at most 2 (Tableau error 128)");
            }
            var ids = new HashSet<SecretId>();
            for (var s : secrets) {
                if (!ids.add(s.id())) {
                    throw new IllegalArgumentException("secret id " + s.id() + " appears twice");
                }
            }
            if (!ids.contains(activeSecret)) {
                throw new IllegalArgumentException("active secret '" + activeSecret + "' is not among the secrets "
                        + secrets.stream().map(ConnectedAppSecret::id).toList());
            }
        }

        /** One secret, which signs. */
        public static Direct of(ClientId clientId, SecretId secretId, String secret) {
            return new Direct(clientId, List.of(new ConnectedAppSecret(secretId, secret)), secretId);
        }
    }

    /**
     * Direct trust whose secrets Vizgate rotates: the secret store holds, at {@code slots}, one document with the
     * current secret (its id and value), and during a rotation the next and the retired one. The signing kid follows
     * the document, so a rotation switches it on every node without a restart.
     */
    record Managed(ClientId clientId, SecretRef slots) implements ConnectedApp {
        public Managed {
            Objects.requireNonNull(clientId, "clientId");
            Objects.requireNonNull(slots, "slots");
        }
    }

    /**
     * OAuth 2.0 trust (EAS, tableau.md §2): the first key signs, every key is published in the JWKS (so a key being
     * rotated in can be published before it signs), and {@code iss} is this issuer, an https URL.
     */
    record Eas(Issuer issuer, List<KeySpec> signingKeys, Audience audience, Optional<Instant> rolloverAt)
            implements ConnectedApp {
        /** With the audience "tableau" (Tableau Server; Tableau Cloud reportedly wants "tableau:&lt;site-luid&gt;", UNVERIFIED). */
        public Eas(Issuer issuer, List<KeySpec> signingKeys) {
            this(issuer, signingKeys, Audience.TABLEAU);
        }

        public Eas(Issuer issuer, List<KeySpec> signingKeys, Audience audience) {
            this(issuer, signingKeys, audience, Optional.empty());
        }

        /**
         * A rollover by the clock: the first key signs until {@code at}, the second from then on; both are published
         * until the first key's last token has expired ({@link dev.vizgate.domain.policy.KeyRollover}).
         */
        public Eas withRolloverAt(Instant at) {
            return new Eas(issuer, signingKeys, audience, Optional.of(at));
        }

        public Eas {
            Objects.requireNonNull(rolloverAt, "rolloverAt");
            if (rolloverAt.isPresent() && signingKeys != null && signingKeys.size() != 2) {
                throw new IllegalArgumentException("a rollover goes from the first signing key to the second: give exactly two keys, not " + signingKeys.size());
            }
            Objects.requireNonNull(audience, "audience");
            TableauRules.audience(audience.value()).ifPresent(v -> {
                throw new IllegalArgumentException(v.message());
            });
            Objects.requireNonNull(issuer, "issuer");
            if (!issuer.isHttpsUri()) {
                throw new IllegalArgumentException("an EAS issuer must be an https URL, not " + issuer);
            }
            signingKeys = List.copyOf(signingKeys);
            if (signingKeys.isEmpty()) {
                throw new IllegalArgumentException("EAS needs at least one signing key");
            }
        }
    }

    /**
     * Tableau Cloud's unified access tokens (tableau.md §8): signed with this gateway's own key, the first of
     * {@code signingKeys} (every one is published in the JWKS), for the Tableau Cloud Manager UAT configuration that names
     * {@code issuer} and this JWKS. The token carries {@code uat}'s tenant and the user in its username claim.
     */
    record Uat(Issuer issuer, List<KeySpec> signingKeys, UnifiedAccess uat) implements ConnectedApp {
        public Uat {
            Objects.requireNonNull(issuer, "issuer");
            Objects.requireNonNull(uat, "uat");
            if (!issuer.isHttpsUri()) {
                throw new IllegalArgumentException("a UAT issuer must be an https URL, not " + issuer);
            }
            signingKeys = List.copyOf(signingKeys);
            if (signingKeys.isEmpty()) {
                throw new IllegalArgumentException("a UAT needs at least one signing key");
            }
        }
    }

    /**
     * The platform's identity provider is the issuer (OAuth 2.0 trust, the source document's model): Vizgate keeps no
     * key, and exchanges each caller's IdP access token (RFC 8693) for a Tableau token the IdP signs. {@code issuer} is
     * the IdP's issuer as registered on the Tableau site; {@code audience} the aud the site wants. Callers must prove
     * themselves with that IdP's token ({@link PlatformSettings#identityProvider}).
     */
    record IdpIssued(Issuer issuer, Audience audience, TokenExchangeSettings exchange) implements ConnectedApp {
        public IdpIssued {
            Objects.requireNonNull(issuer, "issuer");
            Objects.requireNonNull(audience, "audience");
            Objects.requireNonNull(exchange, "exchange");
            TableauRules.audience(audience.value()).ifPresent(v -> {
                throw new IllegalArgumentException(v.message());
            });
            UpstreamUrl.check(URI.create(issuer.value()), "the identity provider's issuer");
        }
    }
}
