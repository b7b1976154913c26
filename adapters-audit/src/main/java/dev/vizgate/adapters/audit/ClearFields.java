package dev.vizgate.adapters.audit;

import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

/**
 * The personal fields a deployment chose to write in clear ({@code audit.clear}); everything else personal is
 * pseudonymised. {@code user}, {@code attributes} (every attribute's values) or {@code attributes.<name>}.
 */
public record ClearFields(boolean user, boolean allAttributes, Set<String> attributes) {
    public static final String USER = "user";
    public static final String ATTRIBUTES = "attributes";

    public ClearFields {
        attributes = Set.copyOf(Objects.requireNonNull(attributes, "attributes"));
    }

    public static ClearFields none() {
        return new ClearFields(false, false, Set.of());
    }

    /** @throws IllegalArgumentException naming an entry that is none of the three forms */
    public static ClearFields parse(List<String> entries) {
        var user = false;
        var all = false;
        var names = new TreeSet<String>();
        for (var entry : entries) {
            if (USER.equals(entry)) {
                user = true;
            } else if (ATTRIBUTES.equals(entry)) {
                all = true;
            } else if (entry.startsWith(ATTRIBUTES + ".") && entry.length() > ATTRIBUTES.length() + 1) {
                names.add(entry.substring(ATTRIBUTES.length() + 1));
            } else {
                throw new IllegalArgumentException("'" + entry + "' is not a field the trail can write in clear; use user, attributes,"
                        + " or attributes.<name>");
            }
        }
        return new ClearFields(user, all, names);
    }

    boolean attribute(String name) {
        return allAttributes || attributes.contains(name);
    }
}
