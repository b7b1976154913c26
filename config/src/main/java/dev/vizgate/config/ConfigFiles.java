package dev.vizgate.config;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * Resolves {@code file:PATH} values relative to the configuration file's folder, and remembers which values came
 * from the environment: those may be secrets, so an error that quotes one shows where it came from instead.
 */
public record ConfigFiles(Path baseDir, Set<String> fromEnvironment, Function<String, String> environment,
                          Set<Path> secretFiles) {
    public ConfigFiles {
        Objects.requireNonNull(baseDir, "baseDir");
        fromEnvironment = Set.copyOf(fromEnvironment);
        Objects.requireNonNull(environment, "environment");
        Objects.requireNonNull(secretFiles, "secretFiles");
    }

    public ConfigFiles(Path baseDir, Set<String> fromEnvironment, Function<String, String> environment) {
        this(baseDir, fromEnvironment, environment, ConcurrentHashMap.newKeySet());
    }

    public ConfigFiles(Path baseDir, Set<String> fromEnvironment) {
        this(baseDir, fromEnvironment, System::getenv);
    }

    /** Notes that {@code file} holds a secret or a private key, so its permissions are checked ({@link FilePermissions}). */
    public Path secretFile(Path file) {
        secretFiles.add(file);
        return file;
    }

    public ConfigFiles(Path baseDir) {
        this(baseDir, Set.of());
    }

    /** Runs wiring against this configuration (every wiring entry point does); a {@link ConfigError} it raises comes out with environment values withheld. */
    public <T> T wire(Supplier<T> wiring) {
        try {
            return wiring.get();
        } catch (ConfigError e) {
            throw redact(e);
        }
    }

    /** The same error, with every value taken from the environment replaced by a placeholder. */
    public ConfigError redact(ConfigError e) {
        var cause = e.getMessage();
        var fix = e.fix();
        var changed = false;
        for (var v : fromEnvironment) {
            if (v.length() >= 4 && (cause.contains(v) || fix.contains(v))) { // shorter values would blank out ordinary words
                cause = cause.replace(v, "(a value from the environment)");
                fix = fix.replace(v, "(a value from the environment)");
                changed = true;
            }
        }
        return changed ? new ConfigError(e.path(), cause, fix) : e;
    }

    @Override
    public String toString() {
        return "ConfigFiles[" + baseDir + ", " + fromEnvironment.size() + " environment values, redacted, " + secretFiles.size() + " secret files]";
    }
    public Path resolve(String path) {
        var p = Path.of(path);
        return p.isAbsolute() ? p : baseDir.resolve(p).normalize();
    }

    /** The value itself, or the contents of the file a {@code file:PATH} value names (one trailing newline dropped). */
    public String valueOrFile(String configPath, String value) {
        if (!value.startsWith("file:")) {
            return value;
        }
        var file = secretFile(resolve(value.substring("file:".length())));
        try {
            var text = Files.readString(file, StandardCharsets.UTF_8);
            return text.endsWith("\n") ? text.substring(0, text.length() - 1) : text;
        } catch (NoSuchFileException e) {
            throw new ConfigError(configPath, "file " + file + " does not exist", "check the path; it is relative to the config file");
        } catch (IOException e) {
            throw new ConfigError(configPath, "file " + file + " cannot be read", "check its permissions");
        }
    }
}
