package dev.vizgate.sdk;

import dev.vizgate.domain.model.ConfigChange;
import dev.vizgate.domain.model.TenantId;
import dev.vizgate.domain.usecase.WhichTenant;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.composite.CompositeMeterRegistry;

import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * Many customers, one library: each tenant's use cases, built from its own settings the first time they are asked for,
 * and built again when its catalogue entry changes. What tenants share (the clock, the stores, the secret stores, the
 * meter registry) comes from {@code base}, a fresh builder per tenant; nothing of one tenant (secret, key, site, token
 * policy) is ever used for another. A changed definition that cannot be built leaves the tenant on its last good one,
 * and says why in {@link #problems()}; every other tenant keeps serving.
 *
 * <pre>{@code
 * try (var tenants = Tenants.of(platformCatalogue, Vizgate::builder)) {
 *     var token = tenants.tenant(new TenantId("acme")).orElseThrow().tableauTokens().orElseThrow().issue(request);
 * }
 * }</pre>
 */
public final class Tenants implements AutoCloseable {
    /**
     * A tenant built from {@code settings}.
     *
     * @param meters the tenant's view of the shared registry, through which its meters were registered
     */
    private static final class Built {
        final TenantSettings settings;
        final Vizgate vizgate;
        final Optional<MeterRegistry> meters;
        /** When the catalogue last answered these settings (or an equal copy) for the tenant, on {@link System#nanoTime()}'s scale. */
        volatile long confirmedAt;

        Built(TenantSettings settings, Vizgate vizgate, Optional<MeterRegistry> meters, long confirmedAt) {
            this.settings = settings;
            this.vizgate = vizgate;
            this.meters = meters;
            this.confirmedAt = confirmedAt;
        }
    }

    private final TenantCatalogue catalogue;
    private final Supplier<VizgateBuilder> base;
    private final Optional<MeterRegistry> meters;
    private final TenantTags tags;
    private final TenantChanges changes;
    /** How long a built tenant's definition is used without asking the catalogue again; 0: asked at every use. */
    private final long trustNanos;
    private final Map<TenantId, Built> built = new ConcurrentHashMap<>();
    private final Map<TenantId, SettingsException> problems = new ConcurrentHashMap<>();
    /** One per tenant being built: callers racing for a tenant wait for one build instead of each building and closing the others'. */
    private final Map<TenantId, Object> building = new ConcurrentHashMap<>();

    private Tenants(TenantCatalogue catalogue, Supplier<VizgateBuilder> base, Optional<MeterRegistry> meters, TenantTags tags, TenantChanges changes,
                    long trustNanos) {
        this.catalogue = Objects.requireNonNull(catalogue, "catalogue");
        this.base = Objects.requireNonNull(base, "base");
        this.meters = Objects.requireNonNull(meters, "meters");
        this.tags = Objects.requireNonNull(tags, "tags");
        this.changes = Objects.requireNonNull(changes, "changes");
        this.trustNanos = trustNanos;
    }

    /** These tenants, telling {@code changes} of each tenant added, changed, removed or refused; before first use. */
    public Tenants reportingTo(TenantChanges changes) {
        if (!built.isEmpty()) {
            throw new IllegalStateException("set where tenant changes go before the first tenant is built");
        }
        return new Tenants(catalogue, base, meters, tags, changes, trustNanos);
    }

    /**
     * These tenants, asking the catalogue for a built tenant at most once per {@code window} on its uses; before first use.
     * A tenant never built, and every tenant at each {@link #sweep()}, is still asked for at once. With a sweep every
     * few seconds (as the gateway runs it) and a window longer than that, a request never waits on the catalogue for a
     * built tenant, and a change still counts within the sweep's period, or within the window should the sweep stall.
     * With 1,000 tenants asked at random, the catalogue's own lookup of each was a tenth of a token's cost over one
     * tenant's: its entry is cold in memory (benchmarks/tenants.sh).
     *
     * @throws IllegalArgumentException when the window is negative
     */
    public Tenants askingAtMostEvery(Duration window) {
        if (window.isNegative()) {
            throw new IllegalArgumentException("the window in which a built tenant is not asked for again cannot be negative: " + window);
        }
        if (!built.isEmpty()) {
            throw new IllegalStateException("set how often the catalogue is asked before the first tenant is built");
        }
        return new Tenants(catalogue, base, meters, tags, changes, window.toNanos());
    }

    /** @param base a fresh builder with what every tenant shares; each tenant adds its own Tableau and Tableau Next settings to it */
    public static Tenants of(TenantCatalogue catalogue, Supplier<VizgateBuilder> base) {
        return new Tenants(catalogue, base, Optional.empty(), TenantTags.defaults(), TenantChanges.NONE, 0);
    }

    /**
     * As {@link #of(TenantCatalogue, Supplier)}, with every tenant's meters in {@code registry} under a {@code tenant}
     * tag (the tenant's id), so one tenant's figures never stand for another's.
     */
    public static Tenants of(TenantCatalogue catalogue, Supplier<VizgateBuilder> base, MeterRegistry registry) {
        return of(catalogue, base, registry, TenantTags.defaults());
    }

    /** As above, with the {@code tenant} tag bounded by {@code tags}: past its limit, tenants share one tag. */
    public static Tenants of(TenantCatalogue catalogue, Supplier<VizgateBuilder> base, MeterRegistry registry, TenantTags tags) {
        return new Tenants(catalogue, base, Optional.of(registry), tags, TenantChanges.NONE, 0);
    }

    /** The tag this tenant's meters carry (its id, or {@link TenantTags#OTHER} past the bound). */
    public String tagFor(TenantId id) {
        return tags.tagFor(id);
    }

    /**
     * The tenant's use cases as its catalogue entry defines them now (or, with {@link #askingAtMostEvery}, as it defined
     * them within that window), or empty when the catalogue has no such tenant.
     *
     * @throws SettingsException when the tenant's first definition cannot be built (a later one that cannot keeps the last good)
     */
    public Optional<Vizgate> tenant(TenantId id) {
        Objects.requireNonNull(id, "id");
        var trusted = confirmedWithinWindow(id);
        return trusted != null ? Optional.of(trusted.vizgate) : ask(id);
    }

    /** The built tenant when the catalogue confirmed its definition within the window; null otherwise, or without a window. */
    private Built confirmedWithinWindow(TenantId id) {
        if (trustNanos == 0) {
            return null;
        }
        var current = built.get(id);
        return current != null && confirmedWithinWindow(current) ? current : null;
    }

    private boolean confirmedWithinWindow(Built tenant) {
        return trustNanos != 0 && System.nanoTime() - tenant.confirmedAt < trustNanos;
    }

    /** Notes that the catalogue just confirmed the tenant; written only with a window, so a hot tenant's entry is not written at each use. */
    private void confirmed(Built tenant) {
        if (trustNanos != 0) {
            tenant.confirmedAt = System.nanoTime();
        }
    }

    /** The tenant as its catalogue entry defines it now, asking the catalogue whatever the window. */
    private Optional<Vizgate> ask(TenantId id) {
        var definition = catalogue.find(id);
        if (definition.isEmpty()) {
            Optional.ofNullable(built.remove(id)).ifPresent(b -> {
                removeMeters(id, b);
                b.vizgate.close();
                changes.changed(id, ConfigChange.REMOVED, "gone from its catalogue");
            });
            problems.remove(id);
            building.remove(id);
            return Optional.empty();
        }
        var settings = definition.get();
        if (!settings.id().equals(id)) {
            throw new IllegalStateException("the catalogue answered tenant " + settings.id() + " when asked for " + id);
        }
        var current = builtFor(id, settings);
        if (current.isPresent()) {
            return current;
        }
        synchronized (building.computeIfAbsent(id, k -> new Object())) {
            var again = builtFor(id, settings); // another caller may have built it while this one waited
            if (again.isPresent()) {
                return again;
            }
            return Optional.of(build(id, settings, built.get(id)));
        }
    }

    /**
     * The tenant's use cases when it is built for its catalogue entry as it is now; empty when asking for it with
     * {@link #tenant} would build it (its first ask, or a changed entry) or when the catalogue has no such tenant. Never
     * builds, so a thread that must not wait (the one that read a request) can ask.
     *
     * @throws RuntimeException what the catalogue throws when it cannot read the entry
     */
    public Optional<Vizgate> ifBuilt(TenantId id) {
        Objects.requireNonNull(id, "id");
        var current = built.get(id);
        if (current == null) {
            return Optional.empty(); // spares the catalogue's lookup for a tenant never built
        }
        if (confirmedWithinWindow(current)) {
            return Optional.of(current.vizgate);
        }
        return catalogue.find(id).flatMap(settings -> builtFor(id, settings));
    }

    /** The tenant built from {@code settings}, or from an equal copy of them; empty when it is not built, or built from other settings. */
    private Optional<Vizgate> builtFor(TenantId id, TenantSettings settings) {
        var current = built.get(id);
        // A catalogue that answers the same object is not compared field by field on every request.
        if (current != null && current.settings == settings) {
            confirmed(current);
            return Optional.of(current.vizgate);
        }
        if (current != null && current.settings.equals(settings)) {
            // An equal copy (two first reads of a file racing, or a catalogue that makes its answer anew) is kept in
            // place of the one built from, so the next ask is the identity check above again for a catalogue that keeps it.
            built.replace(id, current, new Built(settings, current.vizgate, current.meters, System.nanoTime()));
            return Optional.of(current.vizgate);
        }
        return Optional.empty();
    }

    private Vizgate build(TenantId id, TenantSettings settings, Built previous) {
        final Vizgate fresh;
        final Optional<MeterRegistry> view = meters.map(shared -> tagged(shared, tags.tagFor(id)));
        if (previous != null) {
            // A registry hands back the meter it has for an id: the fresh build's gauges would read the replaced one's state.
            // So they go first; a build that fails leaves the last good definition serving without its meters until the next.
            removeMeters(id, previous);
        }
        try {
            var builder = base.get();
            settings.tableau().ifPresent(builder::tableau);
            settings.tableauNext().ifPresent(builder::tableauNext);
            settings.rotation().ifPresent(builder::rotation);
            settings.admin().ifPresent(builder::tableauAdmin);
            view.ifPresent(builder::meterRegistry);
            fresh = builder.build();
        } catch (SettingsException e) {
            if (previous == null) {
                throw e;
            }
            var before = problems.put(id, e);
            if (before == null || !Objects.equals(before.getMessage(), e.getMessage())) { // once per refusal, not per request
                changes.changed(id, ConfigChange.REFUSED, "not valid at " + e.setting().key() + "; its last good definition serves");
            }
            confirmed(previous); // asked again after the window, not built again at every use
            return previous.vizgate; // the last good definition keeps serving
        }
        var replaced = built.put(id, new Built(settings, fresh, view, System.nanoTime()));
        problems.remove(id);
        if (replaced != null && replaced.vizgate != fresh) {
            replaced.vizgate.close();
        }
        changes.changed(id, previous == null ? ConfigChange.ADDED : ConfigChange.CHANGED,
                previous == null ? "first served" : "its changed definition now serves");
        return fresh;
    }

    /**
     * Looks again at every tenant built so far: one gone from the catalogue is closed, one whose definition changed is
     * built again (or refused, keeping its last good one). A gateway calls this every few seconds, so a removed tenant's
     * resources go, and its change is heard, even when no request asks for it.
     */
    public void sweep() {
        for (var id : built.keySet()) {
            try {
                ask(id);
            } catch (RuntimeException e) {
                // a catalogue that cannot be read now is asked again at the next sweep, and by the next request
            }
        }
    }

    /** Takes a tenant's meters out of the shared registry, unless it shares the bounded tag with other tenants. */
    private void removeMeters(TenantId id, Built tenant) {
        if (TenantTags.OTHER.equals(tags.tagFor(id))) {
            return;
        }
        tenant.meters.ifPresent(view -> meters.ifPresent(shared -> view.getMeters().forEach(m -> shared.remove(m.getId()))));
    }

    /** The shared registry seen through the tenant's tag: what a tenant registers there carries {@code tenant=<id>}. */
    private static MeterRegistry tagged(MeterRegistry shared, String tag) {
        var tenant = new CompositeMeterRegistry();
        tenant.config().commonTags("tenant", tag);
        tenant.add(shared);
        return tenant;
    }

    /** Which tenant a request is for, by what its caller proved, against this catalogue. */
    public WhichTenant which() {
        return new WhichTenant(this::exists);
    }

    /** A tenant whose definition cannot be read exists all the same: {@link #tenant} then says why it cannot serve. */
    private boolean exists(TenantId id) {
        try {
            return catalogue.find(id).isPresent();
        } catch (RuntimeException e) {
            return true;
        }
    }

    /** The tenants whose changed definition could not be built, and why; each is serving its last good definition. */
    public Map<TenantId, SettingsException> problems() {
        return Map.copyOf(problems);
    }

    @Override
    public void close() {
        built.values().forEach(b -> b.vizgate.close());
        built.clear();
    }

    @Override
    public String toString() {
        return "Tenants[" + built.size() + " built]";
    }
}
