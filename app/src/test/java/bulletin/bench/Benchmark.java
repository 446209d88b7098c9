package bulletin.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

/**
 * Runs the commands as a user does (through the {@code bulletin} launcher, a fresh JVM each time, the whole process
 * measured) on synthetic workspaces of three sizes and prints a Markdown table: median wall time and peak RSS over
 * several runs after a warm-up, the smallest {@code -Xmx} that {@code generate} runs in, and the ratios the targets
 * are stated in, next to the floor (a bare JVM start, and opening and saving an empty .docx with docx4j).
 *
 * <p>Run with {@code bench/run} (see the README, "Performance").
 */
public final class Benchmark {

    record Size(String name, int units, int indicators, int months, boolean snapshots) {
        Size(String name, int units, int indicators, int months) {
            this(name, units, indicators, months, true);
        }
    }

    static final List<Size> SIZES = List.of(
            new Size("city", 15, 50, 2),
            new Size("city ×2 units", 30, 50, 2),
            new Size("city ×2 indicators", 15, 100, 2),
            new Size("province", 150, 60, 2),
            new Size("province, 12 months", 150, 60, 12),
            new Size("province, 12 months, no snapshots", 150, 60, 12, false));

    /** The JVM options the launcher adds (without its class-data archive), for the second floor. */
    static final List<String> LAUNCHER_OPTIONS = List.of("-XX:TieredStopAtLevel=1", "-XX:+UseParallelGC", "-XX:GCTimeRatio=9",
            "-XX:InitialRAMPercentage=0.8", "-XX:NewRatio=7", "-XX:MaxTenuringThreshold=0",
            "-Dsun.reflect.inflationThreshold=1000000");
    /** Issue 24 point 3: a city's {@code generate} runs in 64 MiB, a province's (any months) in 128 MiB. */
    static int targetHeap(Size s) {
        return s.units() >= 100 ? 128 : 64;
    }

    static final int[] HEAPS = {32, 48, 64, 96, 128, 192, 256, 384, 512, 768, 1024};
    /** No measured run may take longer than this: one that does is killed and counts as failed. */
    static final double RUN_LIMIT_SECONDS = 120;
    /** A heap probe that runs past this many times the command's unlimited median counts as not fitting. */
    static final double PROBE_FACTOR = 3;
    /** The least time limit of a probe, whatever the median (a JVM's start alone is a few tenths). */
    static final double PROBE_MIN_SECONDS = 5;

    private final Path root;
    private final String classpath;
    private final int runs;
    /** {@code --quick}: no warm-up run, and the twelve-month sizes measure {@code generate} only. */
    private final boolean quick;

    Benchmark(Path root, String classpath, int runs) {
        this.root = root;
        this.classpath = classpath;
        this.runs = runs;
        this.quick = runs < 5;
    }

    public static void main(String[] args) throws Exception {
        int runs = args.length > 0 && args[0].equals("--quick") ? 3 : 5;
        String cp = System.getProperty("java.class.path");
        new Benchmark(Path.of("target/bench"), cp, runs).run();
    }

    /**
     * Median seconds and peak RSS (MiB) of a command, run {@code runs} times after one warm-up; {@code ratio} is the
     * median of the runs' ratios to the floor run just before each (paired), NaN when not paired.
     */
    record Measure(double seconds, double rssMib, boolean ok, boolean timedOut, double ratio, double growth) {
        Measure(double seconds, double rssMib, boolean ok, boolean timedOut) {
            this(seconds, rssMib, ok, timedOut, Double.NaN, Double.NaN);
        }
    }

    /** The city's {@code generate}, run beside a doubled size's in each pair: the growth ratio is paired too. */
    private record Partner(List<String> cmd, Path cleanBefore, double jvmSeconds) {
    }

    /** How often a probe or a run was stopped at its time limit, for the table's note. */
    private int probesStopped;
    private int runsStopped;
    private List<String> floorCommand;
    private final java.util.Map<String, Measure> byKey = new java.util.HashMap<>();
    /** The smallest heap (MiB) each size's {@code generate} ran in, 0 for none. */
    private final java.util.Map<String, Integer> heaps = new java.util.HashMap<>();
    private final List<String> rows = new ArrayList<>();
    /** The small-heap runs of the "done when": exit code, seconds, whether the memory message was shown. */
    private double[] small64;
    private double[] small16;

