package bulletin.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import bulletin.model.Snapshot;
import bulletin.testing.GeneratedSamples;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.YearMonth;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.api.parallel.Isolated;

/**
 * A snapshot read ahead on another core ({@link SnapshotReader#readAhead}) stands for its file only while the file
 * is the one that was read: changed since, it is read again; damaged, it is told as a plain read tells it.
 */
@Isolated("waits until the common pool is quiet")
class SnapshotReadAheadTest {

    @TempDir
    Path dir;

    @AfterEach
    void forget() {
        SnapshotReader.forgetAhead();
    }

    private Path may() throws Exception {
        Path file = Files.createDirectories(dir.resolve("2026-05")).resolve("bulletin.json");
        Files.copy(GeneratedSamples.may().workspace().resolve("out/2026-05/bulletin.json"), file);
        return file;
    }

    @Test
    void anUnchangedFileGivesWhatAPlainReadGives() throws Exception {
        Path file = may();
        Snapshot plain = SnapshotReader.kept(file, YearMonth.of(2026, 5));
        SnapshotReader.readAhead(file);
        Snapshot ahead = SnapshotReader.kept(file, YearMonth.of(2026, 5));
        assertThat(ahead).isEqualTo(plain);
        assertThat(ahead.indicators()).isNotEmpty();
        assertThat(ahead.issue()).isEqualTo(3);
    }

    @Test
    void aFileChangedAfterItWasReadAheadIsReadAgain() throws Exception {
        Path file = may();
        SnapshotReader.readAhead(file);
        // The read ahead runs on the common pool: wait until it has finished, with issue 3 (rather than sleeping
        // 300 ms and hoping it has).
        assertThat(java.util.concurrent.ForkJoinPool.commonPool().awaitQuiescence(30, java.util.concurrent.TimeUnit.SECONDS))
                .as("the read ahead finished").isTrue();
        String json = Files.readString(file);
        Files.writeString(file, json.replaceFirst("\"issue\" : 3,", "\"issue\" : 4,"));
        Files.setLastModifiedTime(file, FileTime.fromMillis(Files.getLastModifiedTime(file).toMillis() + 5000));
        assertThat(SnapshotReader.kept(file, YearMonth.of(2026, 5)).issue()).isEqualTo(4);
    }

    @Test
    void aDamagedFileIsToldAsAPlainReadTellsIt() throws Exception {
        Path file = may();
        Files.writeString(file, "{\"year\": 2026, \"month\": 5, \"indicators\": [");
        SnapshotReader.readAhead(file);
        assertThatThrownBy(() -> SnapshotReader.kept(file, YearMonth.of(2026, 5)))
                .isInstanceOf(SnapshotReader.Damaged.class).hasMessageContaining("不是完整的快照");
    }

    @Test
    void aSnapshotOfAnotherMonthIsRefusedReadAheadOrNot() throws Exception {
        Path file = may();
        SnapshotReader.readAhead(file);
        assertThatThrownBy(() -> SnapshotReader.kept(file, YearMonth.of(2026, 6)))
                .isInstanceOf(SnapshotReader.Damaged.class).hasMessageContaining("2026年5月");
    }
}
