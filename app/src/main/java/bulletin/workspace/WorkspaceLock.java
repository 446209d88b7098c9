package bulletin.workspace;

import bulletin.diag.BulletinException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;

/**
 * One writer at a time per workspace: {@code generate} and {@code template} hold an operating-system lock
 * ({@link FileChannel#tryLock}) on {@code .bulletin.lock} while they run. The lock, not the file, is what counts:
 * the system releases it when the run ends, however it ends, so a file left behind means nothing and is never
 * deleted (deleting it on exit would let a run that is just opening it lock a file no one else sees). A second
 * run is refused at once, told who holds the lock (the holder writes its process id, machine and start time in
 * the file). The file is opened without following links, and a lock file that is a link, a folder, a device or
 * pipe, or a file with other names (hard links) is refused with its name: nothing is ever written outside the
 * workspace.
 */
public final class WorkspaceLock implements AutoCloseable {

    static final String FILE = ".bulletin.lock";

    /**
     * The byte locked: past anything written in the file, so that a second run can read who holds the lock
     * (Windows locks are mandatory: a locked range cannot be read by others).
     */
    private static final long REGION = 1L << 30;

    private static final int MAX_INFO = 1024;

    /** The locks this process holds, by workspace root (file locks belong to the whole process). */
    private static final Map<Path, WorkspaceLock> HELD = new ConcurrentHashMap<>();

    private final Path root;
    private final Path file;
    private final Object key;
    private final FileChannel channel;
    private final FileLock lock;
    private final String info;
    private List<Path> recovered = List.of();

    private WorkspaceLock(Path root, Path file, Object key, FileChannel channel, FileLock lock, String info) {
        this.root = root;
        this.file = file;
        this.key = key;
        this.channel = channel;
        this.lock = lock;
        this.info = info;
    }

    /**
     * Locks the workspace for this run.
     *
     * @throws BulletinException exit 3 when another run holds the lock, or the lock file is not a plain file
     */
    public static WorkspaceLock acquire(Workspace ws) {
        WorkspaceLock mine = HELD.get(ws.root());
        if (mine != null) {
            throw held(ws, mine.info); // a run in this same process: the file must not be opened twice (below)
        }
        Path file = ws.root().resolve(FILE);
        for (int attempt = 1; ; attempt++) {
            Object key = plainFile(file);
            FileChannel ch = open(file);
            FileLock lock = tryLock(ch);
            if (lock == null) {
                close(ch);
                throw held(ws, read(file));
            }
            if (key == null || key.equals(fileKey(file))) {
                String info = info();
                try {
                    ch.truncate(0);
                    ch.write(ByteBuffer.wrap(info.getBytes(StandardCharsets.UTF_8)), 0);
                } catch (IOException e) {
                    close(ch);
                    throw BulletinException.output(FILE + ": 错误: 无法写入锁文件（" + e.getMessage() + "）", e);
                }
                WorkspaceLock held = new WorkspaceLock(ws.root(), file, key, ch, lock, info);
                HELD.put(ws.root(), held);
                try {
                    held.recovered = recoverOutputs(ws);
                    cleanTemp(ws);
                } catch (RuntimeException e) {
                    held.close();
                    throw e;
                }
                return held;
            }
            close(ch); // the file was replaced between opening and locking it: lock the one that is there now
            if (attempt == 3) {
                throw BulletinException.output(FILE + ": 错误: 锁文件在加锁时不断被替换，本次没有运行", null);
            }
        }
    }

    /**
     * The months' output folders ({@code out/YYYY-MM/}) whose replacement an earlier run left half done, and which
     * this run undid when it took the lock (before reading anything): a run of one month never reads, or leaves
     * behind, another month's bulletin whose files come from different runs.
     */
    public List<Path> recovered() {
        return recovered;
    }