    void run() throws Exception {
        long started = System.nanoTime();
        String loadBefore = load();
        Files.createDirectories(root);
        Path empty = root.resolve("empty.docx");
        if (!Files.exists(empty)) {
            Floor.makeEmpty(empty);
        }
        List<Path> spaces = new ArrayList<>();
        for (Size s : SIZES) {
            spaces.add(workspace(s));
        }
        // The launcher builds nothing here (bench/run has built the jar) but makes its class-data archive once.
        measureOnce(List.of("./bulletin", "--version"), null, RUN_LIMIT_SECONDS);
        Measure jvm = measure(List.of("java", "-version"), null);
        jvmSeconds = jvm.seconds();
        floorCommand = List.of("java", "-cp", classpath, "bulletin.bench.Floor", empty.toString());
        Measure floor = measure(floorCommand, null);
        List<String> tuned = new ArrayList<>(List.of("java"));
        tuned.addAll(LAUNCHER_OPTIONS);
        tuned.addAll(List.of("-cp", classpath, "bulletin.bench.Floor", empty.toString()));
        Measure floorTuned = measure(tuned, null);
        rows.add(row("floor: `java -version`", jvm, ""));
        rows.add(row("floor: docx4j opens and saves an empty .docx", floor, ""));
        rows.add(row("floor: the same, with the launcher's JVM options", floorTuned, ""));
        rows.add(row("`--help`", measure(cli(List.of("--help")), null), ""));
        for (int k = 0; k < SIZES.size(); k++) {
            measureSize(SIZES.get(k), spaces.get(k));
        }
        Path twice = spaces.get(1);
        List<String> gen2 = cli(List.of("-w", twice.toString(), "generate", "--month", "12", "--date", "2026-12-30",
                "--force"));
        small64 = once(gen2, twice.resolve("out/2026-12"), 30, "-Xmx64m");
        small16 = once(gen2, twice.resolve("out/2026-12"), 30, "-Xmx16m");
        print(jvm, floor, loadBefore, (System.nanoTime() - started) / 1e9);
    }

    private Partner cityPartner;
    private double jvmSeconds;

    private void measureSize(Size s, Path ws) throws Exception {
        System.err.println("measuring " + s.name() + " … (load average " + load() + ")");
        List<String> generate = cli(List.of("-w", ws.toString(), "generate", "--month", "12", "--date",
                "2026-12-30", "--force"));
        Path out = ws.resolve("out/2026-12");
        // --quick: the twelve-month sizes only for generate (inspect, validate and template read one month)
        boolean all = !quick || s.months() < 12;
        Measure inspect = all ? measure(cli(List.of("-w", ws.toString(), "inspect")), null) : null;
        Measure validate = all ? measure(cli(List.of("-w", ws.toString(), "validate", "--month", "12")), null) : null;
        Measure template = all ? measure(cli(List.of("-w", ws.toString(), "template", "--month", "12", "--force")),
                null) : null;
        // The doubled sizes: the city's generate runs in each pair too, so that their growth is paired as well
        Measure gen = measurePaired(generate, out, s.name().startsWith("city ×2") ? cityPartner : null);
        if (s.name().equals("city")) {
            cityPartner = new Partner(generate, out, jvmSeconds);
        }
        int heap = smallestHeap(generate, out, gen.seconds(), targetHeap(s));
        heaps.put(s.name(), heap);
        if (all) {
            rows.add(row(s.name() + ": `inspect`", inspect, ""));
            rows.add(row(s.name() + ": `validate --month 12`", validate, ""));
            rows.add(row(s.name() + ": `template --month 12`", template, ""));
        }
        rows.add(row(s.name() + ": `generate --month 12`", gen, heap == 0 ? "none" : heap + " MiB"));
        byKey.put(s.name() + "/validate", validate);
        byKey.put(s.name() + "/generate", gen);
        byKey.put(s.name() + "/template", template);
        if (s.name().equals("city")) {
            List<String> plain = new ArrayList<>(List.of("java", "-Dfile.encoding=UTF-8", "-jar",
                    "target/bulletin.jar"));
            plain.addAll(generate.subList(1, generate.size()));
            rows.add(row(s.name() + ": `generate`, plain `java -jar` (no launcher options)", measurePaired(plain, out,
                    null), ""));
        }
    }

