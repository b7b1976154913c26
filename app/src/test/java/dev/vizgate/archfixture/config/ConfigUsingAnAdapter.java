package dev.vizgate.archfixture.config;

import dev.vizgate.archfixture.adapters.tableau.TableauThing;

/** Seeded violation: the shared configuration mapping reaching past the sdk into an adapter. */
public class ConfigUsingAnAdapter {
    Object thing = new TableauThing();
}
