package dev.vizgate.adapters.aws;

import dev.vizgate.domain.model.SecretFetch;
import dev.vizgate.domain.model.SecretRef;
import dev.vizgate.domain.model.StoreUnavailableException;
import dev.vizgate.domain.port.SecretStore;
import dev.vizgate.domain.testing.SecretStoreContract;
import dev.vizgate.sandbox.SecretsManagerStandIn;
import org.assertj.core.api.Assertions;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClient;
import software.amazon.awssdk.services.secretsmanager.model.CreateSecretRequest;
import software.amazon.awssdk.services.secretsmanager.model.PutSecretValueRequest;
import software.amazon.awssdk.services.secretsmanager.model.ResourceNotFoundException;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The Secrets Manager adapter, through the real AWS SDK for Java v2 (SigV4, JSON 1.1), against the stand-in over
 * loopback. The test writes with the SDK too, so the SDK judges the stand-in's shapes both ways.
 */
class SecretsManagerSecretStorePassesTheContractTest extends SecretStoreContract {
    static final StaticCredentialsProvider CREDENTIALS = StaticCredentialsProvider.create(AwsBasicCredentials.create("AKIAVIZGATETEST", "test-secret-key"));
    static SecretsManagerStandIn aws;
    static SecretsManagerClient sdk;
    static SecretsManagerSecretStore store;
    static final Set<String> created = new HashSet<>();
    static final AtomicInteger NEXT = new AtomicInteger();

    @BeforeAll
    static void start() throws Exception {
        aws = SecretsManagerStandIn.start(Clock.systemUTC(), "eu-west-1", "AKIAVIZGATETEST");
        sdk = SecretsManagerClient.builder().region(Region.EU_WEST_1).credentialsProvider(CREDENTIALS).endpointOverride(aws.baseUrl())
                .httpClient(new JavaNetSdkHttpClient(Duration.ofSeconds(5))).build();
        store = new SecretsManagerSecretStore(new SecretsManagerSecretStore.Settings("eu-west-1", Optional.of(aws.baseUrl()), Duration.ofSeconds(2)),
                CREDENTIALS);
    }

    @AfterAll
    static void stop() {
        store.close();
        sdk.close();
        aws.close();
    }

    @Override
    protected SecretStore store() {
        return store;
    }

    @Override
    protected void write(SecretRef ref, String value) {
        var name = ref.location();
        if (created.add(name)) {
            sdk.createSecret(CreateSecretRequest.builder().name(name).secretString(value).build());
        } else {
            sdk.putSecretValue(PutSecretValueRequest.builder().secretId(name).secretString(value).build());
        }
    }

    @Override
    protected SecretRef freshRef() {
        return SecretRef.of("aws", "vizgate/tableau-" + NEXT.incrementAndGet());
    }

    @Override
    protected SecretRef missingRef() {
        return SecretRef.of("aws", "vizgate/none");
    }

    @Override
    protected SecretStore unreachableStore() {
        return new SecretsManagerSecretStore(new SecretsManagerSecretStore.Settings("eu-west-1", Optional.of(URI.create("http://127.0.0.1:1")),
                Duration.ofSeconds(1)), CREDENTIALS);
    }

    @Test
    void givenAJsonSecret_aField_readsOneKeyOfIt() {
        sdk.createSecret(CreateSecretRequest.builder().name("vizgate/json").secretString("{\"value\":\"from-json\",\"id\":\"9d4e\"}").build());
        assertThat(store.fetch(SecretRef.of("aws", "vizgate/json").field("value")))
                .isInstanceOfSatisfying(SecretFetch.Found.class, f -> assertThat(f.secret().value()).isEqualTo("from-json"));
        assertThat(store.fetch(SecretRef.of("aws", "vizgate/json").field("absent"))).isInstanceOf(SecretFetch.Missing.class);
    }

