package dev.vizgate.domain.model;

import java.util.List;
import java.util.Objects;

/**
 * Tableau Cloud's on-demand access: {@code "https://tableau.com/oda"} turns it on and
 * {@code "https://tableau.com/groups"} lists the Tableau groups the user joins (Tableau's ODA blog).
 * Needs usage-based Embedded Analytics licensing; otherwise Tableau answers error 67.
 */
public record OnDemandAccess(List<String> groups, FlagStyle flagStyle) {
    public static final String ODA_CLAIM = "https://tableau.com/oda";
    public static final String GROUPS_CLAIM = "https://tableau.com/groups";

    public OnDemandAccess {
        Objects.requireNonNull(groups, "groups must not be null");
        Objects.requireNonNull(flagStyle, "flag style must not be null");
        if (groups.isEmpty()) {
            throw new IllegalArgumentException("on-demand access needs at least one Tableau group to provision the user into");
        }
        groups.forEach(g -> Text.printable(g, "group name", 255));
        if (groups.stream().distinct().count() != groups.size()) {
            throw new IllegalArgumentException("group names must be distinct");
        }
        groups = List.copyOf(groups);
    }

    public OnDemandAccess(List<String> groups) {
        this(groups, FlagStyle.BOOLEAN);
    }

    public static OnDemandAccess inGroups(String... groups) {
        return new OnDemandAccess(List.of(groups));
    }

    public OnDemandAccess withFlagStyle(FlagStyle style) {
        return new OnDemandAccess(groups, style);
    }

    /** The value of the {@code https://tableau.com/oda} claim. */
    public Object flagValue() {
        return flagStyle.value();
    }

    /**
     * How the {@code oda} flag is written. Samples send both boolean {@code true} and string
     * {@code "true"}; which Tableau requires is UNVERIFIED, so it is configurable.
     */
    public enum FlagStyle {
        BOOLEAN, STRING;

        public Object value() {
            return this == BOOLEAN ? Boolean.TRUE : "true";
        }
    }
}
