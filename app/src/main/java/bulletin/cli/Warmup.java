package bulletin.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * The training run behind the launcher's class-data sharing archive: every command once, on a temporary copy of
 * a sample workspace, in one JVM started with {@code -XX:ArchiveClassesAtExit}. The classes it loads are then
 * mapped from the archive instead of being read, verified and linked again at every start.
 *
 * <p>Not a command of its own: the launcher runs it right after a build. Exits 0 when every command ran as
 * expected, else 1 (the launcher then throws the archive away and runs without one).
 */
public final class Warmup {

    private Warmup() {
    }

    public static void main(String[] args) throws IOException {
        if (args.length != 1 || !Files.isDirectory(Path.of(args[0]))) {
            System.err.println("usage: Warmup <sample workspace>");
            System.exit(2);
        }
        boolean ok = train(Path.of(args[0]), System.err);
        System.exit(ok ? 0 : 1);
    }

    /** Runs every command once on a copy of {@code sample}; true when each ended with exit code 0 or 1. */
    static boolean train(Path sample, java.io.PrintStream log) throws IOException {
        Path copy = Files.createTempDirectory("bulletin-warmup");
        boolean ok = true;
        try {
            copyTree(sample, copy);
            String ws = copy.toString();
            List<String[]> commands = List.of(
                    new String[] {"--help"},
                    new String[] {"--version"},
                    new String[] {"-w", ws, "inspect"},
                    new String[] {"-w", ws, "inspect", "--json"},
                    new String[] {"-w", ws, "validate", "--month", "5"},
                    new String[] {"-w", ws, "template", "--month", "7"},
                    new String[] {"-w", ws, "generate", "--month", "5", "--date", "2026-05-31"},
                    new String[] {"-w", ws, "generate", "--month", "5", "--date", "2026-05-31"},
                    // last month's snapshot read ahead from its file (June's own mistakes end it with exit 1)
                    new String[] {"-w", ws, "generate", "--month", "6", "--date", "2026-06-30"});
            // What only a real process does: the memory guard's management classes, and docx4j's start on a
            // thread of its own before the command line is read (Main.main). Unarchived, each run read them anew.
            java.lang.management.ManagementFactory.getGarbageCollectorMXBeans().forEach(b -> b.getCollectionTime());
            bulletin.service.GenerateService.warmUp();
            for (String[] c : commands) {
                StringWriter out = new StringWriter();
                StringWriter err = new StringWriter();
                int code = Main.run(c, new PrintWriter(out), new PrintWriter(err));
                if (code != 0 && code != 1) {
                    log.println("warm-up: " + String.join(" ", c) + " → " + code + "\n" + err);
                    ok = false;
                }
            }
        } finally {
            deleteTree(copy);
        }
        return ok;
    }

    private static void copyTree(Path from, Path to) throws IOException {
        try (Stream<Path> s = Files.walk(from)) {
            for (Path p : s.toList()) {
                Path rel = from.relativize(p);
                if (rel.getNameCount() > 0 && List.of("out", "forms").contains(rel.getName(0).toString())) {
                    continue; // what earlier runs made there: the training starts as a new user does
                }
                Path t = to.resolve(rel.toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(t);
                } else if (!p.getFileName().toString().startsWith(".")) {
                    Files.copy(p, t);
                }
            }
        }
    }

    private static void deleteTree(Path dir) throws IOException {
        try (Stream<Path> s = Files.walk(dir)) {
            for (Path p : s.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }
}
