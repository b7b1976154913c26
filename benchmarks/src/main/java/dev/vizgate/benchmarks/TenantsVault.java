package dev.vizgate.benchmarks;

import dev.vizgate.sandbox.VaultStandIn;

import java.nio.file.Path;
import java.time.Clock;
import java.util.Optional;

/**
 * The Vault stand-in as a process of its own for benchmarks/tenants.sh's out-of-process run, holding every tenant's
 * Connected App secret, with the two gateways' configurations written beside it ({@code tenants.yaml} on the given
 * port, {@code solo.yaml} on the next; see {@link GatewayTenantsScale#writeConfigs}).
 * Arguments: folder, number of tenants, port. Once all is written, prints the Vault token on one line and the API key
 * the configurations accept on the next, then serves until killed.
 */
public final class TenantsVault {
    private TenantsVault() {
    }

    public static void main(String[] args) throws Exception {
        var vault = VaultStandIn.start(Clock.systemUTC(), Optional.empty()).token(GatewayTenantsScale.VAULT_TOKEN);
        GatewayTenantsScale.writeConfigs(Path.of(args[0]), vault, Integer.parseInt(args[1]), Integer.parseInt(args[2]));
        System.out.println(GatewayTenantsScale.VAULT_TOKEN);
        System.out.println(GatewayTenantsScale.KEY);
        System.out.flush();
        Thread.currentThread().join();
    }
}
