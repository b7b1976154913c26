package dev.vizgate.app.http;

import dev.vizgate.adapters.keystore.KeyGeneration;
import dev.vizgate.app.wiring.GatewayWiring;
import dev.vizgate.config.ConfigLoader;
import dev.vizgate.domain.testing.TestJws;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.PrivateKey;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Map;
import java.util.UUID;

/** What the end-to-end gateway tests share: a gateway started from a YAML file, a platform's assertion, a key's hash. */
public final class GatewayNodes {
    private GatewayNodes() {
    }

    /** A gateway node from {@code config}, as {@code vizgate serve} starts one, with {@code env} as its environment. */
    public static GatewayServer start(Path config, Map<String, String> env) throws Exception {
        var loaded = new ConfigLoader(env::get).load(config);
        var wired = GatewayWiring.from(loaded.config(), loaded.files(), Clock.systemUTC());
        return GatewayServer.start(wired.gateway(), wired.options());
    }

    /**
     * A gateway node that is its own EAS: {@code issuer}, one signing key of {@code kind} written to {@code dir/eas.pem}
     * under kid "eas-1", and a backend caller whose API key is {@code apiKey}.
     */
    public static GatewayServer easGateway(Path dir, KeyGeneration.Kind kind, String issuer, String apiKey)
            throws Exception {
        var generated = KeyGeneration.generate(kind, 2048, "eas", Duration.ofDays(1), Clock.systemUTC());
        KeyGeneration.writePrivateKey(generated, dir.resolve("eas.pem"), false);
        var config = Files.writeString(dir.resolve("vizgate.yaml"), """
                server: { bind: 127.0.0.1, port: 0 }
                callers: { api-keys: [ { name: b, sha256: "%s" } ] }
                tableau:
                  server-url: https://tableau.example.com
                  connected-app:
                    trust: eas
                    issuer: %s
                    signing-keys: [ { file: "eas.pem", kid: "eas-1" } ]
                """.formatted(sha256(apiKey), issuer));
        return start(config, Map.of());
    }

    /** A one-minute RS256 assertion from {@code issuer} for {@code sub}, audience "vizgate", with a fresh jti. */
    static String assertion(String issuer, PrivateKey key, String sub) {
        var now = Instant.now().getEpochSecond();
        return TestJws.rs256("{\"alg\":\"RS256\"}", "{\"iss\":\"" + issuer + "\",\"sub\":\"" + sub + "\",\"aud\":\"vizgate\",\"jti\":\""
                + UUID.randomUUID() + "\",\"iat\":" + now + ",\"exp\":" + (now + 60) + "}", key).value();
    }

    /**
     * A platform's throw-away RSA key pair, its public key written to {@code dir/portal.pem} for
     * {@code callers.assertions[].key: "file:portal.pem"}.
     */
    public static KeyPair platformKey(Path dir) throws Exception {
        var g = KeyPairGenerator.getInstance("RSA");
        g.initialize(2048);
        var pair = g.generateKeyPair();
        KeyGeneration.writePublicKey(pair.getPublic(), dir.resolve("portal.pem"), true);
        return pair;
    }

    /** The SHA-256 hex of an API key, as callers.api-keys stores it. */
    public static String sha256(String apiKey) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(apiKey.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
