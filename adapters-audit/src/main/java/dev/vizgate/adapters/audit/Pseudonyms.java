package dev.vizgate.adapters.audit;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The pseudonyms of the personal values written lately, so that a user who asks again, or an attribute value many
 * users share, costs a lookup instead of an HMAC. Bounded (the least recently used goes first) and owned by one
 * writer thread; it holds nothing the process did not already hold, and is never written out.
 */
final class Pseudonyms {
    static final int MOST = 4096;

    private final AuditKey key;
    private final Map<String, String> recent = new LinkedHashMap<>(256, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, String> eldest) {
            return size() > MOST;
        }
    };

    Pseudonyms(AuditKey key) {
        this.key = key;
    }

    String of(String value) {
        return recent.computeIfAbsent(value, key::pseudonym);
    }

    /** How many it remembers now. */
    int kept() {
        return recent.size();
    }
}
