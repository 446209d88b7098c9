package bulletin.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
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

    private GeneratedSamples() {
    }

    /** The shared workspace with May generated (read it only), made on first use. */
    public static synchronized Generated may() {
        if (may == null) {
            try {
                Path dir = Files.createTempDirectory("bulletin-generated-may");
                Runtime.getRuntime().addShutdownHook(new Thread(() -> deleteTree(dir)));
                Path ws = SampleWorkspace.copyTo(dir.resolve("ws"));
                Cli.Run run = Cli.in(ws, "generate", "--month", "5", "--date", "2026-05-30");
                if (run.code() != 0) {
                    throw new IllegalStateException("the samples' May did not generate:\n" + run);
                }
                may = new Generated(ws, run);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return may;
    }

    /** A copy of the generated workspace (inputs and {@code out/}) in {@code dir}, the test's own to change. */
    public static Path copyTo(Path dir) throws IOException {
        TreeCopy.copy(may().workspace(), dir);
        return dir;
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
