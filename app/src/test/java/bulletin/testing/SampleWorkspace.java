package bulletin.testing;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * The committed sample workspace {@code samples/miluo-2026}, copied for a test. {@code SamplesTest} proves that
 * it is what {@code MiluoSamples.write} makes, so a plain file copy replaces regenerating it with POI; the copy
 * is the test's own to write into, the committed folder is never written.
 */
public final class SampleWorkspace {

    public static final Path DIR = Path.of("samples/miluo-2026");

    /**
     * What {@code MiluoSamples.write} makes, and nothing else: not the {@code out/}, {@code forms/} or lock file
     * that running the tool on the samples leaves there (git ignores them).
     */
    static final List<String> PARTS = List.of("bulletin.yaml", "notes", "platform", "progress", "targets");

    private SampleWorkspace() {
    }

    /** Copies the sample workspace into {@code dir} (created if needed) and returns {@code dir}. */
    public static Path copyTo(Path dir) throws IOException {
        if (dir.toAbsolutePath().normalize().startsWith(DIR.toAbsolutePath().normalize())) {
            throw new IllegalArgumentException("not into the committed samples: " + dir);
        }
        Files.createDirectories(dir);
        for (String part : PARTS) {
            Path from = DIR.resolve(part);
            if (!Files.exists(from)) {
                throw new IOException("missing " + from + ": the committed sample workspace is incomplete");
            }
            TreeCopy.copy(from, dir.resolve(part));
        }
        return dir;
    }
}
