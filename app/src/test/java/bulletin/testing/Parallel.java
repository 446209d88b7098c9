package bulletin.testing;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Independent pieces of one test's work (cases that share no file, no workspace and no global setting) done on
 * both cores: the test JVM runs one class at a time and mostly on one core, so a class whose time is a few hundred
 * independent cases is done in about half the time. The results come back in the cases' order, and the test
 * asserts on them in that order, on its own thread, as it did when it made them one by one.
 *
 * <p>Not the common pool: the program itself runs work there and waits for it, and a test's cases must not wait
 * behind one another's.
 */
public final class Parallel {

    /** What one case gives. */
    @FunctionalInterface
    public interface Case<T, R> {
        R apply(T input) throws Exception;
    }

    /** One case that gives nothing. */
    @FunctionalInterface
    public interface Step<T> {
        void apply(T input) throws Exception;
    }

    /** The threads: one a core, at least two (so a one-core machine still tests that the cases are independent). */
    static final int THREADS = Math.max(2, Runtime.getRuntime().availableProcessors());

    private Parallel() {
    }

    /**
     * Each input's result, in the inputs' order. A case that throws is rethrown as it was (an Error or a
     * RuntimeException; a checked exception wrapped), the first in the inputs' order, once every case has ended.
     */
    public static <T, R> List<R> map(List<T> inputs, Case<? super T, ? extends R> work) {
        ExecutorService pool = Executors.newFixedThreadPool(Math.min(THREADS, Math.max(1, inputs.size())), r -> {
            Thread t = new Thread(r, "test-case");
            t.setDaemon(true);
            return t;
        });
        try {
            List<Future<R>> futures = new ArrayList<>();
            for (T in : inputs) {
                futures.add(pool.submit(() -> work.apply(in)));
            }
            List<R> out = new ArrayList<>();
            Throwable first = null;
            for (Future<R> f : futures) {
                try {
                    out.add(f.get());
                } catch (ExecutionException e) {
                    first = first == null ? e.getCause() : first;
                    out.add(null);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IllegalStateException("interrupted", e);
                }
            }
            if (first instanceof Error err) {
                throw err;
            }
            if (first instanceof RuntimeException re) {
                throw re;
            }
            if (first != null) {
                throw new IllegalStateException(first);
            }
            return out;
        } finally {
            pool.shutdownNow();
        }
    }

    /** {@link #map} for cases that give nothing. */
    public static <T> void each(List<T> inputs, Step<? super T> work) {
        map(inputs, in -> {
            work.apply(in);
            return Boolean.TRUE;
        });
    }
}
