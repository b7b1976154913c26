package dev.vizgate.domain.usecase;

import dev.vizgate.domain.model.ClaimNames;
import dev.vizgate.domain.model.Issuer;
import dev.vizgate.domain.port.JwkEncoder;
import dev.vizgate.domain.port.KeySource;

import java.net.URI;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * The JWKS Tableau fetches for EAS: every published key with {@code kid}, {@code alg} and {@code use: sig}.
 * A key that is not signing yet or no longer signing stays here, which is what makes rollover safe. A JWK
 * member that belongs to a private or secret key is refused even if an encoder produced it.
 */
public final class PublishJwks {
    /** RFC 7518 §6.2.2, §6.3.2, §6.4: private-key and symmetric-key members. */
    static final Set<String> PRIVATE_MEMBERS = Set.of("d", "p", "q", "dp", "dq", "qi", "oth", "k");

    private final KeySource keys;
    private final JwkEncoder encoder;

    public PublishJwks(KeySource keys, JwkEncoder encoder) {
        this.keys = Objects.requireNonNull(keys, "keys");
        this.encoder = Objects.requireNonNull(encoder, "encoder");
    }

    /**
     * Where a gateway whose issuer is {@code issuer} serves its JWKS: {@code <issuer>/.well-known/jwks.json}, what its
     * metadata names and what an EAS registration or a UAT configuration points at.
     */
    public static URI jwksUri(Issuer issuer) {
        var base = issuer.value().endsWith("/") ? issuer.value().substring(0, issuer.value().length() - 1) : issuer.value();
        return URI.create(base + "/.well-known/jwks.json");
    }

    /**
     * An OpenID-style discovery document naming the JWKS, for a relying party that discovers keys from the
     * issuer. Whether Tableau discovers or takes a registered JWKS URI is UNVERIFIED (tableau.md §2), so both work.
     */
    public Map<String, Object> discovery(Issuer issuer) {
        if (!issuer.isHttpsUri()) {
            throw new IllegalArgumentException("an EAS issuer must be an https URI, not " + issuer);
        }
        var algs = keys.publishedKeys().stream().map(k -> k.algorithm().name()).distinct().sorted().toList();
        var doc = new LinkedHashMap<String, Object>();
        doc.put("issuer", issuer.value());
        doc.put("jwks_uri", jwksUri(issuer).toString());
        doc.put("id_token_signing_alg_values_supported", algs);
        doc.put("subject_types_supported", List.of("public"));
        doc.put("response_types_supported", List.of("id_token"));
        return Collections.unmodifiableMap(doc);
    }

    /** The JWKS document as ordered maps, ready for any JSON writer: {@code {"keys":[{…},…]}}. */
    public Map<String, List<Map<String, String>>> publish() {
        var seen = new HashSet<String>();
        var out = new ArrayList<Map<String, String>>();
        for (var key : keys.publishedKeys()) {
            if (!seen.add(key.keyId().value())) {
                throw new IllegalStateException("two published keys share kid " + key.keyId() + "; every kid must be unique");
            }
            var members = encoder.publicMembers(key.key());
            var leaked = members.keySet().stream().filter(PRIVATE_MEMBERS::contains).sorted().toList();
            if (!leaked.isEmpty()) {
                throw new IllegalStateException("refusing to publish key " + key.keyId() + ": its JWK has private members " + leaked);
            }
            var jwk = new LinkedHashMap<String, String>();
            jwk.put(ClaimNames.KEY_ID, key.keyId().value());
            jwk.put("use", "sig");
            jwk.put(ClaimNames.ALGORITHM, key.algorithm().name());
            members.forEach((k, v) -> {
                if (!jwk.containsKey(k)) {
                    jwk.put(k, v);
                }
            });
            out.add(Collections.unmodifiableMap(jwk));
        }
        return Map.of("keys", List.copyOf(out));
    }
}
