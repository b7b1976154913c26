package dev.vizgate.domain.model;

/** A Tableau Connected App's client id, or a Salesforce External Client App's consumer key. */
public record ClientId(String value) {
    public ClientId {
        Text.token(value, "client id", 256);
    }

    public Issuer asIssuer() {
        return new Issuer(value);
    }

    @Override
    public String toString() {
        return value;
    }
}
