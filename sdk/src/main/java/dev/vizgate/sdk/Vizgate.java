package dev.vizgate.sdk;

import dev.vizgate.domain.model.Issuer;
import dev.vizgate.domain.model.SecretRef;
import dev.vizgate.domain.policy.ConnectedAppTrust;
import dev.vizgate.domain.port.RequestBudgets;
import dev.vizgate.domain.usecase.AcceptPlatformAssertion;
import dev.vizgate.domain.usecase.ExchangeForTableauToken;
import dev.vizgate.domain.usecase.IssueSignInTickets;
import dev.vizgate.domain.usecase.IssueTableauToken;
import dev.vizgate.domain.usecase.LiveSecret;
import dev.vizgate.domain.usecase.OpenTableauNextSession;
import dev.vizgate.domain.usecase.PublishJwks;
import dev.vizgate.domain.usecase.RotateConnectedAppSecret;
import dev.vizgate.domain.usecase.RotateOnSchedule;
import dev.vizgate.domain.usecase.WebServerFlow;
import dev.vizgate.sdk.spi.Assembled;

import java.security.PublicKey;
import java.util.Map;
import java.util.Optional;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;

/**
 * Vizgate as a library: typed settings in, ready use cases out. Build it once, share it across threads, and close it
 * on the way out; it owns what it opened (the Salesforce HTTP client, the Redis pool), never what you passed in.
 *
 * <pre>{@code
 * try (var vizgate = Vizgate.builder().tableau(settings).build()) {
 *     var outcome = vizgate.tableauTokens().orElseThrow().issue(TableauTokenRequest.forUser(new Subject("alice@example.com")));
 * }
 * }</pre>
 */
public final class Vizgate implements AutoCloseable {
    private final Assembled parts;

    Vizgate(Assembled parts) {
        this.parts = parts;
    }

    /** Settings and, where you need your own, adapters: see {@link VizgateBuilder}. */
    public static VizgateBuilder builder() {
        return new VizgateBuilder();
    }

    /**
     * Starts looking for the runtime assembly ({@code vizgate-assembly}) on a thread of its own, so that a later
     * {@link VizgateBuilder#build()} finds it ready. The look opens every jar on the classpath; a short-lived process
     * (a command-line tool) that reads its settings meanwhile saves that wait. Optional: {@code build()} looks itself
     * when nothing was started, and reports what was wrong (no assembly, or two) the same way either way.
     */
    public static void findAssemblyAhead() {
        Assemblies.lookAhead();
    }

    /**
     * Request counts kept where the other stores are: per node in memory, or shared by every node through Redis, so a
     * rate limit built on them holds for the whole deployment.
     */
    public RequestBudgets requestBudgets() {
        return parts.requestBudgets();
    }

    /** Signs Connected App JWTs for Tableau Cloud or Server; present when Tableau settings were given. */
    public Optional<IssueTableauToken> tableauTokens() {
        return parts.tableauTokens();
    }

    /** The site as its administrator sees it (site LUID, EAS registration); present when {@link VizgateBuilder#tableauAdmin} was given. */
    public Optional<TableauAdmin> tableauAdmin() {
        return parts.tableauAdmin();
    }

    /**
     * Tableau tokens issued by the platform's identity provider through token exchange (RFC 8693) and checked against
     * Tableau's EAS rules; present when the Connected App trusts the IdP ({@link ConnectedApp.IdpIssued}), in which case
     * {@link #tableauTokens()} is empty: Vizgate then signs nothing itself.
     */
    public Optional<ExchangeForTableauToken> idpTableauTokens() {
        return parts.idpTableauTokens();
    }

    /** The Connected App's trust as built: direct (a secret) or EAS (an issuer and a signing key). */
    public Optional<ConnectedAppTrust> tableauTrust() {
        return parts.tableauTrust().map(Supplier::get);
    }

