package dev.vizgate.adapters.salesforce;

import dev.vizgate.domain.model.AuthorizationState;
import dev.vizgate.domain.model.PkceVerifier;
import dev.vizgate.domain.port.SignInSecrets;

import java.security.SecureRandom;
import java.util.Base64;

/** 256 random bits each, base64url: a state, and a 43-character PKCE verifier (RFC 7636 §4.1's recommendation). */
public final class SecureSignInSecrets implements SignInSecrets {
    private static final SecureRandom RANDOM = new SecureRandom();

    @Override
    public AuthorizationState newState() {
        return new AuthorizationState(random());
    }

    @Override
    public PkceVerifier newVerifier() {
        return new PkceVerifier(random());
    }

    private static String random() {
        var bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
