package dev.vizgate.domain.testing;

import dev.vizgate.domain.model.AttributeValue;
import dev.vizgate.domain.model.ClaimWriter;
import dev.vizgate.domain.model.SignedToken;
import dev.vizgate.domain.model.SigningFailure;
import dev.vizgate.domain.model.SigningKey;
import dev.vizgate.domain.model.TokenDraft;
import dev.vizgate.domain.port.TokenSigner;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Collectors;

/**
 * A signer for domain tests: writes real JSON header and payload, and a stand-in signature that names the
 * key. It proves nothing cryptographic; the jjwt adapter does that. It records every draft it signed.
 */
public final class FakeTokenSigner implements TokenSigner {
    private final List<TokenDraft> signed = new CopyOnWriteArrayList<>();
    private volatile boolean failing;

    public FakeTokenSigner failing() {
        failing = true;
        return this;
    }

    public List<TokenDraft> signed() {
        return List.copyOf(signed);
    }

    @Override
    public SignedToken sign(TokenDraft draft, SigningKey key) {
        if (failing) {
            throw new SigningFailure("the fake signer was told to fail");
        }
        if (key.algorithm() != draft.header().algorithm()) {
            throw new SigningFailure("key " + key.keyId() + " is for " + key.algorithm() + ", the header says " + draft.header().algorithm());
        }
        signed.add(draft);
        var sig = "fake-" + key.keyId().value() + "-" + draft.claims().tokenId().value();
        return new SignedToken(b64(headerJson(draft)) + "." + b64(payloadJson(draft)) + "." + b64(sig));
    }

    /** True when {@code token} is what this signer makes for {@code key}. */
    public static boolean verifies(SignedToken token, SigningKey key) {
        var parts = token.value().split("\\.");
        var sig = new String(Base64.getUrlDecoder().decode(parts[2]), StandardCharsets.UTF_8);
        return sig.startsWith("fake-" + key.keyId().value() + "-");
    }

    static String headerJson(TokenDraft d) {
        var h = d.header();
        var fields = new ArrayList<String>();
        fields.add(q("alg") + ":" + q(h.algorithm().name()));
        h.type().ifPresent(t -> fields.add(q("typ") + ":" + q(t)));
        h.keyId().ifPresent(k -> fields.add(q("kid") + ":" + q(k.value())));
        h.issuer().ifPresent(i -> fields.add(q("iss") + ":" + q(i.value())));
        return "{" + String.join(",", fields) + "}";
    }

    /** The payload in the domain's one claim layout ({@code Claims.writeTo}), as plain JSON. */
    static String payloadJson(TokenDraft d) {
        var fields = new ArrayList<String>();
        d.claims().writeTo(new ClaimWriter() {
            @Override
            public void text(String name, String value) {
                fields.add(q(name) + ":" + q(value));
            }

            @Override
            public void seconds(String name, long epochSeconds) {
                fields.add(q(name) + ":" + epochSeconds);
            }

            @Override
            public void texts(String name, List<String> values) {
                fields.add(q(name) + ":" + array(values));
            }

            @Override
            public void flag(String name, boolean value) {
                fields.add(q(name) + ":" + value);
            }
        });
        return "{" + String.join(",", fields) + "}";
    }

    private static String array(List<String> values) {
        return values.stream().map(FakeTokenSigner::q).collect(Collectors.joining(",", "[", "]"));
    }

    private static String q(String s) {
        return "\"" + s.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }

    private static String b64(String s) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(s.getBytes(StandardCharsets.UTF_8));
    }
}
