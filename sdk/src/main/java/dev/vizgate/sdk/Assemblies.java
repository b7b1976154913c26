package dev.vizgate.sdk;

import dev.vizgate.sdk.spi.Assembly;

import java.util.List;
import java.util.ServiceLoader;

/** Finds the one {@link Assembly} on the runtime classpath, once. */
final class Assemblies {
    private Assemblies() {
    }

    private static volatile Assembly found; // kept once found; a missing one is looked for again, and said again

    static Assembly found() {
        var assembly = found;
        if (assembly == null) {
            assembly = find();
            found = assembly;
        }
        return assembly;
    }

    private static Assembly find() {
        // The thread's loader first (an application server's or Spring Boot's nested jars), then the sdk's own.
        var all = ServiceLoader.load(Assembly.class).stream().map(ServiceLoader.Provider::get).toList();
        if (all.isEmpty()) {
            all = ServiceLoader.load(Assembly.class, Assemblies.class.getClassLoader()).stream().map(ServiceLoader.Provider::get).toList();
        }
        return theOne(all);
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
