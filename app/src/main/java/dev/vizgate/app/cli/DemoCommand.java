package dev.vizgate.app.cli;

import dev.vizgate.app.http.DemoPage;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine;

import java.util.concurrent.Callable;

@Command(name = "demo", mixinStandardHelpOptions = true,
        description = {"Runs the whole flow on this machine with zero configuration.",
                "It makes throw-away keys, starts local stand-ins for Tableau and Salesforce, the gateway with in-memory stores, and a demo page."
                        + " Nothing leaves the machine, and the keys are removed when the demo stops."})
final class DemoCommand implements Callable<Integer> {
    @CommandLine.ParentCommand
    VizgateCommand root;

    @Option(names = "--port", defaultValue = "8080", paramLabel = "N", description = "Port of the demo page and gateway (the many-customers"
            + " gateway takes the next one); 0 picks free ones. Default: ${DEFAULT-VALUE}.")
    int port;

    /** What the demo says when the build had no npm: the page starts, but shows no view. */
    static final String MISSING_BUNDLES = "vizgate demo: warning: this build has no copy of Tableau's Embedding API or Salesforce's analytics embedding SDK"
            + " (npm was not on the PATH when it was built), so the page shows no views; install npm and rebuild with ./mvnw -B -q package -DskipTests";

    /** What the demo says where the stand-ins were left out: the production image. */
    static final String NO_STAND_INS = "vizgate demo: this build has no demo: the stand-ins for Tableau and Salesforce are left out of"
            + " production images (vizgate/gateway); run ./vizgate demo from a clone of the repository, or serve with your own vizgate.yaml";

    /** The class the demo cannot start without; looked up, never loaded, so a build without it can say so. */
    static final String STAND_IN = "dev.vizgate.sandbox.TableauStandIn";

    /** Whether {@code loader} can see the stand-ins the demo starts. */
    static boolean standInsPresent(ClassLoader loader) {
        try {
            Class.forName(STAND_IN, false, loader);
            return true;
        } catch (ClassNotFoundException | LinkageError e) {
            return false;
        }
    }

    @Override
    public Integer call() throws Exception {
        if (!standInsPresent(DemoCommand.class.getClassLoader())) {
            root.spec.commandLine().getErr().println(NO_STAND_INS);
            return VizgateCommand.EXIT_USAGE;
        }
        var demo = Demo.start(port, root.context().clock());
        var err = root.spec.commandLine().getErr();
        // Ctrl-C and SIGTERM both run shutdown hooks: the keys were throw-away, so they go with the demo.
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            try {
                demo.close();
            } catch (Exception e) {
                // Shutting down anyway.
            }
            err.println("vizgate demo stopped; removed its throw-away keys in " + demo.folder());
            err.flush();
        }, "vizgate-demo-shutdown"));
        var out = root.spec.commandLine().getOut();
        out.println("vizgate demo ready: " + demo.gateway().baseUrl() + "/");
        out.println("(local stand-ins for Tableau and Salesforce; throw-away keys in " + demo.folder() + ")");
        out.println("backend API key (demo only): " + demo.apiKey() + "; every setting for the README's examples: " + demo.folder().resolve("example.env"));
        out.println("many customers (Acme and Globex as tenants, each with its own site): " + demo.customersGateway().baseUrl() + "/"
                + " (customers.yaml beside it)");
        out.flush();
        if (!DemoPage.hasEmbeddingApi() || !DemoPage.hasAnalyticsSdk()) {
            err.println(MISSING_BUNDLES);
            err.flush();
        }
        demo.gateway().join();
        return VizgateCommand.EXIT_OK;
    }
}
