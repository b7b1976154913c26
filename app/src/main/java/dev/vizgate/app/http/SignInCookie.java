package dev.vizgate.app.http;

import dev.vizgate.domain.model.AuthorizationState;
import dev.vizgate.domain.model.BrowserBinding;
import org.eclipse.jetty.http.HttpCookie;
import org.eclipse.jetty.server.Request;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Optional;

/**
 * The cookie that binds a web-server sign-in to the browser that began it. {@code __Host-} (so no subdomain can plant
 * or read it, and it is {@code Secure} with {@code Path=/}), {@code HttpOnly} (no script reads it), {@code SameSite=Lax}
 * (sent on Salesforce's top-level redirect back, not on cross-site subrequests), and gone after the sign-in's lifetime.
 * Its name carries a short digest of the state, so two sign-ins in one browser keep their own bindings.
 */
final class SignInCookie {
    private static final String PREFIX = "__Host-vizgate-signin-";

    private SignInCookie() {
    }

    static String name(AuthorizationState state) {
        try {
            var hash = MessageDigest.getInstance("SHA-256").digest(state.value().getBytes(StandardCharsets.UTF_8));
            return PREFIX + HexFormat.of().formatHex(hash, 0, 8);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JDK has no SHA-256", e);
        }
    }

    /** The {@code Set-Cookie} value that gives the browser its binding for {@code maxAgeSeconds}. */
    static String set(AuthorizationState state, BrowserBinding binding, long maxAgeSeconds) {
        return name(state) + "=" + binding.value() + "; Max-Age=" + maxAgeSeconds + "; Path=/; Secure; HttpOnly; SameSite=Lax";
    }

    /** The {@code Set-Cookie} value that removes the binding once its callback has been answered. */
    static String clear(AuthorizationState state) {
        return name(state) + "=; Max-Age=0; Path=/; Secure; HttpOnly; SameSite=Lax";
    }

    /** The binding the request's cookies hold for {@code state}: empty when there is none, or more than one. */
    static Optional<BrowserBinding> presented(Request request, AuthorizationState state) {
        var name = name(state);
        var values = Request.getCookies(request).stream().filter(c -> c.getName().equals(name)).map(HttpCookie::getValue).toList();
        if (values.size() != 1) {
            return Optional.empty();
        }
        try {
            return Optional.of(new BrowserBinding(values.get(0)));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
