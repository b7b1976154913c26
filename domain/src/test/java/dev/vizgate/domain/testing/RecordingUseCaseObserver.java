package dev.vizgate.domain.testing;

import dev.vizgate.domain.model.UseCaseName;
import dev.vizgate.domain.model.UseCaseResult;
import dev.vizgate.domain.port.UseCaseObserver;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** Keeps each run it hears, as it ended: the fake the use cases' tests read. */
public final class RecordingUseCaseObserver implements UseCaseObserver {
    /** A run that ended. */
    public record Heard(UseCaseName useCase, UseCaseResult result) {
    }

    private final List<Heard> heard = new CopyOnWriteArrayList<>();
    private final List<UseCaseName> open = new CopyOnWriteArrayList<>();

    @Override
    public Run start(UseCaseName useCase) {
        open.add(useCase);
        return new Run() {
            private boolean ended;

            @Override
            public void end(UseCaseResult result) {
                if (ended) {
                    throw new IllegalStateException("a run of " + useCase.label() + " ended twice");
                }
                ended = true;
                open.remove(useCase);
                heard.add(new Heard(useCase, result));
            }
        };
    }

    /** The runs that ended, oldest first. */
    public List<Heard> heard() {
        return List.copyOf(heard);
    }

    /** The runs started and not ended. */
    public List<UseCaseName> open() {
        return List.copyOf(open);
    }
}
