package dev.vizgate.app.cli;

import dev.vizgate.app.http.GatewayServer;
import dev.vizgate.config.ConfigError;
import dev.vizgate.domain.model.Text;
import picocli.CommandLine.Command;
import picocli.CommandLine;

import java.io.PrintWriter;
import java.util.Objects;

/**
 * The {@code vizgate} command. Exit codes (DESIGN.md): 0 success, 1 rejected or failed as expected,
 * 2 usage or configuration error. Errors are one line of cause and one of fix on stderr, never a stack trace.
 */
@Command(name = "vizgate",
        mixinStandardHelpOptions = true,
        versionProvider = VizgateCommand.Version.class,
        subcommands = {ServeCommand.class, DemoCommand.class, TokenCommand.class, FrontdoorCommand.class, KeysCommand.class, JwksCommand.class, InspectCommand.class, DoctorCommand.class, SecretsCommand.class, EasCommand.class, UatCommand.class, AuditCommand.class, HealthcheckCommand.class},
        description = {
                "Signs your platform's users into embedded Tableau without a login prompt: Connected Apps (direct trust, EAS) for Tableau Cloud"
                        + " and Server, and frontdoor URLs for Tableau Next."},
        footer = {"", "Exit codes: 0 success, 1 rejected or failed as expected, 2 usage or configuration error."})
public final class VizgateCommand implements Runnable {
    public static final int EXIT_OK = 0;
    public static final int EXIT_REJECTED = 1;
    public static final int EXIT_USAGE = 2;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    private final Context context;

    public VizgateCommand(Context context) {
        this.context = Objects.requireNonNull(context, "context");
    }

    Context context() {
        return context;
    }

    public static void main(String[] args) {
        System.exit(execute(Context.system(), new PrintWriter(System.out, true), new PrintWriter(System.err, true), args));
    }

    /** Runs the command line and returns the exit code, for tests and embedding. */
    public static int execute(Context context, PrintWriter out, PrintWriter err, String... args) {
        var cli = new CommandLine(new VizgateCommand(context));
        cli.setOut(out);
        cli.setErr(err);
        cli.setExitCodeExceptionMapper(e -> EXIT_USAGE);
        // A parse error names the whole command, so the hint is one that works: vizgate keys init --help.
        cli.setParameterExceptionHandler((ex, args1) -> {
            var w = ex.getCommandLine().getErr();
            w.println("usage error: " + ex.getMessage());
            w.println("  fix: see " + ex.getCommandLine().getCommandSpec().qualifiedName() + " --help");
            w.flush();
            return EXIT_USAGE;
        });
        cli.setExecutionExceptionHandler((e, commandLine, parseResult) -> {
            var w = commandLine.getErr();
            if (e instanceof ConfigError c) {
                w.println(c.twoLines());
                w.flush();
                return EXIT_USAGE;
            }
            if (e instanceof Cli.UsageError u) {
                w.println("usage error: " + u.getMessage());
                w.println("  fix: see " + commandLine.getCommandSpec().qualifiedName() + " --help");
                w.flush();
                return EXIT_USAGE;
            }
            if (e instanceof GatewayServer.PortInUse p) {
                w.println("failed: " + p.getMessage());
                w.println("  fix: " + ("demo".equals(commandLine.getCommandName())
                        ? "stop whatever holds it, or pass --port N (0 picks a free port)"
                        : "stop whatever holds it, or set server.port in the configuration (0 picks a free port)"));
                w.flush();
                return EXIT_USAGE;
            }
            // Anything else is our bug; say so in one line rather than a stack trace or a class name.
            w.println("failed: the command stopped before it finished" + (e.getMessage() == null ? ""
                    : " (" + Text.oneLine(e.getMessage(), 300) + ")"));
            w.println("  fix: this is a fault in vizgate, not in your input; please report it with the command you ran");
            w.flush();
            return EXIT_REJECTED;
        });
        return cli.execute(args);
    }

    public static int execute(String... args) {
        return execute(Context.system(), new PrintWriter(System.out, true), new PrintWriter(System.err, true), args);
    }

    @Override
    public void run() {
        // No subcommand: show what there is, and say so with the usage exit code.
        spec.commandLine().usage(spec.commandLine().getErr());
        throw new CommandLine.ParameterException(spec.commandLine(), "Missing a command; see the usage above.");
    }

    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            var v = VizgateCommand.class.getPackage().getImplementationVersion();
            return new String[]{"vizgate " + (v == null ? "(development build)" : v),
                    "Java " + System.getProperty("java.version")};
        }
    }
}
