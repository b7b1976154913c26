package dev.vizgate.benchmarks;

import com.auth0.jwt.JWT;
import com.auth0.jwt.algorithms.Algorithm;
import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.KeyLengthException;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import dev.vizgate.adapters.tableau.LeanHs256Signer;
import dev.vizgate.adapters.tableau.RandomTokenIds;
import dev.vizgate.domain.model.ClientId;
import dev.vizgate.domain.model.Issuer;
import dev.vizgate.domain.model.JwsAlgorithm;
import dev.vizgate.domain.model.JwsHeader;
import dev.vizgate.domain.model.KeyId;
import dev.vizgate.domain.model.PublishedKey;
import dev.vizgate.domain.model.SecretId;
import dev.vizgate.domain.model.SigningKey;
import dev.vizgate.domain.model.Subject;
import dev.vizgate.domain.model.TokenDraft;
import dev.vizgate.domain.model.TokenId;
import dev.vizgate.domain.model.UserAttributes;
import dev.vizgate.domain.policy.ConnectedAppTrust;
import dev.vizgate.domain.policy.PolicyDecision;
import dev.vizgate.domain.policy.SecretRotation;
import dev.vizgate.domain.policy.TableauTokenPolicy;
import dev.vizgate.domain.policy.TableauTokenRequest;
import dev.vizgate.domain.port.KeySource;
import dev.vizgate.domain.usecase.IssueTableauToken;
import dev.vizgate.domain.usecase.TokenIssueOutcome;
import io.jsonwebtoken.Jwts;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Clock;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * One complete Tableau direct-trust token per call, each with a fresh jti and the current time, made the ways the
 * benchmark compares: header {alg, typ, kid, iss}; claims iss, sub, aud, exp, iat, nbf, jti, scp and one
 * multi-valued attribute. Shared by the JMH benchmark and the test that checks every variant verifies.
 */
public final class Hs256Variants {
    public static final String CLIENT_ID = "6f1c2e7a-client-id";
    public static final String SECRET_ID = "9d4e-secret-id";
    public static final byte[] SECRET = "c2VjcmV0LXZhbHVlLWZyb20tdGhlLWNvbm5lY3RlZC1hcHAtMTIzNDU2".getBytes(StandardCharsets.UTF_8);
    public static final String USER = "alice@example.com";
    private static final List<String> SCOPES = List.of("tableau:views:embed");
    private static final List<String> STATES = List.of("WA", "OR", "CA");
    private static final Base64.Encoder B64 = Base64.getUrlEncoder().withoutPadding();

