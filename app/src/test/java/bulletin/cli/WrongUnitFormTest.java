package bulletin.cli;

import static org.assertj.core.api.Assertions.assertThat;

import bulletin.model.Snapshot;
import bulletin.model.Snapshot.Figure;
import bulletin.testing.Cli;
import bulletin.testing.Cli.Run;
import bulletin.testing.GeneratedSamples;
import bulletin.testing.Month;
import bulletin.testing.SecondCity;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 21 point 4: a workbook whose form is another unit's than its file name says (a town sending its
 * neighbour's form) is named with both units by validate, generate and the bulletin, and never makes the form's
 * owner one that "sent two workbooks".
 */
class WrongUnitFormTest {

    @TempDir
    Path tmp;

    @Test
    void aTownSendingItsNeighboursFormIsBlamedAndTheNeighbourKeepsItsOwn() throws IOException {
        // April's bulletin (the suite's one generated April): May's runs read it instead of computing April again.
        Path ws = GeneratedSamples.addAprilTo(Month.samples(tmp.resolve("ws")));
        Path may = ws.resolve("progress/2026-05");
        Files.copy(may.resolve("2026-05_白水镇.xlsx"), may.resolve("2026-05_归义街道.xlsx"),
                StandardCopyOption.REPLACE_EXISTING);

        Run v = Cli.in(ws, "validate", "--month", "5");
        assertThat(v.code()).as(v.toString()).isEqualTo(1);
        assertThat(v.out()).contains("progress/2026-05/2026-05_归义街道.xlsx", "sender-mismatch",
                "文件名为归义街道，表中的填报单位却是白水镇").doesNotContain("unique-error", "同一单位");
        // 白水镇's own workbook is fine.
        assertThat(v.out()).contains("✓ 合格  progress/2026-05/2026-05_白水镇.xlsx");

        Run g = Month.generate(ws, 5);
        assertThat(g.code()).as(g.toString()).isEqualTo(1);
        assertThat(g.err()).contains("sender-mismatch", "归义街道", "白水镇");
        assertThat(Month.outputs(ws, 5)).isEmpty();

        Run skip = Month.generate(ws, 5, "--skip-invalid");
        assertThat(skip.code()).as(skip.toString()).isZero();
        Snapshot s = Month.snapshot(ws, 5);
        assertThat(s.excluded()).extracting(e -> e.unit() + " " + e.code() + " " + e.problem())
                .containsExactly("归义街道 null sender-mismatch");
        assertThat(s.excluded().get(0).message()).contains("归义街道", "白水镇");
        Figure own = Month.indicator(s, "03-05").units().get("白水镇");
        assertThat(own.carried()).isFalse();
        assertThat(own.source().file()).isEqualTo("progress/2026-05/2026-05_白水镇.xlsx");
        Figure sender = Month.indicator(s, "03-05").units().get("归义街道");
        assertThat(sender.carried()).isTrue();
        assertThat(sender.carriedFrom()).isEqualTo("2026-04");
        assertThat(s.late()).contains("归义街道").doesNotContain("白水镇");
        assertThat(skip.out()).contains("归义街道 progress/2026-05/2026-05_归义街道.xlsx 整份未采用");
        String text = Month.bulletinText(ws, 5);
        assertThat(text).contains("归义街道报送的是白水镇的填报表", "未予采用")
                .doesNotContain("报送了2份", "报送了两份", "白水镇报送的5月报表", "sender-mismatch");
    }

    /** The neighbour sent nothing of its own: both are named, neither as a second workbook. */
    @Test
    void theFormsOwnerWithoutAWorkbookIsMissingNotDoubled() throws IOException {
        Path ws = Month.samples(tmp.resolve("ws"));
        Path may = ws.resolve("progress/2026-05");
        Files.move(may.resolve("2026-05_白水镇.xlsx"), may.resolve("2026-05_归义街道.xlsx"),
                StandardCopyOption.REPLACE_EXISTING);
        Run v = Cli.in(ws, "validate", "--month", "5");
        assertThat(v.code()).isEqualTo(1);
        assertThat(v.out()).contains("sender-mismatch", "文件名为归义街道，表中的填报单位却是白水镇")
                .doesNotContain("unique-error");
        String missing = v.out().lines().filter(l -> l.contains("missing-unit")).findFirst().orElseThrow();
        assertThat(missing).contains("白水镇").doesNotContain("归义街道");
        // A file on its own is judged the same way.
        Run one = Cli.in(ws, "validate", may.resolve("2026-05_归义街道.xlsx").toString());
        assertThat(one.code()).isEqualTo(1);
        assertThat(one.out()).contains("sender-mismatch", "归义街道", "白水镇");
    }

    /** The second city: 东城区's form sent under 西城区's name, beside 东城区's own. */
    @Test
    void theSecondCitysDistrictSendingItsNeighboursForm() throws IOException {
        Path ws = tmp.resolve("临江");
        SecondCity.writeWorkspace(ws);
        Month.withoutChart(ws); // the picture is not what is checked (quicker)
        MissingFigureTest.fill(ws, 6, Map.of("01-01", "50 40 30 35 45 25 125"), null);
        Path june = ws.resolve("progress/2026-06");
        Files.copy(june.resolve("东城区.xlsx"), june.resolve("西城区.xlsx"), StandardCopyOption.REPLACE_EXISTING);
        Run v = Cli.in(ws, "validate", "--month", "6");
        assertThat(v.code()).as(v.toString()).isEqualTo(1);
        assertThat(v.out()).contains("progress/2026-06/西城区.xlsx", "sender-mismatch", "文件名为西城区，表中的填报单位却是东城区")
                .doesNotContain("unique-error");
        Run g = Month.generate(ws, 6, "--skip-invalid");
        assertThat(g.code()).as(g.toString()).isZero();
        Snapshot s = Month.snapshot(ws, 6);
        assertThat(s.excluded()).extracting(e -> e.unit() + " " + e.problem()).containsExactly("西城区 sender-mismatch");
        assertThat(Month.indicator(s, "01-01").units().get("东城区").done()).isEqualByComparingTo("50");
        assertThat(Month.indicator(s, "01-01").units().get("西城区").done()).isNull();
        assertThat(Month.bulletinText(ws, 6)).contains("西城区报送的是东城区的填报表")
                .doesNotContain("报送了2份", "报送了两份");
    }
}
