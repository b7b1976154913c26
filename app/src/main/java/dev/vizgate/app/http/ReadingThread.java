package dev.vizgate.app.http;

/**
 * Whether this thread is the one that read the request: a route declared {@link Dispatch#INLINE} answers there, where
 * nothing may wait. A route that finds, once its caller is admitted, that it must wait after all (a tenant's first
 * request builds the tenant, which may read its secret from a secret store) throws {@link MustWait}; the gateway runs the
 * request again on the workers with the caller its admission already accepted, so no budget is spent twice.
 */
final class ReadingThread {
    private static final ThreadLocal<Boolean> HERE = new ThreadLocal<>();

    private ReadingThread() {
    }

    /** Whether the caller runs on the thread that read its request. */
    static boolean here() {
        return HERE.get() != null;
    }

    /** Runs {@code answer} as the reading thread's. */
    static void run(Runnable answer) {
        HERE.set(Boolean.TRUE);
        try {
            answer.run();
        } finally {
            HERE.remove();
        }
    }

    /** This request must wait for something, so it goes to the workers; never seen outside the gateway. */
    static final class MustWait extends RuntimeException {
        MustWait() {
            super("this request waits: it goes to the workers", null, false, false);
        }
    }
}
