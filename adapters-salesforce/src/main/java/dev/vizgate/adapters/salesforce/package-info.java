/**
 * Salesforce External Client App OAuth over the JDK HttpClient and Jackson: the token endpoint (JWT bearer,
 * client credentials, web server + PKCE, refresh), singleaccess and revoke, behind
 * {@code SalesforceAuthorization}. Filled by the Salesforce issue.
 */
package dev.vizgate.adapters.salesforce;
