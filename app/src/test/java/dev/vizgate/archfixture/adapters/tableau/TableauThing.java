package dev.vizgate.archfixture.adapters.tableau;

import dev.vizgate.archfixture.adapters.salesforce.SalesforceThing;

/** Seeded: one adapter calling another, both ways. */
public class TableauThing {
    SalesforceThing salesforce;
}
