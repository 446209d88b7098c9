package bulletin.testing;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

/** A plain recursive copy of a folder: how a test gets its own writable copy of a fixture made once. */
public final class TreeCopy {

    private TreeCopy() {
    }

    /** Copies {@code from} (a folder or a file) to {@code to}; existing files are not overwritten. */
    public static void copy(Path from, Path to) throws IOException {
        try (Stream<Path> s = Files.walk(from)) {
            for (Path p : s.toList()) {
                Path target = to.resolve(from.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(target);
                } else {
                    Files.createDirectories(target.getParent());
                    Files.copy(p, target);
                }
            }
        }
    }
}
