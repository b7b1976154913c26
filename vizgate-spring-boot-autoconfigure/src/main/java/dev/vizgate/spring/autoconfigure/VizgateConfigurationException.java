package dev.vizgate.spring.autoconfigure;

import java.util.Objects;

/**
 * A Vizgate setting that stops the application from starting: the property as a Spring user writes it
 * ({@code vizgate.tableau.server-url}), what is wrong, and the fix. Spring Boot prints it as its own failure report
 * ({@link VizgateConfigurationFailureAnalyzer}). Its words never hold a secret's value.
 */
public final class VizgateConfigurationException extends IllegalStateException {
    private final String property;
    private final String problem;
    private final String fix;

    public VizgateConfigurationException(String property, String problem, String fix, Throwable cause) {
        super(property + ": " + problem + " (fix: " + fix + ")", cause);
        this.property = Objects.requireNonNull(property, "property");
        this.problem = Objects.requireNonNull(problem, "problem");
        this.fix = Objects.requireNonNull(fix, "fix");
    }

    public String property() {
        return property;
    }

    public String problem() {
        return problem;
    }

    public String fix() {
        return fix;
    }
}
