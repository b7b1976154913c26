package dev.vizgate.benchmarks;

import dev.vizgate.sandbox.VaultStandIn;

import java.nio.file.Path;
import java.time.Clock;
import java.util.Optional;

/**
 * The Vault stand-in as a process of its own for benchmarks/tenants.sh's out-of-process run, holding every tenant's
 * Connected App secret, with the two gateways' configurations written beside it ({@code tenants.yaml} on the given
 * port, {@code solo.yaml} on the next; see {@link GatewayTenantsScale#writeConfigs}).
 * Arguments: folder, number of tenants, port. Prints the Vault token on one line once all is written, then serves
 * until killed. The API key the configurations accept is {@link GatewayTenantsScale#KEY}.
 */
public final class TenantsVault {
    static final String TOKEN = "hvs.scale";

    private TenantsVault() {
    }

    public static void main(String[] args) throws Exception {
        var vault = VaultStandIn.start(Clock.systemUTC(), Optional.empty()).token(TOKEN);
        GatewayTenantsScale.writeConfigs(Path.of(args[0]), vault, Integer.parseInt(args[1]), Integer.parseInt(args[2]));
        System.out.println(TOKEN);
        System.out.flush();
        Thread.currentThread().join();
    }
}
