package bulletin.engine;

import bulletin.model.Card;
import bulletin.model.Indicator;
import bulletin.model.IndicatorModel;
import bulletin.model.Item;
import bulletin.model.Kind;
import bulletin.model.Level;
import bulletin.model.MonthlyReport;
import bulletin.model.Quotient;
import bulletin.model.ReportEntry;
import bulletin.model.Snapshot.Figure;
import bulletin.model.Snapshot.SnapshotIndicator;
import bulletin.model.Snapshot.UnitText;
import bulletin.model.Snapshot;
import bulletin.model.Source;
import bulletin.model.Status;
import bulletin.text.Numbers;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The progress engine: pure computation over the model, one month's reports and last month's snapshot
 * (docs/rules.md). Exact decimal arithmetic; statuses are decided on exact values and
 * progress is rounded half-up to four places (two places of a percentage) only for the snapshot.
 */
public final class Engine {

    static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    private Engine() {
    }

    /**
     * What one month's computation needs.
     *
     * @param previous       last month's snapshot (read or computed), or null where there is none
     * @param previousSource {@code snapshot}, {@code computed} or {@code absent}
     * @param issue          第N期
     * @param date           the bulletin's date, ISO
     * @param inputs         a digest of the inputs, carried into the snapshot
     */
    public record Input(IndicatorModel model, YearMonth month, List<MonthlyReport> reports, Snapshot previous,
                        String previousSource, int issue, String date, String title, String office, String inputs,
                        List<Snapshot.Excluded> excluded) {

        public Input(IndicatorModel model, YearMonth month, List<MonthlyReport> reports, Snapshot previous,
                     String previousSource, int issue, String date, String title, String office, String inputs) {
            this(model, month, reports, previous, previousSource, issue, date, title, office, inputs, List.of());
        }
    }

    public static Snapshot compute(Input in) {
        IndicatorModel model = in.model();
        int m = in.month().getMonthValue();
        Map<String, MonthlyReport> byReporter = new LinkedHashMap<>();
        in.reports().forEach(r -> byReporter.putIfAbsent(r.reporter(), r));
        Map<String, SnapshotIndicator> prev = new LinkedHashMap<>();
        if (in.previous() != null) {
            in.previous().indicators().forEach(i -> prev.put(i.code(), i));
        }

        Month month = new Month(model, in.month(), byReporter);
        // Each indicator is worked out from the month's reports and its own last month alone: on every core (the
        // month's other steps leave the second one idle meanwhile), taken in the model's order.
        List<Indicator> inds = model.indicators();
        List<SnapshotIndicator> out = new ArrayList<>((inds.size() > 1 ? inds.parallelStream() : inds.stream())
                .map(ind -> indicator(month, ind, prev.get(ind.code()))).toList());

        List<String> late = model.reporters().stream().filter(u -> !byReporter.containsKey(u)).toList();
        // A department asked only for a city figure it may give (optional rows) is never late.
        List<String> lateDepartments = model.requiredDepartments().stream().filter(d -> !byReporter.containsKey(d))
                .toList();
        Snapshot.Summary summary = summary(model, out, byReporter, in.previous());
        return new Snapshot(in.month().getYear(), m, in.issue(), in.date(), round(defaultSchedule(m)), in.title(),
                in.office(), model.units(), in.previousSource(), out, summary, late, lateDepartments, in.inputs(),
                in.excluded());
    }

    static BigDecimal defaultSchedule(int month) {
        return Quotient.of(BigDecimal.valueOf(month), BigDecimal.valueOf(12));
    }

    /** The share of the year due by the end of month {@code m}: the indicator's own schedule, or m/12. */
    public static BigDecimal schedule(Indicator ind, int m) {
        return ind.schedule().isEmpty() ? defaultSchedule(m) : ind.schedule().get(m - 1);
    }

    /**
     * The month's reports as the indicators look them up: by reporter, and each unit's entries by the position of
     * their code in the model (the first indicator of a code), found once per month rather than once per indicator
     * and unit.
     */
    private static final class Month {
        final IndicatorModel model;
        final YearMonth month;
        final Map<String, MonthlyReport> reports;
        /** The report of each unit of the model, in its order; null where it has none. */
        final MonthlyReport[] unitReports;
        /** Each unit's entries by code position; null where it has no report. */
        final ReportEntry[][] unitEntries;
        final Map<String, Integer> codes = new java.util.HashMap<>();