    /** The JWKS (and discovery document) an EAS Connected App or a UAT configuration reads; present for EAS and UAT trust. */
    public Optional<PublishJwks> jwks() {
        return parts.jwks();
    }

    /** The issuer whose keys and metadata this gateway publishes: an EAS's, or a UAT configuration's. */
    public Optional<Issuer> easIssuer() {
        return tableauTrust().filter(ConnectedAppTrust::publishesKeys).map(ConnectedAppTrust::issuer);
    }

    /** Opens Tableau Next sessions and single-use frontdoor URLs; present when Tableau Next settings were given. */
    public Optional<OpenTableauNextSession> tableauNextSessions() {
        return parts.tableauNextSessions();
    }

    /** Salesforce's web server flow (authorize, callback); present when that is the configured flow. */
    public Optional<WebServerFlow> webServerFlow() {
        return parts.webServerFlow();
    }

    /** One-time tickets that start the web-server flow for a user proven by a reusable credential; with the web-server flow. */
    public Optional<IssueSignInTickets> signInTickets() {
        return parts.signInTickets();
    }

    /** The public half of the JWT bearer flow's key, to compare with the certificate uploaded to the app. */
    public Optional<PublicKey> salesforceAssertionKey() {
        return parts.salesforceAssertionKey();
    }

    /** Checks a platform's assertion that proves its user; present when platforms were given. */
    public Optional<AcceptPlatformAssertion> platformAssertions() {
        return parts.platformAssertions();
    }

    /** Named checks a readiness probe runs: the signing key is loaded, the store answers, Salesforce's circuit is closed. */
    public Map<String, BooleanSupplier> readiness() {
        return parts.readiness();
    }

    /**
     * The secrets Vizgate follows, by the setting that names them: each one's version in use, when it was last read,
     * and whether it is stale (its store did not answer, and the last good value is serving).
     */
    public Map<Setting, LiveSecret> secrets() {
        return parts.secrets().bySetting(); // those read since the build (readSecret) included
    }

    /**
     * Reads a secret of the caller's own (an API-key hash, say) through the configured stores, once; it is followed
     * like the others, so doctor and the meters see it under {@code setting}.
     *
     * @throws SettingsException when no configured store holds it, or the store cannot be read now
     */
    public String readSecret(Setting setting, SecretRef ref) {
        return parts.secrets().read(setting, ref);
    }

    /** Rotates the managed Connected App secret; present when rotation settings were given. */
    public Optional<RotateConnectedAppSecret> rotation() {
        return parts.rotation();
    }

    /**
     * Rotation on the schedule {@link RotationSettings#every} sets, under a lease in the store so one node rotates at a
     * time; present when a schedule was given. Call {@link RotateOnSchedule#tick()} now and then (the gateway does).
     */
    public Optional<RotateOnSchedule> scheduledRotation() {
        return parts.scheduledRotation();
    }

    /** Its secret-store clients and stores, for other Vizgates (a deployment's tenants) to share instead of opening their own. */
    public SharedParts shared() {
        return parts.shared();
    }

    /** Closes what this object opened, in reverse order; what was passed to the builder stays open. */
    @Override
    public void close() {
        RuntimeException first = null;
        var owned = parts.owned();
        for (int i = owned.size() - 1; i >= 0; i--) {
            try {
                owned.get(i).close();
            } catch (Exception e) {
                if (first == null) {
                    first = new IllegalStateException("closing " + owned.get(i).getClass().getSimpleName() + " failed", e);
                }
            }
        }
        if (first != null) {
            throw first;
        }
    }

    @Override
    public String toString() {
        return "Vizgate[tableau=" + tableauTrust().map(t -> t.getClass().getSimpleName()).orElse(parts.idpTableauTokens().isPresent() ? "IdpIssued" : "none")
                + ", tableauNext=" + parts.tableauNextSessions().isPresent() + ", platforms=" + parts.platformAssertions().isPresent() + "]";
    }
}
