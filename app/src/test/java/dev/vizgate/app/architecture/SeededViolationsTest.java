package dev.vizgate.app.architecture;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.lang.ArchRule;
import org.assertj.core.api.Assertions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.function.Function;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.params.provider.Arguments.arguments;

/** Every architecture rule, run against {@code dev.vizgate.archfixture}, reports the violation seeded for it. */
class SeededViolationsTest {
    private static final ArchitectureRules RULES = new ArchitectureRules("dev.vizgate.archfixture");
    private static JavaClasses fixture;

    @BeforeAll
    static void importFixture() {
        fixture = new ClassFileImporter().importPackages("dev.vizgate.archfixture");
    }

    static Stream<Arguments> seeded() {
        return Stream.of(
                seeded("domain allow-list", ArchitectureRules::domainDependsOnlyOnItsJdkAllowList, "LeakyValue", "java.io.File"),
                seeded("adapters independent", ArchitectureRules::adaptersDoNotDependOnEachOther, "TableauThing", "SalesforceThing"),
                seeded("sandbox depends on no adapter", ArchitectureRules::sandboxDependsOnNoAdapter, "StandInUsingAnAdapter", "TableauThing"),
                seeded("adapters depend on no sandbox", ArchitectureRules::adaptersDependOnNoSandbox, "AdapterUsingTheSandbox", "StandInUsingAnAdapter"),
                seeded("only app sees app", ArchitectureRules::onlyAppSeesApp, "UsesApp", "Wiring"),
                seeded("sdk sees no app", ArchitectureRules::sdkSeesOnlyTheDomain, "SdkUsingTheApp", "Wiring"),
                seeded("sdk sees no adapter", ArchitectureRules::sdkSeesOnlyTheDomain, "SdkUsingAnAdapter", "TableauThing"),
                seeded("sdk implements no port", ArchitectureRules::sdkImplementsNoPort, "SdkImplementingAPort", "domain.port"),
                seeded("assembly implements no port", ArchitectureRules::sdkImplementsNoPort, "AssemblyImplementingAPort", "domain.port"),
                seeded("assembly sees no face", ArchitectureRules::assemblySeesNoFace, "AssemblyUsingTheApp", "Wiring"),
                seeded("config never compiles against the assembly", ArchitectureRules::configSeesOnlyTheSdk, "ConfigUsingTheAssembly", "DefaultWiring"),
                seeded("sdk sees no sandbox", ArchitectureRules::sdkSeesOnlyTheDomain, "SdkUsingTheSandbox", "StandInUsingAnAdapter"),
                seeded("the Spring face sees only config and the sdk", ArchitectureRules::springFaceSeesOnlyConfigAndSdk, "StarterUsingTheApp", "Wiring"),
                seeded("config sees only the sdk", ArchitectureRules::configSeesOnlyTheSdk, "ConfigUsingAnAdapter", "TableauThing"),
                seeded("app http reaches adapters only through the sdk", ArchitectureRules::appReachesAdaptersOnlyThroughTheSdk, "RouteUsingAnAdapter", "TableauThing"),
                seeded("app cli uses only the keystore adapter", ArchitectureRules::appReachesAdaptersOnlyThroughTheSdk, "CommandUsingTheStore", "UsesKeyStore"),
                seeded("jjwt confined", ArchitectureRules::jjwtOnlyInTheTableauAdapter, "UsesJjwt", "io.jsonwebtoken.Jwts"),
                seeded("http and jackson confined", ArchitectureRules::httpClientAndJacksonOnlyWhereAllowed, "UsesJjwt", "java.net.http.HttpClient"),
                seeded("KeyStore confined", ArchitectureRules::keyStoreAndBouncyCastleOnlyInTheKeystoreAdapter, "UsesKeyStore", "java.security.KeyStore"),
                seeded("ports are interfaces", ArchitectureRules::portsAreInterfaces, "ConcretePort", "interface"),
                seeded("no module cycles", ArchitectureRules::modulesAreFreeOfCycles, "UsesApp", "Wiring"),
                seeded("no domain package cycles", ArchitectureRules::domainPackagesAreFreeOfCycles, "CycleA", "CycleB"),
                seeded("no adapter cycles", ArchitectureRules::adaptersAreFreeOfCycles, "TableauThing", "SalesforceThing"));
    }

    private static Arguments seeded(String name, Function<ArchitectureRules, ArchRule> rule, String... mentioned) {
        return arguments(name, rule, mentioned);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("seeded")
    void givenSeededViolation_rule_reportsIt(String name, Function<ArchitectureRules, ArchRule> rule, String[] mentioned) {
        var result = rule.apply(RULES).evaluate(fixture);
        assertThat(result.hasViolation()).as(name + " must report its seeded violation").isTrue();
        assertThat(result.getFailureReport().toString()).contains(mentioned);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("seeded")
    void givenSeededViolation_check_failsTheBuild(String name, Function<ArchitectureRules, ArchRule> rule, String[] mentioned) {
        Assertions.assertThatThrownBy(() -> rule.apply(RULES).check(fixture)).isInstanceOf(AssertionError.class);
    }
}
