package dev.vizgate.archfixture.assembly;

import dev.vizgate.archfixture.domain.port.GoodPort;

/** Seeded violation: the assembly implementing a port itself instead of wiring an adapter. */
public class AssemblyImplementingAPort implements GoodPort {
}
