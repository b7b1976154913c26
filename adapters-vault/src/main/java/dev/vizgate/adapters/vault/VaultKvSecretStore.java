package dev.vizgate.adapters.vault;

import dev.vizgate.domain.model.SecretFetch;
import dev.vizgate.domain.model.SecretRef;
import dev.vizgate.domain.model.SecretValue;
import dev.vizgate.domain.model.SecretVersion;
import dev.vizgate.domain.model.StoreUnavailableException;
import dev.vizgate.domain.model.Text;
import dev.vizgate.domain.port.SecretStore;
import dev.vizgate.domain.port.SecretWriter;
import io.github.jopenlibs.vault.SslConfig;
import io.github.jopenlibs.vault.Vault;
import io.github.jopenlibs.vault.VaultConfig;
import io.github.jopenlibs.vault.VaultException;
import io.github.jopenlibs.vault.rest.RestResponse;

import java.net.ConnectException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.net.http.HttpClient;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import javax.net.ssl.SSLException;

/**
 * Secrets in Vault's KV version 2 engine, through the vault-java-driver (zero dependencies, on the JDK's HTTP client).
 * A reference's location is {@code <mount>/<path>} ({@code secret/vizgate/tableau}), its field the key inside the
 * secret (default {@code value}); the version is KV's version number. An AppRole token is fetched at the first read
 * and again when Vault refuses the one held (it expired).
 */
public final class VaultKvSecretStore implements SecretStore, SecretWriter {
    public static final String NAME = "vault";
    public static final String DEFAULT_FIELD = "value";

    private final VaultSettings settings;
    private final HttpClient http;
    private final AtomicReference<Vault> client = new AtomicReference<>();

    public VaultKvSecretStore(VaultSettings settings) {
        this.settings = settings;
        // The driver waits in send for every read; the client's work runs on its selector thread and that caller's
        // (a direct executor), not handed to a pool of its own and back for every answer.
        this.http = new TracedHttpClient(HttpClient.newBuilder().connectTimeout(settings.timeout()).followRedirects(HttpClient.Redirect.NEVER)
                .executor(Runnable::run).build());
    }

    @Override
    public SecretFetch fetch(SecretRef ref) {
        try {
            return read(ref, vault());
        } catch (VaultException e) {
            if (e.getHttpStatusCode() == 403 && settings.auth() instanceof VaultSettings.Auth.AppRole) {
                client.set(null); // the AppRole token expired or was revoked: log in again, once
                try {
                    return read(ref, vault());
                } catch (VaultException again) {
                    return failed(ref, again);
                }
            }
            return failed(ref, e);
        }
    }

    /** A new KV version holding {@code value} in the reference's field (default {@code value}). */
    @Override
    public void write(SecretRef ref, String value) {
        try {
            write(ref, value, vault());
        } catch (VaultException e) {
            if (e.getHttpStatusCode() == 403 && settings.auth() instanceof VaultSettings.Auth.AppRole) {
                client.set(null);
                try {
                    write(ref, value, vault());
                    return;
                } catch (VaultException again) {
                    e = again;
                }
            }
            throw new StoreUnavailableException("Vault at " + settings.address().getHost() + " did not take the write to "
                    + ref.location() + (e.getHttpStatusCode() > 0 ? " (HTTP " + e.getHttpStatusCode() + ")" : ""));
        }
    }

    private void write(SecretRef ref, String value, Vault vault) throws VaultException {
        var response = vault.logical().write(ref.location(), Map.of(ref.field().orElse(DEFAULT_FIELD), value));
        var status = response.getRestResponse().getStatus();
        if (status != 200 && status != 204) {
            throw new VaultException("Vault answered HTTP " + status, status);
        }
    }

