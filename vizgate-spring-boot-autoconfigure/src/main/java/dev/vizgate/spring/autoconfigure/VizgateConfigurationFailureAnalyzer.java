package dev.vizgate.spring.autoconfigure;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/**
 * Turns a Vizgate setting's mistake, wherever it sits in the chain of causes, into Spring Boot's own "APPLICATION
 * FAILED TO START" report: the setting and the problem as the description, the fix as the action.
 */
public final class VizgateConfigurationFailureAnalyzer extends AbstractFailureAnalyzer<VizgateConfigurationException> {
    @Override
    protected FailureAnalysis analyze(Throwable rootFailure, VizgateConfigurationException cause) {
        return new FailureAnalysis("The Vizgate setting '" + cause.property() + "' is wrong: " + cause.problem() + ".",
                "Fix " + cause.property() + ": " + cause.fix() + ". Every setting is described in Vizgate's configuration reference.", cause);
    }
}
