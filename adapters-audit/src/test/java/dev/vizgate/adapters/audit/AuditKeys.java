package dev.vizgate.adapters.audit;

import java.nio.charset.StandardCharsets;

/** Audit keys for tests: fixed, so a failure can be replayed. */
final class AuditKeys {
    static final AuditKey KEY = AuditKey.of("an-audit-key-of-32-bytes-or-more-for-tests".getBytes(StandardCharsets.UTF_8));
    static final AuditKey OTHER = AuditKey.of("another-audit-key-of-32-bytes-or-more-here".getBytes(StandardCharsets.UTF_8));

    private AuditKeys() {
    }
}
