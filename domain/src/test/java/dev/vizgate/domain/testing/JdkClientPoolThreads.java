package dev.vizgate.domain.testing;

import java.util.HashSet;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The threads of the JDK HTTP client's default executor, a cached pool whose threads it names
 * {@code HttpClient-<client>-Worker-<n>} and keeps 60 s after their last task. An adapter whose client runs its work on
 * its selector thread and the caller's starts none.
 */
public final class JdkClientPoolThreads {
    private JdkClientPoolThreads() {
    }

    /** Work that may throw, as a test's calls do. */
    @FunctionalInterface
    public interface Work {
        void run() throws Exception;
    }

    /** The names of those threads that {@code work} left alive and that were not alive before it. */
    public static Set<String> startedDuring(Work work) throws Exception {
        var before = alive();
        work.run();
        var started = new HashSet<>(alive());
        started.removeAll(before);
        return started;
    }

    private static Set<String> alive() {
        return Thread.getAllStackTraces().keySet().stream().map(Thread::getName)
                .filter(name -> name.matches("HttpClient-\\d+-Worker-\\d+")).collect(Collectors.toSet());
    }
}
