package dev.vizgate.archfixture.app.cli;

/** Seeded violation: a command reaching the store adapter (only adapters-keystore is open to the CLI). */
public class CommandUsingTheStore {
    Object store = new dev.vizgate.archfixture.adapters.store.UsesKeyStore();
}
