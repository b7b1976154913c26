package dev.vizgate.app.config;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/** Resolves {@code file:PATH} values relative to the configuration file's folder. */
public record ConfigFiles(Path baseDir) {
    public Path resolve(String path) {
        var p = Path.of(path);
        return p.isAbsolute() ? p : baseDir.resolve(p).normalize();
    }

    /** The value itself, or the contents of the file a {@code file:PATH} value names (one trailing newline dropped). */
    public String valueOrFile(String configPath, String value) {
        if (!value.startsWith("file:")) {
            return value;
        }
        var file = resolve(value.substring("file:".length()));
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
