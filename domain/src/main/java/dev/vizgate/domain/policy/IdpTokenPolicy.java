package dev.vizgate.domain.policy;

import dev.vizgate.domain.model.Audience;
import dev.vizgate.domain.model.ClaimNames;
import dev.vizgate.domain.model.Issuer;
import dev.vizgate.domain.model.RejectionReason;
import dev.vizgate.domain.model.SettingId;
import dev.vizgate.domain.model.Subject;
import dev.vizgate.domain.model.Text;
import dev.vizgate.domain.model.TokenId;
import dev.vizgate.domain.model.VerifiedClaims;

import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * Rules for an identity provider's access token offered as a caller's proof: for this audience, not expired, not
 * early, and naming the user in the mapped claim, which the IdP must vouch for: a mapped {@code email} counts only with
 * {@code email_verified: true} (OpenID Connect Core §5.1), since an email the user may edit would let them choose their
 * Tableau user. Optionally the header {@code typ} must be {@code at+jwt} (RFC 9068 §2.1, so an ID token signed for the
 * same audience is refused) and the client ({@code azp}, else {@code client_id}) one of a list. Unlike a platform
 * assertion its {@code jti} is not spent: the browser holds one access token for its whole life and sends it with every
 * request.
 */
public record IdpTokenPolicy(Duration skew) {
    /** What one identity provider's tokens must satisfy. */
    public record Expectation(Audience audience, String usernameClaim, Optional<String> requiredType, Set<String> allowedClients) {
        public Expectation {
            Objects.requireNonNull(audience, "audience");
            Text.token(usernameClaim, "username claim", 128);
            Objects.requireNonNull(requiredType, "requiredType");
            allowedClients = Set.copyOf(allowedClients);
        }

        public Expectation(Audience audience, String usernameClaim) {
            this(audience, usernameClaim, Optional.empty(), Set.of());
        }
    }

    public IdpTokenPolicy {
        Durations.nonNegativeWholeSeconds(skew, "skew allowance");
    }

    public sealed interface Decision {
        record Admitted(Issuer issuer, Subject user, Optional<TokenId> tokenId) implements Decision {
            public Admitted {
                Objects.requireNonNull(issuer, "issuer");
                Objects.requireNonNull(user, "user");
                Objects.requireNonNull(tokenId, "tokenId");
            }
        }

        record Refused(RejectionReason reason, String detail) implements Decision {
            public Refused {
                Objects.requireNonNull(reason, "reason");
                Text.printable(detail, "detail", 1024);
            }
        }
    }

    public Decision admit(VerifiedClaims claims, Audience expected, String usernameClaim, Instant now) {
        return admit(claims, Optional.empty(), new Expectation(expected, usernameClaim), now);
    }

