package dev.vizgate.benchmarks;

import dev.vizgate.domain.model.ClientId;
import dev.vizgate.domain.model.SecretId;
import dev.vizgate.domain.model.SiteContentUrl;
import dev.vizgate.domain.model.TenantId;
import dev.vizgate.sdk.ConnectedApp;
import dev.vizgate.sdk.TableauSettings;
import dev.vizgate.sdk.TenantSettings;

import java.net.URI;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** {@code n} customers, each with its own site, connected app and secret, as a platform's catalogue would hold them. */
final class TenantFixtures {
    private TenantFixtures() {
    }

    static List<TenantId> ids(int n) {
        var out = new ArrayList<TenantId>();
        for (int i = 0; i < n; i++) {
            out.add(new TenantId("customer-" + i));
        }
        return out;
    }

    static Map<TenantId, TenantSettings> catalogue(List<TenantId> ids) {
        var out = new HashMap<TenantId, TenantSettings>();
        for (var id : ids) {
            out.put(id, new TenantSettings(id, TableauSettings.of(URI.create("https://10ax.online.tableau.com"), new SiteContentUrl(id.value()),
                    ConnectedApp.Direct.of(new ClientId(id + "-app"), new SecretId(id + "-secret"), "a-connected-app-secret-for-" + id + "-of-32-bytes"))));
        }
        return out;
    }
}
