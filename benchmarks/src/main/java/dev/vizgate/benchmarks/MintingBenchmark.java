package dev.vizgate.benchmarks;

import dev.vizgate.adapters.tableau.JjwtTokenSigner;
import dev.vizgate.domain.model.Audience;
import dev.vizgate.domain.model.Claims;
import dev.vizgate.domain.model.ClientId;
import dev.vizgate.domain.model.Issuer;
import dev.vizgate.domain.model.JwsAlgorithm;
import dev.vizgate.domain.model.JwsHeader;
import dev.vizgate.domain.model.KeyId;
import dev.vizgate.domain.model.Scopes;
import dev.vizgate.domain.model.SigningKey;
import dev.vizgate.domain.model.Subject;
import dev.vizgate.domain.model.TokenDraft;
import dev.vizgate.domain.model.TokenId;
import dev.vizgate.domain.model.UserAttributes;
import dev.vizgate.domain.policy.BearerAssertionPolicy;
import io.jsonwebtoken.Jwts;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.Signature;
import java.security.spec.ECGenParameterSpec;
import java.time.Clock;
import java.time.temporal.ChronoUnit;
import java.util.Date;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

/** Minting side by side: Vizgate, its peers, and the floor. Average time per complete token. */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@State(Scope.Benchmark)
public class MintingBenchmark {
    Hs256Variants hs;
    KeyPair rsa;
    KeyPair ec;
    JjwtTokenSigner signer;
    BearerAssertionPolicy assertion;
    Clock clock = Clock.systemUTC();
    byte[] signingInput = "eyJhbGciOiJSUzI1NiJ9.eyJpc3MiOiJrIiwic3ViIjoidSJ9".getBytes(StandardCharsets.US_ASCII);

    @Setup(Level.Trial)
    public void setUp() throws Exception {
        hs = new Hs256Variants();
        Verify.hs256(hs); // every variant must produce a token that verifies before it is timed
        var g = KeyPairGenerator.getInstance("RSA");
        g.initialize(2048);
        rsa = g.generateKeyPair();
        var e = KeyPairGenerator.getInstance("EC");
        e.initialize(new ECGenParameterSpec("secp256r1"));
        ec = e.generateKeyPair();
        signer = new JjwtTokenSigner();
        assertion = new BearerAssertionPolicy(new ClientId("3MVG9consumer"), new Audience("https://login.salesforce.com"));
        Verify.asymmetric(this);
    }

    @Benchmark
    public String hs256VizgateIssue() {
        return hs.vizgateIssue();
    }

    @Benchmark
    public String hs256VizgateSigner() {
        return hs.vizgateSigner();
    }

    @Benchmark
    public String hs256JjwtBuilder() {
        return hs.jjwtBuilder();
    }

    @Benchmark
    public String hs256Nimbus() {
        return hs.nimbus();
    }

    @Benchmark
    public String hs256Auth0() {
        return hs.auth0();
    }

    @Benchmark
    public String hs256HandPath() {
        return hs.handPath();
    }

    @Benchmark
    public byte[] hs256MacOnly() {
        return hs.macOnly();
    }

    public String rs256VizgateAssertion() {
        var draft = assertion.draft(new Subject("integration@acme.com"), new TokenId(UUID.randomUUID().toString()), clock.instant());
        return signer.sign(draft, new SigningKey(new KeyId("sf"), JwsAlgorithm.RS256, rsa.getPrivate())).value();
    }

    @Benchmark
    public String rs256Vizgate() {
        return rs256VizgateAssertion();
    }

    @Benchmark
    public String rs256JjwtBuilder() {
        var now = clock.instant();
        return Jwts.builder().issuer("3MVG9consumer").subject("integration@acme.com").audience().single("https://login.salesforce.com")
                .id(UUID.randomUUID().toString()).issuedAt(Date.from(now)).expiration(Date.from(now.plusSeconds(120)))
                .signWith(rsa.getPrivate(), Jwts.SIG.RS256).compact();
    }

    @Benchmark
    public byte[] rs256SignatureOnly() throws Exception {
        var s = Signature.getInstance("SHA256withRSA");
        s.initSign(rsa.getPrivate());
        s.update(signingInput);
        return s.sign();
    }

    public String es256VizgateToken() {
        var draft = new TokenDraft(JwsHeader.externalAuthorizationServer(JwsAlgorithm.ES256, new KeyId("eas")),
                new Claims(new Issuer("https://vizgate.example.com"), new Subject("alice@example.com"),
                        Audience.TABLEAU, new TokenId(UUID.randomUUID().toString()), clock.instant().truncatedTo(ChronoUnit.SECONDS),
                        Optional.empty(), clock.instant().truncatedTo(ChronoUnit.SECONDS).plusSeconds(300),
                        Scopes.of("tableau:views:embed"), UserAttributes.none(), Optional.empty()));
        return signer.sign(draft, new SigningKey(new KeyId("eas"), JwsAlgorithm.ES256, ec.getPrivate())).value();
    }

    @Benchmark
    public String es256Vizgate() {
        return es256VizgateToken();
    }

    @Benchmark
    public byte[] es256SignatureOnly() throws Exception {
        var s = Signature.getInstance("SHA256withECDSAinP1363Format");
        s.initSign(ec.getPrivate());
        s.update(signingInput);
        return s.sign();
    }
}
