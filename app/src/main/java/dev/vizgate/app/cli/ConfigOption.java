package dev.vizgate.app.cli;

import dev.vizgate.config.ConfigLoader;
import picocli.CommandLine.Option;

import java.nio.file.Path;
import java.util.Set;

/** {@code --config FILE}, shared by the commands that need the configuration. */
final class ConfigOption {
    @Option(names = "--config", required = true, paramLabel = "FILE", description = "The YAML configuration file.")
    Path file;

    ConfigLoader.Loaded load(Context context) {
        return new ConfigLoader(context.env()).load(file);
    }

    /** Only these sections' environment references are read: a command never fails on a section it does not use. */
    ConfigLoader.Loaded load(Context context, String... sections) {
        return new ConfigLoader(context.env()).load(file, Set.of(sections));
    }
}
