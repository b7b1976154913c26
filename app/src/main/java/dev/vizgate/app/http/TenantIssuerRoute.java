package dev.vizgate.app.http;

import org.eclipse.jetty.server.Request;

/**
 * An EAS tenant's public documents, as Tableau fetches them for the issuer registered on that tenant's site
 * ({@code https://<gateway>/tenants/<id>}): its JWKS, and its metadata (RFC 8414 and OpenID Connect Discovery alike).
 * Served only for a tenant whose EAS issuer is exactly that path on this gateway; any other tenant, known or not, is
 * the same 404, so the documents of one tenant are never answered under another's name.
 */
final class TenantIssuerRoute implements Route {
    enum Document { JWKS, METADATA }

    private final TenantTokens tenants;
    private final Document document;

    TenantIssuerRoute(TenantTokens tenants, Document document) {
        this.tenants = tenants;
        this.document = document;
    }

    @Override
    public Reply answer(Request request) {
        var segment = TenantPaths.named(request).orElse("");
        var issued = tenants.easIssuer(segment);
        if (issued instanceof TenantTokens.Eas.Unavailable) {
            return Reply.problem(Problem.of(ProblemType.TENANT_UNAVAILABLE, "this issuer's keys cannot be published now; retry shortly").retryAfter(30))
                    .forTenant(segment);
        }
        if (!(issued instanceof TenantTokens.Eas.Published published)) {
            var path = Request.getPathInContext(request);
            return Reply.problem(Problem.notFound(path.length() > 100 ? path.substring(0, 100) : path)).forTenant("-");
        }
        var body = document == Document.JWKS ? published.jwks().publish() : published.jwks().discovery(published.issuer());
        return Reply.json(200, body).forTenant(segment);
    }
}
