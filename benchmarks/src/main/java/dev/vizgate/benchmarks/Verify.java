package dev.vizgate.benchmarks;

import io.jsonwebtoken.Jwts;

import javax.crypto.spec.SecretKeySpec;
import java.util.Map;
import java.util.function.Supplier;

/** Refuses to time a variant whose token does not verify or lacks a claim. */
final class Verify {
    private Verify() {
    }

    static void hs256(Hs256Variants hs) {
        var key = new SecretKeySpec(Hs256Variants.SECRET, "HmacSHA256");
        Map<String, Supplier<String>> variants = Map.of("vizgateIssue", hs::vizgateIssue, "vizgateSigner", hs::vizgateSigner,
                "jjwtBuilder", hs::jjwtBuilder, "nimbus", hs::nimbus, "auth0", hs::auth0, "handPath", hs::handPath);
        variants.forEach((name, make) -> {
            var jws = Jwts.parser().verifyWith(key).build().parseSignedClaims(make.get());
            var c = jws.getPayload();
            if (!Hs256Variants.USER.equals(c.getSubject()) || !c.getAudience().contains("tableau") || c.getId() == null
                    || c.get("scp") == null || c.get("state") == null || !Hs256Variants.SECRET_ID.equals(jws.getHeader().getKeyId())
                    || !Hs256Variants.CLIENT_ID.equals(jws.getHeader().get("iss"))) {
                throw new IllegalStateException(name + " does not make a complete Tableau token");
            }
        });
    }

    static void asymmetric(MintingBenchmark b) {
        Jwts.parser().verifyWith(b.rsa.getPublic()).build().parseSignedClaims(b.rs256VizgateAssertion());
        Jwts.parser().verifyWith(b.rsa.getPublic()).build().parseSignedClaims(b.rs256JjwtBuilder());
        Jwts.parser().verifyWith(b.ec.getPublic()).build().parseSignedClaims(b.es256VizgateToken());
    }
}
