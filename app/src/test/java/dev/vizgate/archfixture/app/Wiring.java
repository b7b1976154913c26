package dev.vizgate.archfixture.app;

public class Wiring {
    dev.vizgate.archfixture.adapters.keystore.UsesApp keys;
}
