package dev.vizgate.archfixture.domain.model;

import java.io.File;

/** Seeded: the domain reaching for java.io. */
public record LeakyValue(File file) {
}
