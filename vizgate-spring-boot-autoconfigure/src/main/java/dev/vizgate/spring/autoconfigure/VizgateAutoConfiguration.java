package dev.vizgate.spring.autoconfigure;

import dev.vizgate.config.ConfigError;
import dev.vizgate.config.ConfigLoader;
import dev.vizgate.config.ConfigSettings;
import dev.vizgate.config.ConfiguredTenants;
import dev.vizgate.domain.usecase.AcceptPlatformAssertion;
import dev.vizgate.domain.usecase.ExchangeForTableauToken;
import dev.vizgate.domain.usecase.IssueTableauToken;
import dev.vizgate.domain.usecase.OpenTableauNextSession;
import dev.vizgate.domain.usecase.PublishJwks;
import dev.vizgate.sdk.Tenants;
import dev.vizgate.sdk.Vizgate;
import dev.vizgate.sdk.VizgateBuilder;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.observation.ObservationRegistry;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;

import java.nio.file.Path;
import java.time.Clock;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * Vizgate as Spring beans. The {@code vizgate.*} properties go through the same mapping as the gateway's YAML (the config
 * module), so keys, secret references and refusals are the same; one bean per capability, each only when configured:
 * {@link IssueTableauToken} (direct or EAS trust), {@link ExchangeForTableauToken} (trust: idp), {@link PublishJwks}
 * (EAS), {@link OpenTableauNextSession} (salesforce), {@link AcceptPlatformAssertion} (callers). A Micrometer registry,
 * when there is one, receives Vizgate's meters; with Actuator there is a {@code vizgate} health indicator.
 */
@AutoConfiguration
@EnableConfigurationProperties(VizgateProperties.class)
@Conditional(VizgateConfigured.class)
public class VizgateAutoConfiguration {

    @Bean(destroyMethod = "close")
    @ConditionalOnMissingBean
    public Vizgate vizgate(Environment environment, ObjectProvider<MeterRegistry> meters, ObjectProvider<Clock> clock,
                           ObjectProvider<ObservationRegistry> observations) {
        return mapped(environment, loaded -> {
            var builder = ConfigSettings.builder(loaded.config(), loaded.files(), clock.getIfAvailable(Clock::systemUTC));
            meters.ifAvailable(builder::meterRegistry);
            observations.ifAvailable(registry -> builder.useCaseObserver(new MicrometerUseCaseObserver(registry)));
            if (loaded.config().tenants() != null) {
                builder.servingTenants(); // each tenant's Tableau is the Tenants bean's
            }
            return ConfigSettings.build(loaded.files(), builder);
        });
    }

    /**
     * With {@code vizgate.tenants}: each tenant's use cases, built from the shared settings and its own section at its
     * first use ({@code tenants.tenant(new TenantId("acme")).orElseThrow().tableauTokens()}), its meters tagged by tenant.
     */
    @Bean(destroyMethod = "close")
    @ConditionalOnMissingBean
    @Conditional(VizgateConfigured.ServesTenants.class)
    public Tenants vizgateTenants(Environment environment, ObjectProvider<MeterRegistry> meters, ObjectProvider<Clock> clock,
                                  ObjectProvider<ObservationRegistry> observations) {
        return mapped(environment, loaded -> {
            var catalogue = ConfiguredTenants.of(loaded.config(), loaded.files()).orElseThrow();
            var now = clock.getIfAvailable(Clock::systemUTC);
            var observed = observations.getIfAvailable();
            Supplier<VizgateBuilder> base = () -> {
                var builder = ConfigSettings.tenantBase(loaded.config(), loaded.files(), now);
                return observed == null ? builder : builder.useCaseObserver(new MicrometerUseCaseObserver(observed));
            };
            var registry = meters.getIfAvailable();
            return registry == null ? Tenants.of(catalogue, base) : Tenants.of(catalogue, base, registry, catalogue.tags());
        });
    }

    /** The {@code vizgate.*} properties through the YAML's mapping; a mistake names the key as a Spring user writes it. */
    private static <T> T mapped(Environment environment, Function<ConfigLoader.Loaded, T> make) {
        var tree = SpringProperties.tree(environment);
        try {
            return make.apply(new ConfigLoader(environment::getProperty).load(tree.root(), Path.of("").toAbsolutePath()));
        } catch (ConfigError e) {
            // The setting as the user wrote it (an environment variable by its own name); values from the environment withheld.
            throw new VizgateConfigurationException(tree.shown(e.path()), e.getMessage(), e.fix(), e);
        }
    }

    @Bean
    @ConditionalOnMissingBean
    @Conditional(VizgateConfigured.SignsTableauTokens.class)
    public IssueTableauToken vizgateTableauTokens(Vizgate vizgate) {
        return vizgate.tableauTokens().orElseThrow();
    }

    @Bean
    @ConditionalOnMissingBean
    @Conditional(VizgateConfigured.IdpIssues.class)
    public ExchangeForTableauToken vizgateIdpTableauTokens(Vizgate vizgate) {
        return vizgate.idpTableauTokens().orElseThrow();
    }

    @Bean
    @ConditionalOnMissingBean
    @Conditional(VizgateConfigured.PublishesJwks.class)
    public PublishJwks vizgateJwks(Vizgate vizgate) {
        return vizgate.jwks().orElseThrow();
    }

    @Bean
    @ConditionalOnMissingBean
    @Conditional(VizgateConfigured.TableauNext.class)
    public OpenTableauNextSession vizgateTableauNextSessions(Vizgate vizgate) {
        return vizgate.tableauNextSessions().orElseThrow();
    }

    @Bean
    @ConditionalOnMissingBean
    @Conditional(VizgateConfigured.Callers.class)
    public AcceptPlatformAssertion vizgateCallerProofs(Vizgate vizgate) {
        return vizgate.platformAssertions().orElseThrow();
    }

    /** Actuator's view of Vizgate: its readiness checks and followed secrets. */
    @Configuration(proxyBeanMethods = false)
    @ConditionalOnClass(name = "org.springframework.boot.actuate.health.HealthIndicator")
    static class Health {
        @Bean
        @ConditionalOnMissingBean(name = "vizgateHealthIndicator")
        public VizgateHealthIndicator vizgateHealthIndicator(Vizgate vizgate) {
            return new VizgateHealthIndicator(vizgate);
        }
    }
}
