package dev.vizgate.domain.model;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * One decision a security review asks about: who obtained which credential, for which user, with which row-level
 * attributes, or why not. Each kind of decision is its own record. None carries a credential: a signed token, a
 * frontdoor URL, an assertion or a secret cannot be put in an event, so no writer can write one, not even hashed.
 */
public sealed interface AuditEvent {
    AuditContext context();

    /** The event's name in the trail (one home per name). */
    String kind();

    /**
     * A Tableau token was issued. {@code trust} names how (direct, eas, uat, idp); the attribute names are written as
     * they are, their values pseudonymised unless the configuration lists them in clear.
     */
    record TokenIssued(AuditContext context, String trust, TokenId tokenId, KeyId keyId, Scopes scopes, UserAttributes attributes,
                       Instant expiresAt) implements AuditEvent {
        public TokenIssued {
            Objects.requireNonNull(context, "context");
            Objects.requireNonNull(trust, "trust");
            Objects.requireNonNull(tokenId, "tokenId");
            Objects.requireNonNull(keyId, "keyId");
            Objects.requireNonNull(scopes, "scopes");
            Objects.requireNonNull(attributes, "attributes");
            Objects.requireNonNull(expiresAt, "expiresAt");
        }

        @Override
        public String kind() {
            return "token-issued";
        }
    }

    /** A request for a Tableau token or a Tableau Next session was refused, after the caller was admitted. */
    record TokenRefused(AuditContext context, AuditReason reason) implements AuditEvent {
        public TokenRefused {
            Objects.requireNonNull(context, "context");
            Objects.requireNonNull(reason, "reason");
        }

        @Override
        public String kind() {
            return "token-refused";
        }
    }

    /** A caller was turned away before any grant was considered: no credential, a bad one, a replay, a rate limit. */
    record CallerRefused(AuditContext context, AuditReason reason) implements AuditEvent {
        public CallerRefused {
            Objects.requireNonNull(context, "context");
            Objects.requireNonNull(reason, "reason");
        }

        @Override
        public String kind() {
            return "caller-refused";
        }
    }

    /** A Tableau Next frontdoor URL was opened for the user (the URL itself is a credential, never recorded). */
    record FrontdoorOpened(AuditContext context) implements AuditEvent {
        public FrontdoorOpened {
            Objects.requireNonNull(context, "context");
        }

        @Override
        public String kind() {
            return "frontdoor-opened";
        }
    }

    /** The Salesforce web-server flow's callback signed the user in (or said why not, in {@code outcome}). */
    record SignInCompleted(AuditContext context, String outcome) implements AuditEvent {
        public SignInCompleted {
            Objects.requireNonNull(context, "context");
            outcome = Text.oneLine(Objects.requireNonNull(outcome, "outcome"), 128);
        }

        @Override
        public String kind() {
            return "sign-in-completed";
        }
    }

    /**
     * One step of a Connected App secret's rotation as it starts (clear-room, create, store-next, …), or how it ended
     * (rotated, paused, refused); {@code secretId} is the new secret's id once there is one to name.
     */
    record SecretRotated(AuditContext context, String step, Optional<SecretId> secretId) implements AuditEvent {
        public SecretRotated {
            Objects.requireNonNull(context, "context");
            step = Text.oneLine(Objects.requireNonNull(step, "step"), 128);
            Objects.requireNonNull(secretId, "secretId");
        }

        @Override
        public String kind() {
            return "secret-rotated";
        }
    }

    /**
     * A tenant's definition changed on a running gateway (the context names the tenant): added, changed, removed, or a
     * change refused as not valid, with {@code detail} saying where (a configuration key, never a secret's value).
     */
    record ConfigChanged(AuditContext context, ConfigChange change, String detail) implements AuditEvent {
        public ConfigChanged {
            Objects.requireNonNull(context, "context");
            Objects.requireNonNull(change, "change");
            detail = Text.oneLine(Objects.requireNonNull(detail, "detail"), 512);
        }

        @Override
        public String kind() {
            return "config-changed";
        }
    }
}
