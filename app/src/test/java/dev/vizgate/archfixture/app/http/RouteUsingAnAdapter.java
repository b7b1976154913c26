package dev.vizgate.archfixture.app.http;

/** Seeded violation: an HTTP route reaching an adapter directly instead of through the sdk. */
public class RouteUsingAnAdapter {
    Object adapter = new dev.vizgate.archfixture.adapters.tableau.TableauThing();
}
