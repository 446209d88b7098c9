package bulletin.engine;

import static org.assertj.core.api.Assertions.assertThat;

import bulletin.model.Card;
import bulletin.model.Indicator;
import bulletin.model.IndicatorModel;
import bulletin.model.Item;
import bulletin.model.Kind;
import bulletin.model.Level;
import bulletin.model.MonthlyReport;
import bulletin.model.ReportEntry;
import bulletin.model.Responsibility;
import bulletin.model.Snapshot.SnapshotIndicator;
import bulletin.model.Snapshot;
import bulletin.model.Status;
import java.math.BigDecimal;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The computation rules of docs/rules.md on small hand-made models. */
class EngineTest {

    static final List<String> UNITS = List.of("甲", "乙", "丙");

    static BigDecimal d(String s) {
        return new BigDecimal(s);
    }

    static Map<String, BigDecimal> targets(String... pairs) {
        Map<String, BigDecimal> m = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            m.put(pairs[i], d(pairs[i + 1]));
        }
        return m;
    }

    static Indicator ind(String code, Kind kind, Map<String, BigDecimal> targets, BigDecimal total, String text,
                         String lead, List<BigDecimal> schedule) {
        return new Indicator(code, Integer.parseInt(code.substring(0, 2)), List.of("项目", "指标" + code), "指标" + code,
                null, kind == Kind.RATE ? "%" : "人", Level.PROVINCE, kind, targets, Map.of(), text, total, null,
                new Responsibility(null, lead, List.of(), null), null, "t.xlsx:S!A" + code, schedule,
                kind != Kind.RATE, false, "测试", null, 1);
    }

    static IndicatorModel model(Indicator... inds) {
        List<Item> items = new ArrayList<>();
        for (Indicator i : inds) {
            if (items.stream().noneMatch(x -> x.number() == i.item())) {
                items.add(new Item(i.item(), "项目" + i.item(), Level.PROVINCE, Responsibility.NONE));
            }
        }
        return new IndicatorModel(2026, "t", UNITS, items, List.of(inds), List.of(), List.of());
    }

    /** A report: code → "done" or "done/percent" per reporter. */
    static MonthlyReport report(String reporter, int month, Object... codeValue) {
        Map<String, ReportEntry> e = new LinkedHashMap<>();
        for (int i = 0; i < codeValue.length; i += 2) {
            String code = (String) codeValue[i];
            String v = (String) codeValue[i + 1];
            boolean pct = v.startsWith("%");
            BigDecimal n = new BigDecimal(pct ? v.substring(1) : v);
            e.put(code, new ReportEntry(code, pct ? null : n, pct ? n : null, null, null, reporter));
        }
        return new MonthlyReport(reporter, YearMonth.of(2026, month), reporter + ".xlsx", null, e);
    }

    static Snapshot run(IndicatorModel m, int month, Snapshot prev, MonthlyReport... reports) {
        return Engine.compute(new Engine.Input(m, YearMonth.of(2026, month), List.of(reports), prev,
                prev == null ? "absent" : "snapshot", prev == null ? 1 : prev.issue() + 1, "2026-0" + month + "-28",
                "专报", "专班", null));
    }

    static SnapshotIndicator get(Snapshot s, String code) {
        return Engine.find(s, code).orElseThrow();
    }

    @Test
    void quantityCompletionIsSumOverSumAndNotCapped() {
        IndicatorModel m = model(ind("01-01", Kind.QUANTITY, targets("甲", "16200", "乙", "20", "丙", "0"), null, null,
                null, List.of()));
        Snapshot s = run(m, 5, null, report("甲", 5, "01-01", "6674"), report("乙", 5, "01-01", "25"),
                report("丙", 5, "01-01", "3"));
        SnapshotIndicator i = get(s, "01-01");
        assertThat(i.units().get("甲").progress()).isEqualByComparingTo("0.4120"); // 6674 / 16200 = 41.20%
        assertThat(i.units().get("乙").progress()).isEqualByComparingTo("1.2500"); // 125.00%, not capped
        assertThat(i.units().get("乙").status()).isEqualTo(Status.DONE);
        assertThat(i.units().get("丙").progress()).isNull(); // a target of 0 is not scored
        assertThat(i.units().get("丙").status()).isEqualTo(Status.NOT_SCORED);
        assertThat(i.total().done()).isEqualByComparingTo("6702");
        assertThat(i.total().target()).isEqualByComparingTo("16220");
        assertThat(i.total().progress()).isEqualByComparingTo("0.4132");
        assertThat(i.total().status()).isEqualTo(Status.BEHIND);
        assertThat(i.card()).isEqualTo(Card.YELLOW);
    }

    @Test
    void exactlyOnScheduleIsOnSchedule() {
        IndicatorModel m = model(ind("01-01", Kind.QUANTITY, targets("甲", "12"), null, null, null, List.of()));
        assertThat(get(run(m, 5, null, report("甲", 5, "01-01", "5")), "01-01").total().status())
                .isEqualTo(Status.ON_SCHEDULE);
        assertThat(get(run(m, 5, null, report("甲", 5, "01-01", "4.9999")), "01-01").total().status())
                .isEqualTo(Status.BEHIND);
        assertThat(get(run(m, 5, null, report("甲", 5, "01-01", "12")), "01-01").total().status())
                .isEqualTo(Status.DONE);
    }

    @Test
    void progressIndicatorsTakeThePlainMeanOfTheUnits() {
        // Seed 002, 和美湘村: targets 1 and 2 — a weighted mean would differ.
        IndicatorModel m = model(ind("01-01", Kind.PROGRESS, targets("甲", "1", "乙", "2"), null, null, null,
                List.of()));
        Snapshot s = run(m, 5, null, report("甲", 5, "01-01", "%45"), report("乙", 5, "01-01", "%46.5"));
        SnapshotIndicator i = get(s, "01-01");
        assertThat(i.total().percent()).isEqualByComparingTo("45.75");
        assertThat(i.total().progress()).isEqualByComparingTo("0.4575");
        assertThat(i.units().get("丙").status()).isEqualTo(Status.NOT_SCORED);
    }

    @Test
    void ratesStandardsAndTexts() {
        IndicatorModel m = model(
                ind("01-01", Kind.RATE, targets("甲", "90", "乙", "90"), null, null, null, List.of()),
                ind("02-01", Kind.STANDARD, Map.of(), null, "不低于110元/月", "市民政局", List.of()),
                ind("03-01", Kind.TEXT, Map.of(), null, "由市人社局统筹安排", "市人社局", List.of()));
        Snapshot s = run(m, 5, null, report("甲", 5, "01-01", "92"), report("乙", 5, "01-01", "88"),
                report("市民政局", 5, "02-01", "%100"), report("市人社局", 5, "03-01", "1386"));
        assertThat(get(s, "01-01").units().get("甲").progress()).isEqualByComparingTo("1.0222");
        assertThat(get(s, "01-01").total().done()).isEqualByComparingTo("90");
        assertThat(get(s, "01-01").total().progress()).isEqualByComparingTo("1.0000");
        assertThat(get(s, "02-01").total().status()).isEqualTo(Status.DONE);
        assertThat(get(s, "03-01").total().status()).isEqualTo(Status.NOT_SCORED);
        assertThat(get(s, "03-01").total().done()).isEqualByComparingTo("1386");
        assertThat(get(s, "03-01").card()).isNull();
        assertThat(s.summary().province().scored()).isEqualTo(2);
        assertThat(s.summary().province().indicators()).isEqualTo(3);
        assertThat(s.lateDepartments()).isEmpty();
        assertThat(s.late()).containsExactly("丙");
    }

    @Test
    void cardsYellowThenRedThenCleared() {
        IndicatorModel m = model(ind("01-01", Kind.QUANTITY, targets("甲", "120"), null, null, null, List.of()),
                ind("02-01", Kind.QUANTITY, targets("甲", "120"), null, null, null, List.of()));
        Snapshot apr = run(m, 4, null, report("甲", 4, "01-01", "30", "02-01", "40"));
        assertThat(get(apr, "01-01").card()).isEqualTo(Card.YELLOW);
        assertThat(get(apr, "02-01").card()).isNull();
        Snapshot may = run(m, 5, apr, report("甲", 5, "01-01", "45", "02-01", "45"));
        assertThat(get(may, "01-01").card()).isEqualTo(Card.RED);
        assertThat(get(may, "02-01").card()).isEqualTo(Card.YELLOW);
        assertThat(get(may, "01-01").gain()).isEqualByComparingTo("15");
        assertThat(get(may, "01-01").progressGain()).isEqualByComparingTo("0.1250");
        Snapshot jun = run(m, 6, may, report("甲", 6, "01-01", "60", "02-01", "50"));
        assertThat(get(jun, "01-01").card()).isNull();
        assertThat(get(jun, "02-01").card()).isEqualTo(Card.RED);
        assertThat(jun.summary().cleared()).containsExactly("01-01");
        assertThat(jun.summary().previousCards()).isEqualTo(2);
        assertThat(jun.summary().behind()).extracting(Snapshot.Behind::code).containsExactly("02-01");
    }

    @Test
    void aUnitThatDidNotReportKeepsLastMonthsCumulativeFigure() {
        IndicatorModel m = model(ind("01-01", Kind.QUANTITY, targets("甲", "100", "乙", "100"), null, null, null,
                List.of()));
        Snapshot apr = run(m, 4, null, report("甲", 4, "01-01", "40"), report("乙", 4, "01-01", "35"));
        Snapshot may = run(m, 5, apr, report("甲", 5, "01-01", "50"));
        SnapshotIndicator i = get(may, "01-01");
        assertThat(i.units().get("乙").done()).isEqualByComparingTo("35");
        assertThat(i.units().get("乙").carried()).isTrue();
        assertThat(i.total().done()).isEqualByComparingTo("85");
        assertThat(may.late()).containsExactly("乙", "丙");
        assertThat(may.summary().unitsOnSchedule()).containsExactly("甲");
    }

    @Test
    void aSeasonalScheduleReplacesMOverTwelve() {
        List<BigDecimal> spring = List.of(d("0"), d("0"), d("0"), d("0.2"), d("0.6"), d("0.9"), d("1"), d("1"),
                d("1"), d("1"), d("1"), d("1"));
        IndicatorModel m = model(ind("01-01", Kind.QUANTITY, targets("甲", "100"), null, null, null, spring));
        SnapshotIndicator may = get(run(m, 5, null, report("甲", 5, "01-01", "50")), "01-01");
        assertThat(may.schedule()).isEqualByComparingTo("0.6");
        assertThat(may.total().status()).isEqualTo(Status.BEHIND); // 50% would be on schedule at 5/12
    }

    @Test
    void theSnapshotScheduleIsTheMonthOverTwelve() {
        IndicatorModel m = model(ind("01-01", Kind.QUANTITY, targets("甲", "100"), null, null, null, List.of()));
        assertThat(run(m, 5, null, report("甲", 5, "01-01", "50")).schedule()).isEqualByComparingTo("0.4167");
    }
}
