package dev.vizgate.spring.autoconfigure;

import org.springframework.boot.autoconfigure.condition.ConditionOutcome;
import org.springframework.boot.autoconfigure.condition.SpringBootCondition;
import org.springframework.boot.context.properties.source.ConfigurationPropertyName;
import org.springframework.boot.context.properties.source.ConfigurationPropertySources;
import org.springframework.boot.context.properties.source.IterableConfigurationPropertySource;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.core.type.AnnotatedTypeMetadata;

/** Vizgate is built only when a {@code vizgate.tableau} or {@code vizgate.salesforce} section is configured. */
class VizgateConfigured extends SpringBootCondition {
    @Override
    public ConditionOutcome getMatchOutcome(ConditionContext context, AnnotatedTypeMetadata metadata) {
        return has(context, "vizgate.tableau") || has(context, "vizgate.salesforce")
                ? ConditionOutcome.match("vizgate.tableau or vizgate.salesforce is configured")
                : ConditionOutcome.noMatch("neither vizgate.tableau nor vizgate.salesforce is configured");
    }

    static boolean has(ConditionContext context, String prefix) {
        var root = ConfigurationPropertyName.of(prefix);
        for (var source : ConfigurationPropertySources.get(context.getEnvironment())) {
            if (source instanceof IterableConfigurationPropertySource iterable && iterable.stream().anyMatch(root::isAncestorOf)) {
                return true;
            }
        }
        return false;
    }

    /** Direct or EAS trust: Vizgate signs the tokens itself. */
    static final class SignsTableauTokens extends SpringBootCondition {
        @Override
        public ConditionOutcome getMatchOutcome(ConditionContext context, AnnotatedTypeMetadata metadata) {
            var trust = context.getEnvironment().getProperty("vizgate.tableau.connected-app.trust");
            return "direct".equals(trust) || "eas".equals(trust) ? ConditionOutcome.match("trust: " + trust) : ConditionOutcome.noMatch("trust: " + trust);
        }
    }

    static final class TableauNext extends SpringBootCondition {
        @Override
        public ConditionOutcome getMatchOutcome(ConditionContext context, AnnotatedTypeMetadata metadata) {
            return has(context, "vizgate.salesforce") ? ConditionOutcome.match("vizgate.salesforce") : ConditionOutcome.noMatch("no vizgate.salesforce");
        }
    }

    static final class Callers extends SpringBootCondition {
        @Override
        public ConditionOutcome getMatchOutcome(ConditionContext context, AnnotatedTypeMetadata metadata) {
            return has(context, "vizgate.callers.assertions") || has(context, "vizgate.callers.identity-providers")
                    ? ConditionOutcome.match("caller proofs configured") : ConditionOutcome.noMatch("no vizgate.callers.assertions or identity-providers");
        }
    }
}