    /** @param type the token header's {@code typ}, if any */
    public Decision admit(VerifiedClaims claims, Optional<String> type, Expectation expectation, Instant now) {
        Objects.requireNonNull(claims, "claims");
        Objects.requireNonNull(type, "type");
        var expected = expectation.audience();
        var usernameClaim = expectation.usernameClaim();
        if (expectation.requiredType().isPresent() && type.filter(t -> typeMatches(t, expectation.requiredType().get())).isEmpty()) {
            return refused(RejectionReason.INVALID_CLAIM, "the token's typ is " + type.map(Text::quote).orElse("missing") + ", not "
                    + Text.quote(expectation.requiredType().get()) + "; send the identity provider's access token (not an ID token), or drop"
                    + " token-type from this identity provider's settings if it does not mark access tokens");
        }
        if (!expectation.allowedClients().isEmpty()) {
            var client = client(claims);
            if (client instanceof ClientClaim.Conflicting) {
                return refused(RejectionReason.INVALID_CLAIM, "azp and client_id name different clients; the token is ambiguous");
            }
            var named = ((ClientClaim.Named) client).client();
            if (named.isEmpty() || !expectation.allowedClients().contains(named.get())) {
                return refused(RejectionReason.INVALID_CLAIM, "the token was issued to " + named.map(Text::quote).orElse("no named client")
                        + " (azp or client_id), not one of " + SettingId.IDP_ALLOWED_CLIENTS.words());
            }
        }
        Issuer issuer;
        try {
            issuer = new Issuer(claims.string(ClaimNames.ISSUER).orElse(""));
        } catch (IllegalArgumentException e) {
            return refused(RejectionReason.MISSING_CLAIM, "iss must be a non-blank string");
        }
        if (!claims.audiences().contains(expected.value())) {
            return refused(RejectionReason.WRONG_AUDIENCE, "aud must include '" + expected.value()
                    + "'; add an audience mapper for it to the identity provider's client");
        }
        var exp = claims.instant(ClaimNames.EXPIRES);
        if (exp.isEmpty()) {
            return refused(RejectionReason.MISSING_CLAIM, "exp must be a NumericDate (seconds since the epoch)");
        }
        if (!exp.get().isAfter(now.minus(skew))) {
            return refused(RejectionReason.EXPIRED, "the identity provider's token expired at " + exp.get() + "; sign in again or refresh it");
        }
        var early = now.plus(skew);
        if (claims.instant(ClaimNames.NOT_BEFORE).filter(nbf -> nbf.isAfter(early)).isPresent()
                || claims.instant(ClaimNames.ISSUED_AT).filter(iat -> iat.isAfter(early)).isPresent()) {
            return refused(RejectionReason.NOT_YET_VALID, "iat or nbf is in the future; check the identity provider's clock");
        }
        var raw = claims.string(usernameClaim);
        if (raw.isEmpty() || raw.get().isBlank()) {
            return refused(RejectionReason.MISSING_CLAIM, "the token has no " + usernameClaim
                    + " claim to name the Tableau user; map it in the identity provider, or name a claim it has as " + SettingId.IDP_USERNAME_CLAIM.words());
        }
        if (ClaimNames.EMAIL.equals(usernameClaim) && !Boolean.TRUE.equals(claims.values().get(ClaimNames.EMAIL_VERIFIED))) {
            return refused(RejectionReason.INVALID_CLAIM, "the username comes from email, but the identity provider does not vouch for it"
                    + " (email_verified is not true): an address the user may set could name any Tableau user. Have the identity provider"
                    + " verify the email and put email_verified in its access tokens, or make " + SettingId.IDP_USERNAME_CLAIM.words() + " a claim the user cannot"
                    + " change (Keycloak: preferred_username with editing the username off; Entra ID: upn)");
        }
        Subject user;
        try {
            user = new Subject(raw.get());
        } catch (IllegalArgumentException e) {
            return refused(RejectionReason.INVALID_CLAIM, usernameClaim + ": " + e.getMessage());
        }
        Optional<TokenId> jti;
        try {
            jti = claims.string(ClaimNames.TOKEN_ID).map(TokenId::new);
        } catch (IllegalArgumentException e) {
            jti = Optional.empty(); // only logged; an IdP's odd jti does not make its token less proven
        }
        return new Decision.Admitted(issuer, user, jti);
    }

    /** RFC 7515 §4.1.9: a typ without a slash stands for {@code application/<typ>}; compared case-insensitively. */
    private static boolean typeMatches(String actual, String required) {
        var a = actual.toLowerCase(Locale.ROOT);
        var r = required.toLowerCase(Locale.ROOT);
        return a.equals(r) || a.equals("application/" + r) || ("application/" + a).equals(r);
    }

    private sealed interface ClientClaim {
        record Named(Optional<String> client) implements ClientClaim {
        }

        record Conflicting() implements ClientClaim {
        }
    }

    private static ClientClaim client(VerifiedClaims claims) {
        var azp = claims.string(ClaimNames.AUTHORIZED_PARTY);
        var clientId = claims.string(ClaimNames.CLIENT_ID);
        if (azp.isPresent() && clientId.isPresent() && !azp.equals(clientId)) {
            return new ClientClaim.Conflicting();
        }
        return new ClientClaim.Named(azp.or(() -> clientId));
    }

    private static Decision refused(RejectionReason reason, String detail) {
        return new Decision.Refused(reason, detail);
    }
}
