package dev.vizgate.archfixture.sandbox;

/** Seeded: a stand-in reaching into an adapter. */
public class StandInUsingAnAdapter {
    dev.vizgate.archfixture.adapters.tableau.TableauThing thing;
}
