package dev.vizgate.app.architecture;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.CompositeArchRule;

import java.net.URI;
import java.net.URISyntaxException;
import java.security.Key;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.util.List;
import java.util.Set;

import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAnyPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

/**
 * DESIGN.md's dependency rules, for a code base rooted at {@code base}. Parameterised by the root so the
 * same rules can be run against a fixture full of seeded violations and shown to catch each one.
 */
public final class ArchitectureRules {
    private final String base;

    public ArchitectureRules(String base) {
        this.base = base;
    }

    private String pkg(String sub) {
        return base + "." + sub;
    }

    /** The domain sees java.lang, java.util, java.time, java.net.URI and the java.security key interfaces, nothing else. */
    public ArchRule domainDependsOnlyOnItsJdkAllowList() {
        var allowedTypes = Set.of(Key.class.getName(), PublicKey.class.getName(), PrivateKey.class.getName(),
                URI.class.getName(),
                // thrown by the URI constructor, which is the URI API the domain is allowed
                URISyntaxException.class.getName());
        var allowed = new DescribedPredicate<JavaClass>("the domain's allow-list") {
            @Override
            public boolean test(JavaClass c) {
                var t = c.isArray() ? c.getBaseComponentType() : c;
                return t.isPrimitive() || allowedTypes.contains(t.getName())
                        || t.getPackageName().startsWith(base + ".domain")
                        || inPackage(t, "java.lang") || inPackage(t, "java.util") || inPackage(t, "java.time");
            }
        };
        return noClasses().that().resideInAPackage(pkg("domain.."))
                .should().dependOnClassesThat(DescribedPredicate.not(allowed))
                .because("the domain has no dependencies beyond its JDK allow-list (DESIGN.md)");
    }

    private static boolean inPackage(JavaClass c, String root) {
        var p = c.getPackageName();
        return p.equals(root) || p.startsWith(root + ".");
    }

    public ArchRule adaptersDoNotDependOnEachOther() {
        return slices().matching(base + ".adapters.(*)..").should().notDependOnEachOther()
                .because("adapters depend on the domain only (DESIGN.md)");
    }

    /** The stand-ins play the vendors: they know the domain's vocabulary and nothing of the adapters they stand against. */
    public ArchRule sandboxDependsOnNoAdapter() {
        return noClasses().that().resideInAPackage(pkg("sandbox.."))
                .should().dependOnClassesThat().resideInAnyPackage(pkg("adapters.."), pkg("app.."))
                .because("the sandbox depends on the domain only (DESIGN.md)");
    }

    public ArchRule adaptersDependOnNoSandbox() {
        return noClasses().that().resideInAPackage(pkg("adapters.."))
                .should().dependOnClassesThat().resideInAPackage(pkg("sandbox.."))
                .because("adapters depend on the domain only; stand-ins are for tests and the demo");
    }

    public ArchRule onlyAppSeesApp() {
        return noClasses().that().resideOutsideOfPackage(pkg("app.."))
                .should().dependOnClassesThat().resideInAPackage(pkg("app.."))
                .because("app is the outermost ring: it wires everything and nothing depends on it");
    }

    /**
     * The sdk is the library's front door and what a user compiles against: it sees the domain, never an adapter or the
     * assembly (they come on the runtime classpath, through a ServiceLoader), the app on top or the stand-ins.
     */
    public ArchRule sdkSeesOnlyTheDomain() {
        return noClasses().that().resideInAPackage(pkg("sdk.."))
                .should().dependOnClassesThat().resideInAnyPackage(pkg("adapters.."), pkg("assembly.."), pkg("app.."), pkg("sandbox.."),
                        pkg("config.."), pkg("spring.."))
                .because("the sdk is what a library user compiles against; the adapters are on the runtime classpath only, as jjwt-impl is");
    }

    /** The assembly builds the parts from the sdk's settings: it sees the sdk, the domain and the adapters, no face and no stand-in. */
    public ArchRule assemblySeesNoFace() {
        return noClasses().that().resideInAPackage(pkg("assembly.."))
                .should().dependOnClassesThat().resideInAnyPackage(pkg("app.."), pkg("sandbox.."), pkg("config.."), pkg("spring.."))
                .because("the assembly is the library's runtime half, used by every face and by library users alike");
    }

    /** The sdk and its assembly only assemble; every port implementation lives in an adapter, where its contract suite runs. */
    public ArchRule sdkImplementsNoPort() {
        return noClasses().that().resideInAnyPackage(pkg("sdk.."), pkg("assembly.."))
                .should().implement(resideInAPackage(pkg("domain.port..")))
                .because("the sdk only assembles: a port is implemented by an adapter module, which runs the port's contract suite");
    }