    /**
     * Undoes, in every month's output folder, a replacement that a killed run left half done (its undo journal),
     * whatever month this run is for: June's run reads May's {@code bulletin.json}, which must be May's whole set.
     *
     * @throws BulletinException exit 3 where the earlier files of a month cannot be put back
     */
    private static List<Path> recoverOutputs(Workspace ws) {
        Path out = ws.root().resolve("out");
        if (!Files.isDirectory(out, LinkOption.NOFOLLOW_LINKS)) {
            return List.of();
        }
        List<Path> months;
        try (Stream<Path> s = Files.list(out)) {
            months = s.filter(p -> MONTH.matcher(p.getFileName().toString()).matches()
                    && Files.isDirectory(p, LinkOption.NOFOLLOW_LINKS)
                    && Files.isRegularFile(p.resolve(AtomicFile.UNDO), LinkOption.NOFOLLOW_LINKS)).sorted().toList();
        } catch (IOException | java.io.UncheckedIOException e) {
            return List.of(); // a folder that cannot be listed cannot be written either: the writes say so
        }
        List<Path> undone = new ArrayList<>();
        for (Path m : months) {
            if (AtomicFile.Batch.recover(m, ws::show)) {
                undone.add(m);
            }
        }
        return List.copyOf(undone);
    }

    private static final java.util.regex.Pattern MONTH = java.util.regex.Pattern.compile("\\d{4}-\\d{2}");

    /** Empties the workspace's temporary folder of what a killed run left there (no other run can be using it). */
    private static void cleanTemp(Workspace ws) {
        Workspace.deleteTree(ws.tempDir());
    }

    /**
     * Checks, before outputs are replaced, that this run still holds the workspace's lock: where the lock file
     * was deleted or replaced during the run, a second run may have started, and nothing is replaced.
     *
     * @throws BulletinException exit 3 when the lock file is no longer the one locked
     */
    public static void check(Workspace ws) {
        WorkspaceLock held = HELD.get(ws.root());
        if (held == null) {
            throw new IllegalStateException("the workspace is not locked: " + ws.root());
        }
        Object now = fileKey(held.file);
        if (now == null || held.key != null && !held.key.equals(now)) {
            throw BulletinException.output(FILE + ": 错误: 运行中锁文件被删除或替换，可能已有另一个 bulletin 在运行；"
                    + "为免互相覆盖，没有改动原有文件。请等其他运行结束后重试（不要删除 " + FILE + "）", null);
        }
    }

