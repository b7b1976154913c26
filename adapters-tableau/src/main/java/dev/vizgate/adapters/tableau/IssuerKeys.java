package dev.vizgate.adapters.tableau;

import java.util.List;
import java.util.Optional;

/**
 * Where one trusted issuer's keys come from: a fixed list from the configuration, or a JWKS kept fresh
 * ({@link RemoteJwks}). The verifier asks {@link #keys()} first and, only when the token names a {@code kid} none of
 * them has, {@link #keysAfterUnknownKid}, which may fetch once (rate-limited) to pick up a key the issuer just added.
 */
@FunctionalInterface
public interface IssuerKeys {
    /** The keys held now. */
    List<TrustedKey> keys();

    /** The keys after at most one refetch for a {@code kid} not among {@link #keys()}; fixed keys just answer {@link #keys()}. */
    default List<TrustedKey> keysAfterUnknownKid(String kid) {
        return keys();
    }

    /** Why the issuer's keys could not be fetched, while that is so; empty for fixed keys and after a good fetch. */
    default Optional<String> unavailable() {
        return Optional.empty();
    }

    static IssuerKeys fixed(List<TrustedKey> keys) {
        var copy = List.copyOf(keys);
        return () -> copy;
    }
}
