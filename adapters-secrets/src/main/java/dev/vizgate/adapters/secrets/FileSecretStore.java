package dev.vizgate.adapters.secrets;

import dev.vizgate.domain.model.SecretFetch;
import dev.vizgate.domain.model.SecretRef;
import dev.vizgate.domain.model.SecretValue;
import dev.vizgate.domain.port.SecretStore;

import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Objects;

/**
 * Secrets in files (a Kubernetes secret volume, a Docker secret): the location is the path, relative to
 * {@code baseDir}; one trailing newline is dropped. A mounted secret that is updated in place is read anew.
 */
public final class FileSecretStore implements SecretStore {
    public static final String NAME = "file";

    private final Path baseDir;

    public FileSecretStore(Path baseDir) {
        this.baseDir = Objects.requireNonNull(baseDir, "baseDir");
    }

    @Override
    public SecretFetch fetch(SecretRef ref) {
        var path = Path.of(ref.location());
        var file = path.isAbsolute() ? path : baseDir.resolve(path).normalize();
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            return new SecretFetch.Missing("file " + file + " does not exist");
        } catch (IOException e) {
            return new SecretFetch.Unavailable("file " + file + " cannot be read (" + (e instanceof AccessDeniedException
                    ? "permission denied" : e instanceof CharacterCodingException ? "it is not UTF-8 text"
                    : e instanceof FileSystemException f && f.getReason() != null ? f.getReason() : "an input or output error") + ")");
        }
        var value = text.endsWith("\n") ? text.substring(0, text.length() - 1) : text;
        if (value.isEmpty()) {
            return new SecretFetch.Missing("file " + file + " is empty");
        }
        return new SecretFetch.Found(new SecretValue(value, Versions.of(value)));
    }
}
