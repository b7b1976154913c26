package dev.vizgate.assembly;

import dev.vizgate.adapters.keystore.ConfiguredKeySource;
import dev.vizgate.adapters.keystore.LiveConnectedAppKeys;
import dev.vizgate.adapters.keystore.LiveManagedKeys;
import dev.vizgate.adapters.keystore.RolloverKeySource;
import dev.vizgate.adapters.secrets.SlotsDocument;
import dev.vizgate.domain.model.JwsAlgorithm;
import dev.vizgate.domain.model.KeyId;
import dev.vizgate.domain.model.SettingId;
import dev.vizgate.domain.policy.ConnectedAppTrust;
import dev.vizgate.domain.policy.KeyRollover;
import dev.vizgate.domain.policy.SecretRotation;
import dev.vizgate.domain.port.KeySource;
import dev.vizgate.domain.usecase.LiveSecret;
import dev.vizgate.sdk.ConnectedApp;
import dev.vizgate.sdk.ConnectedAppSecret;
import dev.vizgate.sdk.Setting;
import dev.vizgate.sdk.SettingsException;
import dev.vizgate.sdk.TableauSettings;

import java.time.Clock;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Optional;
import java.util.function.BiFunction;
import java.util.function.Supplier;

/** The Connected App's trust and keys from {@link TableauSettings}; keys are loaded and checked here, once. */
record TableauParts(Supplier<ConnectedAppTrust> trustNow, KeySource keys) {
    TableauParts(ConnectedAppTrust trust, KeySource keys) {
        this(() -> trust, keys);
    }

    /** The trust as it stands now: fixed, or following a rotated secret's kid. */
    ConnectedAppTrust trust() {
        return trustNow.get();
    }


    static TableauParts of(TableauSettings settings, Optional<KeySource> swapped, LiveSecrets live, Clock clock) {
        if (settings.connectedApp() instanceof ConnectedApp.Direct d) {
            var trust = new ConnectedAppTrust.DirectTrust(d.clientId(),
                    new SecretRotation(d.secrets().stream().map(ConnectedAppSecret::id).toList(), d.activeSecret()));
            return new TableauParts(trust, swapped.orElseGet(() -> secrets(d, live)));
        }
        if (settings.connectedApp() instanceof ConnectedApp.Managed m) {
            var setting = Setting.of(SettingId.CONNECTED_APP_MANAGED_SECRET);
            var document = live.follow(setting, m.slots(), v -> LiveManagedKeys.refusal(v, SlotsDocument::read, setting.toString()),
                    "write {\"current\":{\"id\":\"<secret id>\",\"value\":\"<secret>\"}} there");
            var managed = new LiveManagedKeys(m.clientId(), document, SlotsDocument::read, setting.toString());
            return new TableauParts(managed::trust, swapped.orElse(managed));
        }
        // A UAT is signed and published as an EAS token is; only its trust (the claims it lays out) differs.
        var uat = settings.connectedApp() instanceof ConnectedApp.Uat u ? Optional.of(u) : Optional.<ConnectedApp.Uat>empty();
        var eas = uat.map(u -> new ConnectedApp.Eas(u.issuer(), u.signingKeys())).orElseGet(() -> (ConnectedApp.Eas) settings.connectedApp());
        BiFunction<KeyId, JwsAlgorithm, ConnectedAppTrust> trustFor = (kid, alg) -> uat
                .<ConnectedAppTrust>map(u -> new ConnectedAppTrust.UnifiedAccessTokens(u.issuer(), kid, alg, u.uat()))
                .orElseGet(() -> new ConnectedAppTrust.ExternalAuthorizationServer(eas.issuer(), kid, alg, eas.audience()));
        if (swapped.isPresent()) {
            var first = eas.signingKeys().get(0);
            var kid = first.kid().orElseThrow(() -> new SettingsException(Setting.at(SettingId.CONNECTED_APP_SIGNING_KEY, 0),
                    "with keys of your own (a KeySource), the signing key's kid cannot be derived", "name the kid and alg of the key that signs"));
            var alg = first.alg().orElseThrow(() -> new SettingsException(Setting.at(SettingId.CONNECTED_APP_SIGNING_KEY, 0),
                    "with keys of your own (a KeySource), the signing key's alg cannot be derived", "name the kid and alg of the key that signs"));
            return new TableauParts(trustFor.apply(kid, alg), swapped.get());
        }
        var keys = ConfiguredKeySource.builder();
        var kids = new HashSet<KeyId>();
        var loadedKeys = new ArrayList<LoadedKey>();
        for (int i = 0; i < eas.signingKeys().size(); i++) {
            var setting = Setting.at(SettingId.CONNECTED_APP_SIGNING_KEY, i);
            var loaded = KeyLoader.signing(setting, KeyLoader.resolved(setting, eas.signingKeys().get(i), live));
            if (!kids.add(loaded.kid())) {
                throw new SettingsException(setting, "kid " + loaded.kid() + " is used by two keys", "give each key its own kid, or drop the duplicate");
            }
            // Without a rollover only the first key signs; with one, the second signs from its moment on.
            if (loadedKeys.isEmpty() || eas.rolloverAt().isPresent()) {
                keys.signing(loaded.kid(), loaded.algorithm(), loaded.privateKey());
            }
            keys.publishing(loaded.kid(), loaded.algorithm(), loaded.publicKey());
            loadedKeys.add(loaded);
        }
        var first = loadedKeys.get(0);
        if (eas.rolloverAt().isEmpty()) {
            return new TableauParts(trustFor.apply(first.kid(), first.algorithm()), keys.build());
        }
        var second = loadedKeys.get(1);
        var rollover = KeyRollover.of(first.kid(), second.kid(), eas.rolloverAt().get(), settings.token());
        var before = new ConnectedAppTrust.ExternalAuthorizationServer(eas.issuer(), first.kid(), first.algorithm(), eas.audience());
        var after = new ConnectedAppTrust.ExternalAuthorizationServer(eas.issuer(), second.kid(), second.algorithm(), eas.audience());
        var all = keys.build();
        var published = new RolloverKeySource(all, rollover, clock);
        return new TableauParts(() -> rollover.signingAt(clock.instant()).equals(first.kid()) ? before : after, published);
    }

    /** Every secret, inline or stored, is followed through the SecretStore port and checked for strength on each version. */
    private static KeySource secrets(ConnectedApp.Direct d, LiveSecrets live) {
        var keys = new LinkedHashMap<KeyId, LiveSecret>();
        for (int i = 0; i < d.secrets().size(); i++) {
            var setting = Setting.at(SettingId.CONNECTED_APP_SECRET_VALUE, i);
            var secret = d.secrets().get(i);
            keys.put(secret.id().asKeyId(), live.follow(setting, secret.source(), value -> LiveConnectedAppKeys.weakness(setting.toString(), value.value()),
                    "use the whole secret value the Connected App shows (at least 256 bits)"));
        }
        return new LiveConnectedAppKeys(keys);
    }

}
