package bulletin.testing;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.extension.AnnotatedElementContext;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.io.TempDirFactory;

/**
 * Where the tests' scratch folders go: a folder in memory ({@code /dev/shm}) where the machine has one with room,
 * else the system's temporary folder. The suite makes and deletes thousands of files (copies of the samples,
 * generated months, edited workbooks); on this project's machines, ext4 mounted with {@code discard}, making and
 * deleting them cost about a sixth of the suite's summed time (and 7–10 s of system CPU), in memory almost none.
 * Nothing a test checks depends on the disk: a workspace, its output and its temporary files are always in the one
 * scratch folder, so a rename stays within one file system wherever that folder is.
 *
 * <p>{@link Factory} is JUnit's default for {@code @TempDir} (the {@code junit.jupiter.tempdir.factory.default}
 * parameter in the pom); a test making a folder itself calls {@link #newDir}. {@code -Dtest.scratch=disk} keeps
 * everything in the system's temporary folder.
 */
public final class Scratch {

    /**
     * What the memory folder must have free to be used: ample, as the suite held at most about 25 MB there at once
     * (sampled every 0.3 s), but more than Docker's 64 MiB {@code /dev/shm}.
     */
    static final long ROOM = 1L << 30;

    private static final Optional<Path> MEMORY = memory(Path.of("/dev/shm"), System.getProperty("test.scratch"),
            Path.of("/proc/self/mounts"));

    private Scratch() {
    }

    /** The memory folder this JVM's scratch folders are made in, or empty where they are on disk. */
    static Optional<Path> memory() {
        return MEMORY;
    }

    /** A new empty folder named {@code prefix…} in the scratch place. */
    public static Path newDir(String prefix) throws IOException {
        return MEMORY.isPresent() ? Files.createTempDirectory(MEMORY.get(), prefix) : Files.createTempDirectory(prefix);
    }

    /**
     * The memory folder, if it is there, writable, roomy and mounted without {@code noexec} (some tests run a
     * stand-in script made in their folder), and the run has not asked for the disk; {@code mounts} is the
     * system's table of mounts ({@code /proc/self/mounts}), without which the disk is kept.
     */
    static Optional<Path> memory(Path shm, String asked, Path mounts) {
        if ("disk".equals(asked) || !Files.isDirectory(shm) || !Files.isWritable(shm)) {
            return Optional.empty();
        }
        try {
            Path real = shm.toRealPath();
            String options = null;
            int longest = -1;
            for (String line : Files.readAllLines(mounts)) {
                String[] f = line.split(" ");
                if (f.length >= 4 && real.startsWith(f[1]) && f[1].length() > longest) {
                    longest = f[1].length();
                    options = "," + f[3] + ",";
                }
            }
            boolean usable = options != null && !options.contains(",noexec,")
                    && Files.getFileStore(real).getUsableSpace() >= ROOM;
            return usable ? Optional.of(real) : Optional.empty();
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }

    /** {@code @TempDir}'s folders, made by {@link #newDir}; JUnit deletes each as before. */
    public static final class Factory implements TempDirFactory {

        @Override
        public Path createTempDirectory(AnnotatedElementContext element, ExtensionContext context) throws IOException {
            return newDir("junit");
        }
    }
}
