package dev.vizgate.adapters.tableau;

import dev.vizgate.domain.model.ClaimNames;
import dev.vizgate.domain.model.ClaimWriter;
import dev.vizgate.domain.model.JwsAlgorithm;
import dev.vizgate.domain.model.SignedToken;
import dev.vizgate.domain.model.SigningFailure;
import dev.vizgate.domain.model.SigningKey;
import dev.vizgate.domain.model.TokenDraft;
import dev.vizgate.domain.port.TokenSigner;
import io.jsonwebtoken.JwtBuilder;
import io.jsonwebtoken.JwtException;
import io.jsonwebtoken.Jwts;
import io.jsonwebtoken.jackson.io.JacksonSerializer;
import io.jsonwebtoken.security.SecureDigestAlgorithm;

import java.security.Key;
import java.security.PrivateKey;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Map;
import javax.crypto.SecretKey;

/**
 * Signs every token Vizgate issues with jjwt: Tableau direct trust (HS256, header kid + iss + typ), EAS
 * (RS256, PS256, ES256 with kid), and the Salesforce JWT bearer assertion (header {@code {"alg":"RS256"}}).
 * The header holds exactly what the draft says; jjwt adds nothing else.
 */
public final class JjwtTokenSigner implements TokenSigner {
    private final JacksonSerializer<Map<String, ?>> json = new JacksonSerializer<>(TableauJson.MAPPER);

    @Override
    public SignedToken sign(TokenDraft draft, SigningKey key) {
        var header = draft.header();
        if (key.algorithm() != header.algorithm()) {
            throw new SigningFailure("key " + key.keyId() + " is for " + key.algorithm() + " but the header says " + header.algorithm());
        }
        var claims = draft.claims();
        var builder = Jwts.builder().json(json);
        var h = builder.header();
        header.keyId().ifPresent(kid -> h.keyId(kid.value()));
        header.type().ifPresent(h::type);
        header.issuer().ifPresent(iss -> h.add(ClaimNames.ISSUER, iss.value()));
        var payload = new JjwtClaims(h.and());
        claims.writeTo(payload); // the domain's one claim layout
        builder = payload.builder;
        try {
            return new SignedToken(sign(builder, key.algorithm(), key.key()).compact());
        } catch (JwtException | IllegalArgumentException | ClassCastException e) {
            // jjwt's messages name algorithms and key sizes, never key bytes.
            throw new SigningFailure("key " + key.keyId() + " could not sign " + key.algorithm() + ": " + e.getMessage(), e);
        }
    }

    /** Each claim onto jjwt's builder; aud stays a single string, as Tableau's samples send it. */
    private static final class JjwtClaims implements ClaimWriter {
        private JwtBuilder builder;

        JjwtClaims(JwtBuilder builder) {
            this.builder = builder;
        }

        @Override
        public void text(String name, String value) {
            builder = ClaimNames.AUDIENCE.equals(name) ? builder.audience().single(value) : builder.claim(name, value);
        }

        @Override
        public void seconds(String name, long epochSeconds) {
            builder = builder.claim(name, Date.from(Instant.ofEpochSecond(epochSeconds)));
        }

        @Override
        public void texts(String name, List<String> values) {
            builder = builder.claim(name, values);
        }

        @Override
        public void flag(String name, boolean value) {
            builder = builder.claim(name, value);
        }
    }

    private static JwtBuilder sign(JwtBuilder b, JwsAlgorithm alg, Key key) {
        return switch (alg) {
            case HS256 -> b.signWith(secret(key), Jwts.SIG.HS256);
            case RS256 -> b.signWith(priv(key), (SecureDigestAlgorithm<PrivateKey, ?>) Jwts.SIG.RS256);
            case PS256 -> b.signWith(priv(key), (SecureDigestAlgorithm<PrivateKey, ?>) Jwts.SIG.PS256);
            case ES256 -> b.signWith(priv(key), (SecureDigestAlgorithm<PrivateKey, ?>) Jwts.SIG.ES256);
        };
    }

    private static SecretKey secret(Key key) {
        if (key instanceof SecretKey s) {
            return s;
        }
        throw new SigningFailure("HS256 needs a secret key, not a " + key.getAlgorithm() + " " + kind(key));
    }

    private static PrivateKey priv(Key key) {
        if (key instanceof PrivateKey p) {
            return p;
        }
        throw new SigningFailure("an asymmetric algorithm needs a private key, not a " + key.getAlgorithm() + " " + kind(key));
    }

    private static String kind(Key key) {
        return key instanceof SecretKey ? "secret" : "key";
    }
}
