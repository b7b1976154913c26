package dev.vizgate.spring.autoconfigure;

import dev.vizgate.domain.model.Subject;
import dev.vizgate.domain.model.TenantId;
import dev.vizgate.domain.policy.TableauTokenRequest;
import dev.vizgate.domain.usecase.AcceptPlatformAssertion;
import dev.vizgate.domain.usecase.ExchangeForTableauToken;
import dev.vizgate.domain.usecase.IssueTableauToken;
import dev.vizgate.domain.usecase.OpenTableauNextSession;
import dev.vizgate.domain.usecase.PublishJwks;
import dev.vizgate.domain.usecase.TokenIssueOutcome;
import dev.vizgate.sdk.Tenants;
import dev.vizgate.sdk.Vizgate;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.core.env.SystemEnvironmentPropertySource;

import java.nio.file.Files;
import java.security.KeyPairGenerator;
import java.security.spec.ECGenParameterSpec;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The starter's properties are the YAML's keys, read through the same mapping: secret references, list indexes, the
 * trust modes, and refusals that name the key. One bean per capability, none without configuration.
 */
class StarterMapsPropertiesLikeTheYamlTest {
    static final String SECRET = "c2VjcmV0LXZhbHVlLWZyb20tdGhlLWNvbm5lY3RlZC1hcHAtMTIzNDU2";
    private final ApplicationContextRunner runner = new ApplicationContextRunner().withConfiguration(AutoConfigurations.of(VizgateAutoConfiguration.class));

    private static String[] direct(String secretValue) {
        return new String[]{"vizgate.tableau.server-url=https://10ax.online.tableau.com", "vizgate.tableau.site=acme",
                "vizgate.tableau.connected-app.client-id=client-1", "vizgate.tableau.connected-app.trust=direct",
                "vizgate.tableau.connected-app.secrets[0].id=secret-1", secretValue};
    }

    @Test
    void givenTenants_aTenantsBean_handsOutEachTenantsOwnTokens_andTheOneTenantBeansAreAbsent() {
        runner.withPropertyValues("vizgate.tenants.defaults.tableau.server-url=https://10ax.online.tableau.com",
                        "vizgate.tenants.defaults.tableau.connected-app.client-id={tenant}-client", "vizgate.tenants.defaults.tableau.connected-app.trust=direct",
                        "vizgate.tenants.defaults.tableau.connected-app.secrets[0].id={tenant}-secret",
                        "vizgate.tenants.defaults.tableau.connected-app.secrets[0].value=" + SECRET,
                        "vizgate.tenants.list[0].id=acme", "vizgate.tenants.list[0].tableau.site=acme",
                        "vizgate.tenants.list[1].id=globex", "vizgate.tenants.list[1].tableau.site=globex")
                .run(context -> {
                    assertThat(context).hasNotFailed().hasSingleBean(Tenants.class).hasSingleBean(Vizgate.class).doesNotHaveBean(IssueTableauToken.class);
                    var tenants = context.getBean(Tenants.class);
                    var issued = (TokenIssueOutcome.Issued) tenants.tenant(new TenantId("globex")).orElseThrow().tableauTokens().orElseThrow()
                            .issue(TableauTokenRequest.forUser(new Subject("alice@globex.com")));
                    assertThat(issued.keyId().value()).isEqualTo("globex-secret");
                    assertThat(tenants.tenant(new TenantId("umbrella"))).isEmpty();
                });
    }

    @Test
    void withoutVizgateProperties_noBeanIsMade() {
        runner.run(context -> {
            assertThat(context).hasNotFailed();
            assertThat(context).doesNotHaveBean(Vizgate.class);
            assertThat(context).doesNotHaveBean(IssueTableauToken.class);
        });
    }

    @Test
    void givenASecretReferenceToTheEnvironment_itIsFollowedAsInTheYaml() {
        runner.withPropertyValues(direct("vizgate.tableau.connected-app.secrets[0].value.env=CONNECTED_APP_SECRET"))
                .withPropertyValues("CONNECTED_APP_SECRET=" + SECRET)
                .run(context -> {
                    assertThat(context).hasNotFailed().hasSingleBean(IssueTableauToken.class);
                    assertThat(context).doesNotHaveBean(PublishJwks.class).doesNotHaveBean(ExchangeForTableauToken.class)
                            .doesNotHaveBean(OpenTableauNextSession.class).doesNotHaveBean(AcceptPlatformAssertion.class);
                    var outcome = context.getBean(IssueTableauToken.class).issue(TableauTokenRequest.forUser(new Subject("alice@acme.com")));
                    assertThat(outcome).isInstanceOf(TokenIssueOutcome.Issued.class);
                });
    }

    /**
     * Issue 32, item 6: with an {@link io.micrometer.observation.ObservationRegistry} in the context (Spring Boot makes
     * one with actuator), each token issued is an observation named {@code vizgate.use_case}, current while it runs, and
     * tagged with the use case and how it ended: what Spring's tracing turns into a span and its metrics into a timer.
     */
    @Test
    void givenAnObservationRegistry_eachTokenIssued_isAnObservation_currentWhileItRuns() {
        var stopped = new java.util.concurrent.CopyOnWriteArrayList<String>();
        var registry = io.micrometer.observation.ObservationRegistry.create();
        registry.observationConfig().observationHandler(new io.micrometer.observation.ObservationHandler<>() {
            @Override
            public boolean supportsContext(io.micrometer.observation.Observation.Context context) {
                return true;
            }

            @Override
            public void onStop(io.micrometer.observation.Observation.Context context) {
                stopped.add(context.getName() + " " + context.getContextualName() + " "
                        + context.getLowCardinalityKeyValue("use_case").getValue() + " " + context.getLowCardinalityKeyValue("outcome").getValue());
            }
        });
        runner.withPropertyValues(direct("vizgate.tableau.connected-app.secrets[0].value=" + SECRET))
                .withBean(io.micrometer.observation.ObservationRegistry.class, () -> registry)
                .run(context -> {
                    assertThat(context).hasNotFailed();
                    var tokens = context.getBean(IssueTableauToken.class);
                    assertThat(tokens.issue(TableauTokenRequest.forUser(new Subject("alice@acme.com")))).isInstanceOf(TokenIssueOutcome.Issued.class);
                    assertThat(tokens.issue(TableauTokenRequest.forUser(new Subject("alice@acme.com")).withLifetime(java.time.Duration.ofMinutes(11))))
                            .isInstanceOf(TokenIssueOutcome.Refused.class);
                    assertThat(registry.getCurrentObservation()).as("none left open").isNull();
                });
        assertThat(stopped).containsExactly("vizgate.use_case IssueTableauToken IssueTableauToken granted",
                "vizgate.use_case IssueTableauToken IssueTableauToken refused");
    }