    /**
     * The lock file, made where it is missing, and its identity (null where the file system has none to give).
     * A lock file that is a link, a folder, a device or a pipe, or has other names, is not used. It is never
     * opened again while the lock is held: on Unix, closing any channel of the file would release the lock.
     */
    private static Object plainFile(Path file) {
        BasicFileAttributes a;
        try {
            try {
                Files.newByteChannel(file, Set.of(StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE,
                        LinkOption.NOFOLLOW_LINKS)).close();
            } catch (FileAlreadyExistsException e) {
                // as it should be after the first run
            }
            a = Files.readAttributes(file, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
        } catch (IOException e) {
            throw BulletinException.output(FILE + ": 错误: 无法在工作目录中创建锁文件（" + e.getMessage() + "）", e);
        }
        String what = a.isSymbolicLink() ? "是一个链接" : a.isDirectory() ? "是一个文件夹"
                : !a.isRegularFile() ? "不是普通文件（是设备或管道）" : links(file) > 1 ? "有多个硬链接（与别的文件是同一个文件）" : null;
        if (what != null) {
            throw BulletinException.output(FILE + ": 错误: 工作目录中的锁文件 " + FILE + " " + what
                    + "：为安全起见不使用它，本次没有运行。请删除它后重试（它会重新生成为普通文件）", null);
        }
        return a.fileKey();
    }

    /** The identity of the regular file at {@code file}, or null where there is none (or none to give). */
    private static Object fileKey(Path file) {
        try {
            BasicFileAttributes a = Files.readAttributes(file, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
            return a.isRegularFile() ? (a.fileKey() == null ? "" : a.fileKey()) : null;
        } catch (IOException e) {
            return null;
        }
    }

    private static int links(Path file) {
        try {
            return (Integer) Files.getAttribute(file, "unix:nlink", LinkOption.NOFOLLOW_LINKS);
        } catch (IOException | UnsupportedOperationException | IllegalArgumentException | ClassCastException e) {
            return 1; // not a Unix file system: no hard links to tell
        }
    }

    /** Opened for reading and writing (a pipe put there would not block), never through a link. */
    private static FileChannel open(Path file) {
        try {
            return FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.READ, StandardOpenOption.WRITE,
                    LinkOption.NOFOLLOW_LINKS);
        } catch (IOException e) {
            throw BulletinException.output(FILE + ": 错误: 无法在工作目录中创建锁文件（" + e.getMessage() + "）", e);
        }
    }

    private static FileLock tryLock(FileChannel ch) {
        try {
            return ch.tryLock(REGION, 1, false);
        } catch (OverlappingFileLockException e) {
            return null; // held by this same process
        } catch (IOException e) {
            close(ch);
            throw BulletinException.output(FILE + ": 错误: 无法锁定工作目录（" + e.getMessage() + "）", e);
        }
    }

    /** Who holds the lock, from what the holder wrote in the file. */
    private static BulletinException held(Workspace ws, String text) {
        String who = "";
        if (text != null) {
            String pid = field(text, "pid");
            String host = field(text, "host");
            String since = field(text, "since");
            who = (pid == null ? "" : "进程 " + pid) + (host == null ? "" : (pid == null ? "" : "，") + "计算机 " + host)
                    + (since == null ? "" : "，" + since.replace('T', ' ') + " 开始");
        }
        return BulletinException.output("另一个 bulletin 正在使用这个工作目录（" + ws.root() + (who.isEmpty() ? "" : "；" + who)
                + "），为免文件互相覆盖，本次没有运行：请等它结束后再试（锁在它结束时自动解除，不必删除 " + FILE + "）", null);
    }

    private static String field(String text, String key) {
        for (String line : text.split("\n")) {
            if (line.startsWith(key + "=") && line.length() > key.length() + 1) {
                String v = line.substring(key.length() + 1).strip();
                return v.isEmpty() || v.length() > 100 || v.chars().anyMatch(Character::isISOControl) ? null : v;
            }
        }
        return null;
    }

    /** What the holder writes: its process id, machine and start time. */
    private static String info() {
        String host = System.getenv("COMPUTERNAME");
        if (host == null) {
            host = System.getenv("HOSTNAME");
        }
        if (host == null) {
            host = read(Path.of("/etc/hostname"));
        }
        host = host == null ? "" : host.strip();
        return "bulletin 运行时锁定这个工作目录（下面是最近一次运行）；本文件可以留着，锁在运行结束时自动解除\n"
                + "pid=" + ProcessHandle.current().pid() + "\n"
                + (host.isEmpty() || host.length() > 60 ? "" : "host=" + host + "\n")
                + "since=" + LocalDateTime.now().truncatedTo(ChronoUnit.SECONDS).format(DateTimeFormatter.ISO_LOCAL_DATE_TIME)
                + "\n";
    }

    /** A small regular file's text, read without following links; null where there is none. */
    private static String read(Path file) {
        try {
            if (!Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS)) {
                return null;
            }
            try (InputStream in = Files.newInputStream(file, LinkOption.NOFOLLOW_LINKS)) {
                return new String(in.readNBytes(MAX_INFO), StandardCharsets.UTF_8);
            }
        } catch (IOException | UnsupportedOperationException e) {
            return null;
        }
    }

    private static void close(FileChannel ch) {
        try {
            ch.close();
        } catch (IOException ignored) {
            // nothing more to release
        }
    }

    /** Releases the lock; the file stays (see the class comment). */
    @Override
    public void close() {
        HELD.remove(root, this);
        try {
            lock.release();
        } catch (IOException ignored) {
            // the channel's close below releases it too
        }
        close(channel);
    }
}
