package dev.vizgate.domain.model;

import java.util.Optional;

/**
 * The JWS algorithms Vizgate signs and verifies. HS256 is the one every Tableau direct-trust sample
 * uses (HS384/HS512 acceptance is UNVERIFIED, so they are left out); RS256, PS256 and ES256 serve EAS;
 * Salesforce's JWT bearer flow takes RS256 only.
 */
public enum JwsAlgorithm {
    HS256(true, "HMAC"),
    RS256(false, "RSA"),
    PS256(false, "RSA"),
    ES256(false, "EC");

    private final boolean symmetric;
    private final String keyFamily;

    JwsAlgorithm(boolean symmetric, String keyFamily) {
        this.symmetric = symmetric;
        this.keyFamily = keyFamily;
    }

    public boolean isSymmetric() {
        return symmetric;
    }

    /** "HMAC", "RSA" or "EC". */
    public String keyFamily() {
        return keyFamily;
    }

    /** The JCA key algorithm names a key of this family may report. */
    public boolean acceptsKeyAlgorithm(String jcaName) {
        if (jcaName == null) {
            return false;
        }
        return switch (keyFamily) {
            case "HMAC" -> jcaName.startsWith("Hmac");
            case "RSA" -> jcaName.equals("RSA") || jcaName.equals("RSASSA-PSS");
            case "EC" -> jcaName.equals("EC");
            default -> false;
        };
    }

    public static Optional<JwsAlgorithm> fromName(String name) {
        for (var a : values()) {
            if (a.name().equals(name)) {
                return Optional.of(a);
            }
        }
        return Optional.empty();
    }
}
