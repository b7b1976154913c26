package dev.vizgate.domain.testing;

import dev.vizgate.domain.model.UseCaseName;
import dev.vizgate.domain.model.UseCaseResult;
import dev.vizgate.domain.port.UseCaseObserver;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What every {@link UseCaseObserver} keeps: each run it is told of is heard once, with its use case and how it ended,
 * in the order the runs ended, a run inside another included; and no run is heard before it ends.
 */
public abstract class UseCaseObserverContract {
    /** A run as the adapter's own record of it shows: its use case, and how it ended. */
    public record Observed(UseCaseName useCase, UseCaseResult result) {
    }

    protected abstract UseCaseObserver observer();

    /** What the adapter's platform holds of the runs that ended, oldest first. */
    protected abstract List<Observed> observed();

    @Test
    void givenARun_itIsHeardOnce_withItsUseCaseAndResult_onlyOnceEnded() {
        var run = observer().start(UseCaseName.ISSUE_TABLEAU_TOKEN);
        assertThat(observed()).isEmpty();
        run.end(UseCaseResult.GRANTED);
        assertThat(observed()).containsExactly(new Observed(UseCaseName.ISSUE_TABLEAU_TOKEN, UseCaseResult.GRANTED));
    }

    @Test
    void givenARunInsideAnother_eachIsHeard_inTheOrderTheyEnded() {
        var outer = observer().start(UseCaseName.OPEN_TABLEAU_NEXT_SESSION);
        var inner = observer().start(UseCaseName.EXCHANGE_FOR_TABLEAU_TOKEN);
        inner.end(UseCaseResult.FAILED);
        outer.end(UseCaseResult.REFUSED);
        assertThat(observed()).containsExactly(new Observed(UseCaseName.EXCHANGE_FOR_TABLEAU_TOKEN, UseCaseResult.FAILED),
                new Observed(UseCaseName.OPEN_TABLEAU_NEXT_SESSION, UseCaseResult.REFUSED));
    }

    @Test
    void eachResult_hasALabelATagMayCarry() {
        assertThat(UseCaseResult.GRANTED.label()).isEqualTo("granted");
        assertThat(UseCaseResult.REFUSED.label()).isEqualTo("refused");
        assertThat(UseCaseName.ISSUE_TABLEAU_TOKEN.label()).isEqualTo("IssueTableauToken");
    }
}
