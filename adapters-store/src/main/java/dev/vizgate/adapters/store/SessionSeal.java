package dev.vizgate.adapters.store;

import dev.vizgate.domain.model.AccessToken;
import dev.vizgate.domain.model.InstanceUrl;
import dev.vizgate.domain.model.RefreshToken;
import dev.vizgate.domain.model.SalesforceSession;
import dev.vizgate.domain.model.Subject;

import javax.crypto.Cipher;
import javax.crypto.Mac;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Optional;

/**
 * Sessions leave the process only sealed: AES-256-GCM with a random nonce and the Redis key as associated data
 * (a sealed session cannot be moved to another user's key), and keys that are an HMAC of the user name, so Redis
 * holds neither tokens nor user names. Both keys derive from one store secret of at least 256 bits.
 */
public final class SessionSeal {
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final byte VERSION = 1;

    private final SecretKeySpec encryption;
    private final SecretKeySpec naming;

    public SessionSeal(byte[] storeSecret) {
        if (storeSecret.length < 32) {
            throw new IllegalArgumentException("the store secret must be at least 256 bits (32 bytes); it is " + storeSecret.length * 8);
        }
        this.encryption = new SecretKeySpec(derive(storeSecret, "vizgate session encryption v1"), "AES");
        this.naming = new SecretKeySpec(derive(storeSecret, "vizgate session naming v1"), "HmacSHA256");
    }

    public String key(String namespace, Subject subject) {
        return key(namespace, subject.value());
    }

    /** A Redis key that names {@code name} without revealing it: an HMAC under the store secret. */
    public String key(String namespace, String name) {
        try {
            var mac = Mac.getInstance("HmacSHA256");
            mac.init(naming);
            return "vizgate:" + namespace + ":" + HexFormat.of().formatHex(mac.doFinal(name.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    public byte[] seal(String key, SalesforceSession session) {
        try {
            var plain = new ByteArrayOutputStream();
            var out = new DataOutputStream(plain);
            out.writeByte(VERSION);
            out.writeUTF(session.accessToken().value());
            out.writeUTF(session.instanceUrl().toString());
            out.writeLong(session.issuedAt().toEpochMilli());
            out.writeLong(session.assumedExpiry().toEpochMilli());
            out.writeBoolean(session.refreshToken().isPresent());
            if (session.refreshToken().isPresent()) {
                out.writeUTF(session.refreshToken().get().value());
            }
            return sealBytes(key, plain.toByteArray());
        } catch (IOException e) {
            throw new IllegalStateException("sealing a session failed", e);
        }
    }

    /** AES-256-GCM of {@code plain} under a random nonce, bound to {@code key} as associated data. */
    public byte[] sealBytes(String key, byte[] plain) {
        try {
            var nonce = new byte[12];
            RANDOM.nextBytes(nonce);
            var cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, encryption, new GCMParameterSpec(128, nonce));
            cipher.updateAAD(key.getBytes(StandardCharsets.UTF_8));
            var sealed = cipher.doFinal(plain);
            var result = new byte[nonce.length + sealed.length];
            System.arraycopy(nonce, 0, result, 0, nonce.length);
            System.arraycopy(sealed, 0, result, nonce.length, sealed.length);
            return result;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("sealing failed", e);
        }
    }

    /** Empty when the bytes were not sealed under this secret and key, or were tampered with. */
    public Optional<byte[]> openBytes(String key, byte[] sealed) {
        if (sealed == null || sealed.length < 12 + 16) {
            return Optional.empty();
        }
        try {
            var cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.DECRYPT_MODE, encryption, new GCMParameterSpec(128, sealed, 0, 12));
            cipher.updateAAD(key.getBytes(StandardCharsets.UTF_8));
            return Optional.of(cipher.doFinal(sealed, 12, sealed.length - 12));
        } catch (GeneralSecurityException e) {
            return Optional.empty();
        }
    }

    /** Empty when the bytes were not sealed under this secret and key, or were tampered with. */
    public Optional<SalesforceSession> open(String key, byte[] sealed) {
        var opened = openBytes(key, sealed);
        if (opened.isEmpty()) {
            return Optional.empty();
        }
        try {
            var plain = opened.get();
            var in = new DataInputStream(new ByteArrayInputStream(plain));
            if (in.readByte() != VERSION) {
                return Optional.empty();
            }
            var access = new AccessToken(in.readUTF());
            var instance = InstanceUrl.of(in.readUTF());
            var issued = Instant.ofEpochMilli(in.readLong());
            var expiry = Instant.ofEpochMilli(in.readLong());
            var refresh = in.readBoolean() ? Optional.of(new RefreshToken(in.readUTF())) : Optional.<RefreshToken>empty();
            return Optional.of(new SalesforceSession(access, instance, issued, expiry, refresh));
        } catch (IOException | IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    private static byte[] derive(byte[] secret, String purpose) {
        try {
            var mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret, "HmacSHA256"));
            return mac.doFinal(purpose.getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public String toString() {
        return "SessionSeal[keys redacted]";
    }
}
