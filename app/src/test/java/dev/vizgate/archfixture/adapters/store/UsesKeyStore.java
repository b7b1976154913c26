package dev.vizgate.archfixture.adapters.store;

import java.security.KeyStore;

/** Seeded: a KeyStore outside adapters-keystore. */
public class UsesKeyStore {
    KeyStore store;
}