    /**
     * The configuration's shape and mapping is shared by the gateway and the Spring Boot starter, so it sees the sdk and
     * the domain's values only: no adapter, no face, no stand-in.
     */
    public ArchRule configSeesOnlyTheSdk() {
        return noClasses().that().resideInAPackage(pkg("config.."))
                .should().dependOnClassesThat().resideInAnyPackage(pkg("adapters.."), pkg("assembly.."), pkg("app.."), pkg("sandbox.."), pkg("spring.."))
                .because("the YAML and Spring properties are two faces of one mapping onto the sdk's settings");
    }

    /** The Spring Boot starter is a face like the gateway: it reads the shared config mapping and the sdk, nothing below or beside. */
    public ArchRule springFaceSeesOnlyConfigAndSdk() {
        return noClasses().that().resideInAPackage(pkg("spring.."))
                .should().dependOnClassesThat().resideInAnyPackage(pkg("adapters.."), pkg("assembly.."), pkg("app.."), pkg("sandbox.."))
                .because("the starter and the gateway are two thin faces of the same settings");
    }

    /**
     * app reaches the adapters only through the sdk. One exception, deliberately: the CLI's key tools ({@code keys},
     * {@code doctor}'s certificate check, the demo's throw-away keys) read and write key files with adapters-keystore.
     */
    public ArchRule appReachesAdaptersOnlyThroughTheSdk() {
        var outsideCli = noClasses().that().resideInAPackage(pkg("app..")).and().resideOutsideOfPackage(pkg("app.cli.."))
                .should().dependOnClassesThat().resideInAnyPackage(pkg("adapters.."), pkg("assembly.."))
                .because("app's http, config and wiring reach adapters only through the sdk");
        var cli = noClasses().that().resideInAPackage(pkg("app.cli.."))
                .should().dependOnClassesThat().resideInAnyPackage(pkg("adapters.tableau.."), pkg("adapters.salesforce.."), pkg("adapters.store.."),
                        pkg("assembly.."))
                .because("the CLI uses adapters-keystore for key files, and everything else through the sdk");
        return CompositeArchRule.of(outsideCli).and(cli);
    }

    public ArchRule jjwtOnlyInTheTableauAdapter() {
        return noClasses().that().resideOutsideOfPackage(pkg("adapters.tableau.."))
                .should().dependOnClassesThat().resideInAPackage("io.jsonwebtoken..")
                .because("jjwt signs and verifies every JWS, and lives only in adapters-tableau (DESIGN.md)");
    }

    public ArchRule httpClientAndJacksonOnlyWhereAllowed() {
        return noClasses().that().resideInAnyPackage(pkg("domain.."), pkg("adapters.keystore.."), pkg("adapters.store.."))
                .should().dependOnClassesThat().resideInAnyPackage("java.net.http..", "com.fasterxml.jackson..")
                .because("HTTP and JSON belong to adapters-salesforce, adapters-tableau, assembly, app and sandbox (DESIGN.md)");
    }

    public ArchRule keyStoreAndBouncyCastleOnlyInTheKeystoreAdapter() {
        return noClasses().that().resideOutsideOfPackage(pkg("adapters.keystore.."))
                .should().dependOnClassesThat(JavaClass.Predicates.equivalentTo(KeyStore.class)
                        .or(resideInAnyPackage("org.bouncycastle..")))
                .because("key material is loaded only in adapters-keystore (DESIGN.md)");
    }

    public ArchRule portsAreInterfaces() {
        return classes().that().resideInAPackage(pkg("domain.port..")).and().areTopLevelClasses()
                .should().beInterfaces()
                .because("a driven port is a narrow interface that adapters implement");
    }

    public ArchRule modulesAreFreeOfCycles() {
        return slices().matching(base + ".(*)..").should().beFreeOfCycles();
    }

    public ArchRule domainPackagesAreFreeOfCycles() {
        return slices().matching(base + ".domain.(*)..").should().beFreeOfCycles();
    }

    public ArchRule adaptersAreFreeOfCycles() {
        return slices().matching(base + ".adapters.(*)..").should().beFreeOfCycles();
    }

    public List<ArchRule> all() {
        return List.of(domainDependsOnlyOnItsJdkAllowList(), adaptersDoNotDependOnEachOther(), onlyAppSeesApp(),
                sandboxDependsOnNoAdapter(), adaptersDependOnNoSandbox(), sdkSeesOnlyTheDomain(), assemblySeesNoFace(), sdkImplementsNoPort(), configSeesOnlyTheSdk(), springFaceSeesOnlyConfigAndSdk(), appReachesAdaptersOnlyThroughTheSdk(),
                jjwtOnlyInTheTableauAdapter(), httpClientAndJacksonOnlyWhereAllowed(),
                keyStoreAndBouncyCastleOnlyInTheKeystoreAdapter(), portsAreInterfaces(), modulesAreFreeOfCycles(),
                domainPackagesAreFreeOfCycles(), adaptersAreFreeOfCycles());
    }
}
