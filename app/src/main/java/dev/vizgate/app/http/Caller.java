package dev.vizgate.app.http;

import dev.vizgate.domain.model.Issuer;
import dev.vizgate.domain.model.Scopes;
import dev.vizgate.domain.model.Subject;
import dev.vizgate.domain.model.TenantId;
import dev.vizgate.domain.model.UntrustedToken;
import dev.vizgate.domain.model.UserAttributes;
import dev.vizgate.domain.policy.CallerAllowance;
import dev.vizgate.domain.policy.TenantBinding;
import dev.vizgate.domain.usecase.OneTimeUse;
import dev.vizgate.domain.usecase.WhoMayChoose;

import java.util.Objects;
import java.util.Optional;

/**
 * Who proved what, and so what it may choose. A platform backend (API key) names the user, and scopes and
 * attributes within its allowance; a browser (platform assertion) gets exactly what its platform signed.
 */
public sealed interface Caller {
    /** The name rate limits and metrics use; never a secret. */
    String name();

    /** What this caller proved, as the domain's decision of who may choose what sees it. */
    WhoMayChoose.Chooser chooser();

    /** The tenants this caller's proof covers; empty when it covers none (or the gateway serves no tenants). */
    Optional<TenantBinding> tenants();

    /** @param configPath where this key is configured ({@code callers.api-keys[0]}), so refusals can name the list to change */
    record Backend(String name, CallerAllowance allowance, String configPath, Optional<TenantBinding> tenants) implements Caller {
        public Backend {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(allowance, "allowance");
            Objects.requireNonNull(configPath, "configPath");
            Objects.requireNonNull(tenants, "tenants");
        }

        public Backend(String name, CallerAllowance allowance, String configPath) {
            this(name, allowance, configPath, Optional.empty());
        }

        public Backend(String name) {
            this(name, CallerAllowance.unrestricted(), "callers.api-keys");
        }

        @Override
        public WhoMayChoose.Chooser chooser() {
            return new WhoMayChoose.Chooser.Backend(allowance);
        }
    }

    /**
     * @param scopes   the scopes the platform signed, if its configuration maps a claim for them
     * @param idpToken the identity provider's access token the browser proved itself with, kept for a token exchange;
     *                 empty for a platform assertion (spent, and never passed on)
     * @param unspent  a platform assertion's one-time use, spent only when the request is about to be granted
     *                 ({@link Admission#spend}); empty for an IdP token, which is reusable
     */
    record Browser(Issuer issuer, Subject subject, Optional<Scopes> scopes, UserAttributes attributes, Optional<UntrustedToken> idpToken,
                   Optional<OneTimeUse> unspent, Optional<TenantId> tenant) implements Caller {
        public Browser {
            Objects.requireNonNull(issuer, "issuer");
            Objects.requireNonNull(subject, "subject");
            Objects.requireNonNull(scopes, "scopes");
            Objects.requireNonNull(attributes, "attributes");
            Objects.requireNonNull(idpToken, "idpToken");
            Objects.requireNonNull(unspent, "unspent");
            Objects.requireNonNull(tenant, "tenant");
        }

        public Browser(Issuer issuer, Subject subject, Optional<Scopes> scopes, UserAttributes attributes, Optional<UntrustedToken> idpToken,
                       Optional<OneTimeUse> unspent) {
            this(issuer, subject, scopes, attributes, idpToken, unspent, Optional.empty());
        }

        public Browser(Issuer issuer, Subject subject, Optional<Scopes> scopes, UserAttributes attributes) {
            this(issuer, subject, scopes, attributes, Optional.empty(), Optional.empty());
        }

        /** A browser covers only the tenant its signed proof names. */
        @Override
        public Optional<TenantBinding> tenants() {
            return tenant.map(TenantBinding.Signed::new);
        }

        public Browser(Issuer issuer, Subject subject) {
            this(issuer, subject, Optional.empty(), UserAttributes.none());
        }

        @Override
        public String name() {
            return issuer.value();
        }

        @Override
        public WhoMayChoose.Chooser chooser() {
            return new WhoMayChoose.Chooser.SignedUser(subject, scopes, attributes, idpToken.isPresent()
                    ? WhoMayChoose.Chooser.Signer.IDENTITY_PROVIDER : WhoMayChoose.Chooser.Signer.PLATFORM_ASSERTION);
        }
    }
}
