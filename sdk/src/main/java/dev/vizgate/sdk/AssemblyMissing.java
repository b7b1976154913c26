package dev.vizgate.sdk;

/**
 * The runtime classpath has no Vizgate assembly, or more than one: a packaging mistake, reported with what to add or
 * remove instead of a {@link java.util.ServiceConfigurationError}.
 */
public final class AssemblyMissing extends IllegalStateException {
    private final String fix;

    AssemblyMissing(String problem, String fix) {
        super(problem + "; " + fix);
        this.fix = fix;
    }

    /** What to change in the build. */
    public String fix() {
        return fix;
    }
}
