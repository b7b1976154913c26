package dev.vizgate.config;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Optional;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Whether a file that holds a secret or a private key can be read by more than its owner. Such a file is the secret
 * given to every account on the machine (and every process in a shared container): {@code vizgate keys init} writes
 * 0600, and so should whatever else writes them.
 */
public final class FilePermissions {
    private static final Set<PosixFilePermission> OTHERS = Set.of(PosixFilePermission.GROUP_READ, PosixFilePermission.GROUP_WRITE,
            PosixFilePermission.OTHERS_READ, PosixFilePermission.OTHERS_WRITE);

    /** A secret or key file that others can read, and how to close it. */
    public record TooOpen(String problem, String fix) {
        @Override
        public String toString() {
            return problem + "; fix: " + fix;
        }
    }

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

    /**
     * Every secret or key file the configuration read ({@link ConfigFiles#secretFile}) that is too open, as warnings
     * with their fix; with {@code server.readable-secret-files: refuse} the first such file is a {@link ConfigError}
     * instead. Serve logs the warnings, doctor prints them.
     */
    public static List<TooOpen> check(VizgateConfig config, ConfigFiles files) {
        var mode = config.server() == null || config.server().readableSecretFiles() == null ? "warn" : config.server().readableSecretFiles();
        if (!mode.equals("warn") && !mode.equals("refuse")) {
            throw new ConfigError("server.readable-secret-files", "readable-secret-files is '" + mode + "'", "set it to warn (the default) or refuse");
        }
        var warnings = new ArrayList<TooOpen>();
        for (var file : files.secretFiles().stream().sorted().toList()) {
            var open = tooOpen(file);
            if (open.isEmpty()) {
                continue;
            }
            if (mode.equals("refuse")) {
                throw new ConfigError("server.readable-secret-files", open.get() + ", and this configuration refuses such files", fix(file));
            }
            warnings.add(new TooOpen(open.get() + "; it holds a secret or a private key",
                    fix(file) + " (server.readable-secret-files: refuse makes serve refuse such files)"));
        }
        return List.copyOf(warnings);
    }

    /** The fix, for a message. */
    public static String fix(Path file) {
        return "chmod 600 " + file + " (and keep it owned by the user the gateway runs as)";
    }
}
