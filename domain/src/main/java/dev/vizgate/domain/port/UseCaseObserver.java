package dev.vizgate.domain.port;

import dev.vizgate.domain.model.UseCaseName;
import dev.vizgate.domain.model.UseCaseResult;

import java.util.function.Function;
import java.util.function.Supplier;

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

    /**
     * Runs {@code body} as one observed run of {@code useCase}, ended with the result its outcome gives, or as failed
     * when it throws (the exception goes on). Each use case runs itself through this, so none spells the bracket out.
     */
    default <T> T observe(UseCaseName useCase, Supplier<T> body, Function<T, UseCaseResult> result) {
        var run = start(useCase);
        var ended = UseCaseResult.FAILED;
        try {
            var outcome = body.get();
            ended = result.apply(outcome);
            return outcome;
        } finally {
            run.end(ended);
        }
    }
}
