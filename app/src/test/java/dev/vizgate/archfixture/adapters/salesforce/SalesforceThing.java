package dev.vizgate.archfixture.adapters.salesforce;

import dev.vizgate.archfixture.adapters.tableau.TableauThing;

public class SalesforceThing {
    TableauThing tableau;
}
