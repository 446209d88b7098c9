package bulletin.cli;

import bulletin.diag.ExitCode;
import java.io.PrintWriter;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.lang.management.MemoryUsage;
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
 * when collections take more than {@link #SHARE} of the last {@link #WINDOW_MS} milliseconds, or more than
 * {@link #SHORT_SHARE} of the last {@link #SHORT_MS} while the old generation stays {@link #FULL} after its
 * collections (a dead spin: runs that finish, near their smallest heap, had 80–87% there), the process says so
 * and stops with exit 2. A third way: a class that cannot be loaded or initialised once the
 * heap is full escapes as an error of the JVM's own, without its cause: {@link #explains} takes it for memory where
 * memory is short. It is started by {@link Main#main} only, never by in-process runs (tests), and it is the one
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
    /**
     * The short window: where the old generation is still full after its last collection ({@link #FULL}), a heap
     * that spends more than {@link #SHORT_SHARE} of this many milliseconds collecting is judged at once, not after
     * a whole {@link #WINDOW_MS}.
     */
    static final long SHORT_MS = 1000;
    /** The share of the short window spent collecting that counts as spinning where the heap is full. */
    static final double SHORT_SHARE = 0.95;
    /** How full the old generation is after its last collection for the short window to count. */
    static final double FULL = 0.95;

    /** A heap smaller than this is watched from the start, not from {@link #START_MS}. */
    private static final long SMALL_HEAP = 256L * 1024 * 1024;

    /**
     * The message, made when the watch starts to poll (at once in a small heap): when memory has run out,
     * formatting it could fail in its turn.
     */
    private static volatile String prepared;
    /** Whether the watch runs (only in a process of its own: {@link Main#main}). */
    private static volatile boolean watched;
    /** Whether the message was given, in a watched process. */
    private static boolean said;
    /** Whether collecting has taken more than half of the last second: memory is short. */
    private static volatile boolean pressed;

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
        synchronized (OutOfMemory.class) {
            if (said) { // main and the watch can both meet it: the message once
                return ExitCode.USAGE;
            }
            said = watched;
        }
        String m = prepared;
        if (m == null) {
            try {
                m = message();
            } catch (Throwable e) { // no memory even for the message's formatting: a constant one
                m = "错误: 内存不足：请用 BULLETIN_JAVA_OPTS=-Xmx512m 加大内存，例如 BULLETIN_JAVA_OPTS=-Xmx512m bulletin …";
            }
        }
        err.println(m);
        err.flush();
        return ExitCode.USAGE;
    }

    /**
     * Whether {@code e}, an error no stage turned into a problem, is memory that ran out: an
     * {@link OutOfMemoryError} among its causes, or an error of the JVM's own (a class that could not be loaded or
     * initialised, whose cause the JVM does not keep) thrown while memory is short. Only what is loaded already is
     * used: the answer is needed when nothing more can be loaded.
     */
    static boolean explains(Throwable e) {
        return explains(e, pressed || full());
    }

    /** {@link #explains(Throwable)}, where {@code memoryShort} tells whether memory is short. */
    static boolean explains(Throwable e, boolean memoryShort) {
        if (is(e)) {
            return true;
        }
        boolean linkage = false; // a StackOverflowError (a VirtualMachineError too) is never memory
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            linkage |= t instanceof LinkageError;
        }
        return linkage && memoryShort;
    }

    /** Whether the heap has grown to its limit and nine tenths of it are in use. */
    private static boolean full() {
        Runtime r = Runtime.getRuntime();
        long max = r.maxMemory();
        long total = r.totalMemory();
        return max != Long.MAX_VALUE && total >= 0.95 * max && total - r.freeMemory() >= 0.9 * max;
    }

    /** Starts the watch on collection time (a daemon thread). */
    static void guard(PrintWriter err) {
        watched = true;
        Thread t = new Thread(new Watch(err), "bulletin-memory-guard");
        t.setDaemon(true);
        t.setPriority(Thread.MAX_PRIORITY);
        t.setUncaughtExceptionHandler(QUIET); // never Java's stack trace, even where the watch itself fails
        t.start();
    }

    /** What an uncaught error of the watch does: nothing (it is caught inside; this is for what cannot be). */
    private static final Thread.UncaughtExceptionHandler QUIET = (thread, e) -> {
    };

    /**
     * The watch. Its samples are kept in arrays made once, and a failure of one poll (no memory left even for the
     * management beans' answers) is only a poll missed: the watch must go on where the program has no memory.
     */
    private static final class Watch implements Runnable {
        private static final int SIZE = (int) (WINDOW_MS / POLL_MS) + 8;
        private final PrintWriter err;
        private final long[] walls = new long[SIZE];
        private final long[] collections = new long[SIZE];
        private int count;
        private List<GarbageCollectorMXBean> beans;
        private MemoryPoolMXBean old;

        Watch(PrintWriter err) {
            this.err = err;
        }

        @Override
        public void run() {
            // Nothing is loaded before a second has passed: a short command (--help, inspect) ends first and never
            // pays for the management classes (30 ms of CPU at start-up, measured on --help). In a small heap they
            // are loaded at once: a second later the heap may be too full to load them.
            long sleep = START_MS;
            if (Runtime.getRuntime().maxMemory() < SMALL_HEAP) {
                try {
                    beans();
                } catch (Throwable e) {
                    // the first poll tries again
                }
            }
            while (true) {
                try {
                    Thread.sleep(sleep);
                } catch (InterruptedException e) {
                    return;
                }
                sleep = POLL_MS;
                try {
                    poll();
                } catch (Throwable e) {
                    // a poll missed; the next one tries again
                }
            }
        }

        private void beans() {
            if (prepared == null) {
                prepared = message(); // where this fails, report() makes it again, or says what it can
            }
            if (beans == null) {
                MemoryPoolMXBean o = oldGeneration();
                beans = ManagementFactory.getGarbageCollectorMXBeans();
                old = o;
            }
        }

        private void poll() {
            beans();
            long now = System.nanoTime() / 1_000_000;
            long gc = 0;
            for (GarbageCollectorMXBean b : beans) {
                gc += Math.max(0, b.getCollectionTime());
            }
            walls[count % SIZE] = now;
            collections[count % SIZE] = gc;
            count++;
            int first = index(now - WINDOW_MS);
            int recent = index(now - SHORT_MS);
            // A collection's time is counted when it ends: one that began before a window is not all in it.
            long wall = now - walls[first];
            long collecting = Math.min(wall, gc - collections[first]);
            long shortWall = now - walls[recent];
            long shortCollecting = Math.min(shortWall, gc - collections[recent]);
            pressed = shortWall >= SHORT_MS - POLL_MS && 2 * shortCollecting > shortWall;
            // The old generation's fullness is asked for only where the short window's share already counts:
            // asking makes an object, and this runs every tenth of a second in a heap that may be full.
            if (spinning(wall, collecting)
                    || shortCollecting > SHORT_SHARE * shortWall && spinningFull(shortWall, shortCollecting,
                            fullness(old))) {
                try {
                    if (System.getenv("BULLETIN_DEBUG") != null) {
                        err.println("（回收占用了最近 " + wall + " 毫秒中的 " + collecting + " 毫秒，最近 "
                                + shortWall + " 毫秒中的 " + shortCollecting + " 毫秒）");
                    }
                    report(err);
                } finally {
                    Runtime.getRuntime().halt(ExitCode.USAGE);
                }
            }
        }

        /** The oldest sample kept that was taken at or after {@code since} (the newest one if none was). */
        private int index(long since) {
            int newest = (count - 1) % SIZE;
            for (int n = Math.max(0, count - SIZE); n < count; n++) {
                if (walls[n % SIZE] >= since) {
                    return n % SIZE;
                }
            }
            return newest;
        }
    }

    /** Whether {@code collecting} milliseconds of {@code wall} (a whole window) is a spin. */
    static boolean spinning(long wall, long collecting) {
        return wall >= WINDOW_MS - POLL_MS && collecting > SHARE * wall;
    }

    /**
     * Whether {@code collecting} milliseconds of {@code wall} (a short window) is a spin, where the old generation
     * was {@code fullness} full (0 to 1) after its last collection.
     */
    static boolean spinningFull(long wall, long collecting, double fullness) {
        return wall >= SHORT_MS - POLL_MS && collecting > SHORT_SHARE * wall && fullness >= FULL;
    }

    /** The pool of long-lived objects (the one whose collection usage a full collection sets), or null. */
    private static MemoryPoolMXBean oldGeneration() {
        for (MemoryPoolMXBean p : ManagementFactory.getMemoryPoolMXBeans()) {
            String n = p.getName();
            if (p.getType() == MemoryType.HEAP && p.isCollectionUsageThresholdSupported()
                    && (n.contains("Old") || n.contains("Tenured"))) {
                return p;
            }
        }
        return null;
    }

    /** How full {@code old} was after its last collection, 0 where that is not known. */
    private static double fullness(MemoryPoolMXBean old) {
        if (old == null) {
            return 0;
        }
        MemoryUsage u = old.getCollectionUsage();
        return u == null || u.getMax() <= 0 ? 0 : (double) u.getUsed() / u.getMax();
    }
}
