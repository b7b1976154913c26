package dev.vizgate.archfixture.adapters.salesforce;

public class SalesforceThing {
    dev.vizgate.archfixture.adapters.tableau.TableauThing tableau;
}
