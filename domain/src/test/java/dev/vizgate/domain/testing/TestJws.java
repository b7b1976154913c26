package dev.vizgate.domain.testing;

import dev.vizgate.domain.model.SignedToken;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.Signature;
import java.util.Base64;

/** RS256 with the JDK alone, for adapters whose tests need a real signed assertion without jjwt. */
public final class TestJws {
    private TestJws() {
    }

    public static String b64(String text) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(text.getBytes(StandardCharsets.UTF_8));
    }

    public static SignedToken rs256(String headerJson, String payloadJson, PrivateKey key) {
        try {
            var input = b64(headerJson) + "." + b64(payloadJson);
            var s = Signature.getInstance("SHA256withRSA");
            s.initSign(key);
            s.update(input.getBytes(StandardCharsets.US_ASCII));
            return new SignedToken(input + "." + Base64.getUrlEncoder().withoutPadding().encodeToString(s.sign()));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    public static boolean rs256Verifies(String compact, PublicKey key) {
        try {
            var dot = compact.lastIndexOf('.');
            var s = Signature.getInstance("SHA256withRSA");
            s.initVerify(key);
            s.update(compact.substring(0, dot).getBytes(StandardCharsets.US_ASCII));
            return s.verify(Base64.getUrlDecoder().decode(compact.substring(dot + 1)));
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            return false;
        }
    }

    public static String payload(String compact) {
        return new String(Base64.getUrlDecoder().decode(compact.split("\\.")[1]), StandardCharsets.UTF_8);
    }
}
