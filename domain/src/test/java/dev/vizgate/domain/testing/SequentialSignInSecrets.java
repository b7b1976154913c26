package dev.vizgate.domain.testing;

import dev.vizgate.domain.model.AuthorizationState;
import dev.vizgate.domain.model.BindingDigest;
import dev.vizgate.domain.model.BrowserBinding;
import dev.vizgate.domain.model.PkceVerifier;
import dev.vizgate.domain.model.SignInTicket;
import dev.vizgate.domain.port.SignInSecrets;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Distinct, predictable values for tests: "state-0001…", "verifier-0001…", "binding-0001…", "ticket-0001…", padded to 43
 * characters; a binding's digest is its real SHA-256, so a wrong binding never matches.
 */
public final class SequentialSignInSecrets implements SignInSecrets {
    private static final AtomicLong COUNTER = new AtomicLong();

    @Override
    public AuthorizationState newState() {
        return new AuthorizationState(padded("state-"));
    }

    @Override
    public PkceVerifier newVerifier() {
        return new PkceVerifier(padded("verifier-"));
    }

    @Override
    public BrowserBinding newBinding() {
        return new BrowserBinding(padded("binding-"));
    }

    @Override
    public SignInTicket newTicket() {
        return new SignInTicket(padded("ticket-"));
    }

    @Override
    public BindingDigest digest(BrowserBinding binding) {
        try {
            var hash = MessageDigest.getInstance("SHA-256").digest(binding.value().getBytes(StandardCharsets.UTF_8));
            return new BindingDigest(HexFormat.of().formatHex(hash));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String padded(String prefix) {
        var text = prefix + String.format("%020d", COUNTER.incrementAndGet());
        return text + "x".repeat(Math.max(0, 43 - text.length()));
    }
}
