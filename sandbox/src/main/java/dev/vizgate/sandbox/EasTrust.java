package dev.vizgate.sandbox;


import java.io.IOException;
import java.math.BigInteger;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.AlgorithmParameters;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PublicKey;
import java.security.Signature;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.ECGenParameterSpec;
import java.security.spec.ECParameterSpec;
import java.security.spec.ECPoint;
import java.security.spec.ECPublicKeySpec;
import java.security.spec.MGF1ParameterSpec;
import java.security.spec.PSSParameterSpec;
import java.security.spec.RSAPublicKeySpec;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * How the stand-in trusts an External Authorization Server, the way field reports say Tableau does (tableau.md §7,
 * UNVERIFIED by Tableau's pages): the issuer must be registered on the site; its metadata is read at RFC 8414's
 * {@code {issuer}/.well-known/oauth-authorization-server} and nowhere else, so an issuer serving only OIDC discovery is
 * refused; the metadata's {@code issuer} must be the token's, and its {@code jwks_uri} (which a registered
 * {@code jwksUri} must equal) gives the keys. Nothing is cached: every sign-in reads the issuer afresh, which makes key
 * rollover visible at once (how Tableau caches JWKS is UNVERIFIED).
 */
final class EasTrust {
    /** A registration through {@code …/connected-apps/external-authorization-servers}. */
    record Registration(String id, String name, String issuerUrl, Optional<String> jwksUri) {
    }

    private final Map<String, Registration> registrations = new ConcurrentHashMap<>();
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(3)).followRedirects(HttpClient.Redirect.NEVER).build();

    Map<String, Registration> registrations() {
        return registrations;
    }

    /** Empty when the signature verifies under a key the registered issuer publishes; otherwise Tableau's refusal. */
    Optional<TableauStandIn.Verdict.Refused> check(Map<String, Object> header, String issuer, String[] parts) {
        if (registrations.isEmpty()) {
            // Field reports (tableau.md §8): a site with no EAS issuer at all answers 10082.
            return refuse(TableauCode.AUTHORIZATION_SERVER_ISSUER_NOT_SPECIFIED, "no external authorization server is registered on this site");
        }
        var registered = registrations.values().stream().filter(r -> r.issuerUrl().equals(issuer)).findFirst();
        if (registered.isEmpty()) {
            return refuse(TableauCode.CONNECTED_APP_NOT_FOUND_10089, "no external authorization server with issuer " + issuer + " is registered");
        }
        var alg = String.valueOf(header.get("alg"));
        if (!List.of("RS256", "PS256", "ES256").contains(alg)) {
            return refuse(TableauCode.BLOCKLISTED_ALGORITHM, "alg " + alg + " is not accepted for EAS");
        }
        Map<String, Object> metadata;
        try {
            metadata = get(URI.create(trimmed(issuer) + "/.well-known/oauth-authorization-server"));
        } catch (IOException e) {
            // Field reports (tableau.md §8): metadata that cannot be fetched is 10081.
            return refuse(TableauCode.COULD_NOT_RETRIEVE_IDP_METADATA, "no RFC 8414 metadata at " + trimmed(issuer)
                    + "/.well-known/oauth-authorization-server (" + e.getMessage() + "); OIDC discovery alone is not read");
        }
        if (!issuer.equals(metadata.get("issuer")) || !(metadata.get("jwks_uri") instanceof String jwksUri)) {
            return refuse(TableauCode.COULD_NOT_FETCH_JWT_KEYS, "the metadata's issuer is not the token's, or it names no jwks_uri");
        }
        if (registered.get().jwksUri().filter(r -> !r.equals(jwksUri)).isPresent()) {
            return refuse(TableauCode.COULD_NOT_FETCH_JWT_KEYS, "the registered jwksUri differs from the metadata's jwks_uri");
        }
        return verifyWith(jwksUri, header, parts);
    }

    /** Empty when the token's signature verifies under the key its kid names in the JWKS at {@code jwksUri}; otherwise the refusal. */
    Optional<TableauStandIn.Verdict.Refused> verifyWith(String jwksUri, Map<String, Object> header, String[] parts) {
        var alg = String.valueOf(header.get("alg"));
        List<?> keys;
        try {
            keys = get(URI.create(jwksUri)).get("keys") instanceof List<?> l ? l : List.of();
        } catch (IOException | IllegalArgumentException e) {
            return refuse(TableauCode.COULD_NOT_FETCH_JWT_KEYS, "the JWKS could not be fetched: " + e.getMessage());
        }
        var kid = header.get("kid");
        var jwk = keys.stream().filter(Map.class::isInstance).map(k -> (Map<?, ?>) k).filter(k -> kid.equals(k.get("kid"))).findFirst();
        if (jwk.isEmpty()) {
            return refuse(TableauCode.COULD_NOT_FETCH_JWT_KEYS, "no key in the issuer's JWKS has kid " + kid);
        }
        try {
            var key = publicKey(jwk.get());
            if (key instanceof RSAPublicKey rsa && rsa.getModulus().bitLength() < 2048) {
                // Field reports (tableau.md §8): an RSA key under 2048 bits is 10088.
                return refuse(TableauCode.RSA_KEY_SIZE_INVALID, "the RSA key with kid " + kid + " has " + rsa.getModulus().bitLength() + " bits; 2048 or more");
            }
            var verifier = signature(alg);
            verifier.initVerify(key);
            verifier.update((parts[0] + "." + parts[1]).getBytes(StandardCharsets.US_ASCII));
            if (!verifier.verify(Base64.getUrlDecoder().decode(parts[2]))) {
                return refuse(TableauCode.COULD_NOT_FETCH_JWT_KEYS, "the signature does not verify under kid " + kid);
            }
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            return refuse(TableauCode.COULD_NOT_FETCH_JWT_KEYS, "the key with kid " + kid + " cannot verify this token: " + e.getMessage());
        }
        return Optional.empty();
    }

    private static Signature signature(String alg) throws GeneralSecurityException {
        return switch (alg) {
            case "RS256" -> Signature.getInstance("SHA256withRSA");
            case "ES256" -> Signature.getInstance("SHA256withECDSAinP1363Format");
            default -> {
                var pss = Signature.getInstance("RSASSA-PSS");
                pss.setParameter(new PSSParameterSpec("SHA-256", "MGF1", MGF1ParameterSpec.SHA256, 32, 1));
                yield pss;
            }
        };
    }

    private static PublicKey publicKey(Map<?, ?> jwk) throws GeneralSecurityException {
        if ("RSA".equals(jwk.get("kty"))) {
            return KeyFactory.getInstance("RSA").generatePublic(new RSAPublicKeySpec(big(jwk.get("n")), big(jwk.get("e"))));
        }
        if ("EC".equals(jwk.get("kty")) && "P-256".equals(jwk.get("crv"))) {
            var params = AlgorithmParameters.getInstance("EC");
            params.init(new ECGenParameterSpec("secp256r1"));
            var spec = params.getParameterSpec(ECParameterSpec.class);
            return KeyFactory.getInstance("EC").generatePublic(new ECPublicKeySpec(new ECPoint(big(jwk.get("x")), big(jwk.get("y"))), spec));
        }
        throw new GeneralSecurityException("unsupported JWK kty " + jwk.get("kty"));
    }

    private static BigInteger big(Object base64url) {
        return new BigInteger(1, Base64.getUrlDecoder().decode(String.valueOf(base64url)));
    }

    @SuppressWarnings("unchecked")
    private Map<String, Object> get(URI uri) throws IOException {
        try {
            var response = http.send(HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(5)).GET().build(), HttpResponse.BodyHandlers.ofByteArray());
            if (response.statusCode() != 200) {
                throw new IOException("HTTP " + response.statusCode());
            }
            return Http.JSON.readValue(response.body(), Map.class);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted");
        }
    }

    private static String trimmed(String issuer) {
        return issuer.endsWith("/") ? issuer.substring(0, issuer.length() - 1) : issuer;
    }

    private static Optional<TableauStandIn.Verdict.Refused> refuse(TableauCode code, String reason) {
        return Optional.of(new TableauStandIn.Verdict.Refused(code.code(), reason));
    }
}
