package dev.vizgate.benchmarks;

import dev.vizgate.adapters.tableau.LeanHs256Signer;
import dev.vizgate.adapters.tableau.RandomTokenIds;
import dev.vizgate.domain.model.ClientId;
import dev.vizgate.domain.model.JwsAlgorithm;
import dev.vizgate.domain.model.JwsHeader;
import dev.vizgate.domain.model.KeyId;
import dev.vizgate.domain.model.SecretId;
import dev.vizgate.domain.model.SignedToken;
import dev.vizgate.domain.model.SigningKey;
import dev.vizgate.domain.model.Subject;
import dev.vizgate.domain.model.TokenDraft;
import dev.vizgate.domain.model.TokenId;
import dev.vizgate.domain.model.UserAttributes;
import dev.vizgate.domain.policy.PolicyDecision;
import dev.vizgate.domain.policy.TableauTokenPolicy;
import dev.vizgate.domain.policy.TableauTokenRequest;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;

import java.time.Clock;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import javax.crypto.spec.SecretKeySpec;

/**
 * The HS256 issue path taken apart, so that a gap between {@code hs256VizgateIssue} and the hand path can be
 * attributed to a step (the profile behind the report's HS256 figures), not guessed at.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@State(Scope.Benchmark)
public class IssuePathPieces {
    final Hs256Variants hs = new Hs256Variants();
    final TableauTokenPolicy policy = TableauTokenPolicy.defaults();
    final TableauTokenRequest request = TableauTokenRequest.forUser(new Subject(Hs256Variants.USER))
            .withAttributes(UserAttributes.none().with("state", List.of("WA", "OR", "CA")));
    final Clock clock = Clock.systemUTC();
    final String token = hs.handPath();
    final TokenId fixedId = new TokenId(UUID.randomUUID().toString());
    final ClientId client = new ClientId(Hs256Variants.CLIENT_ID);

    final RandomTokenIds ids = new RandomTokenIds();

    /** The hand path's jti, as Tableau's samples make it. */
    @Benchmark
    public String randomUuid() {
        return UUID.randomUUID().toString();
    }

    /** The issue path's jti: the production TokenIds, a per-thread DRBG drawn 32 ids at a time. */
    @Benchmark
    public TokenId randomTokenIds() {
        return ids.next();
    }

    @Benchmark
    public TokenId tokenIdOfFixedString() {
        return new TokenId(fixedId.value());
    }

    @Benchmark
    public Object policyDraft() {
        return policy.draft(request, client.asIssuer(), fixedId, clock.instant());
    }

    final TokenDraft draft = new TokenDraft(
            JwsHeader.directTrust(new SecretId(Hs256Variants.SECRET_ID), client),
            ((PolicyDecision.Allowed) policy.draft(request, client.asIssuer(), fixedId, clock.instant())).claims());
    final LeanHs256Signer signer = new LeanHs256Signer();
    final SigningKey key = new SigningKey(new KeyId(Hs256Variants.SECRET_ID),
            JwsAlgorithm.HS256, new SecretKeySpec(Hs256Variants.SECRET, "HmacSHA256"));

    @Benchmark
    public SignedToken leanSignOfFixedDraft() {
        return signer.sign(draft, key);
    }

    @Benchmark
    public String handPathWithoutUuid() {
        return hs.handPathFixedId();
    }

    @Benchmark
    public SignedToken signedTokenOfIssuedString() {
        return new SignedToken(token);
    }
}
