package dev.vizgate.app.http;

import org.eclipse.jetty.server.Request;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;

/**
 * {@code GET /readyz}: every readiness check by name; 503 when any fails (a check that throws has failed). Checks named
 * with {@link #FRESHNESS} are shown ("fresh" or "stale") but never fail readiness: a node serving its last good secret
 * while the secret store is away is still ready, and taking every node out of the load balancer would be the outage.
 */
final class ReadinessRoute implements Route {
    /** The name prefix of a check that reports a secret's freshness. */
    static final String FRESHNESS = "secret ";

    private final Map<String, Supplier<Boolean>> checks;
    private final Supplier<Map<String, String>> tenantProblems;

    ReadinessRoute(Map<String, Supplier<Boolean>> checks) {
        this(checks, Map::of);
    }

    /**
     * @param tenantProblems each tenant whose changed definition is not valid, and where; shown, never failing readiness,
     *                       since every other tenant (and that one, on its last good definition) is serving
     */
    ReadinessRoute(Map<String, Supplier<Boolean>> checks, Supplier<Map<String, String>> tenantProblems) {
        this.checks = checks;
        this.tenantProblems = tenantProblems;
    }

    @Override
    public Reply answer(Request request) {
        var results = new LinkedHashMap<String, String>();
        var ok = true;
        for (var check : checks.entrySet()) {
            boolean up;
            try {
                up = check.getValue().get();
            } catch (RuntimeException e) {
                up = false;
            }
            if (check.getKey().startsWith(FRESHNESS)) {
                results.put(check.getKey(), up ? "fresh" : "stale");
                continue;
            }
            results.put(check.getKey(), up ? "ok" : "failing");
            ok &= up;
        }
        var tenants = tenantProblems.get();
        if (ok) {
            return Reply.json(200, tenants.isEmpty() ? Map.of("status", "ready", "checks", results)
                    : Map.of("status", "ready", "checks", results, "tenantProblems", tenants));
        }
        var problem = Problem.of(ProblemType.NOT_READY, "a readiness check is failing; run vizgate doctor --config … for details").with("checks", results);
        return Reply.problem(tenants.isEmpty() ? problem : problem.with("tenantProblems", tenants));
    }
}
