package dev.vizgate.domain.testing;

import dev.vizgate.domain.port.UseCaseObserver;

import java.util.List;

/** The fake keeps the contract the Micrometer adapter keeps. */
class RecordingUseCaseObserverPassesTheContractTest extends UseCaseObserverContract {
    private final RecordingUseCaseObserver observer = new RecordingUseCaseObserver();

    @Override
    protected UseCaseObserver observer() {
        return observer;
    }

    @Override
    protected List<Observed> observed() {
        return observer.heard().stream().map(h -> new Observed(h.useCase(), h.result())).toList();
    }
}
