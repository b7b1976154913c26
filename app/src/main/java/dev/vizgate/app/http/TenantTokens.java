package dev.vizgate.app.http;

import dev.vizgate.domain.model.Issuer;
import dev.vizgate.domain.model.TenantId;
import dev.vizgate.domain.usecase.IssueTableauToken;
import dev.vizgate.domain.usecase.OpenTableauNextSession;
import dev.vizgate.domain.usecase.PublishJwks;
import dev.vizgate.domain.usecase.RotateOnSchedule;
import dev.vizgate.domain.usecase.WhichTenant;
import dev.vizgate.sdk.Tenants;
import dev.vizgate.sdk.Vizgate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.function.Supplier;

/**
 * The tenant a request is for, decided by what its caller proved ({@link WhichTenant}), and that tenant's own Connected
 * App or org. A tenant the proof does not cover is refused with the same words whether or not it exists, and so is a path
 * segment that could not be a tenant's id: neither the refusal nor its timing says which tenants exist.
 */
public final class TenantTokens implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(TenantTokens.class);

    /** What the caller's proof covers, leaving whether the tenant exists to the one catalogue lookup that follows. */
    private static final WhichTenant COVERAGE = new WhichTenant(id -> true);

    private final Tenants tenants;
    private final Supplier<Map<String, String>> catalogueProblems;

    /**
     * @param catalogueProblems what the catalogue could not read, by tenant id (or by the list that failed), each saying
     *                          where and what serves meanwhile (never a value)
     */
    public TenantTokens(Tenants tenants, Supplier<Map<String, String>> catalogueProblems) {
        this.tenants = Objects.requireNonNull(tenants, "tenants");
        this.catalogueProblems = Objects.requireNonNull(catalogueProblems, "catalogueProblems");
    }

    /** Each tenant serving its last good definition because its new one is not valid, and where it is not. */
    public Map<String, String> problems() {
        var out = new TreeMap<String, String>();
        out.putAll(catalogueProblems.get());
        tenants.problems().forEach((id, e) -> out.putIfAbsent(id.value(), "cannot be built (" + e.setting().key()
                + "); serving its last good definition"));
        return out;
    }

    /** The Tableau tokens of the tenant the caller's proof decides. */
    TenantSource<IssueTableauToken> tokens() {
        return (caller, named) -> choose(caller, named, "tableau/token", Vizgate::tableauTokens, v -> GatewayMetrics.tokenKind(v.tableauTrust()),
                "a Connected App that Vizgate signs for (trust direct, managed, eas or uat) for this tenant", v -> Dispatch.signsWithoutWaiting(v.tableauTrust()));
    }

    /** The Tableau Next sessions (its own org and External Client App) of the tenant the caller's proof decides. */
    TenantSource<OpenTableauNextSession> frontdoors() {
        return (caller, named) -> choose(caller, named, "tableau-next/frontdoor", Vizgate::tableauNextSessions, v -> "frontdoor",
                "Tableau Next (a salesforce: section) for this tenant", v -> false);
    }

    /**
     * @param route    the route's path under the tenant, for the words of a refusal
     * @param pick     the tenant's use case, if it has one
     * @param kind     the use case's kind for the metrics
     * @param missing  what the tenant lacks when {@code pick} finds nothing
     * @param inline   whether the tenant's use case answers without waiting, so that the thread that read the request may
     *                 run it; otherwise, or when the tenant is not built for its definition as it is now, a request on
     *                 that thread goes on to the workers ({@link ReadingThread.MustWait})
     */
    private <T> TenantSource.Chosen<T> choose(Caller caller, Optional<String> namedTenant, String route,
                                              Function<Vizgate, Optional<T>> pick, Function<Vizgate, String> kind, String missing,
                                              Predicate<Vizgate> inline) {
        Optional<TenantId> named = Optional.empty();
        if (namedTenant.isPresent()) {
            try {
                named = Optional.of(new TenantId(namedTenant.get()));
            } catch (IllegalArgumentException e) {
                return notCovered("-");
            }
        }
        var binding = caller.tenants();
        if (binding.isEmpty()) {
            return notCovered(named.map(TenantId::value).orElse("-"));
        }
        // The tenant's existence is asked once, by tenants.tenant below, which refuses an unknown tenant in the same words:
        // asking the catalogue here too cost a second lookup on every request.
        var decision = COVERAGE.decide(binding.get(), named);
        if (decision instanceof WhichTenant.Decision.Refused refused) {
            var asked = named.map(TenantId::value).orElse("-");
            return WhichTenant.NOT_NAMED.equals(refused.reason())
                    ? new TenantSource.Chosen.Refuse<>(Problem.of(ProblemType.TENANT_REQUIRED, refused.reason() + " (" + TenantPaths.TEMPLATE + route + ")"), asked)
                    : notCovered(asked);
        }
        var tenant = ((WhichTenant.Decision.Decided) decision).tenant();
        try {
            // Decided only now, for a caller the tenant's binding covers: which tenants are built says nothing to anyone else.
            var vizgate = ReadingThread.here() ? Optional.of(tenants.ifBuilt(tenant).filter(inline).orElseThrow(ReadingThread.MustWait::new))
                    : tenants.tenant(tenant);
            if (vizgate.isEmpty()) {
                return notCovered(tenant.value()); // removed since the decision
            }
            var use = pick.apply(vizgate.get());
            if (use.isEmpty()) {
                return new TenantSource.Chosen.Refuse<>(Problem.notConfigured(missing), tenant.value());
            }
            return new TenantSource.Chosen.Use<>(use.get(), kind.apply(vizgate.get()), tenant.value());
        } catch (ReadingThread.MustWait e) {
            throw e;
        } catch (RuntimeException e) {
            // A tenant whose first definition does not build: its operators see why in the log and in doctor; its callers see that it cannot serve.
            LOG.warn("tenant {} cannot serve: {}", tenant, e.getMessage());
            return new TenantSource.Chosen.Refuse<>(Problem.of(ProblemType.TENANT_UNAVAILABLE,
                    "this tenant's configuration cannot be used now; its operators should run vizgate doctor").retryAfter(30), tenant.value());
        }
    }

    /** An EAS tenant's issuer and keys, as its metadata and JWKS publish them. */
    public sealed interface Eas {
        record Published(Issuer issuer, PublishJwks jwks) implements Eas {
        }

        /** No such tenant, not an EAS tenant, or one whose issuer is not {@code /tenants/<id>} on a gateway. */
        record NotServed() implements Eas {
        }

        /** The tenant's definition cannot be built now. */
        record Unavailable() implements Eas {
        }
    }

    /** The EAS issuer whose path is {@code /tenants/<segment>}, when that tenant's Connected App trusts this gateway as its EAS. */
    Eas easIssuer(String segment) {
        TenantId tenant;
        try {
            tenant = new TenantId(segment);
        } catch (IllegalArgumentException e) {
            return new Eas.NotServed();
        }
        try {
            var vizgate = tenants.tenant(tenant);
            var issuer = vizgate.flatMap(Vizgate::easIssuer);
            var jwks = vizgate.flatMap(Vizgate::jwks);
            if (issuer.isEmpty() || jwks.isEmpty() || !IssuerPaths.path(issuer.get()).equals(Optional.of(TenantPaths.ISSUER_PREFIX + tenant.value()))) {
                return new Eas.NotServed();
            }
            return new Eas.Published(issuer.get(), jwks.get());
        } catch (RuntimeException e) {
            LOG.warn("tenant {} cannot publish its keys: {}", tenant, e.getMessage());
            return new Eas.Unavailable();
        }
    }

    /** The tenant's rotation schedule, building the tenant if need be; empty without one. */
    public Optional<RotateOnSchedule> scheduledRotation(TenantId tenant) {
        return tenants.tenant(tenant).flatMap(Vizgate::scheduledRotation);
    }

    /** Looks again at every tenant built: a removed one is closed, a changed one rebuilt (see {@link Tenants#sweep()}). */
    public void sweep() {
        tenants.sweep();
    }

    /** Closes every tenant's built parts. */
    @Override
    public void close() {
        tenants.close();
    }

    private static <T> TenantSource.Chosen<T> notCovered(String asked) {
        return new TenantSource.Chosen.Refuse<>(Problem.of(ProblemType.TENANT_NOT_COVERED, WhichTenant.NOT_COVERED), asked);
    }
}
