package dev.vizgate.app.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The {@code vizgate} command. Exit codes (DESIGN.md): 0 success, 1 rejected or failed as expected,
 * 2 usage or configuration error.
 */
@Command(name = "vizgate",
        mixinStandardHelpOptions = true,
        versionProvider = VizgateCommand.Version.class,
        description = {
                "Signs your platform's users into embedded Tableau without a login prompt:",
                "Connected Apps (direct trust, EAS) for Tableau Cloud and Server, and frontdoor URLs for Tableau Next."},
        footer = {"", "Exit codes: 0 success, 1 rejected or failed as expected, 2 usage or configuration error."})
public final class VizgateCommand implements Runnable {
    public static final int EXIT_OK = 0;
    public static final int EXIT_REJECTED = 1;
    public static final int EXIT_USAGE = 2;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    public static void main(String[] args) {
        System.exit(execute(args));
    }

    /** Runs the command line and returns the exit code, for tests and embedding. */
    public static int execute(String... args) {
        var cli = new CommandLine(new VizgateCommand());
        cli.setExitCodeExceptionMapper(e -> EXIT_USAGE);
        return cli.execute(args);
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
