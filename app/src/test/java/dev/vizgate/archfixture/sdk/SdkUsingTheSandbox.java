package dev.vizgate.archfixture.sdk;

/** Seeded violation: the sdk depending on a stand-in. */
public class SdkUsingTheSandbox {
    Object standIn = new dev.vizgate.archfixture.sandbox.StandInUsingAnAdapter();
}
