package dev.vizgate.domain.testing;

import dev.vizgate.domain.port.JwkEncoder;

import java.security.PublicKey;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;

/** Encodes a key as {@code kty} plus a digest-free stand-in member; can be told to leak a private member. */
public final class FakeJwkEncoder implements JwkEncoder {
    private final boolean leakPrivate;

    public FakeJwkEncoder(boolean leakPrivate) {
        this.leakPrivate = leakPrivate;
    }

    public FakeJwkEncoder() {
        this(false);
    }

    @Override
    public Map<String, String> publicMembers(PublicKey key) {
        var m = new LinkedHashMap<String, String>();
        m.put("kty", key.getAlgorithm());
        m.put("x-fake", Base64.getUrlEncoder().withoutPadding().encodeToString(key.getEncoded()).substring(0, 16));
        if (leakPrivate) {
            m.put("d", "leaked");
        }
        return m;
    }
}
