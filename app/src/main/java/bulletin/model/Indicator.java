package bulletin.model;

import java.math.BigDecimal;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One indicator (指标) with its annual targets.
 *
 * @param code           stable code, {@code II-KK}: item number and the indicator's place in the item
 * @param item           序号 of its project
 * @param path           the 1–3 level name as the table gives it (项目 › 主要任务 › 指标), enumerators removed
 * @param name           the indicator's own name (the last level of {@code path})
 * @param label          the enumerator the table printed before the name ("1.", "（3）"), or null
 * @param measure        单位, e.g. 人, 万元, %
 * @param level          provincial or city level
 * @param kind           how it is measured and scored
 * @param targets        numeric annual target per reporting unit, in the units' order; units without one are absent
 * @param unitTexts      a target given in words for one unit (e.g. "不低于1200"), by unit
 * @param targetText     a target in words for the whole indicator (merged across the unit columns), or null
 * @param totalTarget    a city-wide numeric target: the 全市 column, or a number merged across the unit columns; else null
 * @param headline       the figure the name itself states in the indicator's 单位 ("城镇新增就业6000人" gives 6000), or null
 * @param responsibility lead leader and units
 * @param note           备注, or null
 * @param source         where the indicator's row is, {@code file:Sheet!A7}
 * @param schedule       the cumulative share of the year due by the end of each month (12 fractions), or empty
 *                       for the default m/12
 * @param additive       whether the city's target is the sum of the reporters' (false where every reporter must
 *                       reach the figure of the name, e.g. "每个县市区不少于80类", and for rates)
 * @param targetSet      whether {@code totalTarget} was set in bulletin.yaml: it then stands whatever the units add
 *                       up to
 * @param kindReason     why the indicator has its kind, in the clerk's words
 * @param pending        why the indicator is not scored yet, in the clerk's words ("上级任务暂未下达"), or null
 * @param scoredFrom     the first month it is scored in (1 unless bulletin.yaml says "from: 7")
 * @param textAcrossUnits whether {@code targetText} is a cell merged across all the unit columns of its row (not a
 *                       全市 cell, not a merge across some): with a standard, every unit's target
 */
public record Indicator(
        String code,
        int item,
        List<String> path,
        String name,
        String label,
        String measure,
        Level level,
        Kind kind,
        Map<String, BigDecimal> targets,
        Map<String, String> unitTexts,
        String targetText,
        BigDecimal totalTarget,
        BigDecimal headline,
        Responsibility responsibility,
        String note,
        String source,
        List<BigDecimal> schedule,
        boolean additive,
        boolean targetSet,
        String kindReason,
        String pending,
        int scoredFrom,
        boolean textAcrossUnits) {

    /** An indicator whose text target, if any, is not merged across all the unit columns. */
    public Indicator(String code, int item, List<String> path, String name, String label, String measure,
                     Level level, Kind kind, Map<String, BigDecimal> targets, Map<String, String> unitTexts,
                     String targetText, BigDecimal totalTarget, BigDecimal headline, Responsibility responsibility,
                     String note, String source, List<BigDecimal> schedule, boolean additive, boolean targetSet,
                     String kindReason, String pending, int scoredFrom) {
        this(code, item, path, name, label, measure, level, kind, targets, unitTexts, targetText, totalTarget,
                headline, responsibility, note, source, schedule, additive, targetSet, kindReason, pending,
                scoredFrom, false);
    }

    public Indicator {
        path = List.copyOf(path);
        schedule = schedule == null ? List.of() : List.copyOf(schedule);
        targets = Collections.unmodifiableMap(new LinkedHashMap<>(targets));
        unitTexts = Collections.unmodifiableMap(new LinkedHashMap<>(unitTexts));
    }

    /** Whether any reporting unit has a target of its own (numeric or in words). */
    public boolean hasUnitTargets() {
        return !targets.isEmpty() || !unitTexts.isEmpty();
    }

    /** Whether {@code unit} has a target of its own, so that its form asks it for figures. */
    public boolean appliesTo(String unit) {
        return targets.containsKey(unit) || unitTexts.containsKey(unit);
    }

    /**
     * The city-wide target: the figure bulletin.yaml sets or the 全市 figure the table gives; else, where every
     * reporter must reach the figure of the name, that figure; else the sum of the unit targets (for a rate, the
     * rate required); null where there is none.
     */
    public BigDecimal cityTarget() {
        if (totalTarget != null) {
            return totalTarget;
        }
        if (!additive && (kind.cumulative() || kind.lowerIsBetter()) && headline != null) {
            return headline; // the figure of the name; for a ceiling, "控制在4.3%以内" is the city's ceiling
        }
        if (!targets.isEmpty() && kind.level()) {
            // A required rate is the same rate everywhere, not a sum: 90% for every unit is 90% for the city.
            return targets.values().stream().max(BigDecimal::compareTo).orElseThrow();
        }
        if (!targets.isEmpty()) {
            return targets.values().stream().reduce(BigDecimal.ZERO, BigDecimal::add);
        }
        return null;
    }

    /** Whether the indicator is scored (and can get a card) in month {@code m}. */
    public boolean scoredIn(int m) {
        return pending == null && m >= scoredFrom;
    }

    /** Whether each reporter must reach the same figure, so that the city's completion is the reporters' mean. */
    public boolean perUnit() {
        return !additive && kind.cumulative();
    }

    /** Whether the figures of this indicator come from its lead unit rather than from the reporting units. */
    public boolean reportedByLeadUnit() {
        return !hasUnitTargets() && responsibility.leadUnit() != null;
    }

    /**
     * A standard (提标) merged across all the unit columns of its row ("…标准不低于1200元/人"): every unit's target,
     * applied city-wide by the lead department, which reports its progress; the units are not asked (their forms
     * have no row for it). Returns the standard as each unit's cell shows it, the target's last clause
     * ("标准不低于1200元/人"); null for any other indicator.
     */
    public String standardForAll() {
        if (!textAcrossUnits || targetText == null || !kind.standard() || hasUnitTargets()
                || totalTarget != null || !reportedByLeadUnit()) {
            return null;
        }
        String[] clauses = targetText.strip().split("[，,；;。]+");
        String last = clauses.length == 0 ? "" : clauses[clauses.length - 1].strip();
        return last.isEmpty() ? targetText.strip() : last;
    }

    /**
     * Whether the lead department may give the city's own figure of this rate or ceiling, which the units report
     * each for themselves: its form has the indicator's row, optional (blank: the units' mean stands, labelled
     * "（各县市区平均）"). docs/rules.md, "A city's figure for a rate".
     */
    public boolean cityFigureByLead() {
        String lead = responsibility.leadUnit();
        return kind.level() && hasUnitTargets() && lead != null && !appliesTo(lead);
    }

    /** The name with its project and task, "幼有所育 › 提高优生优育服务水平 › 产前筛查率…". */
    public String fullName() {
        return String.join(" › ", path);
    }

    /**
     * The largest figure a unit may give, or null: 100 for a 形象进度 and for a rate or ceiling measured in "%". The
     * form's data validation and 自查 and {@code validate} hold the same bound.
     */
    public BigDecimal most() {
        return kind().reportsPercent() || (kind().level() && measure() != null && measure().contains("%"))
                ? BigDecimal.valueOf(100) : null;
    }
}
