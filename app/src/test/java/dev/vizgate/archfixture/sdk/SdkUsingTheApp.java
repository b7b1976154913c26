package dev.vizgate.archfixture.sdk;

/** Seeded violation: the sdk reaching up into the app. */
public class SdkUsingTheApp {
    Object wiring = new dev.vizgate.archfixture.app.Wiring();
}
