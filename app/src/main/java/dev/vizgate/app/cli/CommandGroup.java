package dev.vizgate.app.cli;

import picocli.CommandLine;

import java.util.concurrent.Callable;

/**
 * A command that only groups subcommands ({@code eas}, {@code secrets}, {@code uat}): run alone it prints its usage, and
 * its subcommands reach the root's context through it.
 */
abstract class CommandGroup implements Callable<Integer> {
    @CommandLine.ParentCommand
    VizgateCommand root;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        spec.commandLine().usage(spec.commandLine().getOut());
        return VizgateCommand.EXIT_OK;
    }
}
