package dev.vizgate.sandbox;

import java.util.Optional;

/**
 * An org's Apex {@code Auth.Oauth2TokenExchangeHandler}, as the stand-in runs it: {@code validateIncomingToken} and
 * {@code getUserForTokenSubject} in one. It answers the Salesforce username the token maps to, or empty when it finds
 * the token invalid. A test writes it as a customer would write theirs, e.g. by asking the IdP's userinfo endpoint.
 */
@FunctionalInterface
public interface ApexTokenExchangeHandler {
    /** @param tokenType "access_token", "id_token", "jwt", "refresh_token" or "saml2" */
    Optional<String> userFor(String incomingToken, String tokenType);
}
