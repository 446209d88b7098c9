package bulletin.validate;

import bulletin.diag.Place;
import bulletin.diag.Problem;
import bulletin.diag.Problems;
import bulletin.diag.Tasks;
import bulletin.diag.Severity;
import bulletin.ingest.ProgressReader;
import bulletin.ingest.Workbooks;
import bulletin.model.Indicator;
import bulletin.model.IndicatorModel;
import bulletin.model.MonthlyReport;
import bulletin.model.ReportEntry;
import bulletin.model.Snapshot;
import bulletin.workspace.Workspace;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.FutureTask;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReferenceArray;
import java.util.function.Supplier;

/**
 * One month's returned workbooks, judged by the one rule set that both {@code validate --month} and
 * {@code generate} apply: each workbook's checks ({@link Validator}), two workbooks of one reporter, the units
 * that sent none. {@link #accepted()} gives what {@code generate --skip-invalid} may use, and what it leaves out.
 *
 * @param files   each workbook's check, in file order
 * @param general findings about the month as a whole (a reporter twice, units missing)
 * @param platform the month's platform counts ({@code platform/YYYY-MM.xlsx}) checked, or null where there are none
 * @param fileUnits for each workbook holding another unit's form, the unit its file name says (the one that sent
 *                  it, and whose workbook it counts as)
 */