        Month(IndicatorModel model, YearMonth month, Map<String, MonthlyReport> reports) {
            this.model = model;
            this.month = month;
            this.reports = reports;
            List<Indicator> inds = model.indicators();
            for (int i = 0; i < inds.size(); i++) {
                codes.putIfAbsent(inds.get(i).code(), i);
            }
            List<String> units = model.units();
            unitReports = new MonthlyReport[units.size()];
            unitEntries = new ReportEntry[units.size()][];
            for (int k = 0; k < units.size(); k++) {
                MonthlyReport r = reports.get(units.get(k));
                unitReports[k] = r;
                if (r != null) {
                    ReportEntry[] row = new ReportEntry[inds.size()];
                    r.entries().forEach((code, e) -> {
                        Integer at = codes.get(code);
                        if (at != null) {
                            row[at] = e;
                        }
                    });
                    unitEntries[k] = row;
                }
            }
        }

        /** The position of the code's entries, or -1 where no indicator has it. */
        int code(String code) {
            Integer at = codes.get(code);
            return at == null ? -1 : at;
        }

        /** Unit k's entry for the code at {@code at}: {@code reports.get(unit).entries().get(code)}. */
        ReportEntry entry(int k, int at) {
            ReportEntry[] row = unitEntries[k];
            return row == null || at < 0 ? null : row[at];
        }
    }

    private static SnapshotIndicator indicator(Month mo, Indicator ind, SnapshotIndicator prev) {
        IndicatorModel model = mo.model;
        YearMonth month = mo.month;
        Map<String, MonthlyReport> reports = mo.reports;
        BigDecimal schedule = schedule(ind, month.getMonthValue());
        String lastMonth = month.minusMonths(1).toString();
        Map<String, Figure> units = new LinkedHashMap<>();
        List<UnitText> notes = new ArrayList<>();
        List<UnitText> problems = new ArrayList<>();
        List<String> names = model.units();
        int at = mo.code(ind.code());
        for (int k = 0; k < names.size(); k++) {
            String u = names.get(k);
            MonthlyReport r = mo.unitReports[k];
            ReportEntry e = r == null ? null : mo.entry(k, at);
            Figure prevFigure = prev == null ? null : prev.units().get(u);
            units.put(u, unitFigure(ind, u, e, missing(r, ind), prevFigure, schedule, lastMonth));
            texts(u, e, notes, problems);
        }
        Figure total;
        if (ind.reportedByLeadUnit()) {
            String lead = ind.responsibility().leadUnit();
            MonthlyReport r = reports.get(lead);
            ReportEntry e = r == null ? null : r.entries().get(ind.code());
            total = leadFigure(ind, e, missing(r, ind), prev == null ? null : prev.total(), schedule, lastMonth);
            texts(lead, e, notes, problems);
        } else {
            total = totalFigure(ind, units, schedule, ownFigure(ind, reports, prev, schedule, lastMonth));
        }
        if (ind.standardForAll() != null) {
            standardUnits(ind, units, reports, total, schedule);
        }
        String pending = pending(ind, month.getMonthValue());
        if (pending != null) {
            total = unscored(total);
            units.replaceAll((u, f) -> unscored(f));
        }
        Card card = null;
        int behindMonths = 0;
        if (total.status() == Status.BEHIND) {
            card = prev != null && prev.card() != null ? Card.RED : Card.YELLOW;
            // Months behind in a row: last month's count, or 2 where an older snapshot only has its card.
            behindMonths = prev == null || prev.card() == null ? 1 : Math.max(prev.behindMonths(), 1) + 1;
        }
        total = new Figure(total.target(), total.targetText(), total.done(), total.percent(), total.progress(),
                total.status(), card, total.carried(), total.source(), total.carriedFrom());
        BigDecimal gain = null;
        BigDecimal progressGain = null;
        if (prev != null && prev.total() != null) {
            if (total.done() != null && prev.total().done() != null) {
                gain = total.done().subtract(prev.total().done());
            }
            if (total.progress() != null && prev.total().progress() != null) {
                progressGain = total.progress().subtract(prev.total().progress());
            }
        }
        Item item = model.item(ind.item()).orElseThrow();
        return new SnapshotIndicator(ind.code(), ind.item(), item.name(), ind.name(), ind.path(), ind.level(),
                ind.kind(), ind.measure(), ind.responsibility().leadUnit(), round(schedule), total, units, card,
                gain, progressGain, notes, problems, ind.perUnit(), behindMonths, pending);
    }

