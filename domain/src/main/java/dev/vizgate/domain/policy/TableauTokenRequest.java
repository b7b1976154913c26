package dev.vizgate.domain.policy;

import dev.vizgate.domain.model.OnDemandAccess;
import dev.vizgate.domain.model.Scopes;
import dev.vizgate.domain.model.Subject;
import dev.vizgate.domain.model.UserAttributes;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/** What a caller asks for; the policy fills in what it leaves out and refuses what it may not have. */
public record TableauTokenRequest(
        Subject subject,
        Optional<Scopes> scopes,
        UserAttributes attributes,
        Optional<Duration> lifetime,
        Optional<OnDemandAccess> onDemandAccess) {

    public TableauTokenRequest {
        Objects.requireNonNull(subject, "subject");
        Objects.requireNonNull(scopes, "scopes");
        Objects.requireNonNull(attributes, "attributes");
        Objects.requireNonNull(lifetime, "lifetime");
        Objects.requireNonNull(onDemandAccess, "onDemandAccess");
    }

    public static TableauTokenRequest forUser(Subject subject) {
        return new TableauTokenRequest(subject, Optional.empty(), UserAttributes.none(), Optional.empty(), Optional.empty());
    }

    public TableauTokenRequest withScopes(Scopes s) {
        return new TableauTokenRequest(subject, Optional.of(s), attributes, lifetime, onDemandAccess);
    }

    public TableauTokenRequest withAttributes(UserAttributes a) {
        return new TableauTokenRequest(subject, scopes, a, lifetime, onDemandAccess);
    }

    public TableauTokenRequest withLifetime(Duration d) {
        return new TableauTokenRequest(subject, scopes, attributes, Optional.of(d), onDemandAccess);
    }

    public TableauTokenRequest withOnDemandAccess(OnDemandAccess oda) {
        return new TableauTokenRequest(subject, scopes, attributes, lifetime, Optional.of(oda));
    }
}
