package dev.vizgate.archfixture.sandbox;

import dev.vizgate.archfixture.adapters.tableau.TableauThing;

/** Seeded: a stand-in reaching into an adapter. */
public class StandInUsingAnAdapter {
    TableauThing thing;
}