    /**
     * Why the indicator is not scored this month: the clerk's reason ("上级任务暂未下达"), or its start month
     * ("按计划自7月起推进"); null where it is scored.
     */
    private static String pending(Indicator ind, int m) {
        if (ind.pending() != null) {
            return ind.pending();
        }
        return m < ind.scoredFrom() ? "按计划自" + ind.scoredFrom() + "月起推进" : null;
    }

    /** A figure kept as reported but not scored: no status, so no card and no shading. */
    private static Figure unscored(Figure f) {
        return new Figure(f.target(), f.targetText(), f.done(), f.percent(), f.progress(), Status.NOT_SCORED, null,
                f.carried(), f.source(), f.carriedFrom());
    }

    /** No usable figure this month: the reporter sent no workbook, or its figure was left out as wrong. */
    private static boolean missing(MonthlyReport r, Indicator ind) {
        return r == null || r.excluded().contains(ind.code());
    }

    /** The reporter's 进展情况 and 存在问题 on the indicator, with their cells. */
    private static void texts(String reporter, ReportEntry e, List<UnitText> notes, List<UnitText> problems) {
        if (e != null && e.note() != null) {
            notes.add(new UnitText(reporter, e.note(), e.noteAt()));
        }
        if (e != null && e.problem() != null) {
            problems.add(new UnitText(reporter, e.problem(), e.problemAt()));
        }
    }

    /** One unit's figure. A unit that sent no workbook keeps last month's cumulative figure, marked carried. */
    private static Figure unitFigure(Indicator ind, String unit, ReportEntry e, boolean missing, Figure prev,
                                     BigDecimal schedule, String lastMonth) {
        if (!ind.appliesTo(unit)) {
            BigDecimal done = e == null ? null : e.done();
            return new Figure(null, null, done, e == null ? null : e.percent(), null, Status.NOT_SCORED, null, false,
                    e == null || done == null ? null : e.doneAt(), null);
        }
        return reported(ind, ind.targets().get(unit), ind.unitTexts().get(unit), e, missing, prev, schedule,
                lastMonth);
    }

    /**
     * A standard merged across all the unit columns is each unit's target (Indicator.standardForAll): a unit's
     * figure is its own where it reports one (scored as any standard); otherwise the lead department's city-wide
     * one, with the department's cell, not scored as the unit's (the unit was not asked).
     */
    private static void standardUnits(Indicator ind, Map<String, Figure> units, Map<String, MonthlyReport> reports,
                                      Figure city, BigDecimal schedule) {
        String standard = ind.standardForAll();
        units.replaceAll((u, f) -> {
            MonthlyReport r = reports.get(u);
            ReportEntry e = missing(r, ind) ? null : r.entries().get(ind.code());
            if (e != null && e.percent() != null) {
                return reported(ind, null, standard, e, false, null, schedule, null);
            }
            return new Figure(null, standard, city.done(), city.percent(), city.progress(), Status.NOT_SCORED, null,
                    city.carried(), city.source(), city.carriedFrom());
        });
    }

    /**
     * The city's own figure of a rate or a ceiling, where its lead department reports one beside the units'
     * (its form's row for the indicator); null otherwise.
     */
    private static Figure ownFigure(Indicator ind, Map<String, MonthlyReport> reports, SnapshotIndicator prev,
                                    BigDecimal schedule, String lastMonth) {
        String lead = ind.responsibility().leadUnit();
        if (!ind.cityFigureByLead()) {
            return null;
        }
        MonthlyReport r = reports.get(lead);
        ReportEntry e = r == null ? null : r.entries().get(ind.code());
        if (r == null || e == null || e.done() == null || r.excluded().contains(ind.code())) {
            return null;
        }
        return leadFigure(ind, e, false, prev == null ? null : prev.total(), schedule, lastMonth);
    }

    /** The city figure of an indicator its lead department reports. */
    private static Figure leadFigure(Indicator ind, ReportEntry e, boolean missing, Figure prev, BigDecimal schedule,
                                     String lastMonth) {
        return reported(ind, ind.cityTarget(), ind.targetText(), e, missing, prev, schedule, lastMonth);
    }

