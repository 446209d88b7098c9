package bulletin.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import bulletin.diag.Problem;
import bulletin.model.Indicator;
import bulletin.model.IndicatorModel;
import bulletin.model.Level;
import bulletin.testing.SidewaysCity;
import bulletin.testing.TargetSheet;
import bulletin.workspace.Workspace;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Issue 22, points 4–6 and 9: a target table laid out the other way round, read with the same model. */
class SidewaysTableTest {

    @TempDir
    Path ws;

    private IndicatorModel load() {
        return ModelLoader.load(Workspace.open(ws));
    }

    @Test
    void sidewaysTableGivesEveryIndicatorUnitTargetLevelAndLead() throws IOException {
        SidewaysCity.writeWorkspace(ws);
        IndicatorModel m = load();

        assertThat(m.year()).isEqualTo(2026);
        assertThat(m.layout()).startsWith("横排");
        assertThat(m.programme()).isEqualTo(SidewaysCity.PROGRAMME);
        assertThat(m.units()).containsExactlyElementsOf(SidewaysCity.AREAS);
        assertThat(m.reporters()).containsExactlyElementsOf(SidewaysCity.REPORTERS);
        assertThat(m.idleUnits()).containsExactly(SidewaysCity.IDLE);
        assertThat(m.indicators()).extracting(Indicator::code).containsExactlyElementsOf(SidewaysCity.CODES);
        assertThat(m.indicators()).extracting(Indicator::name).containsExactlyElementsOf(SidewaysCity.NAMES);
        assertThat(m.indicators()).extracting(Indicator::measure).containsExactlyElementsOf(SidewaysCity.MEASURES);
        assertThat(m.items()).extracting(i -> i.name()).containsExactlyElementsOf(SidewaysCity.PROJECTS);
        assertThat(m.indicators()).allMatch(i -> i.level() == Level.CITY);
        assertThat(m.problems()).extracting(Problem::code).doesNotContain("no-responsibility-table", "unjoined-indicator");

        for (int k = 0; k < SidewaysCity.CODES.size(); k++) {
            Indicator ind = m.indicator(SidewaysCity.CODES.get(k)).orElseThrow();
            assertThat(ind.path()).containsExactly(m.items().get(ind.item() - 1).name(), SidewaysCity.NAMES.get(k));
            for (String area : SidewaysCity.AREAS) {
                Object t = SidewaysCity.target(area, k);
                if (t instanceof Number n) {
                    assertThat(ind.targets().get(area)).as(ind.code() + " " + area)
                            .isEqualByComparingTo(n.toString());
                } else if (t instanceof String s && Kinds.ceilingFigure(s) != null) { // "4.3%以内": a ceiling of 4.3
                    assertThat(ind.targets().get(area)).as(ind.code() + " " + area)
                            .isEqualByComparingTo(Kinds.ceilingFigure(s));
                } else if (t instanceof String s) {
                    assertThat(ind.unitTexts()).as(ind.code() + " " + area).containsEntry(area, s);
                } else {
                    assertThat(ind.appliesTo(area)).as(ind.code() + " " + area).isFalse();
                }
            }
            Object city = SidewaysCity.cityTarget(k);
            if (city instanceof Number n) {
                assertThat(ind.totalTarget()).as(ind.code()).isEqualByComparingTo(n.toString());
            }
        }
        Indicator jobs = m.indicator("01-01").orElseThrow();
        assertThat(jobs.cityTarget()).isEqualByComparingTo("3000");
        assertThat(jobs.responsibility().leadUnit()).isEqualTo("市人社局");
        assertThat(jobs.responsibility().relatedUnits()).isEmpty();
        // The rate whose 全市 row gives the city's own target, 95.5 where the areas' mean is 96.
        assertThat(m.indicator("02-01").orElseThrow().totalTarget()).isEqualByComparingTo("95.5");
        // The ceiling's cells ("4.3%以内") are read as the figure of a ceiling, lower being better.
        Indicator ceiling = m.indicator("01-03").orElseThrow();
        assertThat(ceiling.kind()).isEqualTo(bulletin.model.Kind.CEILING);
        assertThat(ceiling.targets()).containsKey("东湖区").hasSize(5);
        assertThat(ceiling.targets().get("东湖区")).isEqualByComparingTo("4.3");
        assertThat(ceiling.unitTexts()).isEmpty();
    }

