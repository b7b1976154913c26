package dev.vizgate.adapters.tableau;

import dev.vizgate.domain.model.ClaimNames;
import dev.vizgate.domain.model.DecodeOutcome;
import dev.vizgate.domain.model.DecodedToken;
import dev.vizgate.domain.model.JwsAlgorithm;
import dev.vizgate.domain.model.KeyId;
import dev.vizgate.domain.model.RejectionReason;
import dev.vizgate.domain.model.UntrustedToken;
import dev.vizgate.domain.model.VerificationOutcome;
import dev.vizgate.domain.model.VerifiedToken;
import dev.vizgate.domain.port.TokenVerifier;
import io.jsonwebtoken.ExpiredJwtException;
import io.jsonwebtoken.JwtException;
import io.jsonwebtoken.Jwts;
import io.jsonwebtoken.MalformedJwtException;
import io.jsonwebtoken.PrematureJwtException;
import io.jsonwebtoken.UnsupportedJwtException;
import io.jsonwebtoken.jackson.io.JacksonDeserializer;
import io.jsonwebtoken.security.SecurityException;
import io.jsonwebtoken.security.SignatureException;

import java.time.Clock;
import java.time.Duration;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Verifies inbound tokens strictly with jjwt. In order: a size bound before any parsing; a structural decode
 * with duplicate members refused; {@code alg} on the allow-list and {@code crit} empty (this verifier implements
 * no JWS extension, so any critical one is refused, RFC 7515 §4.1.11); the issuer among the trusted ones; a
 * key of that issuer whose kid and pinned algorithm match; then jjwt checks the signature and the times.
 * Keys named by the token itself ({@code jwk}, {@code jku}, {@code x5u}, {@code x5c}) are never used.
 */
public final class JjwtTokenVerifier implements TokenVerifier {
    private final Map<String, IssuerKeys> keysByIssuer;
    private final JsonTokenDecoder decoder;
    private final Clock clock;
    private final Duration skew;
    private final JacksonDeserializer<Map<String, ?>> json = new JacksonDeserializer<>(TableauJson.MAPPER);

    /**
     * @param keysByIssuer for each trusted {@code iss}, where its keys come from (a fixed list, or a JWKS kept fresh)
     */
    public JjwtTokenVerifier(Map<String, ? extends IssuerKeys> keysByIssuer, int maxTokenLength, Clock clock, Duration skew) {
        this.keysByIssuer = Map.copyOf(keysByIssuer);
        this.decoder = new JsonTokenDecoder(maxTokenLength);
        this.clock = Objects.requireNonNull(clock, "clock");
        this.skew = Objects.requireNonNull(skew, "skew");
    }

    public static JjwtTokenVerifier withFixedKeys(Map<String, List<TrustedKey>> keys, Clock clock, Duration skew) {
        var suppliers = new HashMap<String, IssuerKeys>();
        keys.forEach((iss, list) -> suppliers.put(iss, IssuerKeys.fixed(list)));
        return new JjwtTokenVerifier(suppliers, JsonTokenDecoder.DEFAULT_MAX_LENGTH, clock, skew);
    }

    @Override
    public VerificationOutcome verify(UntrustedToken token) {
        try {
            return check(token);
        } catch (RuntimeException e) {
            // Hostile input must end in a typed refusal, whatever the parser below did with it.
            return rejected(RejectionReason.MALFORMED, "the token could not be parsed");
        }
    }