    private void print(Measure jvm, Measure floor, String loadBefore, double seconds) {
        List<String> scaling = new ArrayList<>();
        for (String other : List.of("city ×2 units", "city ×2 indicators")) {
            for (String cmd : List.of("generate", "validate", "template")) {
                scaling.add(String.format(Locale.ROOT, "| %s, `%s` | %.2f | %.2f |", other, cmd,
                        growth(jvm, "city/" + cmd, other + "/" + cmd, true),
                        growth(jvm, "city/" + cmd, other + "/" + cmd, false)));
            }
        }
        System.out.println("| what | median wall | peak RSS | × docx4j floor (paired) | smallest -Xmx |");
        System.out.println("| --- | ---: | ---: | ---: | ---: |");
        rows.forEach(System.out::println);
        System.out.println();
        System.out.println("Growth against city (time and RSS above a bare `java -version`; `generate`'s time paired: the"
                + " city's `generate` runs just before the doubled size's in each pair, at least " + GROWTH_PAIRS
                + " pairs, and the median of the pairs' ratios is shown):");
        System.out.println();
        System.out.println("| doubled | time | RSS |");
        System.out.println("| --- | ---: | ---: |");
        scaling.forEach(System.out::println);
        System.out.println();
        System.out.println("The targets (issue 24, point 5 and \"done when\"):");
        System.out.println();
        System.out.println("| target | measured | |");
        System.out.println("| --- | --- | --- |");
        targets(jvm, floor).forEach(System.out::println);
        System.out.println();
        System.out.println(String.format(Locale.ROOT, "%d runs each%s; %d cores, %s, Java %s; load"
                + " average (1, 5, 15 min) %s before, %s after; %.0f s in all.", runs, quick
                ? " (--quick: no warm-up run; the twelve-month sizes measured for generate only)" : " after a warm-up",
                Runtime.getRuntime().availableProcessors(), System.getProperty("os.name"),
                System.getProperty("java.version"), loadBefore, load(), seconds));
        System.out.println(String.format(Locale.ROOT, "Ratios to the floor are paired: before each measured run of"
                + " `generate` the floor (docx4j opens and saves an empty .docx, a plain JVM) runs once, and the"
                + " median of the runs' ratios is shown. Time limits: each run %.0f s (a run stopped there is shown"
                + " as \"timed out\"; %d were); each heap probe %.0f× the command's median wall time without a"
                + " limit, at least %.0f s: a probe stopped there, or ended for want of memory (exit 2), counts as"
                + " not fitting (%d probes were stopped at their limit).", RUN_LIMIT_SECONDS, runsStopped,
                PROBE_FACTOR, PROBE_MIN_SECONDS, probesStopped));
    }

    /**
     * A doubled size's time (or RSS) against the city's, both above a bare {@code java -version}: for
     * {@code generate} the median of the pairs' ratios (the city run just before the doubled size in each pair),
     * for the other commands the ratio of the medians.
     */
    private double growth(Measure jvm, String base, String doubled, boolean time) {
        Measure a = byKey.get(base);
        Measure b = byKey.get(doubled);
        if (time && !Double.isNaN(b.growth())) {
            return b.growth();
        }
        return time ? (b.seconds() - jvm.seconds()) / (a.seconds() - jvm.seconds())
                : (b.rssMib() - jvm.rssMib()) / (a.rssMib() - jvm.rssMib());
    }

    private List<String> targets(Measure jvm, Measure floor) {
        List<String> t = new ArrayList<>();
        t.add(ratioTarget("city `generate` ≤ 1.0× the docx4j floor", "city", 1.0));
        t.add(ratioTarget("province `generate` ≤ 1.3×", "province", 1.3));
        t.add(ratioTarget("province, 12 months without snapshots ≤ 1.5×", "province, 12 months, no snapshots", 1.5));
        Measure template = byKey.get("province/template");
        t.add(target("province `template --month 12` ≤ 1.5 s", String.format(Locale.ROOT, "%.2f s",
                template.seconds()), template.ok() && template.seconds() <= 1.5));
        Measure city = byKey.get("city/generate");
        t.add(target("city `generate` peak RSS ≤ 200 MiB", String.format(Locale.ROOT, "%.0f MiB", city.rssMib()),
                city.ok() && city.rssMib() <= 200));
        for (String other : List.of("city ×2 units", "city ×2 indicators")) {
            double g = growth(jvm, "city/generate", other + "/generate", true);
            t.add(target(other + ": `generate` ≤ 1.1× the city's time (above `java -version`)",
                    String.format(Locale.ROOT, "%.2f× (paired)", g), byKey.get(other + "/generate").ok() && g <= 1.1));
        }
        for (Size s : SIZES) {
            int h = heaps.getOrDefault(s.name(), 0);
            t.add(target(s.name() + ": `generate` runs in `-Xmx" + targetHeap(s) + "m`", h == 0 ? "fits in none"
                    : "smallest " + h + " MiB", h > 0 && h <= targetHeap(s)));
        }
        t.add(target("city ×2 units, `BULLETIN_JAVA_OPTS=-Xmx64m`: exit 0 in under 3 s", said(small64),
                small64[0] == 0 && small64[1] < 3));
        t.add(target("city ×2 units, `BULLETIN_JAVA_OPTS=-Xmx16m`: exit 2 with 内存不足 within 10 s", said(small16),
                small16[0] == 2 && small16[2] == 1 && small16[1] <= 10));
        return t;
    }

