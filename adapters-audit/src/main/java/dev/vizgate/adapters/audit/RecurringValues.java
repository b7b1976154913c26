package dev.vizgate.adapters.audit;

import com.fasterxml.jackson.core.SerializableString;
import com.fasterxml.jackson.core.io.SerializedString;

import java.util.HashMap;
import java.util.Map;

/**
 * The values that recur from record to record (the node, the event's kind, callers, tenants, key ids, scopes, the
 * second's time, pseudonyms), kept escaped and encoded as JSON strings: escaping them character by character for every
 * record was a third of the seal. Bounded: when full it starts again, which costs a few records their escaping once more
 * and saves every record the upkeep of an order. Owned by one writer thread; it holds nothing the records do not.
 */
final class RecurringValues {
    static final int MOST = 4096;

    private final Map<String, SerializedString> recent = new HashMap<>();

    SerializableString of(String value) {
        var known = recent.get(value);
        if (known != null) {
            return known;
        }
        if (recent.size() >= MOST) {
            recent.clear();
        }
        var encoded = new SerializedString(value);
        recent.put(value, encoded);
        return encoded;
    }

    /** How many it remembers now. */
    int kept() {
        return recent.size();
    }
}
