package dev.vizgate.sdk;

import java.net.URI;
import java.util.List;

/** The keys a platform signs its assertions with: fixed public keys, or its JWKS URL (fetched and refreshed). */
public sealed interface PlatformKeys {
    /** Public keys or certificates: {@link KeyMaterial.PemText}, an unencrypted {@link KeyMaterial.PemFile}, or {@link KeyMaterial.InMemory}. */
    record Fixed(List<KeySpec> keys) implements PlatformKeys {
        public Fixed {
            keys = List.copyOf(keys);
            if (keys.isEmpty()) {
                throw new IllegalArgumentException("give the platform's public key");
            }
        }
    }

    record Jwks(URI url) implements PlatformKeys {
        public Jwks {
            UpstreamUrl.check(url, "the JWKS URL");
        }
    }

    /**
     * The keys the issuer's metadata names: RFC 8414 Authorization Server Metadata, else OpenID Connect Discovery, whose
     * {@code jwks_uri} is then fetched and refreshed like {@link Jwks}. What an identity provider offers.
     */
    record Discovered() implements PlatformKeys {
    }
}
