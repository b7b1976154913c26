package dev.vizgate.domain.port;

import dev.vizgate.domain.model.UseCaseName;
import dev.vizgate.domain.model.UseCaseResult;

/**
 * Hears each run of a use case from its start to its end, on the thread that runs it, so a face can hang on it what its
 * platform uses: a Micrometer observation in Spring (a span and a timer there), or nothing. It is told the use case
 * and how the run ended, never the request, the user or a credential.
 */
public interface UseCaseObserver {
    /** One run under way; ended once, with how it ended. */
    interface Run {
        void end(UseCaseResult result);
    }

    /** Observes nothing: the default, which costs a run one call that does nothing. */
    UseCaseObserver NONE = useCase -> result -> {
    };

    Run start(UseCaseName useCase);
}
