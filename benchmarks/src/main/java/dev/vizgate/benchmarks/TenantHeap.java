package dev.vizgate.benchmarks;

import dev.vizgate.domain.model.Subject;
import dev.vizgate.domain.policy.TableauTokenRequest;
import dev.vizgate.sdk.Tenants;
import dev.vizgate.sdk.Vizgate;

import java.lang.management.ManagementFactory;
import java.util.Optional;

/**
 * The heap 1,000 built tenants hold, each having issued one token: used heap after full collections, before and after,
 * divided by the count (issue 29's target: at most 50 KB per tenant). Prints one line: {@code tenants=… bytes/tenant=…}.
 */
public final class TenantHeap {
    private TenantHeap() {
    }

    public static void main(String[] args) throws Exception {
        var n = args.length > 0 ? Integer.parseInt(args[0]) : 1000;
        var ids = TenantFixtures.ids(n);
        var catalogue = TenantFixtures.catalogue(ids);
        var request = TableauTokenRequest.forUser(new Subject("alice@example.com"));
        try (var tenants = Tenants.of(id -> Optional.ofNullable(catalogue.get(id)), Vizgate::builder)) {
            tenants.tenant(ids.get(0)).orElseThrow().tableauTokens().orElseThrow().issue(request); // classes loaded, caches made
            var before = used();
            for (var id : ids) {
                tenants.tenant(id).orElseThrow().tableauTokens().orElseThrow().issue(request);
            }
            var after = used();
            System.out.println("tenants=" + n + " bytes/tenant=" + (after - before) / (n - 1) + " total-bytes=" + (after - before));
        }
    }

    private static long used() throws InterruptedException {
        var memory = ManagementFactory.getMemoryMXBean();
        for (int i = 0; i < 5; i++) {
            System.gc();
            Thread.sleep(100);
        }
        return memory.getHeapMemoryUsage().getUsed();
    }
}
