package dev.vizgate.app.architecture;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.core.importer.Location;
import com.tngtech.archunit.lang.ArchRule;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The whole system against DESIGN.md's rules. Lives in {@code app} because it is the only module whose
 * classpath holds every other module's classes.
 */
class ArchitectureTest {
    private static final ArchitectureRules RULES = new ArchitectureRules("dev.vizgate");
    private static JavaClasses production;

    /** Production classes only: not test classes, and not the domain's test-jar (fakes may use anything). */
    static final ImportOption PRODUCTION_ONLY = (Location location) ->
            !location.contains("/test-classes/") && !location.contains("-tests.jar");

    @BeforeAll
    static void importProduction() {
        production = new ClassFileImporter().withImportOption(PRODUCTION_ONLY).importPackages("dev.vizgate");
    }

    @Test
    void everyModuleIsImported() {
        var packages = production.stream().map(c -> c.getPackageName()).distinct().toList();
        assertThat(packages).contains("dev.vizgate.domain.model", "dev.vizgate.domain.port", "dev.vizgate.domain.policy",
                "dev.vizgate.domain.usecase", "dev.vizgate.app.cli", "dev.vizgate.adapters.tableau",
                "dev.vizgate.adapters.salesforce", "dev.vizgate.adapters.keystore", "dev.vizgate.adapters.store", "dev.vizgate.adapters.metrics", "dev.vizgate.adapters.audit", "dev.vizgate.sandbox", "dev.vizgate.sdk", "dev.vizgate.assembly", "dev.vizgate.config", "dev.vizgate.spring.autoconfigure");
        assertThat(production.stream().filter(c -> c.getPackageName().startsWith("dev.vizgate.domain.testing"))).isEmpty();
    }

    @TestFactory
    Stream<DynamicTest> theSystemKeepsEveryRule() {
        return RULES.all().stream().map(rule -> DynamicTest.dynamicTest(rule.getDescription(), () -> check(rule)));
    }

    private static void check(ArchRule rule) {
        rule.check(production);
    }
}
