package dev.vizgate.domain.testing;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

/** Racers released at once on their own threads: the contracts' way to prove that exactly one of them wins. */
public final class Race {
    private Race() {
    }

    /** Runs {@code racers} copies of {@code racer} from one starting line and answers their results, in order. */
    public static <T> List<T> run(int racers, Callable<T> racer) throws Exception {
        var pool = Executors.newFixedThreadPool(racers);
        try {
            var start = new CountDownLatch(1);
            var calls = new ArrayList<Callable<T>>();
            for (int i = 0; i < racers; i++) {
                calls.add(() -> {
                    start.await();
                    return racer.call();
                });
            }
            var futures = calls.stream().map(pool::submit).toList();
            start.countDown();
            var results = new ArrayList<T>();
            for (var f : futures) {
                results.add(f.get(60, TimeUnit.SECONDS));
            }
            return results;
        } finally {
            pool.shutdownNow();
        }
    }

    /** How many of {@code racers} racers answered true. */
    public static long winners(int racers, Callable<Boolean> racer) throws Exception {
        return run(racers, racer).stream().filter(Boolean::booleanValue).count();
    }
}
