package dev.vizgate.archfixture.app.cli;

import dev.vizgate.archfixture.adapters.store.UsesKeyStore;

/** Seeded violation: a command reaching the store adapter (only adapters-keystore is open to the CLI). */
public class CommandUsingTheStore {
    Object store = new UsesKeyStore();
}
