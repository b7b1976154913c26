package dev.vizgate.domain.model;

import java.net.URI;
import java.util.Objects;
import java.util.Optional;

/**
 * An External Authorization Server as a Tableau site has it registered (tableau.md §7: {@code name}, {@code issuerUrl},
 * optional {@code jwksUri}); {@code id} is empty until Tableau has assigned one.
 */
public record EasRegistration(Optional<String> id, String name, Issuer issuer, Optional<URI> jwksUri) {
    public EasRegistration {
        Objects.requireNonNull(id, "id");
        Text.printable(name, "name", 255);
        Objects.requireNonNull(issuer, "issuer");
        Objects.requireNonNull(jwksUri, "jwksUri");
    }

    public static EasRegistration draft(String name, Issuer issuer, Optional<URI> jwksUri) {
        return new EasRegistration(Optional.empty(), name, issuer, jwksUri);
    }

    /** Same issuer, name and JWKS URI: nothing to update. */
    public boolean sameAs(EasRegistration other) {
        return issuer.equals(other.issuer) && name.equals(other.name) && jwksUri.equals(other.jwksUri);
    }
}
