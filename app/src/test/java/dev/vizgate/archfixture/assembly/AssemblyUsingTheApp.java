package dev.vizgate.archfixture.assembly;

import dev.vizgate.archfixture.app.Wiring;

/** Seeded violation: the assembly reaching up into a face. */
public class AssemblyUsingTheApp {
    Object wiring = new Wiring();
}
