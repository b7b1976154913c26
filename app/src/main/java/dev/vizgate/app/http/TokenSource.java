package dev.vizgate.app.http;

import dev.vizgate.domain.usecase.IssueTableauToken;

import java.util.Objects;
import java.util.Optional;

/**
 * Where the token route's Connected App comes from: the gateway's one Connected App, or, when it serves tenants, the
 * tenant the caller's proof decides ({@link TenantTokens}).
 */
interface TokenSource {
    /** The Connected App to sign with, and its kind for the metrics; or why this caller gets none. */
    sealed interface Chosen {
        /** @param tenant the tenant's id for the access log, or "-" */
        record Use(IssueTableauToken tokens, String kind, String tenant) implements Chosen {
            public Use {
                Objects.requireNonNull(tokens, "tokens");
                Objects.requireNonNull(kind, "kind");
                Objects.requireNonNull(tenant, "tenant");
            }
        }

        record Refuse(Problem problem, String tenant) implements Chosen {
            public Refuse {
                Objects.requireNonNull(problem, "problem");
                Objects.requireNonNull(tenant, "tenant");
            }
        }
    }

    /** @param namedTenant the tenant the request's path names, as sent (not yet checked), if any */
    Chosen choose(Caller caller, Optional<String> namedTenant);

    /** The one Connected App of a one-tenant gateway. */
    static TokenSource fixed(IssueTableauToken tokens, String kind) {
        var use = new Chosen.Use(tokens, kind, "-");
        return (caller, named) -> use;
    }
}