    /**
     * A reporter's figure against its target: this month's, with the cell it came from; or, where the reporter
     * has none this month, last month's cumulative one with that month's cell and {@code carriedFrom}.
     */
    private static Figure reported(Indicator ind, BigDecimal target, String targetText, ReportEntry e,
                                   boolean missing, Figure prev, BigDecimal schedule, String lastMonth) {
        boolean percentKind = ind.kind().reportsPercent();
        BigDecimal done = missing || e == null ? null : e.done();
        BigDecimal percent = missing || e == null ? null : e.percent();
        Source source = missing || e == null || (percentKind ? percent : done) == null ? null : e.figureAt(percentKind);
        boolean carried = false;
        String carriedFrom = null;
        if (missing && prev != null && (prev.done() != null || prev.percent() != null)) {
            done = prev.done();
            percent = prev.percent();
            carried = true;
            source = prev.source();
            carriedFrom = prev.carried() && prev.carriedFrom() != null ? prev.carriedFrom() : lastMonth;
        }
        BigDecimal progress = progress(ind.kind(), target, done, percent);
        return new Figure(target, targetText, done, percent, round(progress),
                ind.kind().status(target, done, progress, schedule), null, carried, source, carriedFrom);
    }

    /**
     * The 全市 figure from the units': Σ done / Σ target for quantities (not capped), or the mean of the reporters
     * that must each reach the figure of the name; the plain mean of the units' percentages for 形象进度 and
     * standards; for a rate or a ceiling, the city's own figure where its lead department reports one ({@code own}),
     * else the units' mean (the figure then has no source: "各县市区平均").
     */
    private static Figure totalFigure(Indicator ind, Map<String, Figure> units, BigDecimal schedule, Figure own) {
        Kind kind = ind.kind();
        BigDecimal target = ind.cityTarget();
        List<Figure> scoped = units.entrySet().stream().filter(e -> ind.appliesTo(e.getKey()))
                .map(Map.Entry::getValue).toList();
        if (!kind.scored()) {
            BigDecimal done = sum(units.values().stream().map(Figure::done).toList());
            return new Figure(null, ind.targetText(), done, null, null, Status.NOT_SCORED, null, false);
        }
        BigDecimal done = null;
        BigDecimal percent = null;
        BigDecimal progress;
        Source source = null;
        if (kind.reportsPercent()) {
            percent = mean(scoped.stream().map(Figure::percent).toList());
            progress = kind.progress(target, null, percent);
        } else if (kind.level()) {
            if (own != null && own.done() != null) {
                done = own.done();
                source = own.source();
            } else {
                done = mean(scoped.stream().map(Figure::done).toList());
            }
            // A rate against the rate required everywhere; where there is none, the mean of the units' completions.
            progress = kind.progress(target, done, null);
            if (progress == null && !kind.lowerIsBetter()) {
                progress = mean(scoped.stream().map(Figure::progress).toList());
            }
        } else if (ind.perUnit()) {
            // Every reporter must reach the figure of the name: the city has done what they do on average. A
            // reporter with a target of its own (市本级 in the 备注) is shown but not in the mean.
            BigDecimal name = target;
            List<Figure> peers = scoped.stream()
                    .filter(f -> f.target() != null && name != null && f.target().compareTo(name) == 0).toList();
            List<Figure> of = peers.isEmpty() ? scoped : peers;
            done = mean(of.stream().map(Figure::done).toList());
            done = done == null ? null : Numbers.normalise(done.setScale(2, RoundingMode.HALF_UP));
            progress = mean(of.stream().map(Figure::progress).toList());
        } else {
            BigDecimal sumTarget = BigDecimal.ZERO;
            for (var e : ind.targets().entrySet()) {
                sumTarget = sumTarget.add(e.getValue());
            }
            done = sum(scoped.stream().map(Figure::done).toList());
            target = ind.targets().isEmpty() || ind.targetSet() ? target : sumTarget;
            progress = kind.progress(target, done, null);
        }
        return new Figure(target, ind.targetText(), done, percent, round(progress),
                kind.status(target, done, progress, schedule), null, false, source, null);
    }

    static BigDecimal progress(Kind kind, BigDecimal target, BigDecimal done, BigDecimal percent) {
        return kind.progress(target, done, percent);
    }

    static Status status(BigDecimal progress, BigDecimal schedule) {
        return Kind.bySchedule(progress, schedule);
    }

