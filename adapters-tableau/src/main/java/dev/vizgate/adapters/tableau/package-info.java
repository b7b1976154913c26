/**
 * Tableau Connected Apps: the jjwt {@code TokenSigner} and {@code TokenVerifier} (direct trust HS256; EAS
 * RS256/PS256/ES256), the JWKS encoder, and REST JWT sign-in. The only module that may use jjwt.
 * Filled by the Tableau issue.
 */
package dev.vizgate.adapters.tableau;
