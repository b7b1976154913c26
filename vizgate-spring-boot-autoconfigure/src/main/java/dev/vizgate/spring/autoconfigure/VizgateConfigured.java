package dev.vizgate.spring.autoconfigure;

import org.springframework.boot.autoconfigure.condition.ConditionOutcome;
import org.springframework.boot.autoconfigure.condition.SpringBootCondition;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.ConfigurationPropertyName;
import org.springframework.boot.context.properties.source.ConfigurationPropertySources;
import org.springframework.boot.context.properties.source.IterableConfigurationPropertySource;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.core.type.AnnotatedTypeMetadata;

/** Vizgate is built only when a {@code vizgate.tableau}, {@code vizgate.salesforce} or {@code vizgate.tenants} section is configured. */
class VizgateConfigured extends SpringBootCondition {
    @Override
    public ConditionOutcome getMatchOutcome(ConditionContext context, AnnotatedTypeMetadata metadata) {
        return has(context, "vizgate.tableau") || has(context, "vizgate.salesforce") || has(context, "vizgate.tenants")
                ? ConditionOutcome.match("vizgate.tableau, vizgate.salesforce or vizgate.tenants is configured")
                : ConditionOutcome.noMatch("neither vizgate.tableau, vizgate.salesforce nor vizgate.tenants is configured");
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

    /** The trust kind, read through Spring's Binder, so every relaxed form of the key counts (VIZGATE_TABLEAU_CONNECTEDAPP_TRUST too). */
    static String trust(ConditionContext context) {
        return Binder.get(context.getEnvironment())
                .bind("vizgate.tableau.connected-app.trust", String.class).orElse("");
    }

    /** Direct or EAS trust: Vizgate signs the tokens itself. */
    static final class SignsTableauTokens extends SpringBootCondition {
        @Override
        public ConditionOutcome getMatchOutcome(ConditionContext context, AnnotatedTypeMetadata metadata) {
            var trust = trust(context);
            return "direct".equals(trust) || "eas".equals(trust) ? ConditionOutcome.match("trust: " + trust) : ConditionOutcome.noMatch("trust: " + trust);
        }
    }

    /** OAuth 2.0 trust with Vizgate's own keys: it publishes a JWKS. */
    static final class PublishesJwks extends SpringBootCondition {
        @Override
        public ConditionOutcome getMatchOutcome(ConditionContext context, AnnotatedTypeMetadata metadata) {
            var trust = trust(context);
            return "eas".equals(trust) ? ConditionOutcome.match("trust: eas") : ConditionOutcome.noMatch("trust: " + trust);
        }
    }

    /** The identity provider issues the Tableau token. */
    static final class IdpIssues extends SpringBootCondition {
        @Override
        public ConditionOutcome getMatchOutcome(ConditionContext context, AnnotatedTypeMetadata metadata) {
            var trust = trust(context);
            return "idp".equals(trust) ? ConditionOutcome.match("trust: idp") : ConditionOutcome.noMatch("trust: " + trust);
        }
    }

    /** Many customers, each with its own Tableau section. */
    static final class ServesTenants extends SpringBootCondition {
        @Override
        public ConditionOutcome getMatchOutcome(ConditionContext context, AnnotatedTypeMetadata metadata) {
            return has(context, "vizgate.tenants") ? ConditionOutcome.match("vizgate.tenants") : ConditionOutcome.noMatch("no vizgate.tenants");
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
