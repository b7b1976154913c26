package dev.vizgate.spring.autoconfigure;

import dev.vizgate.domain.model.UseCaseName;
import dev.vizgate.domain.port.UseCaseObserver;
import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationRegistry;

import java.util.Objects;

/**
 * Each run of a Vizgate use case as a Micrometer observation, so a Spring application's own setup makes of it what it
 * makes of its other observations: a span in its tracing (current while the run calls Salesforce, Tableau or the
 * identity provider, so those calls carry its trace), and a timer ({@code vizgate.use_case}, tagged with the use case
 * and how it ended). Low-cardinality tags only; never the user or a credential.
 */
public final class MicrometerUseCaseObserver implements UseCaseObserver {
    /** The observation's name, and so its timer's. */
    public static final String NAME = "vizgate.use_case";
    /** The tag naming the use case. */
    public static final String USE_CASE = "use_case";
    /** The tag saying how the run ended: granted, refused or failed. */
    public static final String OUTCOME = "outcome";

    private final ObservationRegistry registry;

    public MicrometerUseCaseObserver(ObservationRegistry registry) {
        this.registry = Objects.requireNonNull(registry, "registry");
    }

    @Override
    public Run start(UseCaseName useCase) {
        var observation = Observation.createNotStarted(NAME, registry).contextualName(useCase.label())
                .lowCardinalityKeyValue(USE_CASE, useCase.label()).start();
        var scope = observation.openScope();
        return result -> {
            scope.close();
            observation.lowCardinalityKeyValue(OUTCOME, result.label());
            observation.stop();
        };
    }
}
