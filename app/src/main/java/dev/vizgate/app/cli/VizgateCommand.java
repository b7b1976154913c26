package dev.vizgate.app.cli;

import dev.vizgate.app.http.GatewayServer;
import dev.vizgate.config.ConfigError;
import dev.vizgate.config.ConfigLoader;
import dev.vizgate.domain.model.Text;
import dev.vizgate.sdk.Vizgate;
import picocli.CommandLine;
import picocli.CommandLine.Command;

import java.io.PrintWriter;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.function.Predicate;

/**
 * The {@code vizgate} command. Exit codes (DESIGN.md): 0 success, 1 rejected or failed as expected,
 * 2 usage or configuration error. Errors are one line of cause and one of fix on stderr, never a stack trace.
 */
@Command(name = "vizgate",
        mixinStandardHelpOptions = true,
        versionProvider = VizgateCommand.Version.class,
        description = {
                "Signs your platform's users into embedded Tableau without a login prompt: Connected Apps (direct trust, EAS) for Tableau Cloud"
                        + " and Server, and frontdoor URLs for Tableau Next."},
        footer = {"", "Exit codes: 0 success, 1 rejected or failed as expected, 2 usage or configuration error."})
public final class VizgateCommand implements Runnable {
    public static final int EXIT_OK = 0;
    public static final int EXIT_REJECTED = 1;
    public static final int EXIT_USAGE = 2;
    private static final String NO_CLOSURES = "picocli.disable.closures";

    /** The subcommands, in the order --help lists them. */
    static final List<Class<?>> SUBCOMMANDS = List.of(ServeCommand.class, DemoCommand.class, TokenCommand.class, FrontdoorCommand.class,
            KeysCommand.class, JwksCommand.class, InspectCommand.class, DoctorCommand.class, SecretsCommand.class, EasCommand.class,
            UatCommand.class, AuditCommand.class, HealthcheckCommand.class);

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
        // Picocli otherwise looks for Groovy's Closure class at start, through every jar on the class path (about 50 ms
        // of a --help); no vizgate command uses a closure.
        if (System.getProperty(NO_CLOSURES) == null) {
            System.setProperty(NO_CLOSURES, "true");
        }
        if (Arrays.stream(args).anyMatch(a -> a.equals("--config") || a.startsWith("--config="))) {
            startAhead();
        }
        System.exit(execute(Context.system(), new PrintWriter(System.out, true), new PrintWriter(System.err, true), args));
    }

    /**
     * For a command that reads a configuration and builds from it: Jackson's set-up for the file and the sdk's look for
     * its assembly (which opens every jar on the class path), each on a daemon thread, so they run on the other core
     * while picocli parses. Only a head start: a load or build that comes first does the work itself.
     */
    static void startAhead() {
        ConfigLoader.prepareAhead();
        Vizgate.findAssemblyAhead();
    }

    /** Runs the command line and returns the exit code, for tests and embedding. */
    public static int execute(Context context, PrintWriter out, PrintWriter err, String... args) {
        return run(commandLineFor(context, args), out, err, args);
    }

    /** The tree a run of these arguments needs: the subcommand they name (their first word that is not an option) built. */
    static CommandLine commandLineFor(Context context, String... args) {
        var chosen = Arrays.stream(args).filter(a -> !a.startsWith("-")).findFirst().orElse("");
        return commandLine(context, chosen::equals);
    }

    /** Runs the command line on a tree from {@link #commandLine}: the handlers below then reach every subcommand in it. */
    static int run(CommandLine cli, PrintWriter out, PrintWriter err, String... args) {
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

    /** The whole command tree, every subcommand built: what the help tests walk. */
    static CommandLine commandLine(Context context) {
        return commandLine(context, name -> true);
    }

    /**
     * The command tree, with the subcommands {@code built} names read in full and the others as outlines: their name
     * and the lines --help lists for them. Picocli reads a subcommand's every option, mixin and nested subcommand
     * through reflection when it is added; a run needs at most one of them in full (about 60 ms of each start).
     */
    static CommandLine commandLine(Context context, Predicate<String> built) {
        var cli = new CommandLine(new VizgateCommand(context));
        for (var type : SUBCOMMANDS) {
            var command = type.getAnnotation(Command.class);
            if (built.test(command.name())) {
                cli.addSubcommand(command.name(), type);
            } else {
                var outline = CommandLine.Model.CommandSpec.create().name(command.name());
                outline.usageMessage().description(command.description()).header(command.header()).hidden(command.hidden());
                cli.addSubcommand(command.name(), outline, command.aliases());
            }
        }
        return cli;
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
