package dev.vizgate.archfixture.adapters.keystore;

/** Seeded: an adapter depending on app, which depends back on it. */
public class UsesApp {
    dev.vizgate.archfixture.app.Wiring wiring;
}
