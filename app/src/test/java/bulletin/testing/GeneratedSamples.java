package bulletin.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * The sample workspace with its May generated ({@code generate --month 5 --date 2026-05-30} on a fresh copy, so
 * without April's snapshot), made once per test JVM and shared by every test that only needs to read that
 * bulletin: a generation costs about half a second even in a warm JVM, a copy a few milliseconds.
 *
 * <p>{@link #may()} is shared: a test never writes into its folder. A test that changes the workspace takes its own
 * {@link #copyTo copy}, with {@code out/} as the generation left it.
 */
public final class GeneratedSamples {

    /** The one generated May: its workspace and what the run printed. */
    public record Generated(Path workspace, Cli.Run run) {
    }

    private static Generated may;
    private static Generated april;
    private static Generated marchToMay;
    private static List<Cli.Run> marchToMayRuns;
    private static Generated marchToJune;
    private static List<Cli.Run> marchToJuneRuns;

    /**
     * One lock a fixture (not the class's): a test asking for May does not wait while the class running beside it
     * (two classes at a time) makes March to June.
     */
    private static final Object MAY = new Object();
    private static final Object APRIL = new Object();
    private static final Object MARCH_TO_MAY = new Object();
    private static final Object MARCH_TO_JUNE = new Object();

    private GeneratedSamples() {
    }

    /** The shared workspace with May generated (read it only), made on first use. */
    public static Generated may() {
        synchronized (MAY) {
            if (may == null) {
                may = generate("bulletin-generated-may", run("5", "2026-05-30")).get(0);
            }
            return may;
        }
    }

    /**
     * The shared workspace with April generated ({@code generate --month 4 --date 2026-04-30} on a fresh copy, so
     * March computed from its workbooks, not written): read it only, or take a {@link #copyAprilTo copy}.
     */
    public static Generated april() {
        synchronized (APRIL) {
            if (april == null) {
                april = generate("bulletin-generated-april", run("4", "2026-04-30")).get(0);
            }
            return april;
        }
    }

    /**
     * The shared workspace with March, April and May generated in that order, each
     * {@code generate --month m --date 2026-05-30}, without the chart ({@code chart: false} added to bulletin.yaml:
     * its users read the snapshots, the runs' output and the words, never the picture, and the chart was most of
     * each run's time) (read it only); {@link #marchToMayRuns()} are the three runs.
     */
    public static Generated marchToMay() {
        synchronized (MARCH_TO_MAY) {
            if (marchToMay == null) {
                List<Generated> g = generate("bulletin-generated-march-to-may", "\nchart: false\n",
                        run("3", "2026-05-30"), run("4", "2026-05-30"), run("5", "2026-05-30"));
                marchToMayRuns = g.stream().map(Generated::run).toList();
                marchToMay = g.get(2);
            }
            return marchToMay;
        }
    }

    /** What the three runs of {@link #marchToMay()} printed: March's, April's and May's. */
    public static List<Cli.Run> marchToMayRuns() {
        synchronized (MARCH_TO_MAY) {
            marchToMay();
            return marchToMayRuns;
        }
    }

    /**
     * The shared workspace with March, April, May and June generated in that order, each
     * {@code generate --month m --date 2026-0m-30 --skip-invalid} (June with the samples' mistakes left out; the
     * other months have none), with the chart (read it only); {@link #marchToJuneRuns()} are the four runs.
     */
    public static Generated marchToJune() {
        synchronized (MARCH_TO_JUNE) {
            if (marchToJune == null) {
                List<Generated> g = generate("bulletin-generated-march-to-june",
                        run("3", "2026-03-30", "--skip-invalid"), run("4", "2026-04-30", "--skip-invalid"),
                        run("5", "2026-05-30", "--skip-invalid"), run("6", "2026-06-30", "--skip-invalid"));
                marchToJuneRuns = g.stream().map(Generated::run).toList();
                marchToJune = g.get(3);
            }
            return marchToJune;
        }
    }

    /** What the four runs of {@link #marchToJune()} printed: March's to June's. */
    public static List<Cli.Run> marchToJuneRuns() {
        synchronized (MARCH_TO_JUNE) {
            marchToJune();
            return marchToJuneRuns;
        }
    }

    private static final java.util.Map<String, Generated> MAY_WITH = new java.util.HashMap<>();

    /**
     * The samples with {@code appended} added to the end of bulletin.yaml and May generated
     * ({@code generate --month 5 --date 2026-05-30}), made once per test JVM for each text: for the test classes
     * that read the same configured May (read it only).
     */
    public static synchronized Generated mayWith(String appended) {
        Generated g = MAY_WITH.get(appended);
        if (g == null) {
            try {
                Path dir = Scratch.newDir("bulletin-generated-may-with");
                Runtime.getRuntime().addShutdownHook(new Thread(() -> deleteTree(dir)));
                Path ws = SampleWorkspace.copyTo(dir.resolve("ws"));
                Files.writeString(ws.resolve("bulletin.yaml"), appended, java.nio.charset.StandardCharsets.UTF_8,
                        java.nio.file.StandardOpenOption.APPEND);
                g = new Generated(ws, Cli.in(ws, "generate", "--month", "5", "--date", "2026-05-30"));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            MAY_WITH.put(appended, g);
        }
        return g;
    }

    /** {@code generate --month month --date date more…}'s arguments. */
    private static List<String> run(String month, String date, String... more) {
        List<String> args = new ArrayList<>(List.of("generate", "--month", month, "--date", date));
        args.addAll(List.of(more));
        return args;
    }

    /** A fresh copy of the samples with each run's arguments given in turn; each run must exit 0. */
    @SafeVarargs
    private static List<Generated> generate(String name, List<String>... runs) {
        return generate(name, "", runs);
    }

    /**
     * A fresh copy of the samples, {@code yaml} added to the end of its bulletin.yaml, with each run's arguments
     * given in turn; each run must exit 0.
     */
    @SafeVarargs
    private static List<Generated> generate(String name, String yaml, List<String>... runs) {
        try {
            Path dir = Scratch.newDir(name);
            Runtime.getRuntime().addShutdownHook(new Thread(() -> deleteTree(dir)));
            Path ws = SampleWorkspace.copyTo(dir.resolve("ws"));
            if (!yaml.isEmpty()) {
                Files.writeString(ws.resolve("bulletin.yaml"), yaml, java.nio.charset.StandardCharsets.UTF_8,
                        java.nio.file.StandardOpenOption.APPEND);
            }
            List<Generated> out = new ArrayList<>();
            for (List<String> r : runs) {
                Cli.Run run = Cli.in(ws, r.toArray(new String[0]));
                if (run.code() != 0) {
                    throw new IllegalStateException("the samples' " + String.join(" ", r) + " failed:\n" + run);
                }
                out.add(new Generated(ws, run));
            }
            return out;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A copy of the generated workspace (inputs and {@code out/}) in {@code dir}, the test's own to change. */
    public static Path copyTo(Path dir) throws IOException {
        TreeCopy.copy(may().workspace(), dir);
        return dir;
    }

    /** A copy of the workspace with April generated (inputs and {@code out/2026-04}) in {@code dir}, the test's own. */
    public static Path copyAprilTo(Path dir) throws IOException {
        TreeCopy.copy(april().workspace(), dir);
        return dir;
    }

    /**
     * April's bulletin ({@code out/2026-04} of {@link #april()}) added to {@code ws}, a copy of the samples whose
     * tables, April folder and notes are unchanged: its May run then reads April's snapshot.
     */
    public static Path addAprilTo(Path ws) throws IOException {
        TreeCopy.copy(april().workspace().resolve("out/2026-04"), ws.resolve("out/2026-04"));
        return ws;
    }

    private static void deleteTree(Path dir) {
        try (Stream<Path> s = Files.walk(dir)) {
            for (Path p : s.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        } catch (IOException e) {
            // a temporary folder left behind is not worth failing the suite for
        }
    }
}
