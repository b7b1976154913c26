package dev.vizgate.adapters.tableau;

import dev.vizgate.domain.model.ClaimWriter;
import dev.vizgate.domain.model.Claims;
import dev.vizgate.domain.model.JwsAlgorithm;
import dev.vizgate.domain.model.JwsHeader;
import dev.vizgate.domain.model.SignedToken;
import dev.vizgate.domain.model.SigningFailure;
import dev.vizgate.domain.model.SigningKey;
import dev.vizgate.domain.model.TokenDraft;
import dev.vizgate.domain.port.TokenSigner;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.InvalidKeyException;
import java.security.Key;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import javax.crypto.Mac;
import javax.crypto.SecretKey;

/**
 * The HS256 hot path of direct trust, as DESIGN.md's performance stance allows: the header is serialized once per
 * (kid, iss), the payload is written straight to JSON, and one {@code Mac.doFinal} signs. It writes exactly the header
 * and claims {@link JjwtTokenSigner} writes — a test parses both with jjwt and compares them — and everything else
 * (RS256, PS256, ES256) goes to jjwt, which also stays the only verifier.
 */
public final class LeanHs256Signer implements TokenSigner {
    private static final Base64.Encoder B64 = Base64.getUrlEncoder().withoutPadding();
    /** A payload's usual size is a few hundred characters; one with many attributes grows the buffer. */
    private static final int BUFFER = 512;
    private static final int KEPT = 16 * 1024;

    private final TokenSigner others;
    private final Map<JwsHeader, byte[]> headers = new ConcurrentHashMap<>();
    private final ThreadLocal<PerThread> perThread = ThreadLocal.withInitial(PerThread::new);
    private volatile LastHeader lastHeader;

    public LeanHs256Signer(TokenSigner others) {
        this.others = others;
    }

    public LeanHs256Signer() {
        this(new JjwtTokenSigner());
    }

    @Override
    public SignedToken sign(TokenDraft draft, SigningKey key) {
        var header = draft.header();
        if (header.algorithm() != JwsAlgorithm.HS256) {
            return others.sign(draft, key);
        }
        if (key.algorithm() != JwsAlgorithm.HS256 || !(key.key() instanceof SecretKey)) {
            throw new SigningFailure("key " + key.keyId() + " is for " + key.algorithm() + " but the header says HS256");
        }
        // Bytes all the way: the MAC reads the header and payload where they lie, and the token is copied into a
        // String once, instead of concatenating the signing input and re-encoding it.
        var head = encodedHeader(header);
        var mine = perThread.get();
        var body = B64.encode(mine.payload(draft.claims()).getBytes(StandardCharsets.UTF_8));
        var mac = mine.forKey(key.key());
        mac.update(head);
        mac.update(body);
        var signature = B64.encode(mac.doFinal());
        var token = new byte[head.length + body.length + 1 + signature.length];
        System.arraycopy(head, 0, token, 0, head.length);
        System.arraycopy(body, 0, token, head.length, body.length);
        token[head.length + body.length] = '.';
        System.arraycopy(signature, 0, token, head.length + body.length + 1, signature.length);
        return new SignedToken(new String(token, StandardCharsets.ISO_8859_1));
    }

    /** The base64url header and the dot after it, as ASCII bytes. */
    private byte[] encodedHeader(JwsHeader header) {
        var recent = lastHeader;
        if (recent != null && recent.header() == header) {
            return recent.encoded(); // a use case signs with one header instance: skip hashing the record
        }
        var encoded = headers.computeIfAbsent(header, LeanHs256Signer::encodeHeader);
        lastHeader = new LastHeader(header, encoded);
        return encoded;
    }

    private static byte[] encodeHeader(JwsHeader h) {
        var json = new StringBuilder(96).append("{\"alg\":\"HS256\"");
        h.keyId().ifPresent(kid -> string(json.append(",\"kid\":"), kid.value()));
        h.type().ifPresent(typ -> string(json.append(",\"typ\":"), typ));
        h.issuer().ifPresent(iss -> string(json.append(",\"iss\":"), iss.value()));
        return (B64.encodeToString(json.append('}').toString().getBytes(StandardCharsets.UTF_8)) + ".").getBytes(StandardCharsets.US_ASCII);
    }

