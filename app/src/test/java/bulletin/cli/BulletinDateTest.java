package bulletin.cli;

import static org.assertj.core.api.Assertions.assertThat;

import bulletin.ingest.SnapshotReader;
import bulletin.testing.Cli;
import bulletin.testing.GeneratedSamples;
import bulletin.testing.Cli.Run;
import bulletin.testing.SampleWorkspace;
import bulletin.testing.TreeCopy;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.LocalDate;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 23, point 1: the bulletin's date. --date where given; otherwise a month whose bulletin is there, made from
 * the same inputs, keeps its date and is not written again (a daily scheduled run changes nothing); a first issue
 * is dated today, with a warning where that is more than a month after its 截至 day.
 */
class BulletinDateTest {

    @TempDir
    Path ws;

    @TempDir
    static Path shared;

    /** The samples with April (2026-04-30) and then May (2026-05-30) generated, made once; each test copies it. */
    private static Path aprilAndMay;
    private static Run april;
    private static Run may;

    @BeforeAll
    static void generateAprilAndMay() throws IOException {
        // generate --month 4 --date 2026-04-30 on a fresh copy of the samples: the suite's one (GeneratedSamples)
        aprilAndMay = GeneratedSamples.copyAprilTo(shared.resolve("base"));
        april = GeneratedSamples.april().run();
        // May and every later run without the chart (quicker; the dates are what is checked)
        Files.writeString(aprilAndMay.resolve("bulletin.yaml"), "\nchart: false\n", java.nio.file.StandardOpenOption.APPEND);
        may = Cli.in(aprilAndMay, "generate", "--month", "5", "--date", "2026-05-30");
    }

    private String date(String month) {
        return SnapshotReader.read(ws.resolve("out/2026-0" + month + "/bulletin.json"), "bulletin.json").date();
    }

    private List<String> files(String month) throws IOException {
        try (Stream<Path> s = Files.list(ws.resolve("out/2026-0" + month))) {
            return s.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    @Test
    void aFinishedMonthRunAgainWithoutDateKeepsItsDateAndWritesNothing() throws IOException {
        TreeCopy.copy(aprilAndMay, ws);
        assertThat(april.code()).isZero();
        Run first = may;
        assertThat(first.code()).as(first.toString()).isZero();
        List<String> before = files("5");
        long modified = Files.getLastModifiedTime(ws.resolve("out/2026-05/bulletin.json")).toMillis();

        Run again = Cli.in(ws, "generate", "--month", "5"); // the cron line: no --date
        assertThat(again.code()).as(again.toString()).isZero();
        assertThat(again.out()).contains("未改动");
        assertThat(date("5")).isEqualTo("2026-05-30");
        assertThat(files("5")).isEqualTo(before).noneMatch(f -> f.contains("旧"));
        assertThat(Files.getLastModifiedTime(ws.resolve("out/2026-05/bulletin.json")).toMillis()).isEqualTo(modified);
        // Kept, it is the date of issue, not a date made late: no warning.
        assertThat(again.err()).doesNotContain("晚一个多月");
    }

    @Test
    void changedInputsGiveANewBulletinDatedTodayWithAWarningWhenLate() throws IOException {
        TreeCopy.copy(aprilAndMay, ws);
        assertThat(april.code()).isZero();
        assertThat(may.code()).isZero();
        Files.writeString(ws.resolve("notes/2026-05.md"), "\n# 下一步工作安排\n\n加快进度。\n", StandardCharsets.UTF_8,
                StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        Run r = Cli.in(ws, "generate", "--month", "5");
        assertThat(r.code()).as(r.toString()).isZero();
        assertThat(r.out()).doesNotContain("未改动");
        String today = LocalDate.now().toString();
        assertThat(date("5")).isEqualTo(today);
        if (LocalDate.now().isAfter(LocalDate.of(2026, 6, 25))) {
            assertThat(r.err()).contains("警告", "晚一个多月", today, "2026-05-25", "--date");
        }
    }

    @Test
    void anExplicitDateIsUsedAndNeverWarned() throws IOException {
        SampleWorkspace.copyTo(ws);
        Files.writeString(ws.resolve("bulletin.yaml"), "\nchart: false\n", java.nio.file.StandardOpenOption.APPEND); // not about the chart
        Run r = Cli.in(ws, "generate", "--month", "3", "--date", "2026-12-01");
        assertThat(r.code()).as(r.toString()).isZero();
        assertThat(date("3")).isEqualTo("2026-12-01");
        assertThat(r.err()).doesNotContain("晚一个多月");
    }
}
