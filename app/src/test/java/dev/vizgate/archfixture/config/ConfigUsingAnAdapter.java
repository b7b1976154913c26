package dev.vizgate.archfixture.config;

/** Seeded violation: the shared configuration mapping reaching past the sdk into an adapter. */
public class ConfigUsingAnAdapter {
    Object thing = new dev.vizgate.archfixture.adapters.tableau.TableauThing();
}
