package bulletin.engine;

import static bulletin.engine.EngineTest.d;
import static bulletin.engine.EngineTest.get;
import static bulletin.engine.EngineTest.model;
import static bulletin.engine.EngineTest.report;
import static bulletin.engine.EngineTest.run;
import static bulletin.engine.EngineTest.targets;
import static org.assertj.core.api.Assertions.assertThat;

import bulletin.model.Card;
import bulletin.model.Indicator;
import bulletin.model.Kind;
import bulletin.model.Level;
import bulletin.model.MonthlyReport;
import bulletin.model.ReportEntry;
import bulletin.model.Source;
import bulletin.model.Responsibility;
import bulletin.model.Snapshot;
import bulletin.model.Snapshot.SnapshotIndicator;
import bulletin.model.Status;
import java.math.BigDecimal;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Issue 22, points 2, 3 and 7 in the engine: a ceiling is kept at or below it and breached above it, never a
 * share of it; a rate's or a ceiling's city figure is its own where the lead department reports one, else the mean;
 * reporters that must each reach the name's figure are averaged without a 备注 reporter's own target.
 */
class CeilingEngineTest {

    static Indicator ceiling(String code, Map<String, BigDecimal> targets, BigDecimal headline, String lead) {
        return new Indicator(code, Integer.parseInt(code.substring(0, 2)), List.of("项目", "城镇登记失业率"),
                "城镇登记失业率控制在4.3%以内", null, "%", Level.PROVINCE, Kind.CEILING, targets, Map.of(), null, null,
                headline, new Responsibility(null, lead, List.of(), null), null, "t.xlsx:S!A" + code, List.of(),
                false, false, "名称含“控制在4.3%以内”", null, 1);
    }

    /** A lead department's report of the city's own figure, read from its cell. */
    static MonthlyReport department(String dept, String code, String value) {
        ReportEntry e = new ReportEntry(code, d(value), null, null, null, dept,
                new Source(dept + ".xlsx", "进度填报", "F5"), null, null, null);
        return new MonthlyReport(dept, YearMonth.of(2026, 5), dept + ".xlsx", null, Map.of(code, e));
    }

    @Test
    void underTheCeilingIsKeptAboveItIsABreachAndNeverAShareOfIt() {
        Indicator ind = ceiling("01-01", targets("甲", "4.3", "乙", "4.3", "丙", "4.3"), d("4.3"), null);
        Snapshot s = run(model(ind), 5, null, report("甲", 5, "01-01", "3.1"), report("乙", 5, "01-01", "4.3"),
                report("丙", 5, "01-01", "4.9"));
        SnapshotIndicator i = get(s, "01-01");
        assertThat(i.units().get("甲").status()).isEqualTo(Status.DONE);
        assertThat(i.units().get("乙").status()).as("at the ceiling is kept").isEqualTo(Status.DONE);
        assertThat(i.units().get("丙").status()).as("above it is a breach").isEqualTo(Status.BEHIND);
        assertThat(i.units().values()).allSatisfy(f -> assertThat(f.progress()).isNull());
        // The city: the mean 4.1 is under 4.3, so no card, although one county breached.
        assertThat(i.total().done()).isEqualByComparingTo("4.1");
        assertThat(i.total().target()).isEqualByComparingTo("4.3");
        assertThat(i.total().status()).isEqualTo(Status.DONE);
        assertThat(i.card()).isNull();
        assertThat(i.averaged()).isTrue();
        // A ceiling kept is not "已完成全年任务".
        assertThat(s.summary().province().done()).isZero();
        assertThat(s.summary().behind()).isEmpty();
    }

