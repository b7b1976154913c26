package dev.vizgate.sdk;

import dev.vizgate.domain.model.SettingId;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * Which setting a refusal or a live secret is about: its {@link SettingId}, the positions or names that single it out
 * among its kind (the second signing key, the secret store called {@code vault}), and, for a key, whether it is the key's
 * JWS algorithm. A configuration module spells it as its own key path; {@link #toString()} says it in words.
 */
public record Setting(SettingId id, List<String> at, Optional<Part> part) {
    /** A part of a key setting that has its own key. */
    public enum Part {
        /** The JWS algorithm given with a key. */
        ALGORITHM
    }

    public Setting {
        Objects.requireNonNull(id, "id");
        at = List.copyOf(at);
        Objects.requireNonNull(part, "part");
    }

    public static Setting of(SettingId id) {
        return new Setting(id, List.of(), Optional.empty());
    }

    /** The {@code index}-th of its kind (from 0). */
    public static Setting at(SettingId id, int index) {
        return of(id).then(index);
    }

    /** The one of its kind called {@code name}. */
    public static Setting named(SettingId id, String name) {
        return new Setting(id, List.of(Objects.requireNonNull(name, "name")), Optional.empty());
    }

    /** Within this setting, the {@code index}-th entry (a setting that holds several keys). */
    public Setting then(int index) {
        var more = new ArrayList<>(at);
        more.add(Integer.toString(index));
        return new Setting(id, more, part);
    }

    /** The JWS algorithm given with this key. */
    public Setting algorithm() {
        return new Setting(id, at, Optional.of(Part.ALGORITHM));
    }

    /**
     * A stable machine name, for a metric's tag or a log field when no configuration names settings:
     * {@code connected-app-secret-value[0]}, {@code connected-app-signing-key[1].alg}.
     */
    public String key() {
        var out = new StringBuilder(id.name().toLowerCase(Locale.ROOT).replace('_', '-'));
        at.forEach(a -> out.append('[').append(a).append(']'));
        return out + (part.isPresent() ? ".alg" : "");
    }

    @Override
    public String toString() {
        return (part.isPresent() ? "the algorithm of " : "") + id.words() + (at.isEmpty() ? "" : " " + at);
    }
}