    /** The payload as JSON, claim by claim in the domain's one layout ({@link Claims#writeTo}). */
    private static String payload(Claims c, StringBuilder json) {
        json.append('{');
        c.writeTo(new JsonClaims(json));
        return json.append('}').toString();
    }

    /** Appends each claim as {@code "name":value}, comma-separated, straight into the buffer. */
    private static final class JsonClaims implements ClaimWriter {
        private final StringBuilder json;
        private boolean first = true;

        JsonClaims(StringBuilder json) {
            this.json = json;
        }

        private StringBuilder name(String name) {
            if (!first) {
                json.append(',');
            }
            first = false;
            return string(json, name).append(':');
        }

        @Override
        public void text(String name, String value) {
            string(name(name), value);
        }

        @Override
        public void seconds(String name, long epochSeconds) {
            name(name).append(epochSeconds);
        }

        @Override
        public void texts(String name, List<String> values) {
            array(name(name), values);
        }

        @Override
        public void flag(String name, boolean value) {
            name(name).append(value);
        }
    }

    private static StringBuilder array(StringBuilder json, List<String> values) {
        return array(json, values, v -> v);
    }

    private static <T> StringBuilder array(StringBuilder json, List<T> values, Function<T, String> text) {
        json.append('[');
        for (int i = 0; i < values.size(); i++) {
            if (i > 0) {
                json.append(',');
            }
            string(json, text.apply(values.get(i)));
        }
        return json.append(']');
    }

    /** A JSON string literal (RFC 8259 §7): quote, backslash and control characters escaped. */
    static StringBuilder string(StringBuilder json, String value) {
        if (!needsEscaping(value)) {
            return json.append('"').append(value).append('"'); // the usual case: one bulk copy, not a char at a time
        }
        json.append('"');
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            switch (c) {
                case '"' -> json.append("\\\"");
                case '\\' -> json.append("\\\\");
                case '\n' -> json.append("\\n");
                case '\r' -> json.append("\\r");
                case '\t' -> json.append("\\t");
                case '\b' -> json.append("\\b");
                case '\f' -> json.append("\\f");
                default -> {
                    if (c < 0x20) {
                        json.append(String.format("\\u%04x", (int) c));
                    } else {
                        json.append(c);
                    }
                }
            }
        }
        return json.append('"');
    }

    private static boolean needsEscaping(String value) {
        for (int i = 0, n = value.length(); i < n; i++) {
            char c = value.charAt(i);
            if (c < 0x20 || c == '"' || c == '\\') {
                return true;
            }
        }
        return false;
    }

    /**
     * This thread's initialised Macs, one per key, and its buffer for the payload's JSON. The last key used is checked
     * by identity first, which spares hashing the key's bytes on every token. The buffer is reused (a new one was a
     * sixth of a token's allocation) unless a large payload grew it past {@link #KEPT}.
     */
    private static final class PerThread {
        private final Map<Key, Mac> byKey = new HashMap<>();
        private Key lastKey;
        private Mac lastMac;
        private StringBuilder json = new StringBuilder(BUFFER);

        String payload(Claims c) {
            var buffer = json;
            buffer.setLength(0);
            var payload = LeanHs256Signer.payload(c, buffer);
            if (buffer.capacity() > KEPT) {
                json = new StringBuilder(BUFFER);
            }
            return payload;
        }

        Mac forKey(Key key) {
            if (key != lastKey) {
                lastMac = byKey.computeIfAbsent(key, PerThread::initialised);
                lastKey = key;
            }
            return lastMac;
        }

        private static Mac initialised(Key key) {
            try {
                var mac = Mac.getInstance("HmacSHA256");
                mac.init(key);
                return mac;
            } catch (GeneralSecurityException e) {
                throw new SigningFailure("HS256 could not use the key: " + (e instanceof InvalidKeyException
                        ? "the JDK's HmacSHA256 refused it" : "this JDK has no HmacSHA256"), e);
            }
        }
    }

    private record LastHeader(JwsHeader header, byte[] encoded) {
    }
}
