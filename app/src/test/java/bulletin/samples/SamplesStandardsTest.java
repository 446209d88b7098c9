package bulletin.samples;

import static org.assertj.core.api.Assertions.assertThat;

import bulletin.document.AppendixLayout;
import bulletin.ingest.ModelLoader;
import bulletin.model.Indicator;
import bulletin.model.IndicatorModel;
import bulletin.model.Level;
import bulletin.model.Snapshot;
import bulletin.model.Snapshot.Figure;
import bulletin.model.Snapshot.SnapshotIndicator;
import bulletin.model.Status;
import bulletin.testing.Cli;
import bulletin.testing.GeneratedSamples;
import bulletin.testing.Month;
import bulletin.workspace.Workspace;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Issue 22, point 8 on the samples: the four standards whose target cell is merged across all fifteen town
 * columns (05-02 丧葬补助金 "…，标准不低于1200元/人", 07-01 低保, 07-02 残疾人两项补贴, 07-03 孤儿) are every town's
 * target, applied city-wide by their lead department: the appendix gives each town the standard and the
 * department's progress (seed 002: "不低于1200" and 100% per county), {@code inspect} shows it per town, and the
 * towns' forms do not ask them for it.
 */
class SamplesStandardsTest {

    /** The standards merged across all the town columns, with the standard each town's cell shows. */
    static final Map<String, String> STANDARDS = Map.of(
            "05-02", "标准不低于1200元/人",
            "07-01", "分别不低于770元/月和520元/月",
            "07-02", "不低于110元/月",
            "07-03", "分别不低于1250元/月和1800元/月");

    static Path ws;
    static Snapshot may;
    static IndicatorModel model;

    @BeforeAll
    static void generatedMay() {
        ws = GeneratedSamples.may().workspace();
        may = Month.snapshot(ws, 5);
        model = ModelLoader.load(Workspace.open(ws));
    }

    @Test
    void exactlyTheFourStandardsMergedAcrossEveryTownAreEachTownsTarget() {
        for (Indicator i : model.indicators()) {
            assertThat(i.standardForAll()).as(i.code()).isEqualTo(STANDARDS.get(i.code()));
        }
        // Text targets merged across the towns that are not standards stay the city's ("由市人社局统筹安排").
        assertThat(model.indicator("03-01").orElseThrow().standardForAll()).isNull();
    }

    @Test
    void theTownsAreNotAskedForThem() {
        for (String code : STANDARDS.keySet()) {
            Indicator i = model.indicator(code).orElseThrow();
            assertThat(i.reportedByLeadUnit()).as(code).isTrue();
            assertThat(model.units()).noneMatch(i::appliesTo);
            assertThat(model.indicatorsFor(i.responsibility().leadUnit())).contains(i);
        }
        assertThat(GeneratedSamples.may().run().out() + GeneratedSamples.may().run().err())
                .doesNotContain("missing-figure").doesNotContain("unexpected-value");
    }

    @Test
    void everyTownHasTheStandardAndTheDepartmentsProgress() {
        for (var e : STANDARDS.entrySet()) {
            SnapshotIndicator i = Month.indicator(may, e.getKey());
            for (String u : may.units()) {
                Figure f = i.units().get(u);
                assertThat(f.targetText()).as(e.getKey() + " " + u).isEqualTo(e.getValue());
                assertThat(f.percent()).as(e.getKey() + " " + u).isEqualByComparingTo(i.total().percent());
                assertThat(f.source()).as("the department's cell").isEqualTo(i.total().source());
                assertThat(f.status()).isEqualTo(Status.NOT_SCORED);
                assertThat(i.appliedByLead(u)).isTrue();
            }
        }
    }

    @Test
    void theAppendixGivesEachTownTheStandardAnd100Percent() {
        AppendixLayout t = AppendixLayout.of(may, Level.PROVINCE);
        for (var e : STANDARDS.entrySet()) {
            SnapshotIndicator i = Month.indicator(may, e.getKey());
            int r = blockOf(t, i.name());
            List<AppendixLayout.Cell> target = t.rows().get(r).subList(AppendixLayout.FIRST_FIGURE, t.columns());
            List<AppendixLayout.Cell> amount = t.rows().get(r + 1).subList(AppendixLayout.FIRST_FIGURE, t.columns());
            List<AppendixLayout.Cell> progress = t.rows().get(r + 2).subList(AppendixLayout.FIRST_FIGURE, t.columns());
            assertThat(target).extracting(AppendixLayout.Cell::text).as(e.getKey()).containsOnly(e.getValue())
                    .hasSize(1 + may.units().size());
            assertThat(amount).extracting(AppendixLayout.Cell::text).containsOnly(AppendixLayout.IN_PROGRESS);
            assertThat(progress).extracting(AppendixLayout.Cell::text).as(e.getKey()).containsOnly("100.00%");
            // One cell per column now, not the target's words across them.
            assertThat(t.mergeAt(r, AppendixLayout.FIRST_FIGURE)).isNull();
        }
    }

    @Test
    void inspectShowsTheStandardPerTown() {
        Cli.Run r = Cli.in(ws, "inspect", "--indicator", "05-02");
        assertThat(r.code()).as(r.toString()).isZero();
        for (String u : may.units()) {
            assertThat(r.out()).containsPattern(u + "\\s+标准不低于1200元/人 · 由市人社局统一落实");
        }
        Cli.Run month = Cli.in(ws, "inspect", "--indicator", "07-02", "--month", "5");
        assertThat(month.code()).as(month.toString()).isZero();
        assertThat(month.out()).containsPattern("白水镇\\s+目标 不低于110元/月.*100%.*由市民政局统一落实（progress/2026-05/");
    }

    private static int blockOf(AppendixLayout t, String name) {
        for (int r = 0; r < t.rows().size(); r++) {
            List<AppendixLayout.Cell> row = t.rows().get(r);
            if (name.equals(row.get(3).text()) || name.equals(row.get(1).text())) {
                return r;
            }
        }
        throw new AssertionError("no block for " + name);
    }
}
