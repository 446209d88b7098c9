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
 * Runs the commands as a user does (a fresh JVM each time, the whole process measured) on synthetic workspaces of
 * three sizes and prints a Markdown table: median wall time and peak RSS over several runs after a warm-up, next
 * to the floor (a bare JVM start, and opening and saving an empty .docx with docx4j).
 *
 * <p>Run with {@code bench/run} (see the README, "Performance").
 */
public final class Benchmark {

    record Size(String name, int units, int indicators, int months) {
    }

    static final List<Size> SIZES = List.of(
            new Size("city", 15, 50, 2),
            new Size("city ×2 units", 30, 50, 2),
            new Size("city ×2 indicators", 15, 100, 2),
            new Size("province", 150, 60, 2),
            new Size("province, 12 months", 150, 60, 12));

    private final Path root;
    private final String classpath;
    private final int runs;

    Benchmark(Path root, String classpath, int runs) {
        this.root = root;
        this.classpath = classpath;
        this.runs = runs;
    }

    public static void main(String[] args) throws Exception {
        int runs = args.length > 0 && args[0].equals("--quick") ? 3 : 5;
        String cp = System.getProperty("java.class.path");
        new Benchmark(Path.of("target/bench"), cp, runs).run();
    }

    /** Median seconds and peak RSS (MiB) of a command, run {@code runs} times after one warm-up. */
    record Measure(double seconds, double rssMib, boolean ok) {
    }

    void run() throws Exception {
        Files.createDirectories(root);
        Path empty = root.resolve("empty.docx");
        if (!Files.exists(empty)) {
            Floor.makeEmpty(empty);
        }
        List<String> rows = new ArrayList<>();
        Measure jvm = measure(List.of("java", "-version"), null);
        Measure floor = measure(List.of("java", "-cp", classpath, "bulletin.bench.Floor", empty.toString()), null);
        rows.add(row("floor: `java -version`", jvm, null));
        rows.add(row("floor: docx4j opens and saves an empty .docx", floor, null));
        rows.add(row("`--help`", measure(cli(List.of("--help")), null), jvm));
        for (Size s : SIZES) {
            Path ws = workspace(s);
            String month = String.valueOf(12);
            rows.add(row(s.name() + ": `inspect`", measure(cli(List.of("-w", ws.toString(), "inspect")), null), jvm));
            rows.add(row(s.name() + ": `validate --month 12`",
                    measure(cli(List.of("-w", ws.toString(), "validate", "--month", month)), null), jvm));
            rows.add(row(s.name() + ": `template --month 12`",
                    measure(cli(List.of("-w", ws.toString(), "template", "--month", month, "--force")), null), jvm));
            rows.add(row(s.name() + ": `generate --month 12`", measure(cli(List.of("-w", ws.toString(), "generate",
                    "--month", month, "--date", "2026-12-30", "--force")), ws.resolve("out/2026-12")), floor));
            if (s.units() >= 150) {
                List<String> small = cli(List.of("-w", ws.toString(), "generate", "--month", month, "--date",
                        "2026-12-30", "--force"));
                small.add(1, "-Xmx512m");
                rows.add(row(s.name() + ": `generate` with `-Xmx512m`", measure(small, ws.resolve("out/2026-12")), floor));
            }
        }
        System.out.println("| what | median wall | peak RSS | × floor |");
        System.out.println("| --- | ---: | ---: | ---: |");
        rows.forEach(System.out::println);
        System.out.println();
        System.out.println(String.format(Locale.ROOT, "%d runs each after a warm-up; %d cores, %s, Java %s.", runs,
                Runtime.getRuntime().availableProcessors(), System.getProperty("os.name"),
                System.getProperty("java.version")));
    }

    private static String row(String what, Measure m, Measure floor) {
        String ratio = floor == null ? "" : String.format(Locale.ROOT, "%.2f", m.seconds() / floor.seconds());
        return String.format(Locale.ROOT, "| %s | %.2f s%s | %.0f MiB | %s |", what, m.seconds(), m.ok() ? "" : " (failed)",
                m.rssMib(), ratio);
    }

    /** The program as the launcher runs it. */
    private List<String> cli(List<String> args) {
        List<String> cmd = new ArrayList<>(List.of("java", "-Dfile.encoding=UTF-8", "-jar", "target/bulletin.jar"));
        cmd.addAll(args);
        return cmd;
    }

    private Path workspace(Size s) throws IOException {
        Path ws = root.resolve(s.name().replaceAll("[^a-z0-9]+", "-"));
        if (!Files.exists(ws.resolve(".ready2"))) {
            deleteTree(ws);
            System.err.println("making workload " + s.name() + " …");
            Workloads.write(ws, s.units(), s.indicators(), s.months());
            Files.writeString(ws.resolve(".ready2"), "");
        }
        return ws;
    }

    private Measure measure(List<String> cmd, Path cleanBefore) throws Exception {
        List<Double> secs = new ArrayList<>();
        List<Double> rss = new ArrayList<>();
        boolean ok = true;
        for (int i = 0; i <= runs; i++) {
            if (cleanBefore != null) {
                deleteTree(cleanBefore);
            }
            List<String> full = new ArrayList<>(List.of("/usr/bin/time", "-f", "BENCH %e %M"));
            full.addAll(cmd);
            Path err = Files.createTempFile("bench", ".err");
            Process p = new ProcessBuilder(full).redirectOutput(ProcessBuilder.Redirect.DISCARD)
                    .redirectError(err.toFile()).start();
            int code = p.waitFor();
            String line = Files.readAllLines(err).stream().filter(l -> l.startsWith("BENCH ")).findFirst().orElse("");
            Files.delete(err);
            if (i == 0) {
                continue; // warm-up: file caches, JIT of the launcher itself
            }
            ok &= code == 0 || code == 1;
            String[] f = line.split(" ");
            secs.add(Double.parseDouble(f[1]));
            rss.add(Double.parseDouble(f[2]) / 1024.0);
        }
        return new Measure(median(secs), median(rss), ok);
    }

    private static double median(List<Double> v) {
        List<Double> s = new ArrayList<>(v);
        s.sort(Comparator.naturalOrder());
        return s.get(s.size() / 2);
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
