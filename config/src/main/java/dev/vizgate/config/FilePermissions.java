package dev.vizgate.config;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Optional;
import java.util.Set;

/**
 * Whether a file that holds a secret or a private key can be read by more than its owner. Such a file is the secret
 * given to every account on the machine (and every process in a shared container): {@code vizgate keys init} writes
 * 0600, and so should whatever else writes them.
 */
public final class FilePermissions {
    private static final Set<PosixFilePermission> OTHERS = Set.of(PosixFilePermission.GROUP_READ, PosixFilePermission.GROUP_WRITE,
            PosixFilePermission.OTHERS_READ, PosixFilePermission.OTHERS_WRITE);

    private FilePermissions() {
    }

    /** Why {@code file} is too open ("readable by its group or others (mode rw-r--r--)"), or empty (also on a file system without POSIX modes). */
    public static Optional<String> tooOpen(Path file) {
        try {
            var mode = Files.getPosixFilePermissions(file);
            if (mode.stream().noneMatch(OTHERS::contains)) {
                return Optional.empty();
            }
            return Optional.of("file " + file + " can be read or written by its group or others (mode " + PosixFilePermissions.toString(mode) + ")");
        } catch (UnsupportedOperationException | IOException e) {
            return Optional.empty(); // no POSIX modes here (or no file yet): nothing to say
        }
    }

    /** The fix, for a message. */
    public static String fix(Path file) {
        return "chmod 600 " + file + " (and keep it owned by the user the gateway runs as)";
    }
}
