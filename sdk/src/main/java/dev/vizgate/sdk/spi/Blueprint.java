package dev.vizgate.sdk.spi;

import dev.vizgate.domain.port.KeySource;
import dev.vizgate.domain.port.PendingAuthorizations;
import dev.vizgate.domain.port.RefreshTokens;
import dev.vizgate.domain.port.ReplayLedger;
import dev.vizgate.domain.port.SalesforceAuthorization;
import dev.vizgate.domain.port.SalesforceIdentities;
import dev.vizgate.domain.port.SecretStore;
import dev.vizgate.domain.port.SessionCache;
import dev.vizgate.domain.port.TokenExchange;
import dev.vizgate.domain.port.TokenIds;
import dev.vizgate.domain.port.TokenSigner;
import dev.vizgate.domain.port.TokenVerifier;
import dev.vizgate.domain.port.UseCaseObserver;
import dev.vizgate.sdk.PlatformAssertionSettings;
import dev.vizgate.sdk.RotationSettings;
import dev.vizgate.sdk.SecretRefresh;
import dev.vizgate.sdk.SecretStoreSettings;
import dev.vizgate.sdk.Setting;
import dev.vizgate.sdk.SharedParts;
import dev.vizgate.sdk.StoreSettings;
import dev.vizgate.sdk.TableauAdminSettings;
import dev.vizgate.sdk.TableauNextSettings;
import dev.vizgate.sdk.TableauSettings;
import io.micrometer.core.instrument.MeterRegistry;

import java.nio.file.Path;
import java.time.Clock;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;

/** Everything a {@link dev.vizgate.sdk.VizgateBuilder} was told, handed to the {@link Assembly} as one value. */
public record Blueprint(Clock clock, Optional<MeterRegistry> meters, UseCaseObserver observer, Settings settings, Swaps swaps, Secrets secrets,
                        Optional<SharedParts> shared) {
    public Blueprint {
        Objects.requireNonNull(observer, "observer");
        Objects.requireNonNull(shared, "shared");
        Objects.requireNonNull(clock, "clock");
        Objects.requireNonNull(meters, "meters");
        Objects.requireNonNull(settings, "settings");
        Objects.requireNonNull(swaps, "swaps");
        Objects.requireNonNull(secrets, "secrets");
    }

    /** The typed settings: what to embed and where the stores live. */
    public record Settings(Optional<TableauSettings> tableau, Optional<TableauNextSettings> tableauNext, StoreSettings store,
                           Optional<PlatformAssertionSettings> platforms, Optional<RotationSettings> rotation,
                           Optional<TableauAdminSettings> tableauAdmin) {
        public Settings {
            Objects.requireNonNull(tableau, "tableau");
            Objects.requireNonNull(tableauNext, "tableauNext");
            Objects.requireNonNull(store, "store");
            Objects.requireNonNull(platforms, "platforms");
            Objects.requireNonNull(rotation, "rotation");
            Objects.requireNonNull(tableauAdmin, "tableauAdmin");
        }
    }

    /** The caller's own adapters, each used instead of the one the settings would build. */
    public record Swaps(Optional<TokenIds> tokenIds, Optional<KeySource> tableauKeys, Optional<TokenSigner> tableauSigner,
                        Optional<TokenExchange> tokenExchange, Optional<SalesforceAuthorization> salesforce,
                        Optional<SalesforceIdentities> salesforceIdentities, Optional<ReplayLedger> replayLedger, Optional<SessionCache> sessionCache,
                        Optional<RefreshTokens> refreshTokens, Optional<PendingAuthorizations> pendingAuthorizations,
                        Optional<TokenVerifier> platformVerifier) {
        public Swaps {
            Objects.requireNonNull(tokenIds, "tokenIds");
            Objects.requireNonNull(tableauKeys, "tableauKeys");
            Objects.requireNonNull(tableauSigner, "tableauSigner");
            Objects.requireNonNull(tokenExchange, "tokenExchange");
            Objects.requireNonNull(salesforce, "salesforce");
            Objects.requireNonNull(salesforceIdentities, "salesforceIdentities");
            Objects.requireNonNull(replayLedger, "replayLedger");
            Objects.requireNonNull(sessionCache, "sessionCache");
            Objects.requireNonNull(refreshTokens, "refreshTokens");
            Objects.requireNonNull(pendingAuthorizations, "pendingAuthorizations");
            Objects.requireNonNull(platformVerifier, "platformVerifier");
        }
    }

    /**
     * Where secrets come from: the caller's own stores (which stay theirs to close), the stores to connect to, how often
     * to read them again, where relative {@code file} references and {@code env} references are looked up, and how a
     * setting is named in metric tags.
     */
    public record Secrets(Map<String, SecretStore> stores, Map<String, SecretStoreSettings> connect, SecretRefresh refresh, Path files,
                          Function<String, String> environment, Function<Setting, String> settingNames) {
        public Secrets {
            stores = Collections.unmodifiableMap(new LinkedHashMap<>(stores)); // in the order given: the first named is opened first
            connect = Collections.unmodifiableMap(new LinkedHashMap<>(connect));
            Objects.requireNonNull(refresh, "refresh");
            Objects.requireNonNull(files, "files");
            Objects.requireNonNull(environment, "environment");
            Objects.requireNonNull(settingNames, "settingNames");
        }
    }
}
