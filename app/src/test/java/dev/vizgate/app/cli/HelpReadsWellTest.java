package dev.vizgate.app.cli;

import org.junit.jupiter.api.Test;
import picocli.CommandLine;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every command's --help reads as prose: picocli wraps each paragraph, so a paragraph broken by hand mid-sentence, an
 * option whose description is split into indented pieces, a summary cut at a colon in the parent's command list, or a
 * URL wrapped in two all fail here, for every command and subcommand.
 */
class HelpReadsWellTest {
    static final Pattern URL = Pattern.compile("https?://[^\\s,;)]+[^\\s,;).]");

    static List<CommandLine> everyCommand() {
        var all = new ArrayList<CommandLine>();
        var todo = new ArrayList<>(List.of(VizgateCommand.commandLine(Context.system())));
        while (!todo.isEmpty()) {
            var c = todo.remove(0);
            all.add(c);
            todo.addAll(c.getSubcommands().values().stream().filter(s -> !all.contains(s) && !todo.contains(s)).toList());
        }
        return all;
    }

    static String name(CommandLine c) {
        return c.getCommandSpec().qualifiedName();
    }

    @Test
    void everyParagraphOfEveryCommandsDescription_isWholeSentences() {
        for (var c : everyCommand()) {
            for (var paragraph : c.getCommandSpec().usageMessage().description()) {
                assertThat(paragraph.strip()).as(name(c) + ": a paragraph ends a sentence, it is not a line broken by hand").matches("(?s).*[.!?)]$");
            }
        }
    }

    @Test
    void everyCommandsSummary_isAWholeSentence_notCutAtAColon() {
        for (var c : everyCommand()) {
            var description = c.getCommandSpec().usageMessage().description();
            if (description.length > 0) {
                assertThat(description[0].strip()).as(name(c) + " summary in its parent's list").matches("(?s).*[.!?]$").doesNotEndWith(":");
            }
        }
    }

    @Test
    void everyOptionAndParameter_isDescribedInOneParagraph_soNoLineIsMisIndented() {
        for (var c : everyCommand()) {
            for (var arg : c.getCommandSpec().args()) {
                assertThat(arg.description()).as(name(c) + " " + arg.paramLabel() + " " + (arg.isOption() ? ((CommandLine.Model.OptionSpec) arg).longestName() : ""))
                        .hasSizeLessThanOrEqualTo(1);
            }
        }
    }

    @Test
    void everyUrlInTheHelp_isPrintedWhole_onOneLine() {
        for (var c : everyCommand()) {
            var text = new StringBuilder();
            for (var paragraph : c.getCommandSpec().usageMessage().description()) {
                text.append(paragraph).append(' ');
            }
            c.getCommandSpec().args().forEach(a -> {
                text.append(String.join(" ", a.description())).append(' ');
                if (a.defaultValue() != null) {
                    text.append(a.defaultValue()).append(' ');
                }
            });
            var usage = c.getUsageMessage(CommandLine.Help.Ansi.OFF);
            var urls = URL.matcher(text.toString().replace("${DEFAULT-VALUE}", ""));
            while (urls.find()) {
                assertThat(usage).as(name(c) + " prints " + urls.group() + " whole").contains(urls.group());
            }
        }
    }
}
