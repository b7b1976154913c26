package dev.vizgate.domain.usecase;

import dev.vizgate.domain.model.AuthorizationState;
import dev.vizgate.domain.model.BrowserBinding;

import java.net.URI;
import java.util.Objects;

/**
 * A begun web-server sign-in: where to send the browser, the state Salesforce will send back, and the binding the
 * browser must keep (in a cookie) for the callback to be honoured.
 */
public record SignInStart(URI authorizeUrl, AuthorizationState state, BrowserBinding binding) {
    public SignInStart {
        Objects.requireNonNull(authorizeUrl, "authorizeUrl");
        Objects.requireNonNull(state, "state");
        Objects.requireNonNull(binding, "binding");
    }
}
