package dev.vizgate.domain.model;

import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * What makes a token a Tableau Cloud unified access token (tableau.md §8): the Tableau Cloud Manager tenant it is for,
 * the claim that names the user (the UAT configuration's username claim, {@code email} unless it chooses another), and
 * optionally the one site it may reach. A UAT carries no {@code aud} and no {@code sub}.
 */
public record UnifiedAccess(String tenantId, String usernameClaim, Optional<String> siteId) {
    /** Claims a UAT writes itself, or that the JWT standard owns: a username claim may not be one of them. */
    private static final Set<String> RESERVED = Set.of(ClaimNames.ISSUER, ClaimNames.SUBJECT, ClaimNames.AUDIENCE, ClaimNames.EXPIRES,
            ClaimNames.NOT_BEFORE, ClaimNames.ISSUED_AT, ClaimNames.TOKEN_ID, ClaimNames.SCOPES, ClaimNames.UAT_TENANT_ID, ClaimNames.UAT_SITE_ID);

    public UnifiedAccess {
        Text.token(Objects.requireNonNull(tenantId, "tenantId"), "Tableau Cloud Manager tenant id", 128);
        Text.token(Objects.requireNonNull(usernameClaim, "usernameClaim"), "username claim", 128);
        if (RESERVED.contains(usernameClaim)) {
            throw new IllegalArgumentException("the username claim cannot be " + usernameClaim + ", which a unified access token already uses");
        }
        Objects.requireNonNull(siteId, "siteId");
        siteId.ifPresent(s -> Text.token(s, "site id", 128));
    }

    /** For {@code tenantId}, naming the user in {@code email}, on any site the configuration allows. */
    public static UnifiedAccess forTenant(String tenantId) {
        return new UnifiedAccess(tenantId, ClaimNames.UAT_DEFAULT_USERNAME, Optional.empty());
    }
}
