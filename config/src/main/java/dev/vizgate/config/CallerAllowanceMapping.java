package dev.vizgate.config;

import dev.vizgate.domain.model.Scope;
import dev.vizgate.domain.policy.CallerAllowance;

import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * A backend's own allow-lists ({@code callers.api-keys[i].allowed-scopes} and {@code allowed-attributes}) as the
 * domain's {@link CallerAllowance}; a mistake is a {@link ConfigError} at the list entry that holds it.
 */
public final class CallerAllowanceMapping {
    private CallerAllowanceMapping() {
    }

    /** @param path where this key is configured, {@code callers.api-keys[0]} */
    public static CallerAllowance of(String path, VizgateConfig.ApiKey key) {
        Optional<Set<Scope>> scopes = Optional.empty();
        if (key.allowedScopes() != null) {
            var set = new LinkedHashSet<Scope>();
            for (int i = 0; i < key.allowedScopes().size(); i++) {
                var name = key.allowedScopes().get(i);
                set.add(Check.attempt(path + ".allowed-scopes[" + i + "]", () -> new Scope(name),
                        "write a scope as tableau:<resource>:<action>, e.g. tableau:views:embed"));
            }
            scopes = Optional.of(set);
        }
        if (key.allowedAttributes() == null) {
            return new CallerAllowance(scopes, Optional.empty());
        }
        var rules = new LinkedHashMap<String, CallerAllowance.AttributeRule>();
        for (int i = 0; i < key.allowedAttributes().size(); i++) {
            var a = key.allowedAttributes().get(i);
            var at = path + ".allowed-attributes[" + i + "]";
            var name = Check.required(a.name(), at + ".name", "name the attribute, e.g. { name: region, values: [West, East] }");
            Optional<Pattern> pattern = Optional.empty();
            if (a.pattern() != null) {
                try {
                    pattern = Optional.of(Pattern.compile(a.pattern()));
                } catch (PatternSyntaxException e) {
                    throw new ConfigError(at + ".pattern", "is not a valid regular expression", "write a Java regex matched against the whole value, e.g. \"[A-Z]{2,8}\"");
                }
            }
            var p = pattern;
            var rule = Check.attempt(at, () -> new CallerAllowance.AttributeRule(name,
                    Optional.ofNullable(a.values()).map(Set::copyOf), p), "give values or a pattern, not both");
            if (rules.put(name, rule) != null) {
                throw new ConfigError(at + ".name", "attribute " + name + " is listed twice", "list each attribute once");
            }
        }
        return new CallerAllowance(scopes, Optional.of(rules));
    }
}
