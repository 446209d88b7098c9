package bulletin.workspace;

import bulletin.diag.BulletinException;
import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.ByteArrayInputStream;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryStream;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Function;
import java.util.regex.Pattern;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

/**
 * Writes outputs so that no failure, and no kill, leaves a half-written file or a half-replaced set of files.
 * One file ({@link #write}) is written completely under a temporary name beside it, then moved into place. A set
 * of files ({@link Batch}) is staged the same way, the earlier files are kept, and only then are the current
 * files replaced, the last one (the month's {@code bulletin.json}) last; a failure at any step puts the earlier
 * files back, and a run that was killed half way is undone by the next one from a small journal.
 */
public final class AtomicFile {

    /** Writes the content to a stream. */
    @FunctionalInterface
    public interface Writer {
        void write(OutputStream out) throws IOException;
    }

    /**
     * A test's way into the steps: called before each one with its name ({@code write} for every write to a file's
     * stream, {@code stage}, {@code journal}, {@code keep}, {@code replace}, {@code retire}, {@code done}) and its
     * file. An IOException thrown here is that step failing; an Error stops the run there, as a kill would.
     */
    @FunctionalInterface
    interface Fault {
        void at(String step, Path file) throws IOException;
    }

    static volatile Fault fault = (step, file) -> { };

    /** The journal of a set being replaced: how to put the earlier files back. */
    static final String UNDO = ".bulletin.undo";

    /** Our temporary files, {@code .NAME.DIGITS.tmp} beside the file NAME (and the journal's own). */
    static final Pattern TEMP = Pattern.compile("\\..+\\.(docx|xlsx|json|pdf|undo)\\.\\d+\\.tmp");