    @Test
    void givenAPendingVersion_aStagedReference_readsIt_whileTheCurrentOneStays() {
        sdk.createSecret(CreateSecretRequest.builder().name("vizgate/staged").secretString("current-value").build());
        sdk.putSecretValue(PutSecretValueRequest.builder().secretId("vizgate/staged").secretString("pending-value").versionStages("AWSPENDING").build());
        assertThat(store.fetch(SecretRef.of("aws", "vizgate/staged@AWSPENDING")))
                .isInstanceOfSatisfying(SecretFetch.Found.class, f -> assertThat(f.secret().value()).isEqualTo("pending-value"));
        assertThat(store.fetch(SecretRef.of("aws", "vizgate/staged")))
                .isInstanceOfSatisfying(SecretFetch.Found.class, f -> assertThat(f.secret().value()).isEqualTo("current-value"));
    }

    @Test
    void givenAnOutage_orForeignCredentials_fetch_isUnavailable() {
        sdk.createSecret(CreateSecretRequest.builder().name("vizgate/outage").secretString("v").build());
        var ref = SecretRef.of("aws", "vizgate/outage");
        aws.down(true);
        try {
            assertThat(store.fetch(ref)).isInstanceOf(SecretFetch.Unavailable.class);
        } finally {
            aws.down(false);
        }
        var stranger = new SecretsManagerSecretStore(new SecretsManagerSecretStore.Settings("eu-west-1", Optional.of(aws.baseUrl()),
                Duration.ofSeconds(2)), StaticCredentialsProvider.create(AwsBasicCredentials.create("AKIASTRANGER", "x")));
        assertThat(stranger.fetch(ref)).isInstanceOfSatisfying(SecretFetch.Unavailable.class,
                u -> assertThat(u.detail()).contains("refused with HTTP 4", "AWS error code"));
        var otherRegion = new SecretsManagerSecretStore(new SecretsManagerSecretStore.Settings("us-east-1", Optional.of(aws.baseUrl()),
                Duration.ofSeconds(2)), CREDENTIALS);
        assertThat(otherRegion.fetch(ref)).isInstanceOf(SecretFetch.Unavailable.class);
    }

    @Test
    void givenNothingListening_fetch_saysSoInWords_withoutAJavaClassName() {
        assertThat(unreachableStore().fetch(SecretRef.of("aws", "vizgate/outage"))).isInstanceOfSatisfying(SecretFetch.Unavailable.class,
                u -> assertThat(u.detail()).contains("did not answer", "connection refused").doesNotContainPattern("[A-Z][A-Za-z]+(Exception|Error)\\)"));
    }

    @Test
    void theStandIn_answersTheSdksOwnErrorTypes() {
        assertThatThrownBy(() -> sdk.getSecretValue(b -> b.secretId("vizgate/nowhere"))).isInstanceOf(ResourceNotFoundException.class);
    }

    @Test
    void write_createsTheSecretOnFirstUse_thenAddsVersions_asJsonWhenAFieldIsNamed() {
        var ref = SecretRef.of("aws", "vizgate/written").field("value");
        store.write(ref, "written-once");
        var first = (SecretFetch.Found) store.fetch(ref);
        assertThat(first.secret().value()).isEqualTo("written-once");
        store.write(ref, "written-twice");
        var second = (SecretFetch.Found) store.fetch(ref);
        assertThat(second.secret().value()).isEqualTo("written-twice");
        assertThat(second.secret().version()).isNotEqualTo(first.secret().version());
        assertThat(sdk.getSecretValue(b -> b.secretId("vizgate/written")).secretString()).isEqualTo("{\"value\":\"written-twice\"}");
        assertThat(aws.stages("vizgate/written")).containsExactly(List.of("AWSPREVIOUS"), List.of("AWSCURRENT"));
    }

    @Test
    void givenAnOutage_write_saysTheStoreIsUnavailable() {
        aws.down(true);
        try {
            Assertions.assertThatThrownBy(() -> store.write(SecretRef.of("aws", "vizgate/outage-write"), "v"))
                    .isInstanceOf(StoreUnavailableException.class).hasMessageNotContaining("v\"");
        } finally {
            aws.down(false);
        }
    }
}
