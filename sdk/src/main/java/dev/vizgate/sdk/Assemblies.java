package dev.vizgate.sdk;

import dev.vizgate.sdk.spi.Assembly;

import java.util.List;
import java.util.ServiceLoader;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;

/**
 * Finds the one {@link Assembly} on the runtime classpath, once. The search may start ahead ({@link Vizgate#findAssemblyAhead()}),
 * on a thread of its own, because {@link ServiceLoader} opens every jar on the classpath to look for the service file,
 * which a short-lived process (the CLI) would otherwise wait for after reading its settings.
 */
final class Assemblies {
    static final String LOOKUP_THREAD = "vizgate-assembly-lookup";
    private static final Assemblies ON_THE_CLASSPATH = new Assemblies(Assemblies::search);

    private final Function<ClassLoader, List<Assembly>> search;
    private final AtomicReference<FutureTask<List<Assembly>>> ahead = new AtomicReference<>();
    private volatile Assembly found; // kept once found; a missing one is looked for again, and said again

    Assemblies(Function<ClassLoader, List<Assembly>> search) {
        this.search = search;
    }

    static Assembly found() {
        return ON_THE_CLASSPATH.one();
    }

    static void lookAhead() {
        ON_THE_CLASSPATH.startLooking();
    }

    /** Starts the search on a daemon thread, with the caller's context class loader, unless found or already started. */
    void startLooking() {
        if (found != null) {
            return;
        }
        var loader = Thread.currentThread().getContextClassLoader();
        var task = new FutureTask<>(() -> search.apply(loader));
        if (ahead.compareAndSet(null, task)) {
            var thread = new Thread(task, LOOKUP_THREAD);
            thread.setDaemon(true);
            thread.start();
        }
    }

    Assembly one() {
        var assembly = found;
        if (assembly == null) {
            var started = ahead.getAndSet(null);
            assembly = theOne(started == null ? search.apply(Thread.currentThread().getContextClassLoader()) : awaited(started));
            found = assembly;
        }
        return assembly;
    }

    /** What the search ahead found; what it threw is thrown here, as a search in this thread would have. */
    private List<Assembly> awaited(FutureTask<List<Assembly>> started) {
        try {
            return started.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return search.apply(Thread.currentThread().getContextClassLoader());
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException r) {
                throw r;
            }
            if (e.getCause() instanceof Error error) {
                throw error;
            }
            throw new IllegalStateException(e.getCause());
        }
    }

    private static List<Assembly> search(ClassLoader loader) {
        // The thread's loader first (an application server's or Spring Boot's nested jars), then the sdk's own.
        var all = ServiceLoader.load(Assembly.class, loader).stream().map(ServiceLoader.Provider::get).toList();
        if (all.isEmpty()) {
            all = ServiceLoader.load(Assembly.class, Assemblies.class.getClassLoader()).stream().map(ServiceLoader.Provider::get).toList();
        }
        return all;
    }

    /** The one assembly among those found; none, or more than one, is a packaging mistake said in words. */
    static Assembly theOne(List<Assembly> all) {
        if (all.isEmpty()) {
            throw new AssemblyMissing("no Vizgate assembly is on the runtime classpath, so there is nothing to turn the settings into working parts",
                    "add dev.vizgate:vizgate-assembly with <scope>runtime</scope> beside dev.vizgate:vizgate-sdk (the BOM names its version)");
        }
        if (all.size() > 1) {
            throw new AssemblyMissing(all.size() + " Vizgate assemblies are on the runtime classpath ("
                    + String.join(", ", all.stream().map(a -> a.getClass().getName()).toList()) + "), so which builds the parts is ambiguous",
                    "keep one vizgate-assembly jar on the runtime classpath");
        }
        return all.get(0);
    }
}
