package dev.vizgate.adapters.tableau;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.vizgate.domain.model.SignedToken;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.MGF1ParameterSpec;
import java.security.spec.PSSParameterSpec;
import java.util.Base64;
import java.util.Map;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * An independent JWS toolkit for tests: the JDK's Mac and Signature over the signing input, no jjwt. Used to
 * check what jjwt signs and to forge hostile tokens byte by byte.
 */
final class Jws {
    private static final ObjectMapper PLAIN = new ObjectMapper();

    private Jws() {
    }

    static String b64(byte[] bytes) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    static String b64(String text) {
        return b64(text.getBytes(StandardCharsets.UTF_8));
    }

    static Map<String, Object> header(SignedToken t) {
        return json(t.value().split("\\.")[0]);
    }

    static Map<String, Object> payload(SignedToken t) {
        return json(t.value().split("\\.")[1]);
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> json(String part) {
        try {
            return PLAIN.readValue(Base64.getUrlDecoder().decode(part), Map.class);
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }

    static byte[] hmac(byte[] secret, String input) {
        try {
            var mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret, "HmacSHA256"));
            return mac.doFinal(input.getBytes(StandardCharsets.US_ASCII));
        } catch (GeneralSecurityException e) {
            throw new AssertionError(e);
        }
    }

    static Signature jdk(String alg) throws GeneralSecurityException {
        return switch (alg) {
            case "RS256" -> Signature.getInstance("SHA256withRSA");
            case "ES256" -> Signature.getInstance("SHA256withECDSAinP1363Format");
            case "PS256" -> {
                var s = Signature.getInstance("RSASSA-PSS");
                s.setParameter(new PSSParameterSpec("SHA-256", "MGF1", MGF1ParameterSpec.SHA256, 32, 1));
                yield s;
            }
            default -> throw new IllegalArgumentException(alg);
        };
    }

    static byte[] sign(String alg, PrivateKey key, String input) {
        try {
            var s = jdk(alg);
            s.initSign(key);
            s.update(input.getBytes(StandardCharsets.US_ASCII));
            return s.sign();
        } catch (GeneralSecurityException e) {
            throw new AssertionError(e);
        }
    }

    static boolean verifies(String alg, PublicKey key, SignedToken token) {
        try {
            var s = jdk(alg);
            s.initVerify(key);
            s.update(token.signingInput().getBytes(StandardCharsets.US_ASCII));
            return s.verify(Base64.getUrlDecoder().decode(token.value().substring(token.value().lastIndexOf('.') + 1)));
        } catch (GeneralSecurityException e) {
            return false;
        }
    }

    /** A compact JWS from raw JSON, HMAC-signed: for tokens jjwt would never build. */
    static String hs256(String headerJson, String payloadJson, byte[] secret) {
        var input = b64(headerJson) + "." + b64(payloadJson);
        return input + "." + b64(hmac(secret, input));
    }

    /** A compact JWS from raw JSON, signed with the JDK. */
    static String signed(String alg, String headerJson, String payloadJson, PrivateKey key) {
        var input = b64(headerJson) + "." + b64(payloadJson);
        return input + "." + b64(sign(alg, key, input));
    }
}
