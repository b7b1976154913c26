package dev.vizgate.config;

import dev.vizgate.sdk.PlatformAssertionSettings;
import dev.vizgate.sdk.RotationSettings;
import dev.vizgate.sdk.SettingsException;
import dev.vizgate.sdk.SharedParts;
import dev.vizgate.sdk.StoreSettings;
import dev.vizgate.sdk.TableauAdminSettings;
import dev.vizgate.sdk.TableauNextSettings;
import dev.vizgate.sdk.TableauSettings;
import dev.vizgate.sdk.Vizgate;
import dev.vizgate.sdk.VizgateBuilder;

import java.time.Clock;
import java.util.ArrayList;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * The configuration file as the sdk's settings, section by section. {@code serve}, {@code doctor} and every other
 * command go through here and then through {@link VizgateBuilder#build()}, so they cannot disagree about what is
 * valid. Every refusal, the sdk's included, is a {@link ConfigError} at a key path with environment values withheld.
 */
public final class ConfigSettings {
    private ConfigSettings() {
    }

    public static TableauSettings tableau(VizgateConfig config, ConfigFiles files) {
        return map(files, () -> TableauMapping.from(Check.required(config.tableau(), "tableau",
                "add a tableau: section with server-url and connected-app"), files));
    }

    /** {@code tableau.connected-app.rotation}, when the configuration has one. */
    public static Optional<RotationSettings> rotation(VizgateConfig config, ConfigFiles files) {
        return map(files, () -> TableauMapping.rotation(config.tableau(), files));
    }

    /** The site administrator's personal access token ({@code tableau.admin}, else the rotation's), when configured. */
    public static Optional<TableauAdminSettings> admin(VizgateConfig config, ConfigFiles files) {
        return map(files, () -> TableauMapping.admin(config.tableau(), files));
    }

    public static TableauNextSettings tableauNext(VizgateConfig config, ConfigFiles files) {
        return map(files, () -> SalesforceMapping.from(Check.required(config.salesforce(), "salesforce",
                "add a salesforce: section with token-url, audience, consumer-key and private-key"), files));
    }

    /**
     * {@code server.nodes}: how many gateway nodes serve together. With {@code store: memory} each keeps its own replay
     * ledger, so more than one is refused (a platform assertion could be spent once on every node). Serve and doctor
     * both ask here.
     */
    public static void nodes(VizgateConfig config) {
        var nodes = config.server() == null ? null : config.server().nodes();
        if (nodes == null) {
            return;
        }
        if (nodes < 1) {
            throw new ConfigError("server.nodes", "nodes is " + nodes, "give the number of gateway nodes that serve together, 1 or more");
        }
        var memory = config.store() == null || config.store().type() == null || "memory".equals(config.store().type());
        if (memory && nodes > 1) {
            throw new ConfigError("server.nodes", "with store: memory each of the " + nodes + " nodes keeps its own replay ledger,"
                    + " so a platform assertion could be spent once on every node", "use store: { type: redis, url: …, secret: … } shared by every node");
        }
    }

    public static StoreSettings store(VizgateConfig config, ConfigFiles files) {
        return map(files, () -> StoreMapping.from(config.store(), files));
    }

    public static Optional<PlatformAssertionSettings> platforms(VizgateConfig config, ConfigFiles files) {
        return map(files, () -> PlatformMapping.from(config.callers(), files, config.tenants() != null));
    }

    /** The secret stores and refresh schedule every builder gets, so a secret reference resolves the same way in every command. */
    public static VizgateBuilder withSecretStores(VizgateBuilder builder, VizgateConfig config, ConfigFiles files) {
        var stores = map(files, () -> SecretStoresMapping.stores(config.secretStores(), files));
        stores.forEach(builder::secretStore);
        return readingSecrets(builder, config, files);
    }

    /** How often stored secrets are read again, where {@code file} and {@code env} references resolve, and how settings are named. */
    private static VizgateBuilder readingSecrets(VizgateBuilder builder, VizgateConfig config, ConfigFiles files) {
        return builder.secretRefresh(map(files, () -> SecretStoresMapping.refresh(config.secretRefresh())))
                .secretFilesRelativeTo(files.baseDir()).environment(files.environment()).settingNames(SettingPaths::yaml);
    }

    /** Builds what the settings describe: keys load and are checked here, exactly as {@code serve} does. */
    public static Vizgate build(ConfigFiles files, VizgateBuilder builder) {
        return map(files, builder::build);
    }

    /** Runs a mapping step; the sdk's own refusals become ConfigErrors too, and environment values are withheld. */
    public static <T> T map(ConfigFiles files, Supplier<T> step) {
        return files.wire(() -> {
            try {
                return step.get();
            } catch (SettingsException e) {
                throw new ConfigError(SettingPaths.yaml(e.setting()), SettingPaths.spelledOut(e.problem()), SettingPaths.spelledOut(e.fix()));
            }
        });
    }

    /**
     * The sdk's builder with every section this configuration has: what {@code serve} builds, {@code doctor} checks and
     * the Spring Boot starter exposes as beans.
     */
    /**
     * What every tenant's builder starts from: the clock, the store and the secret stores of this configuration. Each
     * tenant adds only its own Tableau section.
     */
    public static VizgateBuilder tenantBase(VizgateConfig config, ConfigFiles files, Clock clock) {
        return withSecretStores(Vizgate.builder().clock(clock).store(store(config, files)), config, files);
    }

    /**
     * As {@link #tenantBase(VizgateConfig, ConfigFiles, Clock)}, using {@code shared}'s secret-store clients and stores
     * instead of opening a set per tenant: one Vault client and one Redis pool for a thousand tenants.
     */
    public static VizgateBuilder tenantBase(VizgateConfig config, ConfigFiles files, Clock clock, SharedParts shared) {
        return readingSecrets(Vizgate.builder().clock(clock).sharing(shared), config, files);
    }

    /**
     * {@code salesforce.flow: token-exchange} exchanges the identity-provider token a caller proved the user with, so a
     * configuration that lists no identity provider among its callers could never open a session: refused at the flow.
     */
    public static void tokenExchangeCallers(VizgateConfig config) {
        var sections = new ArrayList<VizgateConfig.Salesforce>();
        sections.add(config.salesforce());
        if (config.tenants() != null) {
            sections.add(config.tenants().defaults() == null ? null : config.tenants().defaults().salesforce());
            if (config.tenants().list() != null) {
                config.tenants().list().forEach(t -> sections.add(t == null ? null : t.salesforce()));
            }
        }
        var exchanging = sections.stream().anyMatch(s -> s != null && "token-exchange".equals(s.flow()));
        if (exchanging && !hasIdentityProviders(config)) {
            throw new ConfigError("salesforce.flow", "flow: token-exchange exchanges the identity-provider token a caller proved the user with,"
                    + " but callers.identity-providers lists none, so no caller could ever have one",
                    "list the platform's identity provider under callers.identity-providers, or choose another flow");
        }
    }

    /** Whether {@code callers.identity-providers} lists any. */
    public static boolean hasIdentityProviders(VizgateConfig config) {
        return config.callers() != null && config.callers().identityProviders() != null && !config.callers().identityProviders().isEmpty();
    }

    public static VizgateBuilder builder(VizgateConfig config, ConfigFiles files, Clock clock) {
        if (config.tableau() == null && config.salesforce() == null && config.tenants() == null) {
            throw new ConfigError("", "neither tableau:, salesforce: nor tenants: is configured, so the gateway would serve nothing",
                    "add the section for the Tableau you embed");
        }
        if (config.tenants() != null && (config.tableau() != null || config.salesforce() != null)) {
            // Every caller of a tenants gateway is bound to tenants, so a top-level section would hand its tokens to
            // callers that proved only a tenant: the one-tenant routes would cross the boundary.
            var section = config.tableau() != null ? "tableau" : "salesforce";
            throw new ConfigError(section, "with tenants: configured, the gateway serves its tenants only, and a top-level " + section
                    + ": section would be served to every tenant's callers", "move it into a tenant: tenants.list: [ { id: <name>, " + section + ": … } ]");
        }
        tokenExchangeCallers(config);
        var builder = withSecretStores(Vizgate.builder().clock(clock).store(store(config, files)), config, files);
        if (config.tableau() != null) {
            builder.tableau(tableau(config, files));
        }
        if (config.salesforce() != null) {
            builder.tableauNext(tableauNext(config, files));
        }
        platforms(config, files).ifPresent(builder::platformAssertions);
        return builder;
    }
}
