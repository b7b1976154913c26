package dev.vizgate.sdk;

import dev.vizgate.domain.model.AuditVerdict;
import dev.vizgate.domain.model.SettingId;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/**
 * The audit trail's front door: opens the trail the settings describe with the key read from its secret store, and
 * verifies a written trail. The key is checked when loaded (at least 32 bytes).
 */
public final class Audit {
    /** The fewest bytes an audit key may have. */
    public static final int MIN_KEY_BYTES = 32;

    private Audit() {
    }

    /**
     * @throws SettingsException when the key is too short, or a file cannot be opened for writing
     */
    public static OpenedAuditTrail open(AuditSettings settings, byte[] key) {
        checkKey(key);
        return Assemblies.found().auditTrail(settings, key);
    }

    /** The trail's files in the order they were written: rolled files by day and counter, then the rest as given. */
    public static List<Path> inWrittenOrder(List<Path> files) {
        return Assemblies.found().auditFilesInWrittenOrder(files);
    }

    /**
     * The files of the trail whose active file is {@code activeFile} (such as {@code audit.jsonl}): its rolled files
     * ({@code audit.<day>.<n>.jsonl}) and itself, in the order written; no other trail's files beside it.
     */
    public static List<Path> trailFiles(Path activeFile) throws IOException {
        return Assemblies.found().auditTrailFiles(activeFile);
    }

    /** Reads the files in the order given and says which record was changed, removed, reordered or cut short. */
    public static AuditVerdict verify(List<Path> files, byte[] key) throws IOException {
        checkKey(key);
        return Assemblies.found().verifyAudit(files, key);
    }

    private static void checkKey(byte[] key) {
        if (key.length < MIN_KEY_BYTES) {
            throw new SettingsException(Setting.of(SettingId.AUDIT_KEY), "the audit key has " + key.length + " bytes, fewer than " + MIN_KEY_BYTES,
                    "generate one: head -c 32 /dev/urandom | base64");
        }
    }
}
