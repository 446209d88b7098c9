package bulletin.cli;

import bulletin.diag.ExitCode;
import java.io.PrintWriter;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.util.ArrayDeque;
import java.util.List;
import java.util.Locale;

/**
 * A run that does not fit its heap ends with exit 2 and a message that says how to give it more, never with a
 * stack trace, an exit 1 (the code for wrong workbooks) or minutes of garbage collection.
 *
 * <p>Two ways it shows. An {@link OutOfMemoryError} reaches {@link Main} (directly, or as the cause of what a
 * worker thread threw): {@link #is} recognises it. Or a heap just too small is never "out of memory": each
 * collection frees a little, and the program spins collecting for minutes (the serial collector has no overhead
 * limit; the parallel one, which the launchers choose, throws only once 98% of the time goes to collecting, and
 * a {@code BULLETIN_JAVA_OPTS} may choose either). {@link #guard} watches for that:
 * when collections take more than {@link #SHARE} of the last {@link #WINDOW_MS} milliseconds, the process says so and
 * stops with exit 2. It is started by {@link Main#main} only, never by in-process runs (tests), and it is the one
 * place besides {@code main} that ends the process: a run that cannot go on is ended as a kill would end it, which
 * the workspace's undo journal already makes safe (the month's outputs are left as they were).
 */
final class OutOfMemory {

    /** The window over which the share of collection time is judged. */
    static final long WINDOW_MS = 3000;
    /** The share of the window spent collecting that counts as spinning. */
    static final double SHARE = 0.85;
    private static final long POLL_MS = 100;
    /** When the watch begins: a spin is judged over a whole window after that. */
    private static final long START_MS = 1000;

    private OutOfMemory() {
    }

    /** Whether {@code e} or one of its causes is an {@link OutOfMemoryError}. */
    static boolean is(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof OutOfMemoryError) {
                return true;
            }
        }
        return false;
    }

    /** The message, with the heap this run had and one to try (twice as much, at least 256 MiB). */
    static String message() {
        long max = Runtime.getRuntime().maxMemory();
        long mib = max == Long.MAX_VALUE ? 0 : max / (1024 * 1024);
        long next = 256;
        while (next < mib * 2) {
            next *= 2;
        }
        return String.format(Locale.ROOT, "错误: 内存不足：请用 BULLETIN_JAVA_OPTS=-Xmx%dm 加大内存（这次最多可用 %d MiB），"
                + "例如 BULLETIN_JAVA_OPTS=-Xmx%dm bulletin …；Windows 上先运行 set BULLETIN_JAVA_OPTS=-Xmx%dm", next, mib,
                next, next);
    }

    /** Says that memory ran out and returns the exit code for it. */
    static int report(PrintWriter err) {
        err.println(message());
        err.flush();
        return ExitCode.USAGE;
    }

    /** Starts the watch on collection time (a daemon thread). */
    static void guard(PrintWriter err) {
        Thread t = new Thread(() -> watch(err), "bulletin-memory-guard");
        t.setDaemon(true);
        t.setPriority(Thread.MAX_PRIORITY);
        t.start();
    }

    private static void watch(PrintWriter err) {
        // Nothing is loaded before a second has passed: a short command (--help, inspect) ends first and never
        // pays for the management classes (30 ms of CPU at start-up, measured on --help).
        try {
            Thread.sleep(START_MS);
        } catch (InterruptedException e) {
            return;
        }
        List<GarbageCollectorMXBean> beans = ManagementFactory.getGarbageCollectorMXBeans();
        ArrayDeque<long[]> samples = new ArrayDeque<>(); // {wall ms, collection ms}
        while (true) {
            long now = System.nanoTime() / 1_000_000;
            long gc = 0;
            for (GarbageCollectorMXBean b : beans) {
                gc += Math.max(0, b.getCollectionTime());
            }
            samples.addLast(new long[] {now, gc});
            while (samples.size() > 2 && now - samples.peekFirst()[0] > WINDOW_MS) {
                samples.removeFirst();
            }
            long[] first = samples.peekFirst();
            if (spinning(now - first[0], gc - first[1])) {
                if (System.getenv("BULLETIN_DEBUG") != null) {
                    err.println("（回收占用了最近 " + (now - first[0]) + " 毫秒中的 " + (gc - first[1]) + " 毫秒）");
                }
                report(err);
                Runtime.getRuntime().halt(ExitCode.USAGE);
            }
            try {
                Thread.sleep(POLL_MS);
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    /** Whether {@code collecting} milliseconds of {@code wall} (a whole window) is a spin. */
    static boolean spinning(long wall, long collecting) {
        return wall >= WINDOW_MS - POLL_MS && collecting > SHARE * wall;
    }
}
