package dev.vizgate.spring.sample;

import dev.vizgate.domain.testing.TestKeys;
import dev.vizgate.sandbox.SalesforceStandIn;
import dev.vizgate.sandbox.TableauStandIn;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;
import java.util.Map;
import java.util.Set;

/** What the sample application's tests share: the stand-in site and org it talks to, its secret and its assertion key. */
final class SampleStandIns {
    static final String SECRET = "c2VjcmV0LXZhbHVlLWZyb20tdGhlLWNvbm5lY3RlZC1hcHAtMTIzNDU2";

    private SampleStandIns() {
    }

    static TableauStandIn tableau() throws Exception {
        return TableauStandIn.start(TableauStandIn.Site.of("mysite", "client-1", Map.of("secret-1", SECRET.getBytes(StandardCharsets.UTF_8)),
                Set.of("alice@example.com"), Clock.systemUTC()));
    }

    static SalesforceStandIn salesforce() throws Exception {
        return SalesforceStandIn.start(new SalesforceStandIn.Org("3MVG9consumer.key", TestKeys.rsa().getPublic(), "https://login.salesforce.com",
                Set.of("alice@example.com"), Duration.ofHours(2), Clock.systemUTC()));
    }

    /** The JWT bearer flow's private key, as a PEM file the consumer key's certificate matches. */
    static Path assertionKey() throws Exception {
        var key = Files.createTempFile("vizgate-starter", ".pem");
        Files.writeString(key, "-----BEGIN PRIVATE KEY-----\n" + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII))
                .encodeToString(TestKeys.rsa().getPrivate().getEncoded()) + "\n-----END PRIVATE KEY-----\n");
        return key;
    }
}
