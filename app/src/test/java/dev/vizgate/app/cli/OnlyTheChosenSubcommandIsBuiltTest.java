package dev.vizgate.app.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import picocli.CommandLine;

import java.io.ByteArrayInputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A run builds only the subcommand it names (the others are outlines: a name and the lines --help lists), which
 * saves picocli's reflection over every other command at each start. What a user sees must not change: for every
 * command line below, the exit code, standard output and standard error equal those of the whole tree.
 */
class OnlyTheChosenSubcommandIsBuiltTest {

    static Stream<List<String>> commandLines() {
        var lines = new ArrayList<List<String>>(List.of(List.of(), List.of("--help"), List.of("-h"), List.of("--version"),
                List.of("--no-such-option"), List.of("tokne"), List.of("no-such-command", "--help"), List.of("-h", "token")));
        for (var type : VizgateCommand.SUBCOMMANDS) {
            var name = type.getAnnotation(CommandLine.Command.class).name();
            lines.add(List.of(name, "--help"));
            lines.add(List.of(name, "--no-such-option"));
        }
        lines.add(List.of("keys", "init", "--help"));
        lines.add(List.of("secrets", "rotate", "--help"));
        lines.add(List.of("token", "--user"));
        return lines.stream();
    }

    @ParameterizedTest
    @MethodSource("commandLines")
    void givenAnyCommandLine_theTreeBuiltForIt_answersAsTheWholeTreeDoes(List<String> args) {
        var lazy = run(VizgateCommand.commandLineFor(context(), args.toArray(String[]::new)), args);
        var whole = run(VizgateCommand.commandLine(context()), args);
        assertThat(lazy).isEqualTo(whole);
    }

    @Test
    void givenTheTokenCommand_onlyItIsBuilt_theOthersAreOutlinesWithTheirDescriptions() {
        var cli = VizgateCommand.commandLineFor(context(), "token", "--user", "u@example.com");
        assertThat(cli.getSubcommands().get("token").getCommandSpec().options()).as("the chosen one is read in full").isNotEmpty();
        var serve = cli.getSubcommands().get("serve").getCommandSpec();
        assertThat(serve.userObject()).as("an outline has no command object behind it").isNull();
        assertThat(serve.options()).as("nor options").isEmpty();
        assertThat(serve.usageMessage().description()).isEqualTo(ServeCommand.class.getAnnotation(CommandLine.Command.class).description());
    }

    private static Context context() {
        return new Context(Clock.systemUTC(), Map.<String, String>of()::get, new ByteArrayInputStream(new byte[0]));
    }

    private static List<Object> run(CommandLine cli, List<String> args) {
        var out = new StringWriter();
        var err = new StringWriter();
        var exit = VizgateCommand.run(cli, new PrintWriter(out, true), new PrintWriter(err, true), args.toArray(String[]::new));
        return List.of(exit, out.toString(), err.toString());
    }
}