    @Test
    void aCityAboveItsCeilingGetsACardInAnyMonth() {
        Indicator ind = ceiling("01-01", targets("甲", "4.3", "乙", "4.3", "丙", "4.3"), d("4.3"), null);
        Snapshot s = run(model(ind), 1, null, report("甲", 1, "01-01", "4.5"), report("乙", 1, "01-01", "5.0"),
                report("丙", 1, "01-01", "4.0"));
        SnapshotIndicator i = get(s, "01-01");
        assertThat(i.total().status()).isEqualTo(Status.BEHIND);
        assertThat(i.card()).isEqualTo(Card.YELLOW);
        assertThat(i.total().progress()).isNull();
        Snapshot june = run(model(ind), 2, s, report("甲", 2, "01-01", "4.2"), report("乙", 2, "01-01", "4.2"),
                report("丙", 2, "01-01", "4.0"));
        SnapshotIndicator j = get(june, "01-01");
        assertThat(j.total().status()).as("a rate may fall: the ceiling is kept again").isEqualTo(Status.DONE);
        assertThat(june.summary().cleared()).containsExactly("01-01");
    }

    @Test
    void theLeadDepartmentsOwnFigureStandsForTheCity() {
        Indicator ind = ceiling("01-01", targets("甲", "4.3", "乙", "4.3", "丙", "4.3"), d("4.3"), "市人社局");
        Snapshot s = run(model(ind), 5, null, report("甲", 5, "01-01", "3.0"), report("乙", 5, "01-01", "3.2"),
                report("丙", 5, "01-01", "3.4"), department("市人社局", "01-01", "4.6"));
        SnapshotIndicator i = get(s, "01-01");
        assertThat(i.total().done()).as("the city's own figure, not the mean 3.2").isEqualByComparingTo("4.6");
        assertThat(i.averaged()).isFalse();
        assertThat(i.total().status()).isEqualTo(Status.BEHIND);
        assertThat(i.card()).isEqualTo(Card.YELLOW);
    }

    @Test
    void aRatesCityFigureIsItsOwnWhereReportedElseTheMean() {
        Indicator rate = new Indicator("02-01", 2, List.of("项目", "产前筛查率"), "产前筛查率", null, "%",
                Level.PROVINCE, Kind.RATE, targets("甲", "90", "乙", "90", "丙", "90"), Map.of(), null, null, null,
                new Responsibility(null, "市卫健委", List.of(), null), null, "t.xlsx:S!A9", List.of(), false, false,
                "单位是“%”", null, 1);
        Snapshot mean = run(model(rate), 5, null, report("甲", 5, "02-01", "80"), report("乙", 5, "02-01", "90"),
                report("丙", 5, "02-01", "100"));
        assertThat(get(mean, "02-01").total().done()).isEqualByComparingTo("90");
        assertThat(get(mean, "02-01").averaged()).isTrue();
        Snapshot own = run(model(rate), 5, null, report("甲", 5, "02-01", "80"), report("乙", 5, "02-01", "90"),
                report("丙", 5, "02-01", "100"), department("市卫健委", "02-01", "93"));
        SnapshotIndicator i = get(own, "02-01");
        assertThat(i.total().done()).isEqualByComparingTo("93");
        assertThat(i.total().source()).isNotNull();
        assertThat(i.averaged()).isFalse();
    }

    @Test
    void perUnitTargetsWithTheCityLevelsOwnAreAveragedNotSummed() {
        // Every county 80 (the name's figure), 市本级 250 from the 备注: the city's target is 80, not 490.
        Indicator ind = new Indicator("03-01", 3, List.of("项目", "电子证照"), "每个县市区整合电子证照不少于80类", null,
                "类", Level.PROVINCE, Kind.QUANTITY, targets("甲", "80", "乙", "80", "丙", "250"), Map.of(), null,
                null, d("80"), Responsibility.NONE, null, "t.xlsx:S!A3", List.of(), false, false, "测试", null, 1);
        Snapshot s = run(model(ind), 6, null, report("甲", 6, "03-01", "40"), report("乙", 6, "03-01", "60"),
                report("丙", 6, "03-01", "200"));
        SnapshotIndicator i = get(s, "03-01");
        assertThat(i.total().target()).isEqualByComparingTo("80");
        assertThat(i.total().done()).isEqualByComparingTo("50");
        assertThat(i.total().progress()).isEqualByComparingTo("0.625");
        assertThat(i.units().get("丙").progress()).isEqualByComparingTo("0.8");
    }
}
