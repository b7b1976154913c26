package dev.vizgate.domain.testing;

import dev.vizgate.domain.model.AuthorizationState;
import dev.vizgate.domain.model.PkceVerifier;
import dev.vizgate.domain.port.SignInSecrets;

import java.util.concurrent.atomic.AtomicLong;

/** Distinct, predictable states and verifiers for tests: "state-0001…", "verifier-0001…", padded to 43 characters. */
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

    private static String padded(String prefix) {
        var text = prefix + String.format("%020d", COUNTER.incrementAndGet());
        return text + "x".repeat(Math.max(0, 43 - text.length()));
    }
}
