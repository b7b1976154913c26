package dev.vizgate.domain.policy;

import dev.vizgate.domain.model.Scope;
import dev.vizgate.domain.model.Text;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * What one platform backend may put into a token, within the gateway's own policy: a subset of the scopes, and
 * per attribute name the values it may set. An empty allowance leaves the choice to the gateway's policy alone;
 * a present one is checked first, so a backend cannot reach past its own lists.
 */
public record CallerAllowance(Optional<Set<Scope>> scopes, Optional<Map<String, AttributeRule>> attributes) {
    public CallerAllowance {
        Objects.requireNonNull(scopes, "scopes");
        Objects.requireNonNull(attributes, "attributes");
        scopes = scopes.map(Set::copyOf);
        attributes = attributes.map(Map::copyOf);
    }

    public static CallerAllowance unrestricted() {
        return new CallerAllowance(Optional.empty(), Optional.empty());
    }

    /** One attribute a backend may set: any value, one of a list, or a value matching a whole-string pattern. */
    public record AttributeRule(String name, Optional<Set<String>> values, Optional<Pattern> pattern) {
        public AttributeRule {
            Text.printable(name, "attribute name", 128);
            Objects.requireNonNull(values, "values");
            Objects.requireNonNull(pattern, "pattern");
            values = values.map(Set::copyOf);
            if (values.isPresent() && pattern.isPresent()) {
                throw new IllegalArgumentException("attribute " + Text.quote(name) + " takes either a list of values or a pattern, not both");
            }
        }

        public static AttributeRule anyValue(String name) {
            return new AttributeRule(name, Optional.empty(), Optional.empty());
        }

        public boolean allows(String value) {
            return values.map(v -> v.contains(value)).orElse(true)
                    && pattern.map(p -> p.matcher(value).matches()).orElse(true);
        }
    }

    /** Why a request reaches past the allowance; {@code what} is the scope, attribute name or value (never quoted raw in logs). */
    public record Refusal(Kind kind, String attribute, String what) {
        public enum Kind { SCOPE, ATTRIBUTE_NAME, ATTRIBUTE_VALUE }

        public Refusal {
            Objects.requireNonNull(kind, "kind");
            Objects.requireNonNull(attribute, "attribute");
            Objects.requireNonNull(what, "what");
        }
    }

    /** Everything in the request this allowance does not cover; empty when the request stays within it. */
    public List<Refusal> review(TableauTokenRequest request) {
        var out = new ArrayList<Refusal>();
        if (scopes.isPresent() && request.scopes().isPresent()) {
            for (var s : request.scopes().get().values()) {
                if (!scopes.get().contains(s)) {
                    out.add(new Refusal(Refusal.Kind.SCOPE, "", s.value()));
                }
            }
        }
        if (attributes.isPresent()) {
            for (var e : request.attributes().values().entrySet()) {
                var rule = attributes.get().get(e.getKey());
                if (rule == null) {
                    out.add(new Refusal(Refusal.Kind.ATTRIBUTE_NAME, e.getKey(), e.getKey()));
                    continue;
                }
                for (var v : e.getValue().values()) {
                    if (!rule.allows(v)) {
                        out.add(new Refusal(Refusal.Kind.ATTRIBUTE_VALUE, e.getKey(), v));
                    }
                }
            }
        }
        return List.copyOf(out);
    }
}
