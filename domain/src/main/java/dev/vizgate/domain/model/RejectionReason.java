package dev.vizgate.domain.model;

/** Why an inbound token was refused. Stable: each becomes a problem type at the HTTP edge. */
public enum RejectionReason {
    OVERSIZED("the token is larger than allowed"),
    MALFORMED("the token is not a well-formed compact JWS"),
    ALGORITHM_NOT_ALLOWED("the algorithm is not allowed for this key (alg none and HS/RS confusion are always refused)"),
    UNSUPPORTED_CRITICAL_HEADER("the token names a critical header this verifier does not understand"),
    UNTRUSTED_ISSUER("no trusted issuer matches iss"),
    UNKNOWN_KEY("no trusted key matches the token"),
    KEYS_UNAVAILABLE("the issuer's keys could not be fetched"),
    BAD_SIGNATURE("the signature does not verify"),
    MISSING_CLAIM("a required claim is missing or has the wrong type"),
    INVALID_CLAIM("a claim is present but its value is not acceptable"),
    WRONG_AUDIENCE("aud does not name this gateway"),
    EXPIRED("exp is in the past"),
    NOT_YET_VALID("nbf or iat is in the future"),
    TOO_LONG_LIVED("exp is further ahead than allowed"),
    REPLAYED("this jti was already used");

    private final String meaning;

    RejectionReason(String meaning) {
        this.meaning = meaning;
    }

    public String meaning() {
        return meaning;
    }
}
