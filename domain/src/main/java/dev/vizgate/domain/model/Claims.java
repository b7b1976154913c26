package dev.vizgate.domain.model;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * The payload of a token this system signs. Times are whole seconds (JWT NumericDate), so that the
 * lifetime rules are exact rather than off by a fraction of a second.
 */
public record Claims(
        Issuer issuer,
        Subject subject,
        Audience audience,
        TokenId tokenId,
        Instant issuedAt,
        Optional<Instant> notBefore,
        Instant expiresAt,
        Scopes scopes,
        UserAttributes attributes,
        Optional<OnDemandAccess> onDemandAccess,
        Optional<UnifiedAccess> unifiedAccess) {

    /** A Connected App token's claims (tableau.md §1). */
    public Claims(Issuer issuer, Subject subject, Audience audience, TokenId tokenId, Instant issuedAt, Optional<Instant> notBefore,
                  Instant expiresAt, Scopes scopes, UserAttributes attributes, Optional<OnDemandAccess> onDemandAccess) {
        this(issuer, subject, audience, tokenId, issuedAt, notBefore, expiresAt, scopes, attributes, onDemandAccess, Optional.empty());
    }

    /** These claims laid out as a unified access token's ({@link #writeTo}): no aud, no sub, the user in the configured claim. */
    public Claims asUnifiedAccess(UnifiedAccess uat) {
        if (onDemandAccess.isPresent()) {
            throw new IllegalArgumentException("on-demand access claims belong to connected-app tokens, not to unified access tokens");
        }
        return new Claims(issuer, subject, audience, tokenId, issuedAt, notBefore, expiresAt, scopes, attributes, onDemandAccess, Optional.of(uat));
    }

    public Claims {
        Objects.requireNonNull(issuer, ClaimNames.ISSUER);
        Objects.requireNonNull(subject, ClaimNames.SUBJECT);
        Objects.requireNonNull(audience, ClaimNames.AUDIENCE);
        Objects.requireNonNull(tokenId, ClaimNames.TOKEN_ID);
        Objects.requireNonNull(issuedAt, ClaimNames.ISSUED_AT);
        Objects.requireNonNull(notBefore, ClaimNames.NOT_BEFORE);
        Objects.requireNonNull(expiresAt, ClaimNames.EXPIRES);
        Objects.requireNonNull(scopes, ClaimNames.SCOPES);
        Objects.requireNonNull(attributes, "attributes");
        Objects.requireNonNull(onDemandAccess, "onDemandAccess");
        Objects.requireNonNull(unifiedAccess, "unifiedAccess");
        wholeSeconds(issuedAt, ClaimNames.ISSUED_AT);
        wholeSeconds(expiresAt, ClaimNames.EXPIRES);
        notBefore.ifPresent(nbf -> wholeSeconds(nbf, ClaimNames.NOT_BEFORE));
        if (!expiresAt.isAfter(issuedAt)) {
            throw new IllegalArgumentException("exp must be after iat");
        }
        if (notBefore.filter(nbf -> !nbf.isBefore(expiresAt)).isPresent()) {
            throw new IllegalArgumentException("nbf must be before exp");
        }
    }

    /**
     * The claim layout of a Tableau token, known here once (tableau.md §1): iss, sub, aud, jti, iat, nbf when set,
     * exp, scp when there are scopes, then each user attribute (one value as a string, several as an array), then
     * on-demand access's flag and groups. A unified access token (tableau.md §8) has no sub and no aud: after iss come
     * its tenant and the user in the configured username claim, and its site after scp. Every signer writes exactly this.
     */
    public void writeTo(ClaimWriter w) {
        w.text(ClaimNames.ISSUER, issuer.value());
        if (unifiedAccess.isPresent()) {
            w.text(ClaimNames.UAT_TENANT_ID, unifiedAccess.get().tenantId());
            w.text(unifiedAccess.get().usernameClaim(), subject.value());
        } else {
            w.text(ClaimNames.SUBJECT, subject.value());
            w.text(ClaimNames.AUDIENCE, audience.value());
        }
        w.text(ClaimNames.TOKEN_ID, tokenId.value());
        w.seconds(ClaimNames.ISSUED_AT, issuedAt.getEpochSecond());
        if (notBefore.isPresent()) {
            w.seconds(ClaimNames.NOT_BEFORE, notBefore.get().getEpochSecond());
        }
        w.seconds(ClaimNames.EXPIRES, expiresAt.getEpochSecond());
        if (!scopes.isEmpty()) {
            w.texts(ClaimNames.SCOPES, scopes.names());
        }
        if (unifiedAccess.isPresent() && unifiedAccess.get().siteId().isPresent()) {
            w.text(ClaimNames.UAT_SITE_ID, unifiedAccess.get().siteId().get());
        }
        // forEach, not the entry set: the read-only map's entry set wraps every entry and its iterator on each token.
        attributes.values().forEach((name, value) -> {
            if (value instanceof AttributeValue.Single single) {
                w.text(name, single.value());
            } else {
                w.texts(name, value.values());
            }
        });
        if (onDemandAccess.isPresent()) {
            var oda = onDemandAccess.get();
            if (oda.flagValue() instanceof Boolean b) {
                w.flag(OnDemandAccess.ODA_CLAIM, b);
            } else {
                w.text(OnDemandAccess.ODA_CLAIM, oda.flagValue().toString());
            }
            w.texts(OnDemandAccess.GROUPS_CLAIM, oda.groups());
        }
    }

    private static void wholeSeconds(Instant t, String claim) {
        if (t.getNano() != 0) {
            throw new IllegalArgumentException(claim + " must be a whole number of seconds (JWT NumericDate)");
        }
    }
}
