package dev.vizgate.domain.testing;

import java.util.Set;
import java.util.stream.Collectors;

/**
 * The threads of the JDK HTTP client's default executor, a cached pool whose threads it names
 * {@code HttpClient-<client>-Worker-<n>} and keeps 60 s after their last task. An adapter whose client runs its work on
 * its selector thread and the caller's starts none; a test compares the set before and after its calls.
 */
public final class JdkClientPoolThreads {
    private JdkClientPoolThreads() {
    }

    /** The names of those threads alive now. */
    public static Set<String> alive() {
        return Thread.getAllStackTraces().keySet().stream().map(Thread::getName)
                .filter(name -> name.matches("HttpClient-\\d+-Worker-\\d+")).collect(Collectors.toSet());
    }
}