    @Test
    void givenAWeakSecret_theApplicationFailsToStart_namingTheKey_withoutTheValue() {
        runner.withPropertyValues(direct("vizgate.tableau.connected-app.secrets[0].value=too-short-a-secret")).run(context -> {
            assertThat(context).hasFailed();
            assertThat(context.getStartupFailure()).hasStackTraceContaining("vizgate.tableau.connected-app.secrets[0].value: is 144 bits")
                    .hasStackTraceContaining("fix:");
        });
    }

    @Test
    void givenAnUnknownKey_theApplicationFailsToStart_namingIt() {
        runner.withPropertyValues(direct("vizgate.tableau.connected-app.secrets[0].value=" + SECRET)).withPropertyValues("vizgate.tableau.colour=blue")
                .run(context -> {
                    assertThat(context).hasFailed();
                    assertThat(context.getStartupFailure()).hasStackTraceContaining("vizgate.tableau.colour").hasStackTraceContaining("unknown key 'colour'");
                });
    }

    @Test
    void givenEasTrust_theJwksBeanIsThere_andGivenIdentityProviderCallers_theCallerProofsToo() throws Exception {
        var key = Files.createTempFile("vizgate-eas", ".pem");
        var g = KeyPairGenerator.getInstance("EC");
        g.initialize(new ECGenParameterSpec("secp256r1"));
        Files.writeString(key, "-----BEGIN PRIVATE KEY-----\n" + Base64.getMimeEncoder().encodeToString(g.generateKeyPair().getPrivate().getEncoded())
                + "\n-----END PRIVATE KEY-----\n");
        try {
            runner.withPropertyValues("vizgate.tableau.server-url=https://tableau.example.com", "vizgate.tableau.connected-app.trust=eas",
                            "vizgate.tableau.connected-app.issuer=https://vizgate.example.com", "vizgate.tableau.connected-app.signing-keys[0]=file:" + key,
                            "vizgate.callers.identity-providers[0].issuer=https://sso.example.com/realms/portal",
                            "vizgate.callers.identity-providers[0].audience=vizgate", "vizgate.callers.identity-providers[0].claims.username=email")
                    .run(context -> {
                        assertThat(context).hasNotFailed().hasSingleBean(PublishJwks.class).hasSingleBean(IssueTableauToken.class)
                                .hasSingleBean(AcceptPlatformAssertion.class);
                        assertThat(context.getBean(PublishJwks.class).publish().get("keys")).hasSize(1);
                    });
        } finally {
            Files.deleteIfExists(key);
        }
    }

    /** The section as environment variables, the way a container is configured (the values as Spring's own env source holds them). */
    private ApplicationContextRunner fromEnvironment(Map<String, Object> variables) {
        return runner.withInitializer(context -> context.getEnvironment().getPropertySources().addFirst(
                new SystemEnvironmentPropertySource("test-systemEnvironment", variables)));
    }

    private static Map<String, Object> directInEnvironment() {
        var variables = new HashMap<String, Object>();
        variables.put("VIZGATE_TABLEAU_SERVERURL", "https://10ax.online.tableau.com");
        variables.put("VIZGATE_TABLEAU_SITE", "acme");
        variables.put("VIZGATE_TABLEAU_CONNECTEDAPP_CLIENTID", "client-1");
        variables.put("VIZGATE_TABLEAU_CONNECTEDAPP_TRUST", "direct");
        variables.put("VIZGATE_TABLEAU_CONNECTEDAPP_SECRETS_0_ID", "secret-1");
        variables.put("VIZGATE_TABLEAU_CONNECTEDAPP_SECRETS_0_VALUE", SECRET);
        return variables;
    }

    @Test
    void givenTheSectionInEnvironmentVariables_theTokenBeanIsThereAndWorks() {
        fromEnvironment(directInEnvironment()).run(context -> {
            assertThat(context).hasNotFailed().hasSingleBean(IssueTableauToken.class);
            assertThat(context.getBean(IssueTableauToken.class).issue(TableauTokenRequest.forUser(new Subject("alice@acme.com"))))
                    .isInstanceOf(TokenIssueOutcome.Issued.class);
        });
    }

    @Test
    void givenAnUnknownKeyInAnEnvironmentVariable_theFailureNamesTheVariableAsWritten() {
        var variables = directInEnvironment();
        variables.put("VIZGATE_TABLEAU_SERVERURLS", "https://typo.example.com");
        fromEnvironment(variables).run(context -> {
            assertThat(context).hasFailed();
            assertThat(context.getStartupFailure()).hasStackTraceContaining("VIZGATE_TABLEAU_SERVERURLS: unknown key 'serverurls'")
                    .hasStackTraceContaining("did you mean server-url?");
        });
    }
}
