package dev.vizgate.sdk;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * A secrets manager Vizgate reads secrets from. Each needs its adapter module on the classpath
 * ({@code vizgate-adapters-vault}, {@code vizgate-adapters-aws}); the sdk does not pull them in, so a deployment
 * carries only the client it uses. Credentials are never printed.
 */
public sealed interface SecretStoreSettings {
    /** HashiCorp Vault's KV version 2 engine. */
    record Vault(URI address, VaultLogin login, Optional<String> namespace, Optional<Path> caCertificate, Duration timeout)
            implements SecretStoreSettings {
        public Vault {
            Objects.requireNonNull(address, "address");
            Objects.requireNonNull(login, "login");
            Objects.requireNonNull(namespace, "namespace");
            Objects.requireNonNull(caCertificate, "caCertificate");
            Objects.requireNonNull(timeout, "timeout");
        }
    }

    /** How Vizgate logs in to Vault. */
    sealed interface VaultLogin {
        record Token(String token) implements VaultLogin {
            @Override
            public String toString() {
                return "Token[redacted]";
            }
        }

        record AppRole(String roleId, String secretId, String mount) implements VaultLogin {
            @Override
            public String toString() {
                return "AppRole[" + roleId + ", " + mount + ", secret id redacted]";
            }
        }
    }

    /**
     * AWS Secrets Manager in {@code region} (an endpoint override for VPC endpoints), with the AWS SDK's default
     * credentials chain: environment, profile, container or instance role.
     */
    record SecretsManager(String region, Optional<URI> endpoint, Duration timeout) implements SecretStoreSettings {
        public SecretsManager {
            if (region == null || !region.matches("[a-z]{2}(-[a-z]+)+-\\d")) {
                throw new IllegalArgumentException("an AWS region such as eu-west-1, not " + region);
            }
            Objects.requireNonNull(endpoint, "endpoint");
            Objects.requireNonNull(timeout, "timeout");
        }
    }
}
