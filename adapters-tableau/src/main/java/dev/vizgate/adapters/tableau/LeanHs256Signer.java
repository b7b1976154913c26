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

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.InvalidKeyException;
import java.security.Key;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
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
    /**
     * One per thread for every signer, not one per signer: with a signer per tenant, a thread's own per signer made a
     * thousand tenants a thousand cold Macs and buffers on each thread, and a ThreadLocal table as long.
     */
    private static final ThreadLocal<PerThread> PER_THREAD = ThreadLocal.withInitial(PerThread::new);
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
        var mine = PER_THREAD.get();
        var body = mine.encodedPayload(draft.claims());
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
     * This thread's Mac, initialised for the key it last signed with, and its buffer for the payload's JSON. The key is
     * checked by identity, which spares hashing its bytes on every token; another key (another tenant's, or a rotated
     * secret's) initialises the Mac again, which costs less than finding a cold Mac of its own. The buffer is reused (a
     * new one was a sixth of a token's allocation) unless a large payload grew it past {@link #KEPT}.
     */
    private static final class PerThread {
        private Key lastKey;
        private Mac mac;
        private JsonBytes json = new JsonBytes();

        /** The payload's JSON, claim by claim in the domain's one layout ({@link Claims#writeTo}), base64url-encoded. */
        byte[] encodedPayload(Claims c) {
            var out = json;
            out.reset();
            out.put('{');
            c.writeTo(out);
            out.put('}');
            var encoded = out.base64url();
            if (out.capacity() > KEPT) {
                json = new JsonBytes();
            }
            return encoded;
        }

        Mac forKey(Key key) {
            if (key != lastKey) {
                lastKey = null; // a key the Mac refuses leaves no key it could be mistaken for
                try {
                    if (mac == null) {
                        mac = Mac.getInstance("HmacSHA256");
                    }
                    mac.init(key);
                } catch (GeneralSecurityException e) {
                    throw new SigningFailure("HS256 could not use the key: " + (e instanceof InvalidKeyException
                            ? "the JDK's HmacSHA256 refused it" : "this JDK has no HmacSHA256"), e);
                }
                lastKey = key;
            }
            return mac;
        }
    }

    /**
     * Writes each claim as {@code "name":value}, comma-separated, as UTF-8 straight into a reused byte array: JSON is
     * ASCII but for what a value brings, so the usual value is checked and copied in one pass, with no StringBuilder,
     * String and getBytes copies between the claims and the bytes the MAC and base64 read (measured: those copies and
     * the builder's capacity checks were a sixth of the signer's time).
     */
    private static final class JsonBytes implements ClaimWriter {
        private byte[] buf = new byte[BUFFER];
        private int len;
        private boolean first;

        void reset() {
            len = 0;
            first = true;
        }

        int capacity() {
            return buf.length;
        }

        byte[] base64url() {
            return B64.encode(ByteBuffer.wrap(buf, 0, len)).array();
        }

        void put(char c) {
            room(1);
            buf[len++] = (byte) c;
        }

        /** Text known to be ASCII with nothing to escape (a literal), as it is. */
        private void ascii(String text) {
            for (int i = 0; i < text.length(); i++) {
                put(text.charAt(i));
            }
        }

        private void room(int more) {
            if (len + more > buf.length) {
                buf = Arrays.copyOf(buf, Math.max(buf.length * 2, len + more));
            }
        }

        private void name(String name) {
            if (!first) {
                put(',');
            }
            first = false;
            string(name);
            put(':');
        }

        /** A JSON string: ASCII that needs no escaping is copied as it is checked; anything else goes the long way. */
        private void string(String value) {
            int n = value.length();
            room(n + 2);
            int at = len;
            buf[at++] = '"';
            for (int i = 0; i < n; i++) {
                char c = value.charAt(i);
                if (c >= 0x80 || c < 0x20 || c == '"' || c == '\\') {
                    escaped(value);
                    return;
                }
                buf[at++] = (byte) c;
            }
            buf[at++] = '"';
            len = at;
        }

        private void escaped(String value) {
            var bytes = LeanHs256Signer.string(new StringBuilder(value.length() + 16), value).toString().getBytes(StandardCharsets.UTF_8);
            room(bytes.length);
            System.arraycopy(bytes, 0, buf, len, bytes.length);
            len += bytes.length;
        }

        private void digits(long v) {
            if (v < 0) {
                put('-');
                if (v == Long.MIN_VALUE) {
                    ascii("9223372036854775808");
                    return;
                }
                v = -v;
            }
            room(19);
            int start = len;
            do {
                buf[len++] = (byte) ('0' + v % 10);
                v /= 10;
            } while (v != 0);
            for (int i = start, j = len - 1; i < j; i++, j--) {
                var t = buf[i];
                buf[i] = buf[j];
                buf[j] = t;
            }
        }

        @Override
        public void text(String name, String value) {
            name(name);
            string(value);
        }

        @Override
        public void seconds(String name, long epochSeconds) {
            name(name);
            digits(epochSeconds);
        }

        @Override
        public void texts(String name, List<String> values) {
            name(name);
            put('[');
            for (int i = 0; i < values.size(); i++) {
                if (i > 0) {
                    put(',');
                }
                string(values.get(i));
            }
            put(']');
        }

        @Override
        public void flag(String name, boolean value) {
            name(name);
            ascii(value ? "true" : "false");
        }
    }

    private record LastHeader(JwsHeader header, byte[] encoded) {
    }
}
