package dev.vizgate.sdk;

/** Tableau's REST API version for sign-in; a JWT sign-in needs 3.17 or later. */
public record RestApiVersion(String value) {
    public static final RestApiVersion DEFAULT = new RestApiVersion("3.22");

    public RestApiVersion {
        if (value == null || !value.matches("3\\.(1[7-9]|[2-9]\\d)")) {
            throw new IllegalArgumentException("REST API " + value + " cannot sign in with a JWT; use 3.17 or later");
        }
    }

    @Override
    public String toString() {
        return value;
    }
}
