package bulletin.ingest;

import bulletin.diag.BulletinException;
import bulletin.diag.ExitCode;
import bulletin.model.Snapshot;
import bulletin.workspace.InputFiles;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.nio.file.Path;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;

/** Reads a month's {@code bulletin.json}, as the next month does for cards, gains and the issue number. */
public final class SnapshotReader {

    /** The highest issue number a bulletin can have (第999期); {@code generate --issue} takes no more either. */
    public static final int MAX_ISSUE = 999;

    private SnapshotReader() {
    }

    /**
     * Why a kept {@code bulletin.json} cannot stand for its month, as a clause for the user: no regular file, too
     * large, no JSON, not a snapshot, or the snapshot of another month or year.
     */
    public static final class Damaged extends Exception {
        private static final long serialVersionUID = 1L;

        Damaged(String message, Throwable cause) {
            super(message, cause);
        }
    }

    /**
     * The one reader of snapshots, made once: a fresh mapper per read built Jackson's deserializers for the
     * snapshot's records again each time (a run reads last month's snapshot, maybe this month's, and its own).
     * An {@link ObjectReader} is immutable and may be shared between threads; it fetches its deserializers as it
     * is made, a fixed cost of a few hundred milliseconds in a fresh JVM.
     */
    private static ObjectReader reader;

    private static synchronized ObjectReader reader() {
        if (reader == null) { // not a static initialiser: a failure (out of memory) is not kept, the next use tries again
            reader = mapper().readerFor(Snapshot.class);
        }
        return reader;
    }

    /** Makes the reader ahead of use: {@code generate} calls it on another core at its start. */
    public static void warmUp() {
        reader();
    }

    /** A snapshot read ahead on another core, with the file's attributes from before it was read. */
    private record Ahead(BasicFileAttributes before, CompletableFuture<Snapshot> snapshot) {
    }

    private static final Map<Path, Ahead> AHEAD = new ConcurrentHashMap<>();

    /**
     * Starts reading a snapshot on another core ({@code generate} reads last month's while it reads the tables:
     * at province size 3.7 MB of JSON). {@link #kept} then takes what was read, if the file is still the one that
     * was read (its size, time and identity unchanged); anything that went wrong ahead is left for {@link #kept} to
     * find again and tell as it always does.
     */
    public static void readAhead(Path file) {
        Path p = file.toAbsolutePath().normalize();
        try {
            BasicFileAttributes before = Files.readAttributes(p, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
            if (!before.isRegularFile() || AHEAD.containsKey(p)) {
                return;
            }
            AHEAD.put(p, new Ahead(before, CompletableFuture.supplyAsync(() -> {
                try {
                    InputFiles.regularFile(p, InputFiles.SNAPSHOT_CAP);
                    try (InputStream in = Files.newInputStream(p)) {
                        return reader().readValue(in);
                    }
                } catch (Exception | OutOfMemoryError e) {
                    return null;
                }
            })));
        } catch (IOException | RuntimeException e) {
            // nothing read ahead: kept() reads it
        }
    }

    /** Drops what was read ahead and not taken. */
    public static void forgetAhead() {
        AHEAD.clear();
    }

    private static Snapshot ahead(Path file) {
        Ahead a = AHEAD.remove(file.toAbsolutePath().normalize());
        if (a == null) {
            return null;
        }
        try {
            Snapshot s = a.snapshot().join();
            BasicFileAttributes now = Files.readAttributes(file, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
            boolean same = now.isRegularFile() && now.size() == a.before().size()
                    && now.lastModifiedTime().equals(a.before().lastModifiedTime())
                    && java.util.Objects.equals(now.fileKey(), a.before().fileKey());
            return same ? s : null;
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }

    public static ObjectMapper mapper() {
        return new ObjectMapper().enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
                .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
    }

    /**
     * The snapshot kept for {@code month}, checked before it is used: a regular file within its cap, JSON of a
     * snapshot with its figures, of that very month (a copy from another month, year or workspace is refused),
     * with an issue number from 1 to {@link #MAX_ISSUE}.
     */
    public static Snapshot kept(Path file, YearMonth month) throws Damaged {
        Snapshot s = ahead(file);
        try {
            if (s == null) {
                InputFiles.regularFile(file, InputFiles.SNAPSHOT_CAP);
                try (InputStream in = Files.newInputStream(file)) {
                    s = reader().readValue(in);
                }
            }
        } catch (InputFiles.Refused e) {
            throw new Damaged(e.getMessage(), e);
        } catch (JsonProcessingException e) {
            throw new Damaged("不是完整的快照（JSON 格式有误，或缺少内容）", e);
        } catch (IOException e) {
            throw new Damaged("无法读取（" + e.getMessage() + "）", e);
        }
        if (s == null || s.indicators() == null || s.indicators().isEmpty()
                || s.indicators().stream().anyMatch(i -> i == null || i.code() == null || i.units() == null)) {
            throw new Damaged("不是完整的快照（缺少各指标的数据）", null);
        }
        if (month != null && (s.year() != month.getYear() || s.month() != month.getMonthValue())) {
            throw new Damaged("是 " + s.year() + "年" + s.month() + "月的快照，而不是" + month.getYear() + "年"
                    + month.getMonthValue() + "月的", null);
        }
        if (s.issue() < 1 || s.issue() > MAX_ISSUE) {
            throw new Damaged("期号 " + s.issue() + " 不在 1 到 " + MAX_ISSUE + " 之间", null);
        }
        return s;
    }

    /**
     * A kept snapshot, checked as {@link #kept} for the month its folder names ({@code out/2026-04/}); one that
     * cannot stand is an error naming the file.
     */
    public static Snapshot read(Path file, String shown) {
        try {
            return kept(file, monthOf(file));
        } catch (Damaged e) {
            throw new BulletinException(ExitCode.INVALID_INPUT, shown + ": 错误: 上月的快照文件" + e.getMessage()
                    + "；可删除它，程序会根据上月的报表重新计算", e);
        }
    }

    private static YearMonth monthOf(Path file) {
        Path dir = file.toAbsolutePath().getParent();
        try {
            return dir == null ? null : YearMonth.parse(dir.getFileName().toString());
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    public static Snapshot parse(String json) {
        try {
            return reader().readValue(json);
        } catch (IOException e) {
            throw new IllegalStateException("snapshot does not read back", e);
        }
    }
}
