package dev.vizgate.adapters.salesforce;

import dev.vizgate.domain.model.AuthorizationState;
import dev.vizgate.domain.model.BindingDigest;
import dev.vizgate.domain.model.BrowserBinding;
import dev.vizgate.domain.model.PkceVerifier;
import dev.vizgate.domain.model.SignInTicket;
import dev.vizgate.domain.port.SignInSecrets;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;

/**
 * 256 random bits each, base64url: a state, a 43-character PKCE verifier (RFC 7636 §4.1's recommendation), a browser
 * binding and a sign-in ticket; a binding is stored as its SHA-256 (a random 256-bit value needs no salt or stretching).
 */
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

    @Override
    public BrowserBinding newBinding() {
        return new BrowserBinding(random());
    }

    @Override
    public SignInTicket newTicket() {
        return new SignInTicket(random());
    }

    @Override
    public BindingDigest digest(BrowserBinding binding) {
        try {
            var hash = MessageDigest.getInstance("SHA-256").digest(binding.value().getBytes(StandardCharsets.UTF_8));
            return new BindingDigest(HexFormat.of().formatHex(hash));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JDK has no SHA-256", e);
        }
    }

    private static String random() {
        var bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
