package dev.vizgate.archfixture.adapters.keystore;

import dev.vizgate.archfixture.app.Wiring;

/** Seeded: an adapter depending on app, which depends back on it. */
public class UsesApp {
    Wiring wiring;
}
