package dev.vizgate.adapters.aws;

import dev.vizgate.domain.model.SecretFetch;
import dev.vizgate.domain.model.SecretRef;
import dev.vizgate.sandbox.SecretsManagerStandIn;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanContext;
import io.opentelemetry.api.trace.TraceFlags;
import io.opentelemetry.api.trace.TraceState;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClient;
import software.amazon.awssdk.services.secretsmanager.model.CreateSecretRequest;

import java.time.Clock;
import java.time.Duration;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 32, item 6: a read made for a request carries that request's trace to AWS Secrets Manager (W3C
 * {@code traceparent}, beside the SigV4 signature, which does not cover it: the stand-in checks the signature as AWS
 * does); a read made with no trace current carries none.
 */
class AwsCallsCarryTheTraceTest {
    static final String TRACE = "4bf92f3577b34da6a3ce929d0e0e4736";
    static final String SPAN = "00f067aa0ba902b7";
    static final StaticCredentialsProvider CREDENTIALS = StaticCredentialsProvider.create(AwsBasicCredentials.create("AKIAVIZGATETEST", "test-secret-key"));

    @Test
    void givenACurrentTrace_aRead_carriesIt_andWithoutOne_carriesNone() throws Exception {
        try (var aws = SecretsManagerStandIn.start(Clock.systemUTC(), "eu-west-1", "AKIAVIZGATETEST");
             var sdk = SecretsManagerClient.builder().region(Region.EU_WEST_1).credentialsProvider(CREDENTIALS).endpointOverride(aws.baseUrl())
                     .httpClient(new JavaNetSdkHttpClient(Duration.ofSeconds(5))).build();
             var store = new SecretsManagerSecretStore(new SecretsManagerSecretStore.Settings("eu-west-1", Optional.of(aws.baseUrl()),
                     Duration.ofSeconds(2)), CREDENTIALS)) {
            sdk.createSecret(CreateSecretRequest.builder().name("vizgate/traced").secretString("v").build());
            var ref = SecretRef.of("aws", "vizgate/traced");
            assertThat(store.fetch(ref)).isInstanceOf(SecretFetch.Found.class);
            assertThat(aws.traceparents().all()).as("no trace current").isEmpty();
            try (var ignored = Span.wrap(SpanContext.create(TRACE, SPAN, TraceFlags.getSampled(), TraceState.getDefault())).makeCurrent()) {
                assertThat(store.fetch(ref)).as("signed as before: the header is not part of the signature").isInstanceOf(SecretFetch.Found.class);
            }
            assertThat(aws.traceparents().all()).singleElement().satisfies(seen -> assertThat(seen.traceparent()).isEqualTo("00-" + TRACE + "-" + SPAN + "-01"));
        }
    }
}