    private static BigDecimal sum(List<BigDecimal> values) {
        BigDecimal s = null;
        for (BigDecimal v : values) {
            if (v != null) {
                s = s == null ? v : s.add(v);
            }
        }
        return s;
    }

    private static BigDecimal mean(List<BigDecimal> values) {
        List<BigDecimal> present = values.stream().filter(v -> v != null).toList();
        if (present.isEmpty()) {
            return null;
        }
        return Quotient.of(sum(present), BigDecimal.valueOf(present.size()));
    }

    /** A fraction for the snapshot: four places, half up (two places of a percentage). */
    static BigDecimal round(BigDecimal v) {
        return v == null ? null : v.setScale(4, RoundingMode.HALF_UP);
    }

    private static Snapshot.Summary summary(IndicatorModel model, List<SnapshotIndicator> inds,
                                            Map<String, MonthlyReport> reports, Snapshot previous) {
        Snapshot.LevelSummary province = level(model, inds, Level.PROVINCE);
        Snapshot.LevelSummary city = level(model, inds, Level.CITY);
        List<String> onSchedule = new ArrayList<>();
        List<String> units = model.units();
        // Each unit's figures, walked indicator by indicator in the order the engine put them (one per unit of the
        // model, in its order) rather than looked up unit by unit; by name where a map is not so (units named twice).
        boolean[] any = new boolean[units.size()];
        boolean[] all = new boolean[units.size()];
        java.util.Arrays.fill(all, true);
        for (SnapshotIndicator i : inds) {
            if (i.units().size() == units.size()) {
                int k = 0;
                for (Figure f : i.units().values()) {
                    tally(f, k++, any, all);
                }
            } else {
                for (int k = 0; k < units.size(); k++) {
                    tally(i.units().get(units.get(k)), k, any, all);
                }
            }
        }
        for (int k = 0; k < units.size(); k++) {
            if (reports.containsKey(units.get(k)) && any[k] && all[k]) {
                onSchedule.add(units.get(k));
            }
        }
        List<Snapshot.Behind> behind = inds.stream().filter(i -> i.total().status() == Status.BEHIND)
                .map(i -> new Snapshot.Behind(i.code(), i.name(), i.level(), i.total().progress(), i.schedule(),
                        i.leadUnit(), i.card()))
                .toList();
        List<String> cleared = new ArrayList<>();
        int previousCards = 0;
        if (previous != null) {
            Map<String, SnapshotIndicator> now = new LinkedHashMap<>();
            inds.forEach(i -> now.put(i.code(), i));
            for (SnapshotIndicator p : previous.indicators()) {
                if (p.card() != null) {
                    previousCards++;
                    SnapshotIndicator n = now.get(p.code());
                    if (n != null && n.card() == null) {
                        cleared.add(p.code());
                    }
                }
            }
        }
        return new Snapshot.Summary(province, city, onSchedule, behind, cleared, previousCards);
    }

    /** A unit's figure counted towards its being on schedule in everything scored. */
    private static void tally(Figure f, int k, boolean[] any, boolean[] all) {
        if (f != null && f.status() != Status.NOT_SCORED) {
            any[k] = true;
            all[k] &= f.status().onSchedule();
        }
    }

    private static Snapshot.LevelSummary level(IndicatorModel model, List<SnapshotIndicator> inds, Level level) {
        int items = (int) model.items().stream().filter(i -> i.level() == level).count();
        List<SnapshotIndicator> at = inds.stream().filter(i -> i.level() == level).toList();
        int scored = (int) at.stream().filter(i -> i.total().status() != Status.NOT_SCORED).count();
        int on = (int) at.stream().filter(i -> i.total().status().onSchedule()).count();
        // A rate reached is not a year's task done ("已完成全年任务" is for quantities, works and standards).
        int done = (int) at.stream().filter(i -> i.total().status() == Status.DONE && i.kind().countsAsTaskDone()).count();
        int behind = (int) at.stream().filter(i -> i.total().status() == Status.BEHIND).count();
        return new Snapshot.LevelSummary(items, at.size(), scored, on, done, behind);
    }

    /** An indicator of a snapshot by its code. */
    public static Optional<SnapshotIndicator> find(Snapshot s, String code) {
        return s.indicators().stream().filter(i -> i.code().equals(code)).findFirst();
    }
}