    private static String said(double[] r) {
        return r[0] == TIMED_OUT ? String.format(Locale.ROOT, "stopped after %.0f s", r[1])
                : String.format(Locale.ROOT, "exit %d after %.2f s%s", (int) r[0], r[1], r[2] == 1
                        ? ", 内存不足 shown" : "");
    }

    private String ratioTarget(String what, String size, double limit) {
        Measure m = byKey.get(size + "/generate");
        return target(what, String.format(Locale.ROOT, "%.2f s, %.2f× (paired)", m.seconds(), m.ratio()),
                m.ok() && m.ratio() <= limit);
    }

    private static String target(String what, String measured, boolean met) {
        return "| " + what + " | " + measured + " | " + (met ? "pass" : "**fail**") + " |";
    }

    /** The load average as {@code /proc/loadavg} gives it, or "?" where there is none. */
    private static String load() {
        try {
            String[] f = Files.readString(Path.of("/proc/loadavg")).trim().split(" ");
            return f[0] + ", " + f[1] + ", " + f[2];
        } catch (IOException | RuntimeException e) {
            return "?";
        }
    }

    /** One run with a heap option: exit code (or TIMED_OUT), seconds, and 1 when stderr had the memory message. */
    private double[] once(List<String> cmd, Path cleanBefore, double limit, String heap) throws Exception {
        deleteTree(cleanBefore);
        Path err = Files.createTempFile("bench", ".err");
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectOutput(ProcessBuilder.Redirect.DISCARD)
                .redirectError(err.toFile());
        pb.environment().put("BULLETIN_JAVA_OPTS", heap);
        long t0 = System.nanoTime();
        Process p = pb.start();
        boolean done = p.waitFor((long) (limit * 1000), java.util.concurrent.TimeUnit.MILLISECONDS);
        double secs = (System.nanoTime() - t0) / 1e9;
        if (!done) {
            p.descendants().forEach(ProcessHandle::destroyForcibly);
            p.destroyForcibly();
            p.waitFor();
        }
        boolean message = Files.readString(err).contains("内存不足");
        Files.delete(err);
        return new double[] {done ? p.exitValue() : TIMED_OUT, secs, message ? 1 : 0};
    }

    private static String row(String what, Measure m, String heap) {
        String ratio = Double.isNaN(m.ratio()) ? "" : String.format(Locale.ROOT, "%.2f", m.ratio());
        return String.format(Locale.ROOT, "| %s | %.2f s%s | %.0f MiB | %s | %s |", what, m.seconds(),
                m.timedOut() ? " (timed out)" : m.ok() ? "" : " (failed)", m.rssMib(), ratio, heap);
    }

    /** The program as a user runs it: through the launcher, with its JVM options and class-data archive. */
    private List<String> cli(List<String> args) {
        List<String> cmd = new ArrayList<>(List.of("./bulletin"));
        cmd.addAll(args);
        return cmd;
    }

