package dev.vizgate.archfixture.app;

import dev.vizgate.archfixture.adapters.keystore.UsesApp;

public class Wiring {
    UsesApp keys;
}
