package dev.vizgate.archfixture.adapters.tableau;

/** Seeded: one adapter calling another, both ways. */
public class TableauThing {
    dev.vizgate.archfixture.adapters.salesforce.SalesforceThing salesforce;
}
