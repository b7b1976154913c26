package dev.vizgate.archfixture.domain.model;

/** Seeded: the domain reaching for java.io. */
public record LeakyValue(java.io.File file) {
}
