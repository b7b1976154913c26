package dev.vizgate.archfixture.domain.port;

/** Seeded: a port that is a class. */
public class ConcretePort {
}
