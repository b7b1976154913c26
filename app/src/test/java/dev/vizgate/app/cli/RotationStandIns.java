package dev.vizgate.app.cli;

import dev.vizgate.sandbox.TableauStandIn;
import dev.vizgate.sandbox.VaultStandIn;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * What the rotation tests share: a Tableau site whose Connected App holds the secret "first-id" and an administrator's
 * personal access token, a Vault holding the managed secret's document and that token, and the configuration naming both.
 */
public final class RotationStandIns {
    public static final String FIRST = "first-managed-connected-app-secret-0123456789";

    private RotationStandIns() {
    }

    public static TableauStandIn tableau() throws Exception {
        return TableauStandIn.start(TableauStandIn.Site.of("acme", "6f1c2e7a-client", Map.of("first-id", FIRST.getBytes(StandardCharsets.UTF_8)),
                Set.of("alice@acme.com"), Clock.systemUTC())).personalAccessToken("vizgate-rotation", "pat-secret-value");
    }

    /** A tenant's own site, {@code name}: its Connected App {@code <name>-client} holds "first-id", and the administrator's token. */
    public static TableauStandIn site(String name) throws Exception {
        return TableauStandIn.start(TableauStandIn.Site.of(name, name + "-client", Map.of("first-id", FIRST.getBytes(StandardCharsets.UTF_8)),
                Set.of("alice@" + name + ".com"), Clock.systemUTC())).personalAccessToken("vizgate-rotation", "pat-secret-value");
    }

    /** A Vault that accepts {@code token}, holding each tenant's document at secret/vizgate/{tenant} ("first-id" current) and the token's secret. */
    public static VaultStandIn tenantsVault(String token, String... tenants) throws Exception {
        var vault = VaultStandIn.start(Clock.systemUTC(), Optional.empty()).token(token);
        for (var tenant : tenants) {
            vault.write("secret", "vizgate/" + tenant, Map.of("value", "{\"current\":{\"id\":\"first-id\",\"value\":\"" + FIRST + "\"}}"));
        }
        vault.write("secret", "vizgate/tableau-pat", Map.of("value", "pat-secret-value"));
        return vault;
    }

    /** A Vault (on {@code clock}) that accepts {@code token}, holding the document with "first-id" as current and the token's secret. */
    public static VaultStandIn vault(Clock clock, String token) throws Exception {
        var vault = VaultStandIn.start(clock, Optional.empty()).token(token);
        vault.write("secret", "vizgate/tableau", Map.of("value", "{\"current\":{\"id\":\"first-id\",\"value\":\"" + FIRST + "\"}}"));
        vault.write("secret", "vizgate/tableau-pat", Map.of("value", "pat-secret-value"));
        return vault;
    }

    /** The tableau and secret-stores sections for a managed secret rotated with {@code propagation}; Vault's token is ${VAULT_TOKEN}. */
    public static String config(TableauStandIn tableau, VaultStandIn vault, String propagation) {
        return """
                tableau:
                  server-url: %s
                  site: acme
                  connected-app:
                    client-id: "6f1c2e7a-client"
                    trust: direct
                    managed-secret: { vault: "secret/vizgate/tableau" }
                    rotation:
                      personal-access-token: { name: vizgate-rotation, secret: { vault: "secret/vizgate/tableau-pat" } }
                      propagation: %s
                  token: { max-lifetime: 3s, lifetime: 2s, skew: 1s }
                secret-stores:
                  vault: { address: %s, token: "${VAULT_TOKEN}" }
                """.formatted(tableau.baseUrl(), propagation, vault.baseUrl());
    }
}
