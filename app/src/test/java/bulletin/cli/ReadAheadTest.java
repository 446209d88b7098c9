package bulletin.cli;

import static org.assertj.core.api.Assertions.assertThat;

import bulletin.engine.History;
import bulletin.ingest.ModelLoader;
import bulletin.ingest.Workbooks;
import bulletin.model.IndicatorModel;
import bulletin.model.MonthlyReport;
import bulletin.model.Snapshot;
import bulletin.service.ValidateService;
import bulletin.testing.SampleWorkspace;
import bulletin.validate.MonthCheck;
import bulletin.workspace.Workspace;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A month's workbooks read ahead ({@link MonthCheck.Reading}: to their forms, on a thread of their own, while the
 * month before is judged and computed) give the month computed again exactly what reading them in turn gives: the
 * same reports, entries, cells and figures left out, whether all, some or none of them were read ahead, each
 * workbook opened once. And the months computed again through the workspace (which reads each next month ahead)
 * are the months computed with a source that reads nothing ahead; a month whose last month alone is asked for is
 * not read ahead. (The second city's months computed again are held to the check's by HistoryAcceptedTest.)
 */
class ReadAheadTest {

    @TempDir
    Path tmp;

    @Test
    void theSamplesJuneReadAheadWhollyPartlyOrNot() throws IOException, InterruptedException {
        Path dir = SampleWorkspace.copyTo(tmp.resolve("ws"));
        Path june = dir.resolve("progress/2026-06");
        // another unit's form under a file name, beside the samples' own faults (another month's form, wrong figures)
        Files.copy(june.resolve("2026-06_白水镇.xlsx"), june.resolve("2026-06_新市街道-6月.xlsx"));
        Workspace ws = Workspace.open(dir);
        IndicatorModel model = ModelLoader.load(ws);
        YearMonth m = YearMonth.of(2026, 6);
        Map<String, MonthlyReport> last = ValidateService.lastMonth(dir, model, m);
        MonthCheck.Accepted plain = MonthCheck.history(ws, model, m, () -> last);
        assertThat(plain.excluded()).extracting(Snapshot.Excluded::problem)
                .contains("sender-mismatch", "form-mismatch", "type-error");
        List<Path> files;
        try (var l = Files.list(june)) {
            files = l.filter(Workbooks::looksLikeWorkbook).toList();
        }
        assertThat(files).hasSizeGreaterThan(20);
        Map<Path, Integer> before = opened(files);

        // wholly: every workbook read on this thread before the month is taken
        MonthCheck.Reading whole = MonthCheck.Reading.of(ws, model, m);
        whole.readAhead();
        assertThat(opened(files)).isEqualTo(plus(before, 1));
        same(plain, MonthCheck.history(whole, model, () -> last));
        assertThat(opened(files)).as("each workbook opened once").isEqualTo(plus(before, 1));
        whole.readAhead(); // taken: nothing is read again
        assertThat(opened(files)).isEqualTo(plus(before, 1));

        // partly: a thread reading ahead while the month is taken and read on every core
        for (int round = 0; round < 3; round++) {
            MonthCheck.Reading some = MonthCheck.Reading.of(ws, model, m);
            Thread t = new Thread(some::readAhead);
            t.start();
            Thread.sleep(round * 15L);
            same(plain, MonthCheck.history(some, model, () -> last));
            t.join();
            assertThat(opened(files)).as("round %s", round).isEqualTo(plus(before, 2 + round));
        }
    }

    @Test
    void monthsComputedAgainThroughTheWorkspaceAreThoseComputedWithoutReadingAhead() throws IOException {
        Path dir = SampleWorkspace.copyTo(tmp.resolve("ws"));
        Workspace ws = Workspace.open(dir);
        IndicatorModel model = ModelLoader.load(ws);
        YearMonth july = YearMonth.of(2026, 7);
        // June through the workspace: April, May and June each read ahead while the month before is computed
        Map<String, MonthlyReport> viaWorkspace = ValidateService.lastMonth(dir, model, july);
        Plain plain = new Plain(ws, model);
        Snapshot june = History.before(model, july, plain).snapshot();
        assertThat(june).isNotNull();
        assertThat(plain.asked).as("months computed again, in order").containsSubsequence(YearMonth.of(2026, 3),
                YearMonth.of(2026, 4), YearMonth.of(2026, 5), YearMonth.of(2026, 6));
        assertThat(viaWorkspace).isNotEmpty().isEqualTo(MonthCheck.lastMonth(june, model, null));
        // last month of June (as template and validate of single files ask for it): June's workbooks are not read
        // (nor read ahead), May's are, once
        Path copy = SampleWorkspace.copyTo(tmp.resolve("ws2"));
        List<Path> juneFiles = workbooks(copy.resolve("progress/2026-06"));
        List<Path> mayFiles = workbooks(copy.resolve("progress/2026-05"));
        assertThat(ValidateService.lastMonth(copy, model, YearMonth.of(2026, 6))).isNotEmpty();
        assertThat(opened(juneFiles).values()).isNotEmpty().containsOnly(0);
        assertThat(opened(mayFiles).values()).isNotEmpty().containsOnly(1);
    }

    private static List<Path> workbooks(Path dir) throws IOException {
        try (var l = Files.list(dir)) {
            return l.filter(Workbooks::looksLikeWorkbook).toList();
        }
    }

    /** A source with no snapshots that reads each month's workbooks only when asked for its reports. */
    private static final class Plain implements History.Source {
        private final Workspace ws;
        private final IndicatorModel model;
        final List<YearMonth> asked = new ArrayList<>();

        Plain(Workspace ws, IndicatorModel model) {
            this.ws = ws;
            this.model = model;
        }

        @Override
        public Optional<Snapshot> snapshot(YearMonth month) {
            return Optional.empty();
        }

        @Override
        public History.Reports reports(YearMonth month, Supplier<Snapshot> before) {
            asked.add(month);
            MonthCheck.Accepted a = MonthCheck.history(ws, model, month,
                    () -> MonthCheck.lastMonth(before.get(), model, null));
            return new History.Reports(a.reports(), a.excluded());
        }
    }

    private static void same(MonthCheck.Accepted want, MonthCheck.Accepted got) {
        assertThat(got.reports()).isEqualTo(want.reports());
        assertThat(got.excluded()).isEqualTo(want.excluded());
        for (int i = 0; i < want.reports().size(); i++) {
            assertThat(got.reports().get(i).entries().values().stream().map(e -> e.place() + e.doneAt()
                    + e.percentAt() + e.noteAt() + e.problemAt()).toList())
                    .isEqualTo(want.reports().get(i).entries().values().stream().map(e -> e.place() + e.doneAt()
                            + e.percentAt() + e.noteAt() + e.problemAt()).toList());
        }
    }

    private static Map<Path, Integer> opened(List<Path> files) {
        Map<Path, Integer> out = new java.util.LinkedHashMap<>();
        files.forEach(f -> out.put(f, Workbooks.opened(f)));
        return out;
    }

    private static Map<Path, Integer> plus(Map<Path, Integer> counts, int n) {
        Map<Path, Integer> out = new java.util.LinkedHashMap<>();
        counts.forEach((f, c) -> out.put(f, c + n));
        return out;
    }
}
