package bulletin.model;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

/**
 * Every computed figure of one month's bulletin: what {@code out/YYYY-MM/bulletin.json} holds and what the
 * document is made from. Progress is a fraction (0.4888 for 48.88%), rounded half-up to four places; the
 * statuses were decided on the exact values.
 *
 * @param year       the year
 * @param month      1–12
 * @param issue      第N期
 * @param date       the bulletin's date, ISO (2026-05-30)
 * @param schedule   序时进度 at the month by default (m/12)
 * @param title      the bulletin's title
 * @param office     the issuing office
 * @param units      the reporting units in order
 * @param previous   how last month was known: {@code snapshot}, {@code computed} (from its workbooks) or {@code absent}
 * @param indicators per indicator, in the tables' order
 * @param summary    the counts and lists of the 工作进展 and 突出问题 sections
 * @param late       reporting units with no usable workbook this month
 * @param lateDepartments lead departments with no usable workbook this month
 * @param inputs     a digest of the inputs (tables, workbooks, notes, templates) the bulletin was made from
 * @param excluded   figures and workbooks left out as wrong ({@code generate --skip-invalid}); empty otherwise
 * @param platform   the platform's upload counts of the month (附件3), or null where the workspace has none (absent
 *                   from the JSON then, as in snapshots made before it existed)
 */
public record Snapshot(
        int year,
        int month,
        int issue,
        String date,
        BigDecimal schedule,
        String title,
        String office,
        List<String> units,
        String previous,
        List<SnapshotIndicator> indicators,
        Summary summary,
        List<String> late,
        List<String> lateDepartments,
        String inputs,
        List<Excluded> excluded,
        @JsonInclude(JsonInclude.Include.NON_NULL)
        Platform platform) {

    public Snapshot {
        excluded = excluded == null ? List.of() : List.copyOf(excluded);
    }

    /** A snapshot without platform counts. */
    public Snapshot(int year, int month, int issue, String date, BigDecimal schedule, String title, String office,
                    List<String> units, String previous, List<SnapshotIndicator> indicators, Summary summary,
                    List<String> late, List<String> lateDepartments, String inputs, List<Excluded> excluded) {
        this(year, month, issue, date, schedule, title, office, units, previous, indicators, summary, late,
                lateDepartments, inputs, excluded, null);
    }

    /** The same snapshot with the month's platform counts (null for none). */
    public Snapshot withPlatform(Platform counts) {
        return new Snapshot(year, month, issue, date, schedule, title, office, units, previous, indicators, summary,
                late, lateDepartments, inputs, excluded, counts);
    }

    /** The exclusion of a reporter's whole workbook, or null where it was not left out whole. */
    public Excluded leftOutWhole(String reporter) {
        return excluded.stream().filter(e -> e.code() == null && reporter != null && reporter.equals(e.unit()))
                .findFirst().orElse(null);
    }

    /**
     * A figure, or a whole workbook, left out because it failed a check.
     *
     * @param code    the indicator's code, or null where the whole workbook was left out (likewise sheet, cell)
     * @param problem the check's code ({@code type-error}, {@code form-mismatch}, …)
     */
    public record Excluded(String file, String unit, String code, String sheet, String cell, String problem,
                           String message) {
    }

    /**
     * One indicator's figures.
     *
     * @param measure  the indicator's 单位 (人, 所, 万元); {@code unit} in the JSON. Not to be confused with
     *                 {@code units}, the reporting units' figures
     * @param schedule the 序时进度 this indicator is held to this month (its own schedule, or m/12)
     * @param card     this month's card, or null
     * @param gain     what the city total gained since last month (in the indicator's 单位), or null
     * @param progressGain the gain of the total's progress since last month (a fraction), or null
     * @param notes    the units' 进展情况, in unit order
     * @param problems the units' 存在问题, in unit order
     */
    public record SnapshotIndicator(
            String code,
            int item,
            String itemName,
            String name,
            List<String> path,
            Level level,
            Kind kind,
            @JsonProperty("unit") String measure,
            String leadUnit,
            BigDecimal schedule,
            Figure total,
            Map<String, Figure> units,
            Card card,
            BigDecimal gain,
            BigDecimal progressGain,
            List<UnitText> notes,
            List<UnitText> problems,
            boolean perUnit,
            int behindMonths,
            String pending) {

        /**
         * Whether the city's figure of a rate or a ceiling is the plain mean of the units' (no figure of its own was
         * reported): the bulletin then says "平均" and the appendix "（各县市区平均）".
         */
        @com.fasterxml.jackson.annotation.JsonIgnore
        /**
         * Whether {@code unit}'s figure is the lead department's city-wide one, not the unit's own: a standard
         * merged across all the unit columns, applied by the department (the unit was not asked). Its cell is the
         * department's.
         */
        public boolean appliedByLead(String unit) {
            Figure f = units.get(unit);
            return f != null && kind.standard() && f.target() == null && f.targetText() != null
                    && f.status() == Status.NOT_SCORED && (f.percent() != null || f.done() != null)
                    && f.source() != null && f.source().equals(total.source());
        }

        public boolean averaged() {
            return kind.level() && total != null && total.done() != null && total.source() == null;
        }
    }

    /**
     * One figure: the city total or one unit's.
     *
     * @param target     the numeric target, or null
     * @param targetText the target in words, or null
     * @param done       累计完成, or null
     * @param percent    形象进度 in percent as reported, or null
     * @param progress   completion as a fraction, rounded to four places, or null where not scored
     * @param status     against the schedule
     * @param card       the card (totals only), or null
     * @param carried    true where the unit sent no figure this month (or its figure was left out as wrong) and
     *                   last month's cumulative one stands
     * @param source     the cell the figure was read from (a carried figure keeps the cell of its own month), or
     *                   null where it was not read from a workbook (a total, no figure)
     * @param carriedFrom the month a carried figure was reported in ({@code 2026-04}), or null
     */
    public record Figure(
            BigDecimal target,
            String targetText,
            BigDecimal done,
            BigDecimal percent,
            BigDecimal progress,
            Status status,
            Card card,
            boolean carried,
            Source source,
            String carriedFrom) {

        public Figure(BigDecimal target, String targetText, BigDecimal done, BigDecimal percent, BigDecimal progress,
                      Status status, Card card, boolean carried) {
            this(target, targetText, done, percent, progress, status, card, carried, null, null);
        }
    }

    /** A text a unit wrote about an indicator, and the cell it was read from (null where not known). */
    public record UnitText(String unit, String text, Source source) {

        public UnitText(String unit, String text) {
            this(unit, text, null);
        }
    }

    /**
     * The month in counts and lists.
     *
     * @param unitsOnSchedule units that reported and all of whose scored indicators are on schedule
     * @param behind          indicators behind schedule, with their lead unit and card
     * @param cleared         indicators that had a card last month and caught up
     * @param previousCards   how many cards there were last month
     */
    public record Summary(
            LevelSummary province,
            LevelSummary city,
            List<String> unitsOnSchedule,
            List<Behind> behind,
            List<String> cleared,
            int previousCards) {
    }

    /** "N个项目M个指标中K个指标达到序时进度" for one level. */
    public record LevelSummary(int items, int indicators, int scored, int onSchedule, int done, int behind) {
    }

    /** An indicator behind schedule. */
    public record Behind(String code, String name, Level level, BigDecimal progress, BigDecimal schedule,
                         String leadUnit, Card card) {
    }
}
