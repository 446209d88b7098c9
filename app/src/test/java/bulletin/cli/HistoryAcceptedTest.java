package bulletin.cli;

import static org.assertj.core.api.Assertions.assertThat;

import bulletin.ingest.ModelLoader;
import bulletin.model.IndicatorModel;
import bulletin.model.MonthlyReport;
import bulletin.model.Snapshot;
import bulletin.service.ValidateService;
import bulletin.testing.SampleWorkspace;
import bulletin.testing.SecondCity;
import bulletin.validate.MonthCheck;
import bulletin.workspace.Workspace;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.YearMonth;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A month computed again for history ({@link MonthCheck#history}: each workbook read, checked, judged and made into
 * its report in one step) takes exactly what the month's check takes with {@code --skip-invalid}
 * ({@code run(…).accepted(false)}): the same reports, entries and cells, the same figures and workbooks left out,
 * in the same order, on workbooks with every kind of whole-workbook fault (another month's form, a reporter's two
 * workbooks, another unit's form under a file name, wrong figures) in the samples and in the second city.
 */
class HistoryAcceptedTest {

    @TempDir
    Path tmp;

    @Test
    void theSamplesJuneWithAnotherUnitsFormToo() throws IOException {
        Path ws = SampleWorkspace.copyTo(tmp.resolve("ws"));
        Path june = ws.resolve("progress/2026-06");
        // 白水镇's form sent under 新市街道's name (新市街道 sent May's form: its own is wrong as a whole too)
        Files.copy(june.resolve("2026-06_白水镇.xlsx"), june.resolve("2026-06_新市街道-6月.xlsx"));
        MonthCheck.Accepted a = same(ws, YearMonth.of(2026, 6));
        assertThat(a.excluded()).extracting(Snapshot.Excluded::problem)
                .contains("sender-mismatch", "unique-error", "form-mismatch", "type-error");
        assertThat(a.excluded().stream().filter(e -> e.problem().equals("unique-error")).count()).isEqualTo(2);
        assertThat(a.reports()).hasSizeGreaterThan(20);
        same(ws, YearMonth.of(2026, 5));
    }

    @Test
    void theSecondCityWithATwiceSentAndAMisnamedForm() throws IOException {
        Path ws = tmp.resolve("临江");
        SecondCity.writeWorkspace(ws);
        MissingFigureTest.fill(ws, 5, Map.of("01-01", "40 30 20 30 40 20 100"), null);
        MissingFigureTest.fill(ws, 6, Map.of("01-01", "50 20 30 35 45 25 125"), "北河县");
        Path june = ws.resolve("progress/2026-06");
        Files.copy(june.resolve("东城区.xlsx"), june.resolve("西城区.xlsx"), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        Files.copy(june.resolve("南山县.xlsx"), june.resolve("南山县（修改版）.xlsx"));
        MonthCheck.Accepted a = same(ws, YearMonth.of(2026, 6));
        assertThat(a.excluded()).extracting(e -> e.unit() + " " + e.problem()).containsSubsequence("南山县 unique-error",
                "南山县 unique-error").contains("西城区 sender-mismatch");
        assertThat(a.reports()).extracting(MonthlyReport::reporter).doesNotContain("西城区", "南山县").contains("东城区");
    }

    /** The history's take of the month equals the check's, against last month as the history finds it. */
    private static MonthCheck.Accepted same(Path dir, YearMonth m) {
        Workspace ws = Workspace.open(dir);
        IndicatorModel model = ModelLoader.load(ws);
        Map<String, MonthlyReport> last = ValidateService.lastMonth(dir, model, m);
        MonthCheck.Accepted checked = MonthCheck.run(ws, model, m, () -> last, false).accepted(false);
        MonthCheck.Accepted history = MonthCheck.history(ws, model, m, () -> last);
        assertThat(history.reports()).as("reports of %s", m).isEqualTo(checked.reports());
        assertThat(history.excluded()).as("left out of %s", m).isEqualTo(checked.excluded());
        // the entries' cells too (ReportEntry's equality covers them; said here in so many words)
        for (int i = 0; i < checked.reports().size(); i++) {
            var want = checked.reports().get(i).entries().values().stream().map(e -> e.place() + e.doneAt()
                    + e.percentAt() + e.noteAt() + e.problemAt()).toList();
            var got = history.reports().get(i).entries().values().stream().map(e -> e.place() + e.doneAt()
                    + e.percentAt() + e.noteAt() + e.problemAt()).toList();
            assertThat(got).isEqualTo(want);
        }
        return history;
    }
}