    private final Clock clock = Clock.systemUTC();
    private final SecretKeySpec key = new SecretKeySpec(SECRET, "HmacSHA256");
    private final SigningKey signingKey = new SigningKey(new KeyId(SECRET_ID), JwsAlgorithm.HS256, key);
    private final LeanHs256Signer signer = new LeanHs256Signer(); // what `vizgate serve` signs direct trust with
    private final IssueTableauToken issue;
    private final TableauTokenPolicy policy = TableauTokenPolicy.defaults();
    private final TableauTokenRequest request = TableauTokenRequest.forUser(new Subject(USER))
            .withAttributes(UserAttributes.none().with("state", STATES));
    private final MACSigner nimbusSigner;
    private final JwsHeader header = JwsHeader.directTrust(new SecretId(SECRET_ID), new ClientId(CLIENT_ID));
    private final Issuer issuer = new ClientId(CLIENT_ID).asIssuer();
    private final Algorithm auth0 = Algorithm.HMAC256(SECRET);
    private final String handHeader = B64.encodeToString(("{\"alg\":\"HS256\",\"typ\":\"JWT\",\"kid\":\"" + SECRET_ID + "\",\"iss\":\""
            + CLIENT_ID + "\"}").getBytes(StandardCharsets.UTF_8));
    private final ThreadLocal<Mac> mac = ThreadLocal.withInitial(() -> {
        try {
            var m = Mac.getInstance("HmacSHA256");
            m.init(key);
            return m;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    });
    private final byte[] fixedInput;

    public Hs256Variants() {
        KeySource keys = new KeySource() {
            @Override
            public Optional<SigningKey> signingKey(KeyId keyId) {
                return Optional.of(signingKey);
            }

            @Override
            public List<PublishedKey> publishedKeys() {
                return List.of();
            }
        };
        issue = new IssueTableauToken(new ConnectedAppTrust.DirectTrust(new ClientId(CLIENT_ID), SecretRotation.single(new SecretId(SECRET_ID))),
                policy, keys, signer, new RandomTokenIds(), clock); // the jti as `vizgate serve` makes it
        try {
            nimbusSigner = new MACSigner(SECRET);
        } catch (KeyLengthException e) {
            throw new IllegalStateException(e);
        }
        fixedInput = (handHeader + "." + handPayload()).getBytes(StandardCharsets.US_ASCII);
    }

    /** Vizgate's whole path as the gateway runs it: policy, the production jti, key lookup and the lean signer. */
    public String vizgateIssue() {
        return ((TokenIssueOutcome.Issued) issue.issue(request)).token().value();
    }

    /** Vizgate's policy and signer called directly, without the use case: a library user's path. The header is per trust, built once. */
    public String vizgateSigner() {
        var decision = (PolicyDecision.Allowed) policy.draft(request, issuer, new TokenId(UUID.randomUUID().toString()), clock.instant());
        return signer.sign(new TokenDraft(header, decision.claims()), signingKey).value();
    }

    public String jjwtBuilder() {
        var now = clock.instant();
        return Jwts.builder().header().keyId(SECRET_ID).type("JWT").add("iss", CLIENT_ID).and()
                .issuer(CLIENT_ID).subject(USER).audience().single("tableau").id(UUID.randomUUID().toString())
                .issuedAt(Date.from(now)).notBefore(Date.from(now)).expiration(Date.from(now.plusSeconds(300)))
                .claim("scp", SCOPES).claim("state", STATES).signWith(key, Jwts.SIG.HS256).compact();
    }

    /** As in Tableau's official Java sample (connected-apps-jwt-samples java/src/main/java/JWT.java). */
    public String nimbus() {
        try {
            var now = clock.instant();
            var header = new JWSHeader.Builder(JWSAlgorithm.HS256).type(JOSEObjectType.JWT).keyID(SECRET_ID).customParam("iss", CLIENT_ID).build();
            var claims = new JWTClaimsSet.Builder().issuer(CLIENT_ID).subject(USER).audience("tableau").jwtID(UUID.randomUUID().toString())
                    .issueTime(Date.from(now)).notBeforeTime(Date.from(now)).expirationTime(Date.from(now.plusSeconds(300)))
                    .claim("scp", SCOPES).claim("state", STATES).build();
            var jwt = new SignedJWT(header, claims);
            jwt.sign(nimbusSigner);
            return jwt.serialize();
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }

    public String auth0() {
        var now = clock.instant();
        return JWT.create().withKeyId(SECRET_ID).withHeader(Map.of("iss", CLIENT_ID, "typ", "JWT")).withIssuer(CLIENT_ID).withSubject(USER)
                .withAudience("tableau").withJWTId(UUID.randomUUID().toString()).withIssuedAt(now).withNotBefore(now)
                .withExpiresAt(now.plusSeconds(300)).withClaim("scp", SCOPES).withClaim("state", STATES).sign(auth0);
    }

    /** The floor with real work: precomputed header, payload bytes by hand, base64url, one Mac.doFinal. */
    public String handPath() {
        var input = handHeader + "." + handPayload();
        return input + "." + B64.encodeToString(mac.get().doFinal(input.getBytes(StandardCharsets.US_ASCII)));
    }

    /** The hand path with a constant jti: what the hand path costs beyond the random UUID. */
    public String handPathFixedId() {
        var input = handHeader + "." + handPayload("0b9f3c1e-8d2a-4f6b-9a7e-5c4d3b2a1f00");
        return input + "." + B64.encodeToString(mac.get().doFinal(input.getBytes(StandardCharsets.US_ASCII)));
    }

    /** The physical floor: the HMAC over a fixed signing input. */
    public byte[] macOnly() {
        return mac.get().doFinal(fixedInput);
    }

    private String handPayload() {
        return handPayload(UUID.randomUUID().toString());
    }

    private String handPayload(String jti) {
        var now = Instant.now().getEpochSecond();
        var json = "{\"iss\":\"" + CLIENT_ID + "\",\"sub\":\"" + USER + "\",\"aud\":\"tableau\",\"jti\":\"" + jti
                + "\",\"iat\":" + now + ",\"nbf\":" + now + ",\"exp\":" + (now + 300) + ",\"scp\":[\"tableau:views:embed\"],\"state\":[\"WA\",\"OR\",\"CA\"]}";
        return B64.encodeToString(json.getBytes(StandardCharsets.UTF_8));
    }
}
