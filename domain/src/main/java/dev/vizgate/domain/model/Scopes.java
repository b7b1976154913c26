package dev.vizgate.domain.model;

import java.util.AbstractList;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;

/** The {@code scp} claim: distinct scopes in the order given (the claim is a JSON array). */
public record Scopes(List<Scope> values) {
    public Scopes {
        Objects.requireNonNull(values, "scopes must not be null");
        values.forEach(s -> Objects.requireNonNull(s, "a scope must not be null"));
        var distinct = new LinkedHashSet<>(values);
        if (distinct.size() != values.size()) {
            throw new IllegalArgumentException("scopes must be distinct: " + values);
        }
        values = List.copyOf(values);
    }

    public static Scopes none() {
        return new Scopes(List.of());
    }

    public static Scopes of(String... scopes) {
        return new Scopes(Arrays.stream(scopes).map(Scope::new).toList());
    }

    /** Parses each name, dropping repeats, so a caller's list with a duplicate is not an error. */
    public static Scopes parse(List<String> names) {
        Objects.requireNonNull(names, "scopes must not be null");
        var distinct = new LinkedHashSet<Scope>();
        names.forEach(n -> distinct.add(new Scope(n)));
        return new Scopes(new ArrayList<>(distinct));
    }

    public boolean isEmpty() {
        return values.isEmpty();
    }

    public boolean contains(Scope scope) {
        return values.contains(scope);
    }

    /**
     * The scopes' names, as a read-only view: every issued token writes them, and a stream's pipeline to copy one or
     * two names was a measurable part of the signer's work (async-profiler under JMH).
     */
    public List<String> names() {
        return new AbstractList<>() {
            @Override
            public String get(int index) {
                return values.get(index).value();
            }

            @Override
            public int size() {
                return values.size();
            }
        };
    }

    @Override
    public String toString() {
        return names().toString();
    }
}
