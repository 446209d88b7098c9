package bulletin.diag;

import java.io.PrintStream;

/**
 * Where a run's time goes, for the benchmark and for anyone asking why: with the environment variable
 * {@code BULLETIN_TIMING} set, each phase prints its milliseconds to stderr. Silent otherwise.
 */
public final class Timing {

    private static final boolean ON = System.getenv("BULLETIN_TIMING") != null;
    private static final long START = System.nanoTime();
    private static long last = START;

    private Timing() {
    }

    public static synchronized void mark(String phase) {
        if (!ON) {
            return;
        }
        long now = System.nanoTime();
        PrintStream err = System.err;
        err.printf("[timing] %-28s %6d ms (total %6d ms)%n", phase, (now - last) / 1_000_000, (now - START) / 1_000_000);
        last = now;
    }
}
