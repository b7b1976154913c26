package dev.vizgate.archfixture.adapters.store;

import dev.vizgate.archfixture.sandbox.StandInUsingAnAdapter;

/** Seeded: an adapter reaching into the sandbox. */
public class AdapterUsingTheSandbox {
    StandInUsingAnAdapter standIn;
}
