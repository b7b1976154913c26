package dev.vizgate.archfixture.adapters.store;

/** Seeded: an adapter reaching into the sandbox. */
public class AdapterUsingTheSandbox {
    dev.vizgate.archfixture.sandbox.StandInUsingAnAdapter standIn;
}
