package dev.vizgate.app.http;

import dev.vizgate.domain.policy.CallerAllowance;
import dev.vizgate.domain.policy.PolicyViolation;
import dev.vizgate.domain.model.Text;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Set;

/** What a refused choice says: which list refused it, by its configuration key, so the fix is one edit away. */
final class CallerAllowanceProblem {
    private static final Set<PolicyViolation.Rule> FORBIDDEN = Set.of(PolicyViolation.Rule.SCOPE_NOT_ALLOWED,
            PolicyViolation.Rule.WILDCARD_SCOPE_NOT_ENABLED, PolicyViolation.Rule.ATTRIBUTE_NOT_ALLOWED);

    private CallerAllowanceProblem() {
    }

    /** A backend reached past its own allow-lists (callers.api-keys[i].allowed-scopes / allowed-attributes). */
    static Problem of(Caller.Backend backend, List<CallerAllowance.Refusal> refusals) {
        var first = refusals.get(0);
        var key = backend.configPath() + (first.kind() == CallerAllowance.Refusal.Kind.SCOPE ? ".allowed-scopes" : ".allowed-attributes");
        var what = switch (first.kind()) {
            case SCOPE -> "scope " + Text.quote(first.what());
            case ATTRIBUTE_NAME -> "attribute " + Text.quote(first.attribute());
            case ATTRIBUTE_VALUE -> "a value of attribute " + Text.quote(first.attribute());
        };
        var list = refusals.stream().map(r -> {
            var m = new LinkedHashMap<String, Object>();
            m.put("kind", r.kind().name());
            if (!r.attribute().isEmpty()) {
                m.put("attribute", Text.oneLine(r.attribute(), 128));
            }
            if (r.kind() == CallerAllowance.Refusal.Kind.SCOPE) {
                m.put("scope", r.what());
            }
            return m;
        }).toList();
        return Problem.of(ProblemType.CALLER_NOT_ALLOWED, "caller " + backend.name() + " may not ask for " + what + "; add it to " + key + " if this backend should")
                .with("configKey", key).with("refused", list);
    }

    /** The gateway's own policy refused the request; a forbidden scope or attribute names tableau.token's lists. */
    static Problem policy(List<PolicyViolation> violations) {
        var forbidden = violations.stream().allMatch(v -> FORBIDDEN.contains(v.rule()));
        var list = violations.stream().map(v -> {
            var m = new LinkedHashMap<String, Object>();
            m.put("rule", v.rule().name());
            m.put("message", v.message());
            v.tableauWouldSay().ifPresent(c -> m.put("tableauError", c.code()));
            return m;
        }).toList();
        if (forbidden) {
            var first = violations.get(0).rule();
            var key = first == PolicyViolation.Rule.ATTRIBUTE_NOT_ALLOWED ? "tableau.token.allowed-attributes"
                    : first == PolicyViolation.Rule.WILDCARD_SCOPE_NOT_ENABLED ? "tableau.token.wildcard-scopes" : "tableau.token.allowed-scopes";
            return Problem.of(ProblemType.SCOPE_NOT_ALLOWED, violations.get(0).message() + "; to allow it, add it to " + key).with("configKey", key).with("violations", list);
        }
        return Problem.of(ProblemType.TOKEN_POLICY, "change the request: " + violations.get(0).message())
                .with("violations", list);
    }
}
