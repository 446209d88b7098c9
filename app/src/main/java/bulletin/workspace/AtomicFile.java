package bulletin.workspace;

import bulletin.diag.BulletinException;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.AccessDeniedException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * Writes a file completely under a temporary name beside it, then moves it into place: a failed run never
 * leaves a half-written output, and an earlier file stays as it was until the new one is complete.
 */
public final class AtomicFile {

    /** Writes the content to a stream. */
    @FunctionalInterface
    public interface Writer {
        void write(OutputStream out) throws IOException;
    }

    private AtomicFile() {
    }

    /**
     * Writes {@code target}. {@code shown} names it in messages.
     *
     * @throws BulletinException with exit code 3 when it cannot be written
     */
    public static void write(Path target, String shown, Writer writer) {
        Path dir = target.toAbsolutePath().getParent();
        Path tmp = null;
        try {
            Files.createDirectories(dir);
            tmp = Files.createTempFile(dir, "." + target.getFileName() + ".", ".tmp");
            try (OutputStream out = Files.newOutputStream(tmp)) {
                writer.write(out);
            }
            readableByAll(tmp);
            try {
                Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING);
            }
            tmp = null;
        } catch (AccessDeniedException e) {
            throw BulletinException.output(shown + ": 错误: 无法写入（没有权限，或文件正被 Word/Excel/WPS 打开：请关闭后重试）", e);
        } catch (FileSystemException e) {
            throw BulletinException.output(shown + ": 错误: 无法写入（" + (e.getReason() == null ? e.getMessage()
                    : e.getReason()) + "；如果文件正被其他程序打开，请关闭后重试）", e);
        } catch (IOException e) {
            throw BulletinException.output(shown + ": 错误: 无法写入（" + e.getMessage() + "）", e);
        } finally {
            if (tmp != null) {
                try {
                    Files.deleteIfExists(tmp);
                } catch (IOException ignored) {
                    // the temporary file is hidden and harmless; nothing more to do
                }
            }
        }
    }

    /**
     * Several files written as one: each is first written completely under a temporary name beside its target
     * ({@link #add}); only when all are there does {@link #commit} move them into place. A failure before the
     * commit leaves every earlier file as it was.
     */
    public static final class Batch implements AutoCloseable {
        private final java.util.List<Path[]> staged = new java.util.ArrayList<>();
        private final java.util.function.Function<Path, String> shown;

        public Batch(java.util.function.Function<Path, String> shown) {
            this.shown = shown;
        }

        public void add(Path target, byte[] content) {
            Path dir = target.toAbsolutePath().getParent();
            try {
                Files.createDirectories(dir);
                Path tmp = Files.createTempFile(dir, "." + target.getFileName() + ".", ".tmp");
                staged.add(new Path[] {tmp, target});
                Files.write(tmp, content);
                readableByAll(tmp);
            } catch (IOException e) {
                throw failure(target, e);
            }
        }

        /** Moves every staged file into place, in the order added. */
        public void commit() {
            for (Path[] p : staged) {
                try {
                    try {
                        Files.move(p[0], p[1], StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
                    } catch (AtomicMoveNotSupportedException e) {
                        Files.move(p[0], p[1], StandardCopyOption.REPLACE_EXISTING);
                    }
                } catch (IOException e) {
                    throw failure(p[1], e);
                }
            }
            staged.clear();
        }

        private BulletinException failure(Path target, IOException e) {
            String what = shown.apply(target);
            if (e instanceof AccessDeniedException) {
                return BulletinException.output(what + ": 错误: 无法写入（没有权限，或文件正被 Word/Excel/WPS 打开：请关闭后重试）", e);
            }
            if (e instanceof FileSystemException fse) {
                return BulletinException.output(what + ": 错误: 无法写入（" + (fse.getReason() == null ? fse.getMessage()
                        : fse.getReason()) + "；如果文件正被其他程序打开，请关闭后重试）", e);
            }
            return BulletinException.output(what + ": 错误: 无法写入（" + e.getMessage() + "）", e);
        }

        /** Removes whatever was staged and not committed. */
        @Override
        public void close() {
            for (Path[] p : staged) {
                try {
                    Files.deleteIfExists(p[0]);
                } catch (IOException ignored) {
                    // a hidden temporary file left behind is harmless
                }
            }
            staged.clear();
        }
    }

    /** Temporary files are created private (rw-------); an output is an ordinary file others may read. */
    private static void readableByAll(Path p) {
        try {
            Files.setPosixFilePermissions(p, java.nio.file.attribute.PosixFilePermissions.fromString("rw-r--r--"));
        } catch (UnsupportedOperationException | IOException ignored) {
            // not a POSIX file system (Windows): the default permissions are the ordinary ones
        }
    }

    /** A file name made from a unit's name that cannot leave its folder or upset Windows. */
    public static String safeName(String s) {
        String t = s.replaceAll("[\\\\/:*?\"<>|\\p{Cntrl}]", "_").trim();
        t = t.replaceAll("^\\.+", "_");
        if (t.isEmpty()) {
            t = "_";
        }
        return t.length() > 80 ? t.substring(0, 80) : t;
    }
}