public record MonthCheck(YearMonth month, List<Validator.Checked> files, List<Problem> general,
                         PlatformCheck platform, Map<String, String> fileUnits) {

    /** What the reports of a month are made of once wrong figures and workbooks are left out. */
    public record Accepted(List<MonthlyReport> reports, List<Snapshot.Excluded> excluded) {
    }

    /**
     * Checks every workbook in {@code progress/YYYY-MM/}; a missing folder is a month with no workbook.
     *
     * @param lastMonth last month's figures by reporter, as last month's bulletin published them (or as its month
     *                  is computed again where it has no snapshot): asked for only where the month has workbooks
     * @param platform  whether to check the month's platform counts too (the published month; not a month
     *                  computed again for history, which has no use for them)
     */
    public static MonthCheck run(Workspace ws, IndicatorModel model, YearMonth month,
                                 Supplier<Map<String, MonthlyReport>> lastMonth, boolean platform) {
        return run(Reading.of(ws, model, month), ws, model, lastMonth, platform);
    }

    /**
     * {@link #run(Workspace, IndicatorModel, YearMonth, Supplier, boolean)} of a month whose workbooks may be read
     * ahead ({@link Reading#readAhead}, while {@code lastMonth} is worked out): what was not read yet is read here.
     */
    public static MonthCheck run(Reading reading, Workspace ws, IndicatorModel model,
                                 Supplier<Map<String, MonthlyReport>> lastMonth, boolean platform) {
        YearMonth month = reading.month();
        List<Problem> general = new ArrayList<>(reading.listed);
        List<Path> paths = reading.paths();
        Map<String, MonthlyReport> previous = paths.isEmpty() ? Map.of() : lastMonth.get();
        reading.take();
        // Workbooks are independent: checked on every core, reported in file order.
        List<Validator.Checked> checked = java.util.stream.IntStream.range(0, paths.size()).parallel()
                .mapToObj(i -> Validator.workbook(reading.read(i), model, month, (m, who) -> previous.get(who)))
                .toList();
        if (paths.isEmpty() && general.stream().noneMatch(p -> p.code().equals("unreadable-folder"))) {
            general.add(Problem.error("no-workbook", Place.file(ws.show(ws.progressDir(month)) + "/"),
                    ws.show(ws.progressDir(month)) + "/ 中没有可读的报表（.xlsx）：各单位报来的填报表应放在这里"));
        }
        Map<String, String> fileUnits = new LinkedHashMap<>();
        checked = judge(checked, model, previous, paths, fileUnits);
        general.addAll(duplicates(checked, fileUnits));
        general.addAll(missing(ws, model, month, checked, fileUnits));
        return new MonthCheck(month, checked, general, platform ? PlatformCheck.run(ws, model, month) : null,
                fileUnits);
    }

    /**
     * The month-level rules on each workbook that its own check cannot know: a form of another unit than its file
     * name says ({@code sender-mismatch}), and a blank where last month had a figure ({@code missing-figure}).
     * {@code fileUnits} receives, for each workbook of another unit's form, the unit its file name says.
     */
    public static List<Validator.Checked> judge(List<Validator.Checked> checked, IndicatorModel model,
                                                Map<String, MonthlyReport> previous, List<Path> paths,
                                                Map<String, String> fileUnits) {
        // Each workbook judged on every core (the rules read only its form and last month's figures), then taken in
        // file order.
        List<Judged> judged = java.util.stream.IntStream.range(0, checked.size()).parallel()
                .mapToObj(i -> judge(checked.get(i), model, previous, i < paths.size() ? paths.get(i) : null))
                .toList();
        List<Validator.Checked> out = new ArrayList<>();
        for (Judged j : judged) {
            if (j.named() != null) {
                fileUnits.put(j.checked().file(), j.named());
            }
            out.add(j.checked());
        }
        return out;
    }

    /** A workbook's check with the month-level rules' findings, and the unit its file name says where another. */
    private record Judged(Validator.Checked checked, String named) {
    }

    /** {@link #judge(List, IndicatorModel, Map, List, Map)} of one workbook ({@code path} null where not known). */
    private static Judged judge(Validator.Checked c, IndicatorModel model, Map<String, MonthlyReport> previous,
                                Path path) {
        if (c.form() == null) {
            return new Judged(c, null);
        }
        List<Problem> more = new ArrayList<>(c.problems());
        String named = path != null ? FigureRules.unitOfFileName(path, model, c.reporter()) : null;
        if (named != null) {
            more.add(FigureRules.unitMismatch(c, named));
        }
        more.addAll(FigureRules.missingFigures(c, model, previous.get(c.reporter()), more));
        more.addAll(FigureRules.falls(c, model, previous.get(c.reporter()), more));
        return new Judged(more.size() == c.problems().size() ? c
                : new Validator.Checked(c.file(), c.reporter(), c.form(), List.copyOf(more)), named);
    }

    /**
     * What {@code run(ws, model, month, lastMonth, false).accepted(false)} gives, for a month computed again for
     * history: each workbook read, checked, judged and made into its report in one step on every core, so that its
     * form is let go at once (no month's forms kept until the month is judged) and the month has one barrier
     * instead of three. The same rules in the same order: {@link Validator#workbook}, {@link #judge(Validator.Checked,
     * IndicatorModel, Map, Path)}, and each workbook's share of {@link #accepted(boolean)}, a reporter's second
     * workbook left out with its first once all are known.
     */
    public static Accepted history(Workspace ws, IndicatorModel model, YearMonth month,
                                   Supplier<Map<String, MonthlyReport>> lastMonth) {
        return history(Reading.of(ws, model, month), model, lastMonth);
    }

    /**
     * {@link #history(Workspace, IndicatorModel, YearMonth, Supplier)} of a month whose workbooks may have been
     * read ahead ({@link Reading#readAhead}): what was not read yet is read here, on every core.
     */
    public static Accepted history(Reading reading, IndicatorModel model,
                                   Supplier<Map<String, MonthlyReport>> lastMonth) {
        YearMonth month = reading.month();
        List<Path> paths = reading.paths();
        Map<String, MonthlyReport> previous = paths.isEmpty() ? Map.of() : lastMonth.get();
        reading.take();
        record One(String file, String reporter, boolean sent, Accepted alone) {
        }
        List<One> all = java.util.stream.IntStream.range(0, paths.size()).parallel().mapToObj(i -> {
            Path p = paths.get(i);
            Judged j = judge(Validator.workbook(reading.read(i), model, month, (m, who) -> previous.get(who)), model,
                    previous, p);
            Validator.Checked c = j.checked();
            Accepted alone = j.named() != null ? sentByAnother(c, j.named()) : accepted(c, month, false);
            return new One(c.file(), c.reporter(), j.named() != null, alone);
        }).toList();
        // A reporter's two workbooks (neither another unit's form): both left out, as duplicatedFiles() finds them.
        Map<String, Integer> ownForms = new HashMap<>();
        all.stream().filter(o -> o.reporter() != null && !o.sent())
                .forEach(o -> ownForms.merge(o.reporter(), 1, Integer::sum));
        List<MonthlyReport> reports = new ArrayList<>();
        List<Snapshot.Excluded> excluded = new ArrayList<>();
        for (One o : all) {
            Accepted a = o.alone();
            if (!o.sent() && o.reporter() != null && ownForms.get(o.reporter()) > 1) {
                long sent = all.stream().filter(x -> o.reporter().equals(x.reporter())).count();
                a = twice(o.file(), o.reporter(), sent);
            }
            reports.addAll(a.reports());
            excluded.addAll(a.excluded());
        }
        return new Accepted(reports, excluded);
    }

    /**
     * A month's workbooks to be read to their forms ({@link Validator#read}), which do not depend on last month: a
     * thread may read them ahead ({@link #readAhead}, in file order) while last month is still being judged and
     * computed, until the month is {@linkplain #take taken}; then whoever asks for a workbook not yet read reads it.
     * Each workbook is read once, by one thread, whichever asks first; the result is the same either way.
     */
    public static final class Reading {
        private final YearMonth month;
        private final List<Path> paths;
        /** Each workbook's reading, until it is taken (then null: its form is let go once it is judged). */
        private final AtomicReferenceArray<FutureTask<Validator.Read>> reads;
        /** What listing the folder found (files skipped, a folder that cannot be read), for the month's check. */
        private final List<Problem> listed;
        private volatile boolean taken;
        private final AtomicBoolean started = new AtomicBoolean();

        private Reading(YearMonth month, List<Path> paths,
                        List<FutureTask<Validator.Read>> reads, List<Problem> listed) {
            this.month = month;
            this.paths = paths;
            this.reads = new AtomicReferenceArray<>(reads.size());
            for (int i = 0; i < reads.size(); i++) {
                this.reads.set(i, reads.get(i));
            }
            this.listed = listed;
        }

        /** The month's workbooks listed (none where the folder is missing or cannot be read), none read yet. */
        public static Reading of(Workspace ws, IndicatorModel model, YearMonth month) {
            List<Problem> listed = new ArrayList<>();
            List<Path> paths = workbooks(ws, month, listed);
            return new Reading(month, paths, paths.stream().map(p -> new FutureTask<>(
                    () -> Validator.read(p, ws.show(p), model))).toList(), List.copyOf(listed));
        }

        /**
         * Reads ahead ({@link #readAhead}) on a thread of its own, once (a second call does nothing), unless the month
         * is taken already.
         */
        public void startReadingAhead() {
            if (taken || paths.isEmpty() || !started.compareAndSet(false, true)) {
                return;
            }
            Tasks.ahead("read-ahead-" + month, this::readAhead);
        }

        public YearMonth month() {
            return month;
        }

        List<Path> paths() {
            return paths;
        }

        /** Reads the workbooks in file order until the month is taken (then each reader reads its own). */
        public void readAhead() {
            for (int i = 0; i < reads.length(); i++) {
                FutureTask<Validator.Read> r = reads.get(i);
                if (taken) {
                    return;
                }
                if (r != null) {
                    r.run();
                }
            }
        }

        /** The month's checks begin: reading ahead stops after the workbook it is reading. */
        void take() {
            taken = true;
        }

        /** Workbook {@code i} read: here, unless it has been (or is being) read ahead. Once: it is let go then. */
        Validator.Read read(int i) {
            return Tasks.take(reads.getAndSet(i, null));
        }
    }

    /** The same check with the month's platform counts checked too. */
    public MonthCheck withPlatform(Workspace ws, IndicatorModel model) {
        return new MonthCheck(month, files, general, PlatformCheck.run(ws, model, month), fileUnits);
    }

    /** The verdict as {@code validate} prints it. */
    public ValidationResult verdict(boolean strict) {
        List<ValidationResult.FileResult> out = new ArrayList<>(files.stream()
                .map(c -> new ValidationResult.FileResult(c.file(), c.problems())).toList());
        if (platform != null) {
            out.add(new ValidationResult.FileResult(platform.file(), platform.problems()));
        }
        return new ValidationResult(month, out, general, strict);
    }

    /**
     * The reports to compute from, leaving out what is wrong: a workbook wrong as a whole (unreadable, another
     * unit's or month's form, one of two for a reporter: both) is left out whole, so its unit counts as not
     * reported; a wrong figure is left out alone, and the engine carries last month's for it. With {@code strict}
     * a warning leaves out what it is about as an error does.
     */
    public Accepted accepted(boolean strict) {
        Set<String> twice = duplicatedFiles();
        // Each workbook's share worked out on every core (a form's report is the costly part), taken in file order.
        List<Accepted> each = files.parallelStream().map(c -> accepted(c, strict, twice)).toList();
        List<MonthlyReport> reports = new ArrayList<>();
        List<Snapshot.Excluded> excluded = new ArrayList<>();
        for (Accepted a : each) {
            reports.addAll(a.reports());
            excluded.addAll(a.excluded());
        }
        return new Accepted(reports, excluded);
    }

    /** One workbook's share of {@link #accepted(boolean)}: its report, or what is left out and why. */
    private Accepted accepted(Validator.Checked c, boolean strict, Set<String> twice) {
        String sender = fileUnits.get(c.file());
        if (sender != null) { // another unit's form: left out whole, as the workbook of the unit that sent it
            return sentByAnother(c, sender);
        }
        if (twice.contains(c.file())) {
            return twice(c.file(), c.reporter(), files.stream().filter(x -> c.reporter().equals(x.reporter())).count());
        }
        return accepted(c, month, strict);
    }

    /** A workbook holding another unit's form, left out whole as the workbook of the unit that sent it. */
    private static Accepted sentByAnother(Validator.Checked c, String sender) {
        Problem why = c.problems().stream().filter(p -> p.code().equals(FigureRules.UNIT_MISMATCH)).findFirst()
                .orElseThrow();
        return new Accepted(List.of(), List.of(new Snapshot.Excluded(c.file(), sender, null, null, null,
                why.code(), why.message())));
    }

    /** One of a reporter's {@code sent} workbooks: left out, as each of them. */
    private static Accepted twice(String file, String reporter, long sent) {
        return new Accepted(List.of(), List.of(new Snapshot.Excluded(file, reporter, null, null, null,
                "unique-error", "报送了" + sent + "份报表，无法判断以哪份为准")));
    }

    /** A workbook of its own reporter's, the only one: its report without what is wrong, or left out whole. */
    private static Accepted accepted(Validator.Checked c, YearMonth month, boolean strict) {
        if (c.wrongAsAWhole(strict)) {
            Problem why = c.problems().stream().filter(p -> Validator.Checked.counts(p, strict) && p.indicator() == null)
                    .findFirst().orElse(Problem.error("unreadable-workbook", Place.file(c.file()), "无法读取"));
            return new Accepted(List.of(), List.of(new Snapshot.Excluded(c.file(), c.reporter(), null, null, null,
                    why.code(), why.message())));
        }
        Set<String> wrong = new LinkedHashSet<>();
        List<Snapshot.Excluded> excluded = new ArrayList<>();
        for (Problem p : c.problems()) {
            if (Validator.Checked.counts(p, strict) && p.indicator() != null && wrong.add(p.indicator())) {
                excluded.add(new Snapshot.Excluded(c.file(), c.reporter(), p.indicator(), p.sheet(), p.cell(),
                        p.code(), p.message()));
            }
        }
        return new Accepted(List.of(ProgressReader.report(c.form(), month, wrong)), excluded);
    }

    /** The files of reporters that sent more than one workbook. */
    private Set<String> duplicatedFiles() {
        Map<String, List<String>> byReporter = new LinkedHashMap<>();
        files.stream().filter(c -> c.reporter() != null && !fileUnits.containsKey(c.file()))
                .forEach(c -> byReporter.computeIfAbsent(c.reporter(), k -> new ArrayList<>()).add(c.file()));
        Set<String> out = new LinkedHashSet<>();
        byReporter.values().stream().filter(l -> l.size() > 1).forEach(out::addAll);
        return out;
    }

    private static List<Path> workbooks(Workspace ws, YearMonth month, List<Problem> general) {
        Path dir = ws.progressDir(month);
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try {
            Problems skipped = new Problems();
            List<Path> out = Workbooks.list(dir, ws::show, skipped);
            general.addAll(skipped.all());
            return out;
        } catch (IOException e) {
            general.add(Problem.error("unreadable-folder", Place.file(ws.show(dir)), "无法读取文件夹（" + e.getMessage()
                    + "）"));
            return List.of();
        }
    }

    /**
     * One reporter, two workbooks: neither can be taken over the other. A workbook of another unit's form (in
     * {@code fileUnits}) is that other unit's mistake, not a second workbook of the form's owner.
     */
    public static List<Problem> duplicates(List<Validator.Checked> checked, Map<String, String> fileUnits) {
        List<Problem> out = new ArrayList<>();
        Map<String, String> first = new LinkedHashMap<>();
        for (Validator.Checked c : checked) {
            if (c.reporter() == null || fileUnits.containsKey(c.file())) {
                continue;
            }
            String earlier = first.putIfAbsent(c.reporter(), c.file());
            if (earlier != null) {
                out.add(new Problem(Severity.ERROR, "unique-error", c.file(), null, null, "与 " + earlier + " 是同一单位（"
                        + c.reporter() + "）的报表：一个单位只能有一份，请删除或移走其中一份", c.reporter(), "每个单位一份"));
            }
        }
        return out;
    }

    private static List<Problem> missing(Workspace ws, IndicatorModel model, YearMonth month,
                                         List<Validator.Checked> checked, Map<String, String> fileUnits) {
        Set<String> reporters = new LinkedHashSet<>();
        // The unit that sent another's form did send a workbook (its error says what is wrong with it); the form's
        // owner did not, unless it sent its own.
        checked.forEach(c -> {
            String sender = fileUnits.get(c.file());
            if (sender != null || c.reporter() != null) {
                reporters.add(sender != null ? sender : c.reporter());
            }
        });
        List<Problem> out = new ArrayList<>();
        String dir = ws.show(ws.progressDir(month)) + "/";
        List<String> units = model.reporters().stream().filter(u -> !reporters.contains(u)).toList();
        if (!units.isEmpty()) {
            out.add(new Problem(Severity.WARNING, "missing-unit", dir, null, null, month.getMonthValue() + "月还没有收到 "
                    + units.size() + " 个单位的报表：" + String.join("、", units), null, String.join("、", units)));
        }
        List<String> depts = model.requiredDepartments().stream().filter(u -> !reporters.contains(u)).toList();
        if (!depts.isEmpty()) {
            out.add(new Problem(Severity.WARNING, "missing-unit", dir, null, null, "还没有收到牵头单位的报表："
                    + String.join("、", depts), null, String.join("、", depts)));
        }
        return out;
    }

    /**
     * Last month's figures by reporter, for the cumulative-decrease and missing-figure checks: what last month's
     * bulletin published ({@code snapshot}, carried figures included; or last month as computed again from its
     * workbooks by the same rules where it has no snapshot); empty where there is none. The published figure is
     * the one a reader compares with, and a workbook corrected after publication must not let a figure fall below
     * it.
     *
     * @param label how the messages name last month ("out/2026-05/bulletin.json，5月专报"), or null where it was
     *              computed again from its workbooks: each reporter's workbook of the month names it then
     */
    public static Map<String, MonthlyReport> lastMonth(Snapshot snapshot, IndicatorModel model, String label) {
        if (snapshot == null) {
            return Map.of();
        }
        return published(snapshot, model, YearMonth.of(snapshot.year(), snapshot.month()), label);
    }

    /** A snapshot's figures as each reporter's report: units' own, and the 全市 figure of a lead department. */
    private static Map<String, MonthlyReport> published(Snapshot s, IndicatorModel model, YearMonth month,
                                                        String label) {
        Map<String, Map<String, ReportEntry>> by = new LinkedHashMap<>();
        Map<String, String> files = new LinkedHashMap<>();
        for (Snapshot.SnapshotIndicator i : s.indicators()) {
            // A standard's figure the lead department applies city-wide is not the unit's own report.
            i.units().forEach((u, f) -> put(by, files, u, i.code(), i.appliedByLead(u) ? null : f));
            Indicator known = model.indicatorOrNull(i.code());
            boolean byLead = known != null && known.reportedByLeadUnit();
            if (byLead && i.leadUnit() != null) {
                put(by, files, i.leadUnit(), i.code(), i.total());
            }
        }
        Map<String, MonthlyReport> out = new LinkedHashMap<>();
        // A month computed again is named by the reporter's own workbook of that month, where it has one.
        String computed = month.getMonthValue() + "月";
        by.forEach((who, entries) -> out.put(who, new MonthlyReport(who, month, label != null ? label
                : files.containsKey(who) ? files.get(who) + "，" + computed : computed, null, entries)));
        return out;
    }

    private static void put(Map<String, Map<String, ReportEntry>> by, Map<String, String> files, String who,
                            String code, Snapshot.Figure f) {
        // (a reporter's first file is all that is kept: the figures' sources are not visited once it is known)
        if (f != null && !f.carried() && f.source() != null && !files.containsKey(who) && f.source().file() != null) {
            files.put(who, f.source().file());
        }
        if (f != null && (f.done() != null || f.percent() != null)) {
            by.computeIfAbsent(who, k -> new LinkedHashMap<>())
                    .put(code, new ReportEntry(code, f.done(), f.percent(), null, null, null));
        }
    }
}
