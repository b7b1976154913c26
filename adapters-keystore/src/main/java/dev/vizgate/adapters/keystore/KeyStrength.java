package dev.vizgate.adapters.keystore;

import dev.vizgate.adapters.keystore.KeyMaterialException.Problem;

import java.security.AlgorithmParameters;
import java.security.GeneralSecurityException;
import java.security.Key;
import java.security.interfaces.ECKey;
import java.security.interfaces.RSAKey;
import java.security.spec.ECGenParameterSpec;
import java.security.spec.ECParameterSpec;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Every key is checked when it is loaded, whatever its role (a caller's public key, an EAS signing key, the Salesforce
 * key): RSA of at least 2048 bits, EC only on P-256, P-384 or P-521 (the curves ES256/384/512 name, RFC 7518 §3.4).
 * A weak key refused at start-up is a clear config error; accepted, it would only surface later as tokens refused
 * for some misleading reason.
 */
public final class KeyStrength {
    public static final int MIN_RSA_BITS = dev.vizgate.domain.policy.KeyStrength.MIN_RSA_BITS;
    private static final Map<String, ECParameterSpec> CURVES = new LinkedHashMap<>();

    static {
        // The JDK's names for the domain's curves (KeyStrength.CURVES), in the same order.
        var jdkNames = List.of("secp256r1", "secp384r1", "secp521r1");
        for (int i = 0; i < jdkNames.size(); i++) {
            var c = new String[]{dev.vizgate.domain.policy.KeyStrength.CURVES.get(i), jdkNames.get(i)};
            try {
                var p = AlgorithmParameters.getInstance("EC");
                p.init(new ECGenParameterSpec(c[1]));
                CURVES.put(c[0], p.getParameterSpec(ECParameterSpec.class));
            } catch (GeneralSecurityException e) {
                throw new IllegalStateException("the JDK lacks the NIST curve " + c[1], e);
            }
        }
    }

    private KeyStrength() {
    }

    /** The NIST name of an EC key's curve, when it is one of the three allowed. */
    public static Optional<String> curveName(ECKey key) {
        var params = key.getParams();
        if (params == null) {
            return Optional.empty();
        }
        return CURVES.entrySet().stream().filter(e -> same(e.getValue(), params)).map(Map.Entry::getKey).findFirst();
    }

    private static boolean same(ECParameterSpec a, ECParameterSpec b) {
        return a.getCurve().equals(b.getCurve()) && a.getGenerator().equals(b.getGenerator()) && a.getOrder().equals(b.getOrder());
    }

    /** Refuses a weak key, naming where it came from and how to replace it. */
    public static void check(String source, Key key) {
        var rsaWeakness = key instanceof RSAKey rsa && rsa.getModulus() != null
                ? dev.vizgate.domain.policy.KeyStrength.rsa(rsa.getModulus().bitLength()) : Optional.<String>empty();
        if (rsaWeakness.isPresent()) {
            throw new KeyMaterialException(Problem.WEAK_KEY, source, rsaWeakness.get(), "use a key of 2048 bits or more: vizgate keys init --bits 2048");
        }
        var curveWeakness = key instanceof ECKey ec ? dev.vizgate.domain.policy.KeyStrength.curve(curveName(ec)) : Optional.<String>empty();
        if (curveWeakness.isPresent()) {
            throw new KeyMaterialException(Problem.WEAK_KEY, source, curveWeakness.get(), "use a P-256 key: vizgate keys init --ec");
        }
    }
}
