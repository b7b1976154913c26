package dev.vizgate.adapters.aws;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.vizgate.domain.model.SecretFetch;
import dev.vizgate.domain.model.SecretRef;
import dev.vizgate.domain.model.SecretValue;
import dev.vizgate.domain.model.SecretVersion;
import dev.vizgate.domain.model.StoreUnavailableException;
import dev.vizgate.domain.port.SecretStore;
import dev.vizgate.domain.port.SecretWriter;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.exception.ApiCallAttemptTimeoutException;
import software.amazon.awssdk.core.exception.ApiCallTimeoutException;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClient;
import software.amazon.awssdk.services.secretsmanager.model.GetSecretValueRequest;
import software.amazon.awssdk.services.secretsmanager.model.ResourceNotFoundException;

import java.net.ConnectException;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.net.UnknownHostException;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import javax.net.ssl.SSLException;

/**
 * Secrets in AWS Secrets Manager, through the AWS SDK for Java v2. A reference's location is the secret's name or
 * ARN, optionally followed by {@code @AWSPENDING} (or another staging label; default {@code AWSCURRENT}); its field,
 * when given, is a key of the secret's JSON {@code SecretString}. The version is the SDK's {@code VersionId}.
 * Credentials come from the SDK's default chain (environment, profile, container or instance role) unless given.
 */
public final class SecretsManagerSecretStore implements SecretStore, SecretWriter, AutoCloseable {
    public static final String NAME = "aws";
    public static final String CURRENT = "AWSCURRENT";
    private static final ObjectMapper JSON = new ObjectMapper();

    /** Where the service is; {@code endpoint} overrides it (a VPC endpoint, a stand-in). */
    public record Settings(String region, Optional<URI> endpoint, Duration timeout) {
        public Settings {
            if (region == null || !region.matches("[a-z]{2}(-[a-z]+)+-\\d")) {
                throw new IllegalArgumentException("an AWS region such as eu-west-1, not " + region);
            }
            Objects.requireNonNull(endpoint, "endpoint");
            if (timeout == null || timeout.isNegative() || timeout.isZero()) {
                throw new IllegalArgumentException("the Secrets Manager timeout must be positive");
            }
        }
    }

    private final SecretsManagerClient client;
    private final String where;

    public SecretsManagerSecretStore(Settings settings, AwsCredentialsProvider credentials) {
        var builder = SecretsManagerClient.builder().region(Region.of(settings.region())).credentialsProvider(credentials)
                .httpClient(new JavaNetSdkHttpClient(settings.timeout()));
        settings.endpoint().ifPresent(builder::endpointOverride);
        this.client = builder.build();
        this.where = settings.endpoint().map(URI::getHost).orElse("secretsmanager." + settings.region());
    }

    /** Credentials from the SDK's default provider chain. */
    public static SecretsManagerSecretStore withDefaultCredentials(Settings settings) {
        return new SecretsManagerSecretStore(settings, DefaultCredentialsProvider.builder().build());
    }

    @Override
    public SecretFetch fetch(SecretRef ref) {
        var at = ref.location().lastIndexOf('@');
        var id = at > 0 ? ref.location().substring(0, at) : ref.location();
        var stage = at > 0 ? ref.location().substring(at + 1) : CURRENT;
        try {
            var answer = client.getSecretValue(GetSecretValueRequest.builder().secretId(id).versionStage(stage).build());
            if (answer.secretString() == null || answer.secretString().isEmpty()) {
                return new SecretFetch.Missing("secret " + id + " (" + stage + ") holds no SecretString");
            }
            var value = ref.field().isPresent() ? field(answer.secretString(), ref.field().get()) : Optional.of(answer.secretString());
            if (value.isEmpty()) {
                return new SecretFetch.Missing("secret " + id + " (" + stage + ") is not a JSON object with the field '" + ref.field().get() + "'");
            }
            return new SecretFetch.Found(new SecretValue(value.get(), new SecretVersion(answer.versionId()), Optional.ofNullable(answer.createdDate())));
        } catch (ResourceNotFoundException e) {
            return new SecretFetch.Missing("Secrets Manager has no secret " + id + " at stage " + stage);
        } catch (SdkException e) {
            // The SDK's messages name the service, status and request id, never a secret value.
            return new SecretFetch.Unavailable("Secrets Manager at " + where + " did not answer for " + id + " (" + words(e) + ")");
        }
    }

    /**
     * A new version with {@code value} (as the field of a JSON object when the reference names one), staged
     * {@code AWSCURRENT}; the secret is created on its first write.
     */
    @Override
    public void write(SecretRef ref, String value) {
        var at = ref.location().lastIndexOf('@');
        var id = at > 0 ? ref.location().substring(0, at) : ref.location();
        String text;
        try {
            text = ref.field().isPresent() ? JSON.writeValueAsString(Map.of(ref.field().get(), value)) : value;
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
        try {
            try {
                client.putSecretValue(b -> b.secretId(id).secretString(text));
            } catch (ResourceNotFoundException e) {
                client.createSecret(b -> b.name(id).secretString(text));
            }
        } catch (SdkException e) {
            throw new StoreUnavailableException("Secrets Manager at " + where + " did not take the write to " + id
                    + " (" + words(e) + ")");
        }
    }

    /**
     * Why a call failed, in words: the service's refusal with its status and AWS's error code, or the connection's
     * fate. Never a Java class name.
     */
    static String words(SdkException e) {
        if (e instanceof AwsServiceException refused) {
            var details = refused.awsErrorDetails();
            var code = details == null ? null : details.errorCode();
            return "refused with HTTP " + refused.statusCode() + (code == null ? "" : ", AWS error code " + code);
        }
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof ConnectException) {
                return "connection refused";
            }
            if (t instanceof ApiCallTimeoutException
                    || t instanceof ApiCallAttemptTimeoutException
                    || t instanceof HttpTimeoutException || t instanceof SocketTimeoutException) {
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

    private static Optional<String> field(String json, String name) {
        try {
            var node = JSON.readTree(json);
            var field = node == null ? null : node.get(name);
            return field != null && field.isTextual() && !field.asText().isEmpty() ? Optional.of(field.asText()) : Optional.empty();
        } catch (JsonProcessingException e) {
            return Optional.empty();
        }
    }

    @Override
    public void close() {
        client.close();
    }

    @Override
    public String toString() {
        return "SecretsManagerSecretStore[" + where + "]";
    }
}
