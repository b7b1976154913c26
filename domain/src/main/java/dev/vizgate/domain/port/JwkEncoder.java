package dev.vizgate.domain.port;

import java.security.PublicKey;
import java.util.Map;

/**
 * The key-type members of a public JWK ({@code kty} and {@code n}/{@code e} or {@code crv}/{@code x}/{@code y}).
 * A port because the encoding needs the JDK's key-specific interfaces, which the domain does not see.
 */
public interface JwkEncoder {
    Map<String, String> publicMembers(PublicKey key);
}
