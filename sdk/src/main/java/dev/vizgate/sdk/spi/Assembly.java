package dev.vizgate.sdk.spi;

import dev.vizgate.domain.model.AuditVerdict;
import dev.vizgate.domain.port.TokenDecoder;
import dev.vizgate.domain.usecase.RegisterUatConfiguration;
import dev.vizgate.sdk.AuditSettings;
import dev.vizgate.sdk.CloudManagerSettings;
import dev.vizgate.sdk.OpenedAuditTrail;
import dev.vizgate.sdk.StoreProbe;
import dev.vizgate.sdk.StoreSettings;
import dev.vizgate.sdk.TableauAdmin;
import dev.vizgate.sdk.TableauSettings;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * What turns settings into working parts: the one service {@code vizgate-assembly} provides, found through
 * {@link java.util.ServiceLoader} on the runtime classpath, as jjwt finds {@code jjwt-impl}. The sdk compiles against
 * this interface and the domain only, so no adapter class reaches a library user's compile classpath.
 */
public interface Assembly {
    /**
     * Loads and checks every key, opens the clients the settings name, and wires the use cases.
     *
     * @throws dev.vizgate.sdk.SettingsException when a key does not load or is weak, or the settings cannot work together
     */
    Assembled assemble(Blueprint blueprint);

    /** The production decoder of tokens, for the inspector. */
    TokenDecoder tokenDecoder();

    /** Opens one connection to the shared store, asks it to answer, and closes it. */
    StoreProbe.Probe probe(StoreSettings.Redis settings, Duration wait);

    /** A site administrator's session through Tableau's REST API. */
    TableauAdmin tableauAdmin(TableauSettings tableau, String tokenName, String tokenSecret);

    /** A Tableau Cloud Manager tenant's UAT configurations, through its REST API with a personal access token. */
    RegisterUatConfiguration uatConfigurations(CloudManagerSettings settings, String tokenSecret);

    /** The audit trail the settings describe, sealed with {@code key} (already checked for length); the caller closes it. */
    OpenedAuditTrail auditTrail(AuditSettings settings, byte[] key);

    /** A trail's files in the order they were written. */
    List<Path> auditFilesInWrittenOrder(List<Path> files);

    /** The files of the trail whose active file is {@code activeFile}, in the order written. */
    List<Path> auditTrailFiles(Path activeFile) throws IOException;

    /** Reads a trail's files in the order given and finds what was changed, removed, reordered or cut short. */
    AuditVerdict verifyAudit(List<Path> files, byte[] key) throws IOException;
}
