package dev.vizgate.archfixture.adapters.store;

/** Seeded: a KeyStore outside adapters-keystore. */
public class UsesKeyStore {
    java.security.KeyStore store;
}
