package bulletin.cli;

import static org.assertj.core.api.Assertions.assertThat;

import bulletin.forms.FormLayout;
import bulletin.ingest.Workbooks;
import bulletin.model.Snapshot;
import bulletin.testing.Cli;
import bulletin.testing.Cli.Run;
import bulletin.testing.FormEdit;
import bulletin.testing.Month;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 21 point 9 and issue 24 point 2: one reader, one verdict. The months computed again for history and
 * {@code inspect --month} take a month's workbooks through the same gate as the published month, so that a
 * recomputed April is the April published with --skip-invalid; and each workbook is read once per run.
 */
class OneReaderTest {

    @TempDir
    Path tmp;

    /** June with March, April and May computed again: every workbook of the four months opened once. */
    @Test
    void eachWorkbookIsReadOncePerRun() throws IOException {
        Path ws = Month.samples(tmp.resolve("ws"));
        Run g = Month.generate(ws, 6, "--skip-invalid");
        assertThat(g.code()).as(g.toString()).isZero();
        assertThat(Month.snapshot(ws, 6).previous()).isEqualTo("computed");
        List<Path> workbooks;
        try (Stream<Path> s = Files.walk(ws.resolve("progress"))) {
            workbooks = s.filter(p -> p.toString().endsWith(".xlsx")).sorted().toList();
        }
        assertThat(workbooks).hasSizeGreaterThan(100);
        for (Path p : workbooks) {
            assertThat(Workbooks.opened(p)).as("%s opened", ws.relativize(p)).isEqualTo(1);
        }
        // The platform counts of May are not read for a June bulletin.
        assertThat(Workbooks.opened(ws.resolve("platform/2026-05.xlsx"))).isZero();
    }

    /**
     * April with a blank where March had a figure: published with --skip-invalid, and computed again for May where
     * there is no April snapshot, it is the same April (before, the history read April's workbooks without the gate
     * and dropped the figure). May made either way is then the same bulletin.
     */
    @Test
    void aRecomputedAprilIsTheAprilPublishedWithSkipInvalid() throws IOException {
        Path published = Month.samples(tmp.resolve("published"));
        Path computed = Month.samples(tmp.resolve("computed"));
        for (Path ws : List.of(published, computed)) {
            FormEdit.blank(ws.resolve("progress/2026-04/2026-04_归义街道.xlsx"), "03-05", FormLayout.COL_DONE);
        }
        assertThat(Month.generate(published, 4).code()).isEqualTo(1);
        Run april = Month.generate(published, 4, "--skip-invalid");
        assertThat(april.code()).as(april.toString()).isZero();
        Snapshot a = Month.snapshot(published, 4);
        assertThat(Month.indicator(a, "03-05").units().get("归义街道").carried()).isTrue();

        Run p = Month.generate(published, 5);
        Run c = Month.generate(computed, 5);
        assertThat(p.code()).as(p.toString()).isZero();
        assertThat(c.code()).as(c.toString()).isZero();
        Snapshot mayP = Month.snapshot(published, 5);
        Snapshot mayC = Month.snapshot(computed, 5);
        assertThat(mayP.previous()).isEqualTo("snapshot");
        assertThat(mayC.previous()).isEqualTo("computed");
        ObjectMapper m = new ObjectMapper();
        JsonNode ip = m.readTree(Files.readString(published.resolve("out/2026-05/bulletin.json"))).get("indicators");
        JsonNode ic = m.readTree(Files.readString(computed.resolve("out/2026-05/bulletin.json"))).get("indicators");
        assertThat(ic).isEqualTo(ip);
        assertThat(mayC.issue()).isEqualTo(mayP.issue());
        assertThat(mayC.summary()).isEqualTo(mayP.summary());
        // The gain of 03-05 is measured from April's 全市 figure with 归义街道's March figure carried, both ways.
        assertThat(Month.indicator(mayC, "03-05").gain()).isEqualByComparingTo(Month.indicator(mayP, "03-05").gain());
    }

    /** inspect --month shows the month as the gate takes it: what it leaves out, and why. */
    @Test
    void inspectOfAMonthGoesThroughTheGate() throws IOException {
        Path ws = Month.samples(tmp.resolve("ws"));
        FormEdit.blank(ws.resolve("progress/2026-05/2026-05_归义街道.xlsx"), "03-05", FormLayout.COL_DONE);
        Run r = Cli.in(ws, "inspect", "--month", "5");
        assertThat(r.code()).as(r.toString()).isZero();
        assertThat(r.out()).contains("2026-05_归义街道.xlsx:进度填报!F16: 错误: 累计完成未填，上月为 ");
        Run one = Cli.in(ws, "inspect", "--indicator", "03-05", "--month", "5");
        assertThat(one.code()).as(one.toString()).isZero();
        assertThat(one.out()).contains("归义街道", "progress/2026-04/2026-04_归义街道.xlsx");
    }
}