    private VerificationOutcome check(UntrustedToken token) {
        var decoded = decoder.decode(token);
        if (decoded instanceof DecodeOutcome.Undecodable u) {
            return rejected(u.reason(), u.detail());
        }
        var t = ((DecodeOutcome.Decoded) decoded).token();
        var algName = t.header().get(ClaimNames.ALGORITHM);
        var alg = algName instanceof String s ? JwsAlgorithm.fromName(s) : Optional.<JwsAlgorithm>empty();
        if (alg.isEmpty()) {
            return rejected(RejectionReason.ALGORITHM_NOT_ALLOWED, "alg must be one of HS256, RS256, PS256, ES256");
        }
        if (t.header().containsKey("crit")) {
            return rejected(RejectionReason.UNSUPPORTED_CRITICAL_HEADER, "crit names extensions this verifier does not implement");
        }
        if (t.header().containsKey("b64")) {
            return rejected(RejectionReason.UNSUPPORTED_CRITICAL_HEADER, "unencoded payloads (b64) are not accepted");
        }
        if (t.signatureLength() == 0) {
            return rejected(RejectionReason.BAD_SIGNATURE, "the token has no signature");
        }
        for (var time : List.of(ClaimNames.EXPIRES, ClaimNames.NOT_BEFORE, ClaimNames.ISSUED_AT)) {
            if (t.payload().containsKey(time) && t.claims().instant(time).isEmpty()) {
                return rejected(RejectionReason.MISSING_CLAIM, time + " must be a NumericDate (seconds since the epoch)");
            }
        }
        var iss = t.payload().get(ClaimNames.ISSUER);
        var source = iss instanceof String s ? keysByIssuer.get(s) : null;
        if (source == null) {
            return rejected(RejectionReason.UNTRUSTED_ISSUER, "iss is not a trusted issuer");
        }
        var key = select(t, alg.get(), source);
        if (key instanceof Selection.Refused r) {
            return rejected(r.reason(), r.detail());
        }
        var chosen = ((Selection.Chosen) key).key();
        try {
            Jwts.parser()
                    .json(json)
                    .keyLocator(header -> chosen.key())
                    .clock(() -> Date.from(clock.instant()))
                    .clockSkewSeconds(skew.toSeconds())
                    .build()
                    .parseSignedClaims(token.value().strip());
        } catch (SignatureException e) {
            return rejected(RejectionReason.BAD_SIGNATURE, "the signature does not verify with the trusted key");
        } catch (ExpiredJwtException e) {
            return rejected(RejectionReason.EXPIRED, "exp is in the past");
        } catch (PrematureJwtException e) {
            return rejected(RejectionReason.NOT_YET_VALID, "nbf is in the future");
        } catch (UnsupportedJwtException e) {
            return rejected(RejectionReason.ALGORITHM_NOT_ALLOWED, "not a signed JWT this verifier accepts");
        } catch (SecurityException e) {
            return rejected(RejectionReason.ALGORITHM_NOT_ALLOWED, "the key does not fit the token's algorithm");
        } catch (MalformedJwtException e) {
            return rejected(RejectionReason.MALFORMED, "the token is malformed");
        } catch (JwtException e) {
            return rejected(RejectionReason.MISSING_CLAIM, "a registered claim has the wrong type");
        }
        var typ = t.header().get(ClaimNames.TYPE) instanceof String s && !s.isBlank() ? Optional.of(s) : Optional.<String>empty();
        return new VerificationOutcome.Verified(new VerifiedToken(alg.get(), chosen.keyId(), t.claims(), typ));
    }

    private static Selection select(DecodedToken t, JwsAlgorithm alg, IssuerKeys source) {
        var kidValue = t.header().get(ClaimNames.KEY_ID);
        if (kidValue != null && !(kidValue instanceof String)) {
            return new Selection.Refused(RejectionReason.MALFORMED, "kid must be a string");
        }
        var kid = Optional.ofNullable((String) kidValue);
        var named = named(source.keys(), kid);
        if (named.isEmpty() && kid.isPresent()) {
            named = named(source.keysAfterUnknownKid(kid.get()), kid); // the issuer may have just added it
        }
        if (named.isEmpty()) {
            var unavailable = source.unavailable();
            return unavailable.isPresent()
                    ? new Selection.Refused(RejectionReason.KEYS_UNAVAILABLE, unavailable.get())
                    : new Selection.Refused(RejectionReason.UNKNOWN_KEY, kid.isPresent() ? "no trusted key has this kid" : "the issuer has no usable key");
        }
        var fitting = named.stream().filter(k -> k.algorithm() == alg).toList();
        if (fitting.isEmpty()) {
            return new Selection.Refused(RejectionReason.ALGORITHM_NOT_ALLOWED, alg + " is not allowed for this key");
        }
        if (fitting.size() > 1) {
            return new Selection.Refused(RejectionReason.UNKNOWN_KEY, "several trusted keys fit; the token must name one with kid");
        }
        return new Selection.Chosen(fitting.get(0));
    }

    /**
     * A key the configuration gave a kid answers only to that kid; a key given without one (a fixed PEM) answers to
     * any, since with one key a token's kid is only a hint that many JWT libraries add by default.
     */
    private static List<TrustedKey> named(List<TrustedKey> keys, Optional<String> kid) {
        return kid.isEmpty() ? keys : keys.stream().filter(k -> k.keyId().isEmpty() || k.keyId().map(KeyId::value).equals(kid)).toList();
    }

    private sealed interface Selection {
        record Chosen(TrustedKey key) implements Selection {
        }

        record Refused(RejectionReason reason, String detail) implements Selection {
        }
    }

    private static VerificationOutcome rejected(RejectionReason reason, String detail) {
        return new VerificationOutcome.Rejected(reason, detail);
    }
}
