package dev.vizgate.app.cli;

import dev.vizgate.config.ConfigError;
import dev.vizgate.config.ConfigLoader;
import dev.vizgate.config.ConfigSettings;
import dev.vizgate.config.ConfiguredTenants;
import dev.vizgate.domain.model.TenantId;
import dev.vizgate.sdk.RotationSettings;
import dev.vizgate.sdk.TableauAdminSettings;
import dev.vizgate.sdk.TableauNextSettings;
import dev.vizgate.sdk.TableauSettings;
import dev.vizgate.sdk.TenantSettings;
import picocli.CommandLine.Option;

import java.util.Optional;

/**
 * {@code --tenant ID}, shared by the commands that act for one Connected App or one org: with it, the tenant's own
 * Tableau section (with its rotation and administrator's token) or Salesforce section; without it, the configuration's one {@code tableau:} section, and a tenants configuration is told to
 * name one.
 */
final class TenantOption {
    @Option(names = "--tenant", paramLabel = "ID", description = "With tenants: configured, act for this tenant's Connected App (its id).")
    String tenant;

    /** The Tableau section to act for. */
    TableauSettings tableau(ConfigLoader.Loaded loaded) {
        return tenant == null ? oneTenant(loaded) : settings(loaded).tableau().orElseThrow(() -> new ConfigError(at("tableau"),
                "this tenant embeds Tableau Next alone, so it has no Connected App", "give the tenant a tableau: section, or use frontdoor"));
    }

    /** The Tableau Next section (org and External Client App) to act for. */
    TableauNextSettings tableauNext(ConfigLoader.Loaded loaded) {
        if (tenant == null) {
            if (loaded.config().salesforce() == null && loaded.config().tenants() != null) {
                throw new ConfigError("tenants", "this configuration serves tenants, each with its own org", "name the tenant: --tenant <id>");
            }
            return ConfigSettings.tableauNext(loaded.config(), loaded.files());
        }
        return settings(loaded).tableauNext().orElseThrow(() -> new ConfigError(at("salesforce"),
                "this tenant has no salesforce: section, so it has no Tableau Next", "give the tenant its salesforce: section"));
    }

    /** The site administrator's personal access token, when configured. */
    Optional<TableauAdminSettings> admin(ConfigLoader.Loaded loaded) {
        if (tenant == null) {
            oneTenant(loaded);
            return ConfigSettings.admin(loaded.config(), loaded.files());
        }
        return settings(loaded).admin();
    }

    /** Its rotation, when configured. */
    Optional<RotationSettings> rotation(ConfigLoader.Loaded loaded) {
        return tenant == null ? ConfigSettings.rotation(loaded.config(), loaded.files()) : settings(loaded).rotation();
    }

    /** {@code --tenant} and {@code --all-tenants} together ask for two things: a usage error. */
    static void oneOrAll(String tenant, boolean allTenants) {
        if (tenant != null && allTenants) {
            throw new Cli.UsageError("--tenant and --all-tenants: give one or the other");
        }
    }

    /** The tenants {@code --all-tenants} goes through; a configuration without a {@code tenants:} section has none. */
    static ConfiguredTenants allTenants(ConfigLoader.Loaded loaded) {
        return ConfiguredTenants.of(loaded.config(), loaded.files()).orElseThrow(() -> new ConfigError("tenants",
                "--all-tenants needs the tenants: section", "leave it out, or add the tenants: section"));
    }

    /** Where a missing key is, in the configuration's words: the top-level section, or the tenant's. */
    String at(String key) {
        return tenant == null ? key : "tenant " + tenant + ", " + key;
    }

    private static TableauSettings oneTenant(ConfigLoader.Loaded loaded) {
        if (loaded.config().tableau() == null && loaded.config().tenants() != null) {
            throw new ConfigError("tenants", "this configuration serves tenants, each with its own Connected App", "name the tenant: --tenant <id>");
        }
        return ConfigSettings.tableau(loaded.config(), loaded.files());
    }

    TenantSettings settings(ConfigLoader.Loaded loaded) {
        var id = Cli.parse("--tenant", () -> new TenantId(tenant));
        var tenants = ConfiguredTenants.of(loaded.config(), loaded.files()).orElseThrow(() -> new ConfigError("tenants",
                "--tenant names a tenant, and this configuration has no tenants: section", "leave out --tenant, or add the tenants: section"));
        return tenants.find(id).orElseThrow(() -> unknown(id));
    }

    /** The tenant's sections as written, or the whole file without {@code --tenant}: for keys the sdk's settings do not carry. */
    ConfigLoader.Loaded sections(ConfigLoader.Loaded loaded) {
        if (tenant == null) {
            return loaded;
        }
        var id = Cli.parse("--tenant", () -> new TenantId(tenant));
        return ConfiguredTenants.sections(loaded.config(), loaded.files(), id).orElseThrow(() -> unknown(id));
    }

    private static ConfigError unknown(TenantId id) {
        return new ConfigError("tenants", "no tenant " + id + " is listed or has a file in the directory", "check the id, or add the tenant");
    }
}
