package dev.vizgate.domain.policy;

import dev.vizgate.domain.model.Audience;
import dev.vizgate.domain.model.ClientId;
import dev.vizgate.domain.model.Issuer;
import dev.vizgate.domain.model.JwsAlgorithm;
import dev.vizgate.domain.model.JwsHeader;
import dev.vizgate.domain.model.KeyId;
import dev.vizgate.domain.model.UnifiedAccess;

import java.util.Objects;

/** How Tableau trusts the tokens of one Connected App: a shared secret, or our own keys (EAS); or a UAT configuration's. */
public sealed interface ConnectedAppTrust {
    /** The token's {@code iss}. */
    Issuer issuer();

    /** The header of the next token: names the key that signs now. */
    JwsHeader header();

    default KeyId signingKeyId() {
        return header().keyId().orElseThrow();
    }

    /** Whether its keys are this gateway's own, published as a JWKS with the issuer's metadata (EAS and UAT), or a shared secret. */
    default boolean publishesKeys() {
        return !(this instanceof DirectTrust);
    }

    /** The token's {@code aud}: "tableau", or for EAS on Tableau Cloud, reportedly "tableau:&lt;site-luid&gt;". */
    default Audience audience() {
        return Audience.TABLEAU;
    }

    /** Direct trust: HS256 with the active secret; {@code iss} = client id in header and payload. */
    record DirectTrust(ClientId clientId, SecretRotation secrets) implements ConnectedAppTrust {
        public DirectTrust {
            Objects.requireNonNull(clientId, "client id");
            Objects.requireNonNull(secrets, "secrets");
        }

        @Override
        public Issuer issuer() {
            return clientId.asIssuer();
        }

        @Override
        public JwsHeader header() {
            return JwsHeader.directTrust(secrets.active(), clientId);
        }
    }

    /**
     * OAuth 2.0 trust: our HTTPS issuer, signed by the first configured key. Field reports (tableau.md §7, UNVERIFIED)
     * say Tableau Cloud wants {@code aud = tableau:<site-luid>} here while Server takes "tableau": the audience is set.
     */
    record ExternalAuthorizationServer(Issuer issuer, KeyId signingKey, JwsAlgorithm algorithm, Audience audience)
            implements ConnectedAppTrust {
        public ExternalAuthorizationServer(Issuer issuer, KeyId signingKey, JwsAlgorithm algorithm) {
            this(issuer, signingKey, algorithm, Audience.TABLEAU);
        }

        public ExternalAuthorizationServer {
            Objects.requireNonNull(audience, "audience");
            TableauRules.audience(audience.value()).ifPresent(v -> {
                throw new IllegalArgumentException(v.message());
            });
            Objects.requireNonNull(issuer, "issuer");
            Objects.requireNonNull(signingKey, "signing key");
            Objects.requireNonNull(algorithm, "algorithm");
            if (!issuer.isHttpsUri()) {
                throw new IllegalArgumentException("an EAS issuer must be an https URI, not " + issuer);
            }
            if (algorithm.isSymmetric()) {
                throw new IllegalArgumentException("an EAS signs with RS256, PS256 or ES256, not " + algorithm);
            }
        }

        @Override
        public JwsHeader header() {
            return JwsHeader.externalAuthorizationServer(algorithm, signingKey);
        }
    }

    /**
     * Tableau Cloud's unified access tokens (tableau.md §8): our https issuer and our own key, as a UAT configuration of
     * the Tableau Cloud Manager tenant names them (its issuer, its JWKS), signed like an EAS's and laid out as a UAT.
     */
    record UnifiedAccessTokens(Issuer issuer, KeyId signingKey, JwsAlgorithm algorithm, UnifiedAccess uat) implements ConnectedAppTrust {
        public UnifiedAccessTokens {
            Objects.requireNonNull(issuer, "issuer");
            Objects.requireNonNull(signingKey, "signing key");
            Objects.requireNonNull(algorithm, "algorithm");
            Objects.requireNonNull(uat, "uat");
            if (!issuer.isHttpsUri()) {
                throw new IllegalArgumentException("a UAT issuer must be an https URI, not " + issuer);
            }
            if (algorithm.isSymmetric()) {
                throw new IllegalArgumentException("a UAT is signed with RS256, PS256 or ES256, not " + algorithm);
            }
        }

        @Override
        public JwsHeader header() {
            return JwsHeader.externalAuthorizationServer(algorithm, signingKey);
        }
    }
}
