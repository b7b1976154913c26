package dev.vizgate.spring.autoconfigure;

import dev.vizgate.domain.model.UseCaseName;
import dev.vizgate.domain.model.UseCaseResult;
import dev.vizgate.domain.port.UseCaseObserver;
import dev.vizgate.domain.testing.UseCaseObserverContract;
import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationHandler;
import io.micrometer.observation.ObservationRegistry;

import java.util.List;
import java.util.Locale;
import java.util.concurrent.CopyOnWriteArrayList;

/** The Micrometer observer keeps the contract its fake keeps, as an observation handler sees what it stopped. */
class MicrometerUseCaseObserverPassesTheContractTest extends UseCaseObserverContract {
    private final List<Observed> stopped = new CopyOnWriteArrayList<>();
    private final ObservationRegistry registry = ObservationRegistry.create();
    private final MicrometerUseCaseObserver observer;

    MicrometerUseCaseObserverPassesTheContractTest() {
        registry.observationConfig().observationHandler(new ObservationHandler<>() {
            @Override
            public boolean supportsContext(Observation.Context context) {
                return MicrometerUseCaseObserver.NAME.equals(context.getName());
            }

            @Override
            public void onStop(Observation.Context context) {
                var useCase = context.getLowCardinalityKeyValue(MicrometerUseCaseObserver.USE_CASE).getValue();
                var outcome = context.getLowCardinalityKeyValue(MicrometerUseCaseObserver.OUTCOME).getValue();
                stopped.add(new Observed(java.util.Arrays.stream(UseCaseName.values()).filter(n -> n.label().equals(useCase)).findFirst().orElseThrow(),
                        UseCaseResult.valueOf(outcome.toUpperCase(Locale.ROOT))));
            }
        });
        observer = new MicrometerUseCaseObserver(registry);
    }

    /** A run's observation is the current one while it runs, so what the use case calls joins its span. */
    @org.junit.jupiter.api.Test
    void givenARun_itsObservation_isCurrentUntilItEnds() {
        var run = observer.start(UseCaseName.OPEN_TABLEAU_NEXT_SESSION);
        org.assertj.core.api.Assertions.assertThat(registry.getCurrentObservation()).isNotNull()
                .satisfies(o -> org.assertj.core.api.Assertions.assertThat(o.getContext().getContextualName()).isEqualTo("OpenTableauNextSession"));
        run.end(UseCaseResult.GRANTED);
        org.assertj.core.api.Assertions.assertThat(registry.getCurrentObservation()).isNull();
    }

    @Override
    protected UseCaseObserver observer() {
        return observer;
    }

    @Override
    protected List<Observed> observed() {
        return List.copyOf(stopped);
    }
}
