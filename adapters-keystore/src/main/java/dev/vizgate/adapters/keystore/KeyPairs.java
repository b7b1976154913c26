package dev.vizgate.adapters.keystore;

import dev.vizgate.adapters.keystore.KeyMaterialException.Problem;
import org.bouncycastle.jcajce.provider.asymmetric.util.EC5Util;

import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.interfaces.ECPrivateKey;
import java.security.interfaces.RSAPrivateCrtKey;
import java.security.spec.ECPoint;
import java.security.spec.ECPublicKeySpec;
import java.security.spec.RSAPublicKeySpec;

/** The public half of a private key, so a single PEM file is enough to both sign and publish. */
public final class KeyPairs {
    private KeyPairs() {
    }

    public static PublicKey publicOf(String source, PrivateKey key) {
        try {
            if (key instanceof RSAPrivateCrtKey rsa) {
                return KeyFactory.getInstance("RSA").generatePublic(new RSAPublicKeySpec(rsa.getModulus(), rsa.getPublicExponent()));
            }
            if (key instanceof ECPrivateKey ec) {
                var q = EC5Util.convertSpec(ec.getParams()).getG().multiply(ec.getS()).normalize();
                var point = new ECPoint(q.getAffineXCoord().toBigInteger(), q.getAffineYCoord().toBigInteger());
                return KeyFactory.getInstance("EC").generatePublic(new ECPublicKeySpec(point, ec.getParams()));
            }
        } catch (GeneralSecurityException e) {
            throw new KeyMaterialException(Problem.MALFORMED, source, "has no derivable public key", "give the public key or certificate as well");
        }
        throw new KeyMaterialException(Problem.UNSUPPORTED_KEY_TYPE, source, "is a " + key.getAlgorithm()
                + " key whose public half cannot be derived here", "use an RSA or EC key, or give the certificate too");
    }
}
