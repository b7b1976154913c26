package dev.vizgate.adapters.vault;

import dev.vizgate.domain.model.Loopback;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.Objects;
import java.util.Optional;

/**
 * Where Vault is and how to log in: a token, or an AppRole (role id and secret id, the AppRole mount). A namespace
 * (Vault Enterprise / HCP) goes in {@code X-Vault-Namespace}; {@code caCertificate} is a PEM file to trust for TLS.
 * Credentials are never printed.
 */
public record VaultSettings(URI address, Auth auth, Optional<String> namespace, Optional<Path> caCertificate, Duration timeout) {
    public sealed interface Auth {
        record Token(String token) implements Auth {
            public Token {
                if (token == null || token.isBlank()) {
                    throw new IllegalArgumentException("the Vault token is empty");
                }
            }

            @Override
            public String toString() {
                return "Token[redacted]";
            }
        }

        record AppRole(String roleId, String secretId, String mount) implements Auth {
            public AppRole {
                if (roleId == null || roleId.isBlank() || secretId == null || secretId.isBlank()) {
                    throw new IllegalArgumentException("AppRole login needs a role id and a secret id");
                }
                if (mount == null || !mount.matches("[A-Za-z0-9_.-]+(/[A-Za-z0-9_.-]+)*")
                        || Arrays.stream(mount.split("/")).anyMatch(seg -> seg.equals(".") || seg.equals(".."))) {
                    throw new IllegalArgumentException("the AppRole mount is a path such as approle");
                }
            }

            @Override
            public String toString() {
                return "AppRole[" + roleId + ", " + mount + ", secret id redacted]";
            }
        }
    }

    public VaultSettings {
        Objects.requireNonNull(address, "address");
        if (!"https".equals(address.getScheme()) && !("http".equals(address.getScheme()) && Loopback.isLoopback(address.getHost()))) {
            throw new IllegalArgumentException("Vault's address must be https (plain http only on loopback), not " + address);
        }
        Objects.requireNonNull(auth, "auth");
        Objects.requireNonNull(namespace, "namespace");
        Objects.requireNonNull(caCertificate, "caCertificate");
        if (timeout == null || timeout.isNegative() || timeout.isZero()) {
            throw new IllegalArgumentException("the Vault timeout must be positive");
        }
    }
}
