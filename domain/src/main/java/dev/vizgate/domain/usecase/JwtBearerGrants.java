package dev.vizgate.domain.usecase;

import dev.vizgate.domain.model.Grant;
import dev.vizgate.domain.model.KeyId;
import dev.vizgate.domain.model.SalesforceFailure;
import dev.vizgate.domain.model.SigningFailure;
import dev.vizgate.domain.model.SessionUser;
import dev.vizgate.domain.policy.BearerAssertionPolicy;
import dev.vizgate.domain.port.KeySource;
import dev.vizgate.domain.port.TokenIds;
import dev.vizgate.domain.port.TokenSigner;

import java.time.Clock;
import java.util.Objects;

/** Signs a fresh JWT bearer assertion per exchange (server-to-server; no user interaction, no refresh token). */
public final class JwtBearerGrants implements SessionGrants {
    private final BearerAssertionPolicy policy;
    private final KeyId signingKey;
    private final KeySource keys;
    private final TokenSigner signer;
    private final TokenIds ids;
    private final Clock clock;

    public JwtBearerGrants(BearerAssertionPolicy policy, KeyId signingKey, KeySource keys, TokenSigner signer, TokenIds ids, Clock clock) {
        this.policy = Objects.requireNonNull(policy, "policy");
        this.signingKey = Objects.requireNonNull(signingKey, "signingKey");
        this.keys = Objects.requireNonNull(keys, "keys");
        this.signer = Objects.requireNonNull(signer, "signer");
        this.ids = Objects.requireNonNull(ids, "ids");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    @Override
    public GrantOutcome grantFor(SessionUser user) {
        var now = clock.instant();
        var draft = policy.draft(user.subject(), ids.next(), now);
        var violations = policy.review(draft, now);
        if (!violations.isEmpty()) {
            return unavailable("the assertion breaks Salesforce's rules: " + violations);
        }
        var key = keys.signingKey(signingKey);
        if (key.isEmpty()) {
            return unavailable("no private key with id " + signingKey + " is loaded for the JWT bearer flow");
        }
        try {
            return new GrantOutcome.Ready(new Grant.JwtBearer(signer.sign(draft, key.get())));
        } catch (SigningFailure e) {
            return unavailable("signing the assertion failed: " + e.getMessage());
        }
    }

    private static GrantOutcome unavailable(String detail) {
        return new GrantOutcome.Unavailable(SalesforceFailure.of(SalesforceFailure.Kind.LOCAL_FAILURE, detail));
    }
}
