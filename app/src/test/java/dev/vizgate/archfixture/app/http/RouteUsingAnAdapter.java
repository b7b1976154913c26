package dev.vizgate.archfixture.app.http;

import dev.vizgate.archfixture.adapters.tableau.TableauThing;

/** Seeded violation: an HTTP route reaching an adapter directly instead of through the sdk. */
public class RouteUsingAnAdapter {
    Object adapter = new TableauThing();
}
