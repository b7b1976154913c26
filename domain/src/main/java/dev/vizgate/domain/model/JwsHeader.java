package dev.vizgate.domain.model;

import java.util.Objects;
import java.util.Optional;

/** The protected header of a token this system signs. */
public record JwsHeader(JwsAlgorithm algorithm, Optional<KeyId> keyId, Optional<String> type, Optional<Issuer> issuer) {
    public JwsHeader {
        Objects.requireNonNull(algorithm, ClaimNames.ALGORITHM);
        Objects.requireNonNull(keyId, ClaimNames.KEY_ID);
        Objects.requireNonNull(type, ClaimNames.TYPE);
        Objects.requireNonNull(issuer, ClaimNames.ISSUER);
        type.ifPresent(t -> Text.token(t, ClaimNames.TYPE, 32));
    }

    /** Direct trust: {@code alg} HS256, {@code typ} JWT, {@code kid} = secret id, {@code iss} = client id (tableau.md §1). */
    public static JwsHeader directTrust(SecretId secretId, ClientId clientId) {
        return new JwsHeader(JwsAlgorithm.HS256, Optional.of(secretId.asKeyId()), Optional.of("JWT"), Optional.of(clientId.asIssuer()));
    }

    /** EAS: {@code kid} is required, {@code iss} goes in the payload (tableau.md §2). */
    public static JwsHeader externalAuthorizationServer(JwsAlgorithm algorithm, KeyId keyId) {
        if (algorithm.isSymmetric()) {
            throw new IllegalArgumentException("EAS tokens are signed with an asymmetric key (RS256, PS256 or ES256), not " + algorithm);
        }
        return new JwsHeader(algorithm, Optional.of(keyId), Optional.of("JWT"), Optional.empty());
    }

    /** Salesforce's JWT bearer assertion header is exactly {@code {"alg":"RS256"}} (salesforce.md §1). */
    public static JwsHeader salesforceAssertion() {
        return new JwsHeader(JwsAlgorithm.RS256, Optional.empty(), Optional.empty(), Optional.empty());
    }
}
