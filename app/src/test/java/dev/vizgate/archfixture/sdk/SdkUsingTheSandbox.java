package dev.vizgate.archfixture.sdk;

import dev.vizgate.archfixture.sandbox.StandInUsingAnAdapter;

/** Seeded violation: the sdk depending on a stand-in. */
public class SdkUsingTheSandbox {
    Object standIn = new StandInUsingAnAdapter();
}