    /**
     * The smallest heap of {@link #HEAPS}, in MiB, that the command runs in (exit 0) within {@link #PROBE_FACTOR}
     * times its unlimited median {@code seconds}, or 0 if none. A heap just too small makes the serial collector
     * spin: the program's own guard ends that with exit 2, and the time limit ends whatever the guard misses.
     * The search starts at the size's target heap ({@code from}): down the list while it fits, else up until it
     * does, so that a size which meets its target costs two probes, not one for every smaller heap.
     */
    private int smallestHeap(List<String> cmd, Path cleanBefore, double seconds, int from) throws Exception {
        double limit = Math.max(PROBE_MIN_SECONDS, PROBE_FACTOR * seconds);
        int start = 0;
        while (start < HEAPS.length - 1 && HEAPS[start] < from) {
            start++;
        }
        if (fits(cmd, cleanBefore, limit, HEAPS[start])) {
            int k = start;
            while (k > 0 && fits(cmd, cleanBefore, limit, HEAPS[k - 1])) {
                k--;
            }
            return HEAPS[k];
        }
        for (int k = start + 1; k < HEAPS.length; k++) {
            if (fits(cmd, cleanBefore, limit, HEAPS[k])) {
                return HEAPS[k];
            }
        }
        return 0;
    }

    private boolean fits(List<String> cmd, Path cleanBefore, double limit, int mb) throws Exception {
        double[] m = measureOnce(cmd, cleanBefore, limit, "BULLETIN_JAVA_OPTS", "-Xmx" + mb + "m");
        if (m != null && m[2] == TIMED_OUT) {
            probesStopped++;
        }
        return m != null && m[2] == 0;
    }

    private Path workspace(Size s) throws IOException {
        Path ws = root.resolve(s.name().replaceAll("[^a-z0-9]+", "-"));
        // kept between runs, made again when the generator's version or the size changed
        Path ready = ws.resolve(".ready");
        String key = "workloads " + Workloads.VERSION + ": " + s;
        if (!Files.exists(ready) || !Files.readString(ready).equals(key)) {
            deleteTree(ws);
            long t0 = System.nanoTime();
            System.err.print("making workload " + s.name() + " … ");
            Size twin = new Size("", s.units(), s.indicators(), s.months(), true);
            Size made = s.snapshots() ? null : SIZES.stream().filter(z -> z.equals(new Size(z.name(), twin.units(),
                    twin.indicators(), twin.months(), true))).findFirst().orElse(null);
            if (made != null) { // the same workbooks as its twin with snapshots (the generator is deterministic)
                Path from = workspace(made);
                copyTree(from.resolve("targets"), ws.resolve("targets"));
                copyTree(from.resolve("progress"), ws.resolve("progress"));
                Files.copy(from.resolve("bulletin.yaml"), ws.resolve("bulletin.yaml"));
            } else {
                Workloads.write(ws, s.units(), s.indicators(), s.months(), s.snapshots());
            }
            Files.writeString(ready, key);
            System.err.printf(Locale.ROOT, "%.1f s%n", (System.nanoTime() - t0) / 1e9);
        }
        return ws;
    }

    private Measure measure(List<String> cmd, Path cleanBefore) throws Exception {
        List<Double> secs = new ArrayList<>();
        List<Double> rss = new ArrayList<>();
        boolean ok = true;
        boolean stopped = false;
        double[] warm = quick ? null : measureOnce(cmd, cleanBefore, RUN_LIMIT_SECONDS); // warm-up: file caches
        if (warm != null && warm[2] == TIMED_OUT) {
            runsStopped++;
            return new Measure(RUN_LIMIT_SECONDS, 0, false, true);
        }
        for (int i = 0; i < runs; i++) {
            double[] m = measureOnce(cmd, cleanBefore, RUN_LIMIT_SECONDS);
            if (m != null && m[2] == TIMED_OUT) {
                runsStopped++;
                stopped = true;
                break; // the others would take as long
            }
            boolean done = m != null && m[2] == 0;
            ok &= done;
            if (done) {
                secs.add(m[0]);
                rss.add(m[1]);
            }
        }
        return secs.isEmpty() ? new Measure(stopped ? RUN_LIMIT_SECONDS : 0, 0, false, stopped)
                : new Measure(median(secs), median(rss), ok && !stopped, stopped);
    }

