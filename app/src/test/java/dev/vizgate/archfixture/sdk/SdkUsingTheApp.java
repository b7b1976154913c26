package dev.vizgate.archfixture.sdk;

import dev.vizgate.archfixture.app.Wiring;

/** Seeded violation: the sdk reaching up into the app. */
public class SdkUsingTheApp {
    Object wiring = new Wiring();
}
