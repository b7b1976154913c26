package dev.vizgate.archfixture.assembly;

/** A stand-in for the assembly's wiring, which faces must reach only through the sdk. */
public class DefaultWiring {
}
