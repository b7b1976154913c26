package dev.vizgate.adapters.tableau;

import dev.vizgate.domain.port.JwkEncoder;
import io.jsonwebtoken.security.Jwks;

import java.security.PublicKey;
import java.util.LinkedHashMap;
import java.util.Map;

/** A public key's JWK members through jjwt's {@code Jwks} builder. jjwt's public JWKs carry no private members. */
public final class JjwtJwkEncoder implements JwkEncoder {
    @Override
    public Map<String, String> publicMembers(PublicKey key) {
        var jwk = Jwks.builder().key(key).build();
        var out = new LinkedHashMap<String, String>();
        jwk.forEach((name, value) -> out.put(name, String.valueOf(value)));
        return out;
    }

    /** The RFC 7638 JWK thumbprint (SHA-256, base64url): a stable kid for a key configured without one. */
    public static String thumbprint(PublicKey key) {
        return Jwks.builder().key(key).idFromThumbprint().build().getId();
    }
}
