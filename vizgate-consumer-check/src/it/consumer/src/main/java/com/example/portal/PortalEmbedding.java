package com.example.portal;

import dev.vizgate.domain.model.ClientId;
import dev.vizgate.domain.model.SecretId;
import dev.vizgate.domain.model.SiteContentUrl;
import dev.vizgate.sdk.ConnectedApp;
import dev.vizgate.sdk.TableauSettings;
import dev.vizgate.sdk.Vizgate;
import dev.vizgate.spring.autoconfigure.VizgateAutoConfiguration;

import java.net.URI;

/** Compiles against the published API only: the sdk's front door and the starter's auto-configuration. */
public final class PortalEmbedding {
    static final Class<?> AUTO_CONFIGURATION = VizgateAutoConfiguration.class;

    private PortalEmbedding() {
    }

    static Vizgate vizgate(String secret) {
        var settings = TableauSettings.of(URI.create("https://10ax.online.tableau.com"), new SiteContentUrl("portal"),
                ConnectedApp.Direct.of(new ClientId("client"), new SecretId("secret-id"), secret));
        return Vizgate.builder().tableau(settings).build();
    }
}
