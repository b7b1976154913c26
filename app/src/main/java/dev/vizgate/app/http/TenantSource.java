package dev.vizgate.app.http;

import java.util.Objects;
import java.util.Optional;
import java.util.function.BiFunction;

/**
 * Where a route's use case comes from: the gateway's own (its one Connected App, its one org), or, when it serves
 * tenants, that of the tenant the caller's proof decides ({@link TenantTokens}).
 *
 * @param <T> the use case: Tableau tokens, Tableau Next sessions
 */
interface TenantSource<T> {
    /** The use case to serve with, and its kind for the metrics; or why this caller gets none. */
    sealed interface Chosen<T> {
        /** @param tenant the tenant's id for the access log, or "-" */
        record Use<T>(T use, String kind, String tenant) implements Chosen<T> {
            public Use {
                Objects.requireNonNull(use, "use");
                Objects.requireNonNull(kind, "kind");
                Objects.requireNonNull(tenant, "tenant");
            }
        }

        record Refuse<T>(Problem problem, String tenant) implements Chosen<T> {
            public Refuse {
                Objects.requireNonNull(problem, "problem");
                Objects.requireNonNull(tenant, "tenant");
            }
        }
    }

    /** @param namedTenant the tenant the request's path names, as sent (not yet checked), if any */
    Chosen<T> choose(Caller caller, Optional<String> namedTenant);

    /** The one use case of a one-tenant gateway. */
    static <T> TenantSource<T> fixed(T use, String kind) {
        var chosen = new Chosen.Use<>(use, kind, "-");
        return (caller, named) -> chosen;
    }

    /**
     * Chooses for the admitted caller, holds a tenant to its own rate budget, and answers with {@code then}; every
     * reply, refusals included, names the tenant for the access log.
     */
    static <T> Reply serve(TenantSource<T> source, Admission admission, Admission.Acting acting, Optional<String> namedTenant,
                           BiFunction<T, String, Reply> then) {
        var chosen = source.choose(acting.caller(), namedTenant);
        if (chosen instanceof Chosen.Refuse<T> refuse) {
            return Reply.problem(refuse.problem()).forTenant(refuse.tenant());
        }
        var use = (Chosen.Use<T>) chosen;
        acting.serving(use.tenant());
        if (!"-".equals(use.tenant())) {
            var limited = admission.tenantLimit(use.tenant());
            if (limited.isPresent()) {
                return Reply.problem(Problem.rateLimited(limited.getAsLong())).forTenant(use.tenant());
            }
        }
        return then.apply(use.use(), use.kind()).forTenant(use.tenant());
    }
}