    @Test
    void jointResponsibilityLeadsWithTheFirstAndNeverSplitsOneDepartment() throws IOException {
        SidewaysCity.writeWorkspace(ws);
        IndicatorModel m = load();

        assertThat(m.indicator("01-02").orElseThrow().responsibility().leadUnit()).isEqualTo("市人社局");
        assertThat(m.indicator("01-02").orElseThrow().responsibility().relatedUnits()).containsExactly("团市委");
        assertThat(m.indicator("02-02").orElseThrow().responsibility().leadUnit()).isEqualTo("市人社局");
        assertThat(m.indicator("02-02").orElseThrow().responsibility().relatedUnits()).containsExactly("市财政局");
        assertThat(m.indicator("03-01").orElseThrow().responsibility().leadUnit()).isEqualTo("市住房和城乡建设局");
        assertThat(m.indicator("03-01").orElseThrow().responsibility().relatedUnits()).isEmpty();
        assertThat(m.indicator("03-02").orElseThrow().responsibility().leadUnit()).isEqualTo("市商务局");
        assertThat(m.indicator("03-02").orElseThrow().responsibility().relatedUnits()).containsExactly("市市场监管局");
    }

    @Test
    void splitLeadsReadsEveryJoiningWord() {
        assertThat(ResponsibilityTableReader.splitLeads("市人社局、团市委")).containsExactly("市人社局", "团市委");
        assertThat(ResponsibilityTableReader.splitLeads("市人社局，团市委")).containsExactly("市人社局", "团市委");
        assertThat(ResponsibilityTableReader.splitLeads("市人社局/团市委")).containsExactly("市人社局", "团市委");
        assertThat(ResponsibilityTableReader.splitLeads("市人社局和团市委")).containsExactly("市人社局", "团市委");
        assertThat(ResponsibilityTableReader.splitLeads("市住房和城乡建设局")).containsExactly("市住房和城乡建设局");
        assertThat(ResponsibilityTableReader.splitLeads("市住房和城乡建设局和市城管局"))
                .containsExactly("市住房和城乡建设局", "市城管局");
    }

    /**
     * The sideways table transposed by hand into the usual layout keeps its 责任单位 as a column among the units:
     * never a reporting unit, named in a warning, and read as each row's lead.
     */
    @Test
    void responsibilityColumnAmongTheUnitsIsNoReportingUnit() throws IOException {
        List<String> units = new ArrayList<>(List.of("责任单位"));
        units.addAll(List.of("东湖区", "西湖区", "南岭县"));
        TargetSheet t = new TargetSheet("临湖市2026年民生实事项目任务分解表", units).closingNote(SidewaysCity.NOTE);
        t.line(1, "就业创业", null, "城镇新增就业", "人", list("市人社局", 800, 700, 600));
        t.line(1, "就业创业", null, "职业技能培训", "人", list("市人社局、团市委", 1200, 1000, 1000));
        Files.createDirectories(ws.resolve("targets"));
        try (XSSFWorkbook wb = new XSSFWorkbook(); OutputStream out = Files.newOutputStream(
                ws.resolve("targets/转置.xlsx"))) {
            t.writeTo(wb, "表");
            wb.write(out);
        }
        IndicatorModel m = load();

        assertThat(m.units()).containsExactly("东湖区", "西湖区", "南岭县");
        assertThat(m.layout()).startsWith("竖排");
        assertThat(m.problems()).filteredOn(p -> p.code().equals("responsibility-column")).hasSize(1)
                .allSatisfy(p -> assertThat(p.format()).contains("责任单位"));
        assertThat(m.indicator("01-02").orElseThrow().responsibility().leadUnit()).isEqualTo("市人社局");
        assertThat(m.indicator("01-02").orElseThrow().responsibility().relatedUnits()).containsExactly("团市委");
        assertThat(m.indicator("01-01").orElseThrow().targets()).doesNotContainKey("责任单位");
    }

    private static List<Object> list(Object... v) {
        return new ArrayList<>(List.of(v));
    }
}