    /**
     * As {@link #measure}, with the floor run just before each run (warm-up included): the ratio is the median of
     * the pairs' ratios, so that a machine whose speed drifts moves both sides of each ratio alike. A
     * {@code partner} (the city, for a doubled size) runs in each pair too, between the floor and the command; the
     * growth is the median of the pairs' (command − bare JVM) / (partner − bare JVM).
     */
    private Measure measurePaired(List<String> cmd, Path cleanBefore, Partner partner) throws Exception {
        List<Double> secs = new ArrayList<>();
        List<Double> rss = new ArrayList<>();
        List<Double> ratios = new ArrayList<>();
        List<Double> growths = new ArrayList<>();
        boolean ok = true;
        // A growth is a ratio of two runs of about two seconds each against a bound 10 % above 1: its pairs spread
        // from 0.86 to 1.41 on this machine, so it takes at least GROWTH_PAIRS pairs, --quick or not.
        int n = partner == null ? runs : Math.max(runs, GROWTH_PAIRS);
        for (int i = quick ? 1 : 0; i <= n; i++) {
            double[] f = measureOnce(floorCommand, null, RUN_LIMIT_SECONDS);
            double[] c = partner == null ? null : measureOnce(partner.cmd(), partner.cleanBefore(), RUN_LIMIT_SECONDS);
            double[] m = measureOnce(cmd, cleanBefore, RUN_LIMIT_SECONDS);
            if (m != null && m[2] == TIMED_OUT) {
                runsStopped++;
                return new Measure(RUN_LIMIT_SECONDS, 0, false, true);
            }
            boolean done = m != null && m[2] == 0;
            if (i == 0) {
                continue; // the warm-up pair: file caches
            }
            ok &= done;
            if (done) {
                secs.add(m[0]);
                rss.add(m[1]);
                if (f != null && f[2] == 0) {
                    ratios.add(m[0] / f[0]);
                }
                if (c != null && c[2] == 0) {
                    growths.add((m[0] - partner.jvmSeconds()) / (c[0] - partner.jvmSeconds()));
                }
            }
        }
        return secs.isEmpty() ? new Measure(0, 0, false, false)
                : new Measure(median(secs), median(rss), ok, false, ratios.isEmpty() ? Double.NaN : median(ratios),
                        growths.isEmpty() ? Double.NaN : median(growths));
    }

    /** The least number of pairs a doubled size's growth is measured with (with --quick too). */
    static final int GROWTH_PAIRS = 5;

    /** The exit code that {@link #measureOnce} gives a run it stopped at its time limit. */
    static final int TIMED_OUT = -1;

    /**
     * One run: seconds, peak RSS in MiB and exit code ({@link #TIMED_OUT} when it was stopped at {@code limit}
     * seconds, with its process tree), or null when it failed (an exit code other than 0, 1 or 2).
     */
    private double[] measureOnce(List<String> cmd, Path cleanBefore, double limit, String... env) throws Exception {
        if (cleanBefore != null) {
            deleteTree(cleanBefore);
        }
        List<String> full = new ArrayList<>(List.of("/usr/bin/time", "-f", "BENCH %e %M"));
        full.addAll(cmd);
        Path err = Files.createTempFile("bench", ".err");
        ProcessBuilder pb = new ProcessBuilder(full).redirectOutput(ProcessBuilder.Redirect.DISCARD)
                .redirectError(err.toFile());
        for (int i = 0; i + 1 < env.length; i += 2) {
            pb.environment().put(env[i], env[i + 1]);
        }
        Process p = pb.start();
        if (!p.waitFor((long) (limit * 1000), java.util.concurrent.TimeUnit.MILLISECONDS)) {
            p.descendants().forEach(ProcessHandle::destroyForcibly);
            p.destroyForcibly();
            p.waitFor();
            Files.delete(err);
            return new double[] {limit, 0, TIMED_OUT};
        }
        int code = p.exitValue();
        String line = Files.readAllLines(err).stream().filter(l -> l.startsWith("BENCH ")).findFirst().orElse("");
        Files.delete(err);
        if (line.isEmpty()) {
            return null;
        }
        String[] f = line.split(" ");
        double[] m = {Double.parseDouble(f[1]), Double.parseDouble(f[2]) / 1024.0, code};
        // /usr/bin/time exits with the command's code: a refused or failed run is no measurement, but a probe
        // that ran out of memory (exit 2) is an answer
        return code == 0 || code == 2 ? m : null;
    }

    private static double median(List<Double> v) {
        List<Double> s = new ArrayList<>(v);
        s.sort(Comparator.naturalOrder());
        return s.get(s.size() / 2);
    }

    private static void copyTree(Path from, Path to) throws IOException {
        try (Stream<Path> s = Files.walk(from)) {
            for (Path p : s.sorted().toList()) {
                Path target = to.resolve(from.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(p, target);
                }
            }
        }
    }

    private static void deleteTree(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> s = Files.walk(dir)) {
            for (Path p : s.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }
}
