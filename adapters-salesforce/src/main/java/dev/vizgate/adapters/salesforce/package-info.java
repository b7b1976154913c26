/**
 * Salesforce External Client App OAuth over the JDK java.net.http client and Jackson, behind {@code SalesforceAuthorization}:
 * the token endpoint (JWT bearer, client credentials, web server + PKCE, refresh), singleaccess and revoke, with
 * Failsafe retries on the token endpoint, a circuit breaker, a total time budget, and the host policy enforced
 * before any token leaves the process.
 */
package dev.vizgate.adapters.salesforce;
