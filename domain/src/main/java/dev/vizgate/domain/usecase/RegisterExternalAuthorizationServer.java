package dev.vizgate.domain.usecase;

import dev.vizgate.domain.model.EasAdminOutcome;
import dev.vizgate.domain.model.EasRegistration;
import dev.vizgate.domain.model.Text;
import dev.vizgate.domain.port.ExternalAuthorizationServers;

import java.util.Objects;

/**
 * Registers an issuer as an External Authorization Server on the site, idempotently: created when the site has no EAS
 * with this issuer, updated when it has one with another name or JWKS URI, left alone when it already matches. So
 * {@code vizgate eas register} can run on every deployment.
 */
public final class RegisterExternalAuthorizationServer {
    public sealed interface Outcome {
        record Created(EasRegistration registration) implements Outcome {
        }

        record Updated(EasRegistration registration) implements Outcome {
        }

        record Unchanged(EasRegistration registration) implements Outcome {
        }

        record Failed(boolean unavailable, String reason) implements Outcome {
            public Failed {
                Text.printable(reason, "reason", 1024);
            }
        }
    }

    private final ExternalAuthorizationServers site;

    public RegisterExternalAuthorizationServer(ExternalAuthorizationServers site) {
        this.site = Objects.requireNonNull(site, "site");
    }

    public Outcome register(EasRegistration wanted) {
        var listed = site.list();
        if (!(listed instanceof EasAdminOutcome.Listed l)) {
            return failed(listed);
        }
        var existing = l.registrations().stream().filter(r -> r.issuer().equals(wanted.issuer())).findFirst();
        if (existing.isPresent() && existing.get().sameAs(wanted)) {
            return new Outcome.Unchanged(existing.get());
        }
        var saved = existing.isPresent()
                ? site.update(new EasRegistration(existing.get().id(), wanted.name(), wanted.issuer(), wanted.jwksUri()))
                : site.create(wanted);
        if (!(saved instanceof EasAdminOutcome.Saved s)) {
            return failed(saved);
        }
        return existing.isPresent() ? new Outcome.Updated(s.registration()) : new Outcome.Created(s.registration());
    }

    private static Outcome failed(EasAdminOutcome outcome) {
        if (outcome instanceof EasAdminOutcome.Unavailable u) {
            return new Outcome.Failed(true, u.reason());
        }
        if (outcome instanceof EasAdminOutcome.Refused r) {
            return new Outcome.Failed(false, r.reason());
        }
        // A list where a saved registration was due, or a saved one where the list was: the site's API answered out of turn.
        return new Outcome.Failed(false, "Tableau answered with " + (outcome instanceof EasAdminOutcome.Listed ? "a list of registrations"
                : "a saved registration") + " where it should have answered the other; check tableau.server-url names the site's own server");
    }
}
