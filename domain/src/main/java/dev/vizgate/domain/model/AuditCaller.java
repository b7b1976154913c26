package dev.vizgate.domain.model;

import java.util.Objects;

/**
 * Who asked, as the audit trail names them: the caller's configured name (an API key's name, a platform's name, an
 * identity provider's issuer) and how it proved itself. Never a credential.
 */
public record AuditCaller(String name, Kind kind) {
    public enum Kind {
        API_KEY("api-key"), PLATFORM_ASSERTION("platform-assertion"), IDENTITY_PROVIDER("identity-provider"),
        OPERATOR("operator"), UNAUTHENTICATED("unauthenticated");

        private final String label;

        Kind(String label) {
            this.label = label;
        }

        /** The kind as the trail writes it. */
        public String label() {
            return label;
        }
    }

    public AuditCaller {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(kind, "kind");
        name = Text.oneLine(name, 256);
    }

    /** A request that proved nothing: no credential, or one that was refused. */
    public static AuditCaller unauthenticated() {
        return new AuditCaller("-", Kind.UNAUTHENTICATED);
    }
}
