package dev.vizgate.archfixture.sdk;

import dev.vizgate.archfixture.adapters.tableau.TableauThing;

/** Seeded violation: the sdk, which users compile against, naming an adapter class. */
public class SdkUsingAnAdapter {
    Object thing = new TableauThing();
}
