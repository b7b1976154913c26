package dev.vizgate.archfixture.config;

import dev.vizgate.archfixture.assembly.DefaultWiring;

/** Seeded violation: the configuration mapping compiling against the assembly instead of the sdk. */
public class ConfigUsingTheAssembly {
    Object wiring = new DefaultWiring();
}