    private SecretFetch read(SecretRef ref, Vault vault) throws VaultException {
        var response = vault.logical().read(ref.location());
        var status = response.getRestResponse().getStatus();
        if (status != 200) {
            // The driver hands some refusals back as answers rather than exceptions: judge them the same way.
            throw new VaultException("Vault answered HTTP " + status, status);
        }
        var field = ref.field().orElse(DEFAULT_FIELD);
        Map<String, String> data = response.getData();
        var value = data == null ? null : data.get(field);
        var unreadable = (value == null || value.isEmpty()) ? unreadable(response.getRestResponse()) : Optional.<String>empty();
        if (unreadable.isPresent()) {
            // Not Vault's JSON at all: the address is a login page or a proxy, not the secret lacking a field.
            return new SecretFetch.Unavailable("Vault at " + settings.address().getHost() + " answered " + ref.location() + " with something unreadable: "
                    + unreadable.get() + "; check that the address is Vault's API, not a login page or a proxy in front of it");
        }
        if (value == null || value.isEmpty()) {
            return new SecretFetch.Missing("Vault's " + ref.location() + " has no field '" + field + "'");
        }
        var version = response.getDataMetadata() == null ? null : response.getDataMetadata().getVersion();
        if (version == null) {
            return new SecretFetch.Missing("Vault's " + ref.location() + " answered without KV version 2 metadata; is the mount KV v2?");
        }
        var created = Optional.ofNullable(response.getDataMetadata().getMetadataMap().get("created_time")).flatMap(VaultKvSecretStore::instant);
        return new SecretFetch.Found(new SecretValue(value, new SecretVersion("v" + version), created));
    }

    private static Optional<Instant> instant(String text) {
        try {
            return Optional.of(Instant.parse(text));
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }

    private SecretFetch failed(SecretRef ref, VaultException e) {
        var status = e.getHttpStatusCode();
        if (status == 404) {
            return new SecretFetch.Missing("Vault has no secret at " + ref.location());
        }
        // Vault's messages carry paths and reasons, never secret values.
        return new SecretFetch.Unavailable("Vault at " + settings.address().getHost() + " did not answer for " + ref.location()
                + (status > 0 ? " (HTTP " + status + ")" : " (" + words(e) + ")"));
    }

    /** What an answer that is not Vault's JSON was, with its status and content type; empty when it reads as JSON. */
    private static Optional<String> unreadable(RestResponse raw) {
        var type = raw.getMimeType() == null || raw.getMimeType().isBlank() ? "no content type" : raw.getMimeType();
        var body = raw.getBody() == null ? new byte[0] : raw.getBody();
        var start = new String(body, 0, Math.min(64, body.length), StandardCharsets.UTF_8).stripLeading()
                .toLowerCase(Locale.ROOT);
        String what;
        if (body.length == 0) {
            what = "empty";
        } else if (start.startsWith("<") || type.toLowerCase(Locale.ROOT).startsWith("text/html")) {
            what = "an HTML page";
        } else if (!start.startsWith("{")) {
            what = "not JSON";
        } else {
            return Optional.empty();
        }
        return Optional.of(what + " (HTTP " + raw.getStatus() + ", " + Text.oneLine(type, 80) + ")");
    }

    /** Why a call got no answer, in words a reader can act on, never a Java class name. */
    private static String words(Throwable failure) {
        for (var t = failure; t != null; t = t.getCause()) {
            if (t instanceof ConnectException) {
                return "connection refused";
            }
            if (t instanceof HttpTimeoutException || t instanceof SocketTimeoutException) {
                return "timed out";
            }
            if (t instanceof UnknownHostException) {
                return "unknown host";
            }
            if (t instanceof SSLException) {
                return "the TLS handshake failed";
            }
        }
        return "no answer";
    }

    private Vault vault() throws VaultException {
        var current = client.get();
        if (current != null) {
            return current;
        }
        var config = config();
        if (settings.auth() instanceof VaultSettings.Auth.Token t) {
            config.token(t.token());
        }
        var vault = Vault.create(config.build(), 2);
        if (settings.auth() instanceof VaultSettings.Auth.AppRole a) {
            var token = vault.auth().loginByAppRole(a.mount(), a.roleId(), a.secretId()).getAuthClientToken();
            vault = Vault.create(config().token(token).build(), 2);
        }
        client.compareAndSet(null, vault);
        return client.get();
    }

    private VaultConfig config() throws VaultException {
        var seconds = (int) Math.max(1, settings.timeout().toSeconds());
        var config = new VaultConfig().address(settings.address().toString()).engineVersion(2).openTimeout(seconds).readTimeout(seconds);
        if (settings.caCertificate().isEmpty()) {
            // A client of our own (no redirects). With a CA to trust, the driver builds its client from the SslConfig below:
            // a client given to it would ignore that SslConfig (found by VaultOverTlsTest).
            config.httpClient(http);
        }
        if (settings.namespace().isPresent()) {
            config.nameSpace(settings.namespace().get());
        }
        if (settings.caCertificate().isPresent()) {
            config.sslConfig(new SslConfig().pemFile(settings.caCertificate().get().toFile()).build());
        }
        return config;
    }

    @Override
    public String toString() {
        return "VaultKvSecretStore[" + settings.address() + ", " + settings.auth() + "]";
    }
}