    private static final LinkOption NOFOLLOW = LinkOption.NOFOLLOW_LINKS;

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
            try (Recording out = new Recording(new BufferedOutputStream(Files.newOutputStream(tmp)), target)) {
                try {
                    writer.write(out);
                } catch (RuntimeException e) {
                    if (out.failure != null) {
                        throw out.failure; // POI turns a full disk into a runtime exception of its own
                    }
                    throw e;
                }
            }
            readableByAll(tmp);
            move(tmp, target);
            tmp = null;
        } catch (IOException e) {
            throw failure(shown, "无法写入", e);
        } finally {
            if (tmp != null) {
                deleteQuietly(tmp);
            }
        }
    }

    /**
     * Removes what a killed run left in {@code dir}: our temporary files (only those named as ours, and only
     * regular files), never anything else.
     */
    public static void removeTemporaries(Path dir) {
        if (!Files.isDirectory(dir, NOFOLLOW)) {
            return;
        }
        try (DirectoryStream<Path> s = Files.newDirectoryStream(dir)) {
            for (Path p : s) {
                if (TEMP.matcher(p.getFileName().toString()).matches() && Files.isRegularFile(p, NOFOLLOW)) {
                    deleteQuietly(p);
                }
            }
        } catch (IOException ignored) {
            // a folder that cannot be listed cannot be written either: the write that follows says so
        }
    }

    /**
     * Whether {@code file} is a regular file holding {@code content}; a damaged or missing file, a folder or a
     * link holds nothing. A zip package (.docx, .xlsx) is compared entry by entry, by name and content, since its
     * entries' dates differ from run to run, and so does the order in which docx4j declares the namespaces on an
     * XML part's root element: those declarations are compared as a set.
     */
    public static boolean holds(Path file, byte[] content) {
        try {
            if (!Files.isRegularFile(file, NOFOLLOW)) {
                return false;
            }
            long size = Files.size(file);
            if (size == content.length && Arrays.equals(Files.readAllBytes(file), content)) {
                return true;
            }
            boolean zip = content.length > 4 && content[0] == 'P' && content[1] == 'K' && content[2] == 3;
            return zip && size <= 4L * content.length + (1 << 20) && sameEntries(file, content);
        } catch (IOException | RuntimeException e) {
            return false;
        }
    }

    private static boolean sameEntries(Path file, byte[] content) throws IOException {
        try (ZipInputStream a = new ZipInputStream(new ByteArrayInputStream(content));
             ZipInputStream b = new ZipInputStream(new BufferedInputStream(Files.newInputStream(file)))) {
            int entries = 0;
            while (true) {
                ZipEntry ea = a.getNextEntry();
                ZipEntry eb = b.getNextEntry();
                if (ea == null || eb == null) {
                    return ea == null && eb == null && entries > 0;
                }
                if (!ea.getName().equals(eb.getName())) {
                    return false;
                }
                // A head of each entry in memory, the rest compared as it streams: a province's document.xml is
                // tens of MiB unpacked, and both copies at once did not fit a 128 MiB heap.
                byte[] x = a.readNBytes(HEAD);
                byte[] y = b.readNBytes(HEAD);
                boolean xml = ea.getName().endsWith(".xml") || ea.getName().endsWith(".rels");
                if (Arrays.equals(x, y)) {
                    if (!sameRest(a, b)) {
                        return false;
                    }
                } else if (!(xml && sameXml(a, x, b, y))) {
                    return false;
                }
                entries++;
            }
        }
    }

    private static final Pattern ATTRIBUTE = Pattern.compile("\\s+([^\\s=/>]+)\\s*=\\s*(\"[^\"]*\"|'[^']*')");

    /** How much of each entry is read at once: room for any root element's start tag. */
    private static final int HEAD = 1 << 16;

    /** Whether the rest of two streams is the same, compared a block at a time. */
    private static boolean sameRest(InputStream a, InputStream b) throws IOException {
        byte[] x = new byte[HEAD];
        byte[] y = new byte[HEAD];
        while (true) {
            int n = a.readNBytes(x, 0, HEAD);
            int m = b.readNBytes(y, 0, HEAD);
            if (n != m || !Arrays.equals(x, 0, n, y, 0, m)) {
                return false;
            }
            if (n < HEAD) {
                return true;
            }
        }
    }

    /**
     * The same XML but for the order of the root element's attributes: the heads {@code x} and {@code y} (each
     * holding its root element's start tag) and then the rest of the streams.
     */
    private static boolean sameXml(InputStream a, byte[] x, InputStream b, byte[] y) throws IOException {
        int[] rx = rootTag(x);
        int[] ry = rootTag(y);
        if (rx == null || ry == null || !Arrays.equals(x, 0, rx[0], y, 0, ry[0])
                || !attributes(new String(x, rx[0], rx[1] - rx[0], StandardCharsets.UTF_8))
                        .equals(attributes(new String(y, ry[0], ry[1] - ry[0], StandardCharsets.UTF_8)))) {
            return false;
        }
        // After the start tags, byte for byte: each head's tail, then its stream.
        return sameRest(new java.io.SequenceInputStream(new ByteArrayInputStream(x, rx[1], x.length - rx[1]),
                unclosed(a)), new java.io.SequenceInputStream(new ByteArrayInputStream(y, ry[1], y.length - ry[1]),
                unclosed(b)));
    }

    /** The stream, but not closed by a SequenceInputStream that has read it to its end. */
    private static InputStream unclosed(InputStream in) {
        return new java.io.FilterInputStream(in) {
            @Override
            public void close() {
                // the zip stream goes on to its next entry
            }
        };
    }

    /** Where the root element's start tag begins and ends (after its '>'), or null. */
    private static int[] rootTag(byte[] s) {
        int i = 0;
        while (true) {
            while (i < s.length && s[i] != '<') {
                i++;
            }
            if (i + 1 >= s.length) {
                return null;
            }
            if (s[i + 1] != '?' && s[i + 1] != '!') {
                break;
            }
            i++;
        }
        byte quote = 0;
        for (int j = i + 1; j < s.length; j++) {
            byte c = s[j];
            if (quote != 0) {
                quote = c == quote ? 0 : quote;
            } else if (c == '"' || c == '\'') {
                quote = c;
            } else if (c == '>') {
                return new int[] {i, j + 1};
            }
        }
        return null;
    }

    /** A start tag as its name and its sorted attributes. */
    private static List<String> attributes(String tag) {
        java.util.regex.Matcher m = ATTRIBUTE.matcher(tag);
        List<String> all = new ArrayList<>();
        StringBuilder rest = new StringBuilder();
        int last = 0;
        while (m.find()) {
            rest.append(tag, last, m.start());
            all.add(m.group(1) + "=" + m.group(2));
            last = m.end();
        }
        rest.append(tag.substring(last));
        all.sort(null);
        all.add(0, rest.toString().replaceAll("\\s+", " "));
        return all;
    }

    /**
     * Several files replaced as one set. Each is first written completely under a temporary name ({@link #add});
     * {@link #commit} then keeps the earlier files and moves the new ones into place, the last one added last.
     */
    public static final class Batch {
        private final Path dir;
        private final Function<Path, String> shown;
        private final List<Path[]> staged = new ArrayList<>();

        /** A set of files in {@code dir}; {@code shown} names a file in messages. */
        public Batch(Path dir, Function<Path, String> shown) {
            this.dir = dir.toAbsolutePath();
            this.shown = shown;
        }

        /**
         * Undoes a replacement that a killed run left half done (from its journal: the earlier files are current
         * again) and removes the run's temporary files.
         *
         * @return true where an earlier run was undone
         * @throws BulletinException exit 3 where the earlier files cannot be put back
         */
        public static boolean recover(Path dir, Function<Path, String> shown) {
            Path journal = dir.toAbsolutePath().resolve(UNDO);
            boolean undone = false;
            if (Files.isRegularFile(journal, NOFOLLOW)) {
                String failed = undo(journal, readJournal(journal));
                if (failed != null) {
                    throw BulletinException.output(shown.apply(journal) + ": 错误: 上次运行中断，未能恢复原有文件（"
                            + failed + "）；如果文件正被 Word/Excel/WPS 打开，请关闭后重试", null);
                }
                undone = true;
            }
            removeTemporaries(dir);
            return undone;
        }

        /** Writes {@code content} under a temporary name beside {@code target} (in this batch's folder). */
        public void add(Path target, byte[] content) {
            try {
                Files.createDirectories(dir);
                Path tmp = Files.createTempFile(dir, "." + target.getFileName() + ".", ".tmp");
                staged.add(new Path[] {tmp, target.toAbsolutePath()});
                fault.at("stage", target);
                Files.write(tmp, content);
                readableByAll(tmp);
            } catch (IOException e) {
                discard();
                throw failure(shown.apply(target), "无法写入", e, "；原有文件未改动");
            }
        }

        /**
         * Puts the staged files in place. Every earlier file replaced, and every one of {@code retire} (current
         * files the new set does not have, which leave), is kept first: under its "-旧N" name where {@code keep},
         * else as a hidden copy until the new files are in place. Anything but a regular file at one of these names
         * (a folder, a link) is moved aside to its "-旧N" name, never followed or deleted. A failure at any step
         * puts every earlier file back and removes the new ones (exit 3, naming the file).
         *
         * @return the files kept, as "file → new name"
         */
        public List<String> commit(boolean keep, List<Path> retire) {
            List<Change> changes = plan(keep, retire);
            List<Change> made = new ArrayList<>(); // what to undo: only what this run did, never a name it found
            Path journal = dir.resolve(UNDO);
            String doing = "无法写入";
            Path at = journal;
            try {
                writeJournal(journal, changes);
                doing = "无法保留旧文件";
                for (Change c : changes) {
                    at = c.target;
                    c.keep();
                    made.add(c);
                }
                doing = "无法写入";
                for (int i = 0; i < staged.size(); i++) {
                    if (i == staged.size() - 1) {
                        doing = "无法移走旧文件";
                        for (Path r : retire) {
                            at = r;
                            retire(r);
                        }
                        doing = "无法写入";
                    }
                    at = staged.get(i)[1];
                    fault.at("replace", at);
                    move(staged.get(i)[0], at);
                }
                fault.at("done", dir);
                Files.deleteIfExists(journal);
            } catch (IOException | RuntimeException e) {
                changes.stream().filter(c -> c.backup == null && !made.contains(c)).forEach(made::add);
                String failed = undo(journal, made);
                discard();
                IOException io = e instanceof IOException x ? x : new IOException(e.getMessage(), e);
                throw failure(shown.apply(at), doing, io, failed == null ? "；原有文件未改动"
                        : "；原有文件未能全部恢复（" + failed + "），下次运行时会再恢复");
            }
            staged.clear();
            List<String> kept = new ArrayList<>();
            for (Change c : changes) {
                if (c.hidden) {
                    deleteQuietly(c.backup);
                } else if (c.backup != null) {
                    kept.add(shown.apply(c.target) + " → " + c.backup.getFileName());
                }
            }
            return kept;
        }

        private void retire(Path r) throws IOException {
            if (Files.exists(r, NOFOLLOW)) {
                fault.at("retire", r);
                Files.delete(r);
            }
        }

        /** What happens to each name: kept (linked, copied or moved aside) before anything is replaced. */
        private List<Change> plan(boolean keep, List<Path> retire) {
            List<Path> targets = new ArrayList<>();
            staged.forEach(s -> targets.add(s[1]));
            retire.forEach(r -> targets.add(r.toAbsolutePath()));
            List<Path> existing = targets.stream().filter(p -> Files.exists(p, NOFOLLOW)).toList();
            int k = 1;
            while (true) {
                int n = k;
                if (existing.stream().noneMatch(p -> Files.exists(keptName(p, n), NOFOLLOW))) {
                    break;
                }
                k++;
            }
            List<Change> changes = new ArrayList<>();
            for (Path p : targets) {
                if (!existing.contains(p)) {
                    changes.add(new Change(p, null, false, false));
                } else if (!Files.isRegularFile(p, NOFOLLOW)) {
                    changes.add(new Change(p, keptName(p, k), false, true));
                } else if (keep) {
                    changes.add(new Change(p, keptName(p, k), false, false));
                } else {
                    String hidden = "." + p.getFileName() + "." + Long.toUnsignedString(
                            ThreadLocalRandom.current().nextLong()) + ".tmp";
                    changes.add(new Change(p, p.resolveSibling(hidden), true, false));
                }
            }
            return changes;
        }

        /** Removes the staged files not yet in place. */
        private void discard() {
            staged.forEach(s -> deleteQuietly(s[0]));
            staged.clear();
        }
    }

    /**
     * One name of the set: {@code backup} is where its earlier file is kept (null where there was none, and the
     * new file is removed on undo); {@code hidden} where that copy goes once the set is in place (--force);
     * {@code aside} where the earlier entry is not a regular file and is moved there rather than copied.
     */
    private record Change(Path target, Path backup, boolean hidden, boolean aside) {

        void keep() throws IOException {
            if (backup == null) {
                return;
            }
            fault.at("keep", target);
            if (aside) {
                Files.move(target, backup);
                return;
            }
            try {
                Files.createLink(backup, target);
            } catch (FileAlreadyExistsException e) {
                throw e;
            } catch (IOException | UnsupportedOperationException | SecurityException e) {
                try {
                    Files.copy(target, backup, StandardCopyOption.COPY_ATTRIBUTES);
                } catch (FileAlreadyExistsException c) {
                    throw c;
                } catch (IOException c) {
                    deleteQuietly(backup);
                    throw c;
                }
            }
        }
    }

    /** The name an earlier file is kept under: {@code 工作专报（第3期）-旧1.docx}, {@code bulletin-旧2.json}. */
    public static Path keptName(Path p, int k) {
        String n = p.getFileName().toString();
        int dot = n.lastIndexOf('.');
        return dot <= 0 ? p.resolveSibling(n + "-旧" + k) : p.resolveSibling(n.substring(0, dot) + "-旧" + k + n.substring(dot));
    }

    /** Writes the journal (before the first change): one line per name, how to put its earlier file back. */
    private static void writeJournal(Path journal, List<Change> changes) throws IOException {
        StringBuilder sb = new StringBuilder();
        for (Change c : changes) {
            sb.append(c.backup == null ? "remove\t\t" : "restore\t" + c.backup.getFileName() + "\t")
                    .append(c.target.getFileName()).append('\n');
        }
        Path tmp = Files.createTempFile(journal.getParent(), UNDO + ".", ".tmp");
        try {
            fault.at("journal", journal);
            Files.writeString(tmp, sb, StandardCharsets.UTF_8);
            move(tmp, journal);
        } finally {
            deleteQuietly(tmp);
        }
    }

    /** The journal's lines; a line that names anything but a plain file of the same folder is ignored. */
    private static List<Change> readJournal(Path journal) {
        List<Change> changes = new ArrayList<>();
        Path dir = journal.getParent();
        try (InputStream in = Files.newInputStream(journal)) {
            String text = new String(in.readNBytes(1 << 16), StandardCharsets.UTF_8);
            for (String line : text.split("\n")) {
                String[] f = line.split("\t", -1);
                if (f.length != 3 || !plain(f[2]) || f[2].startsWith(".")) {
                    continue;
                }
                if (f[0].equals("remove")) {
                    changes.add(new Change(dir.resolve(f[2]), null, false, false));
                } else if (f[0].equals("restore") && plain(f[1])
                        && (TEMP.matcher(f[1]).matches() || f[1].contains("-旧"))) {
                    changes.add(new Change(dir.resolve(f[2]), dir.resolve(f[1]), TEMP.matcher(f[1]).matches(), false));
                }
            }
        } catch (IOException ignored) {
            // an unreadable journal undoes nothing; the current files stay as they are
        }
        return changes;
    }

    private static boolean plain(String name) {
        return !name.isEmpty() && !name.equals(".") && !name.equals("..") && name.indexOf('/') < 0
                && name.indexOf('\\') < 0 && name.chars().noneMatch(Character::isISOControl);
    }

    /**
     * Puts every earlier file back, the last change first, and removes the new files that had no earlier one;
     * the journal goes when all is back.
     *
     * @return null when everything is back, else what could not be
     */
    private static String undo(Path journal, List<Change> changes) {
        String failed = null;
        for (int i = changes.size() - 1; i >= 0; i--) {
            Change c = changes.get(i);
            try {
                if (c.backup == null) {
                    if (Files.isRegularFile(c.target, NOFOLLOW)) {
                        Files.delete(c.target);
                    }
                } else if (Files.exists(c.backup, NOFOLLOW)) {
                    try {
                        Files.move(c.backup, c.target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
                    } catch (IOException e) {
                        Files.move(c.backup, c.target, StandardCopyOption.REPLACE_EXISTING);
                    }
                    if (Files.isRegularFile(c.backup, NOFOLLOW)) {
                        Files.delete(c.backup); // it was a second name of the file that was never replaced
                    }
                }
            } catch (IOException e) {
                failed = c.target.getFileName() + ": " + reason(e);
            }
        }
        if (failed == null) {
            deleteQuietly(journal);
        }
        return failed;
    }

    /** Moves a complete file into place, replacing what is there (atomically where the file system can). */
    private static void move(Path from, Path to) throws IOException {
        try {
            Files.move(from, to, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(from, to, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    private static BulletinException failure(String what, String doing, IOException e) {
        return failure(what, doing, e, "");
    }

    private static BulletinException failure(String what, String doing, IOException e, String after) {
        String hint = e instanceof FileSystemException ? "；如果文件正被 Word/Excel/WPS 打开，请关闭后重试" : "";
        return BulletinException.output(what + ": 错误: " + doing + "（" + reason(e) + hint + "）" + after, e);
    }

    /** Why, for a clerk: no permission, a full disk, or the system's own words. */
    private static String reason(IOException e) {
        String m = e instanceof FileSystemException f && f.getReason() != null ? f.getReason() : e.getMessage();
        if (e instanceof AccessDeniedException) {
            return "没有权限";
        }
        if (m != null && m.contains("No space left")) {
            return "磁盘已满：" + m;
        }
        return m == null ? e.getClass().getSimpleName() : m;
    }

    private static void deleteQuietly(Path p) {
        try {
            Files.deleteIfExists(p);
        } catch (IOException ignored) {
            // a hidden temporary file left behind is harmless: the next run removes it
        }
    }

    /** A file's stream that remembers the first failure, since some writers turn it into one of their own. */
    private static final class Recording extends FilterOutputStream {
        private final Path target;
        private IOException failure;

        Recording(OutputStream out, Path target) {
            super(out);
            this.target = target;
        }

        @Override
        public void write(int b) throws IOException {
            write(new byte[] {(byte) b}, 0, 1);
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            try {
                fault.at("write", target);
                out.write(b, off, len);
            } catch (IOException e) {
                if (failure == null) {
                    failure = e;
                }
                throw e;
            }
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
}
