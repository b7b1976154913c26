package dev.vizgate.domain.model;

/**
 * RFC 8693's {@code subject_token_type}: what kind of token the platform's identity provider issued, as Salesforce's
 * token exchange flow names them (salesforce.md, "Added in turn 3"). Only the kinds a caller can prove itself with are
 * offered: a refresh token or a SAML assertion never arrives as a bearer credential at the gateway.
 */
public enum SubjectTokenType {
    ACCESS_TOKEN("urn:ietf:params:oauth:token-type:access_token"),
    ID_TOKEN("urn:ietf:params:oauth:token-type:id_token"),
    JWT("urn:ietf:params:oauth:token-type:jwt");

    private final String urn;

    SubjectTokenType(String urn) {
        this.urn = urn;
    }

    public String urn() {
        return urn;
    }
}
