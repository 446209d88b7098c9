package bulletin.ingest;

import bulletin.diag.Place;
import bulletin.diag.Problem;
import bulletin.diag.Problems;
import bulletin.model.FormContract;
import bulletin.model.Indicator;
import bulletin.model.IndicatorModel;
import bulletin.model.MonthReports;
import bulletin.model.MonthlyReport;
import bulletin.model.ReportEntry;
import bulletin.text.Text;
import bulletin.workspace.Workspace;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

/**
 * Reads the monthly workbooks in {@code progress/YYYY-MM/} into monthly reports. Columns are found by their
 * header words (指标/编码, 累计完成, 形象进度, 进展, 问题), the reporter from the form's hidden sheet, its
 * 填报单位 line or the file name. A workbook that cannot be read is named with the reason; the rest are
 * still read. Full validation is {@code bulletin validate}'s.
 */
public final class ProgressReader {

    /** What may follow "填报单位" before the name: a note such as "（盖章）", a colon. */
    private static final Pattern LABEL_END = Pattern.compile("^(?:[（(][^）)]*[）)])?[:：]?");

    private ProgressReader() {
    }

    public static MonthReports read(Workspace ws, IndicatorModel model, YearMonth month) {
        Path dir = ws.progressDir(month);
        Problems problems = new Problems();
        List<MonthlyReport> reports = new ArrayList<>();
        List<String> files = new ArrayList<>();
        if (!Files.isDirectory(dir)) {
            return new MonthReports(month, reports, problems, files);
        }
        List<Path> paths;
        try {
            paths = Workbooks.list(dir, ws::show, problems);
        } catch (IOException e) {
            problems.error("unreadable-folder", Place.file(ws.show(dir)), "无法读取文件夹（" + e.getMessage() + "）");
            return new MonthReports(month, reports, problems, files);
        }
        // Workbooks are independent: read them on every core, then take them in file order.
        record Read(String shown, Problems problems, Optional<MonthlyReport> report) {
        }
        List<Read> all = paths.parallelStream().map(p -> {
            String shown = ws.show(p);
            Problems own = new Problems();
            return new Read(shown, own, readOne(p, shown, model, month, own));
        }).toList();
        Map<String, String> seen = new HashMap<>();
        for (Read one : all) {
            String shown = one.shown();
            files.add(shown);
            problems.addAll(one.problems());
            Optional<MonthlyReport> r = one.report();
            if (r.isEmpty()) {
                continue;
            }
            String first = seen.putIfAbsent(r.get().reporter(), shown);
            if (first != null) {
                problems.error("unique-error", Place.file(shown), "与 " + first + " 是同一单位（"
                        + r.get().reporter() + "）的报表；只采用了 " + first + "，请删除多余的一份");
                continue;
            }
            reports.add(r.get());
        }
        List<String> order = new ArrayList<>(model.units());
        order.addAll(model.departments());
        reports.sort(java.util.Comparator.comparingInt(r -> {
            int i = order.indexOf(r.reporter());
            return i < 0 ? Integer.MAX_VALUE : i;
        }));
        return new MonthReports(month, reports, problems, files);
    }

    /** The columns of a form, found by their header words; -1 where absent. */
    public record Columns(int code, int name, int target, int done, int percent, int note, int problem) {
    }

    /**
     * A form's hidden sheet ({@link FormContract}): the values of its entries by key, the cell each value is in,
     * and the codes of its indicator rows in order. Empty for a workbook without the sheet.
     */
    public record Meta(Map<String, String> values, Map<String, Place> cells, List<String> codes) {

        /** The value of {@code key}, or null where the form has none. */
        public String get(String key) {
            return values.get(key);
        }

        /** The cell holding {@code key}'s value, or null where the form has none. */
        public Place cell(String key) {
            return cells.get(key);
        }
    }

    /**
     * How a form names its reporter: the text as written, where it was read ({@code where}, in words: the hidden
     * sheet, the 填报单位 line, the file name) and the cell or file ({@code at}), and whether it matched a reporter
     * of the tables only once normalised ({@link Text#unitKey}: invisible characters, an ending such as 办事处).
     */
    public record ReporterFound(String text, String where, Place at, boolean normalised) {
    }

    /**
     * A workbook understood as a monthly form: its hidden information, its grid, where things are. Its
     * {@code reporter} is the name as the tables spell it where the form's text matched one, else that text.
     */
    public record Form(String file, Meta meta, Grid grid, int headerRow, Columns columns,
                       String reporter, Map<Integer, String> codeRows, List<String> hiddenSheetsWithValues,
                       ReporterFound reporterFound) {
    }

    /**
     * Opens a workbook and finds the form in it. Problems (unreadable file, no form sheet, unknown reporter) are
     * added to {@code problems}; empty means it could not be used.
     */
    public static Optional<Form> parse(Path file, String shown, IndicatorModel model, Problems problems) {
        Place place = Place.file(shown);
        try {
            List<XlsxReader.SheetData> sheets = Workbooks.sheets(file, shown);
            Meta meta = meta(sheets);
            Grid grid = null;
            int headerRow = -1;
            List<String> hiddenWithValues = new ArrayList<>();
            List<Grid> candidates = new ArrayList<>();
            List<Integer> headers = new ArrayList<>();
            for (XlsxReader.SheetData s : sheets) {
                Grid g = s.grid();
                if (s.hidden()) {
                    if (!s.name().equals(FormContract.META_SHEET) && hasValues(g)) {
                        hiddenWithValues.add(s.name());
                    }
                    continue;
                }
                int h = findHeader(g);
                if (h >= 0) {
                    candidates.add(g);
                    headers.add(h);
                }
            }
            if (candidates.isEmpty()) {
                problems.error("no-form-sheet", place, "找不到填报表：没有一张工作表的表头同时含“指标”和“累计完成”或“形象进度”");
                return Optional.empty();
            }
            if (candidates.size() > 1) {
                // A unit's draft or last month's copy kept beside the form: which one holds this month's figures
                // is the unit's to say, never the reader's to guess by the order of the sheets.
                List<String> names = candidates.stream().map(g -> "“" + Text.visible(g.place().sheet()) + "”").toList();
                Grid first = candidates.get(0);
                problems.add(Problem.error("ambiguous-sheet", first.place(headers.get(0), 0), "工作簿中有 "
                        + candidates.size() + " 张工作表都像填报表（" + String.join("、", names) + "），无法确定哪一张是本月的"
                        + "填报表，一张也没有读取：请删除或移出多余的工作表（如旧月份的底稿、副本）后重新保存")
                        .with(String.join("、", names), "只有一张填报表"));
                return Optional.empty();
            }
            grid = candidates.get(0);
            headerRow = headers.get(0);
            Resolved who = reporter(meta, grid, headerRow, file, shown, model);
            if (who == null) {
                problems.error("unknown-reporter", place, "看不出是哪个单位的报表：表中没有“填报单位：”，"
                        + "文件名中也没有指标表中的单位名称");
                return Optional.empty();
            }
            Columns cols = columns(grid, headerRow, problems);
            Map<Integer, String> rows = codeRows(grid, headerRow, cols, model, problems);
            grid.forgetCompacted(); // the header search is over; the form may be kept for its month's checks
            return Optional.of(new Form(shown, meta, grid, headerRow, cols, who.name(), rows, hiddenWithValues,
                    who.found()));
        } catch (Workbooks.Unreadable e) {
            problems.error("unreadable-workbook", place, e.getMessage());
            return Optional.empty();
        } catch (RuntimeException e) {
            if (bulletin.diag.Defects.isDefect(e)) {
                throw e; // a mistake in this program, not the file's: Main says so (exit 70)
            }
            problems.error("unreadable-workbook", place, "读取时出错，文件可能已损坏（" + e.getClass().getSimpleName() + "）");
            return Optional.empty();
        }
    }

    /** The form's rows by their indicator code: the code cell's, or the indicator whose name the row gives. */
    private static Map<Integer, String> codeRows(Grid grid, int headerRow, Columns cols, IndicatorModel model,
                                                 Problems problems) {
        Map<Integer, String> rows = new LinkedHashMap<>();
        Map<String, String> codeByName = null; // built on the first row without a code, once per workbook
        for (int r = headerRow + 1; r < grid.rows(); r++) {
            if (grid.isBlankRow(r)) {
                continue;
            }
            if (cols.code() >= 0 && grid.value(r, cols.code()).kind() == Grid.Kind.DAMAGED) {
                // The row's code is lost: its indicator is reported missing, and here is why.
                problems.add(Problem.error("damaged-cell", grid.place(r, cols.code()), "指标编码所在的单元格内容"
                        + "无法读取（文件中它指向的文字不存在，文件可能已损坏），这一行无法对应到指标：请在 Excel/WPS 中"
                        + "重新填写并保存").with("", "指标编码"));
            }
            String c = cols.code() >= 0 ? Text.compact(grid.text(r, cols.code())) : ""; // once per row: not kept
            if (c.isEmpty() && cols.name() >= 0) {
                if (codeByName == null) {
                    codeByName = codesByName(model);
                }
                c = byName(codeByName, grid.text(r, cols.name()));
            }
            if (!c.isEmpty()) {
                rows.put(r, c);
            }
        }
        return rows;
    }

    private static boolean hasValues(Grid g) {
        for (int r = 0; r < g.rows(); r++) {
            if (!g.isBlankRow(r)) {
                return true;
            }
        }
        return false;
    }

    /** Reads one workbook; problems are added to {@code problems}, and empty means it could not be used. */
    public static Optional<MonthlyReport> readOne(Path file, String shown, IndicatorModel model, YearMonth month,
                                                  Problems problems) {
        Optional<Form> parsed = parse(file, shown, model, problems);
        if (parsed.isEmpty()) {
            return Optional.empty();
        }
        Form form = parsed.get();
        String formMonth = form.meta().get(FormContract.KEY_MONTH);
        if (formMonth != null) {
            try {
                YearMonth ym = YearMonth.parse(formMonth);
                if (!ym.equals(month)) {
                    problems.add(Problem.error("form-mismatch", Place.file(shown), "这是 " + ym.getYear() + "年" + ym.getMonthValue()
                            + "月的填报表，却放在 " + month + " 的文件夹中").with(formMonth, month.toString()));
                }
            } catch (DateTimeParseException e) {
                problems.add(Problem.error("form-mismatch", Place.file(shown), "隐藏的表单信息中的月份不可读")
                        .with(formMonth, "YYYY-MM"));
            }
        }
        checkFingerprint(form, model, problems);
        return Optional.of(new MonthlyReport(form.reporter(), month, shown, form.meta().get(FormContract.KEY_VERSION),
                entries(form, problems)));
    }

    /**
     * Checks that a form was made from the targets as they are now: where the fingerprint in its hidden sheet is
     * not the one the current tables give its reporter, a warning ({@code form-outdated}) at that cell. A form
     * without a fingerprint (made by hand, or by an older version), of another form version or of a reporter the
     * tables do not know is not checked here.
     */
    public static void checkFingerprint(Form form, IndicatorModel model, Problems problems) {
        Meta meta = form.meta();
        String found = meta.get(FormContract.KEY_FINGERPRINT);
        String reporter = form.reporter();
        if (found == null || !FormContract.VERSION.equals(meta.get(FormContract.KEY_VERSION))
                || !(model.units().contains(reporter) || model.departments().contains(reporter))) {
            return;
        }
        String expected = fingerprint(model, reporter);
        if (found.equals(expected)) {
            return;
        }
        problems.add(Problem.warning("form-outdated", meta.cell(FormContract.KEY_FINGERPRINT),
                outdated(meta, model, reporter)).with(found, expected));
    }

    /** The fingerprints of the last model asked about, by reporter (each reporter's is asked once a month). */
    private record Fingerprints(IndicatorModel model, ConcurrentHashMap<String, String> by) {
    }

    private static volatile Fingerprints fingerprints = new Fingerprints(null, new ConcurrentHashMap<>());

    /** {@link FormContract#fingerprint}, worked out once per model (the same object) and reporter. */
    private static String fingerprint(IndicatorModel model, String reporter) {
        Fingerprints f = fingerprints;
        if (f.model() != model) {
            f = new Fingerprints(model, new ConcurrentHashMap<>());
            fingerprints = f;
        }
        return f.by().computeIfAbsent(reporter, r -> FormContract.fingerprint(model, r));
    }

    /**
     * The message for an outdated form: what changed, as far as the codes it lists tell (where its indicator rows
     * are all there: as many as its {@code codes} entry says). Where the indicators changed, a row may now stand
     * for another indicator (codes are numbered in order), so the form must be made again; where only targets or
     * kinds changed, the figures may still stand.
     */
    private static String outdated(Meta meta, IndicatorModel model, String reporter) {
        List<String> listed = String.valueOf(meta.codes().size()).equals(meta.get(FormContract.KEY_CODES))
                ? meta.codes() : null;
        List<String> now = model.indicatorsFor(reporter).stream().map(Indicator::code).toList();
        List<String> added = listed == null ? List.of() : now.stream().filter(c -> !listed.contains(c)).toList();
        List<String> gone = listed == null ? List.of() : listed.stream().filter(c -> !now.contains(c)).toList();
        if (added.isEmpty() && gone.isEmpty()) {
            return "这份填报表生成后，指标表中本单位的" + (listed == null ? "指标、目标或填报方式" : "目标或填报方式")
                    + "有改动（表中隐藏的校验码与按现在的指标表算出的不同）：请核对填报的数字是否仍然适用，"
                    + "或用 bulletin template 重新生成填报表后下发";
        }
        List<String> which = new ArrayList<>();
        if (!added.isEmpty()) {
            which.add("新增编码 " + String.join("、", added));
        }
        if (!gone.isEmpty()) {
            which.add("不再有编码 " + String.join("、", gone));
        }
        return "这份填报表生成后，指标表中本单位的指标有增减：填报表中 " + listed.size() + " 项，现在 " + now.size() + " 项（"
                + String.join("；", which) + "）。编码按顺序编排，表中的行可能已对不上原来的指标：请用 bulletin template "
                + "重新生成填报表后下发，并核对填报的数字";
    }

    private static Meta meta(List<XlsxReader.SheetData> sheets) {
        Map<String, String> values = new HashMap<>();
        Map<String, Place> cells = new HashMap<>();
        List<String> codes = new ArrayList<>();
        for (XlsxReader.SheetData s : sheets) {
            if (!s.name().equals(FormContract.META_SHEET)) {
                continue;
            }
            Grid g = s.grid();
            for (int r = 0; r < g.rows(); r++) {
                String k = g.text(r, 0);
                String v = g.text(r, 1);
                if (FormContract.isCodeRow(k)) {
                    codes.add(k);
                } else if (!k.isEmpty() && !v.isEmpty()) {
                    values.put(k, v);
                    cells.put(k, g.place(r, 1));
                }
            }
        }
        return new Meta(values, cells, codes);
    }

    private static int findHeader(Grid g) {
        for (int r = 0; r < Math.min(g.rows(), 30); r++) {
            // Header cells are short: the instructions above the table mention the same words in a sentence.
            boolean name = Headers.find(g, r, t -> t.length() <= 10 && (t.contains("指标") || t.equals("编码")))
                    .isPresent();
            boolean value = Headers.find(g, r, t -> t.length() <= 12 && (t.contains("累计完成") || t.contains("形象进度")))
                    .isPresent();
            if (name && value) {
                return r;
            }
        }
        return -1;
    }

    /** A reporter as named by a form: the name as the tables spell it (or the text, where none matched). */
    private record Resolved(String name, ReporterFound found) {
    }

    /**
     * Who a form is from: the hidden sheet's entry, else the text after "填报单位" above the header, else the first
     * reporter of the tables that the file name contains; null where none says.
     */
    private static Resolved reporter(Meta meta, Grid g, int headerRow, Path file, String shown, IndicatorModel model) {
        String m = meta.get(FormContract.KEY_REPORTER);
        if (m != null && !Text.unitKey(m).isEmpty()) {
            return resolve(m.trim(), "隐藏的表单信息", meta.cell(FormContract.KEY_REPORTER), model);
        }
        for (int r = 0; r < headerRow; r++) {
            for (int c = 0; c < g.cols(); c++) {
                var region = g.region(r, c);
                String t = g.compactText(r, c);
                int i = t.indexOf("填报单位");
                if (i >= 0 && (region == null || region.getFirstColumn() == c)) {
                    String rest = LABEL_END.matcher(t.substring(i + 4)).replaceFirst("");
                    if (!Text.unitKey(rest).isEmpty()) {
                        return resolve(rest, "“填报单位”一栏", g.place(r, c), model);
                    }
                }
            }
        }
        String name = file.getFileName().toString();
        String bare = Text.stripInvisible(Text.compact(name));
        for (String u : model.namesLongestFirst()) {
            if (name.contains(u) || bare.contains(u)) {
                return new Resolved(u, new ReporterFound(name, "文件名", Place.file(shown), !name.contains(u)));
            }
        }
        return null;
    }

    /**
     * The reporter of the tables that {@code text} names: the one spelt so, else the only one that is the same once
     * both are normalised ({@link Text#unitKey}); where none (or more than one) is, the text itself. A difference
     * of white space alone is no normalising worth a word: headers wrap names.
     */
    private static Resolved resolve(String text, String where, Place at, IndicatorModel model) {
        List<String> known = model.namesLongestFirst();
        int exact = known.indexOf(text);
        if (exact >= 0) {
            // the tables' own string: the checks look the reporter up in every indicator's targets by it
            return new Resolved(known.get(exact), new ReporterFound(text, where, at, false));
        }
        String key = Text.unitKey(text);
        List<String> same = known.stream().filter(k -> Text.unitKey(k).equals(key)).toList();
        if (same.size() == 1) {
            String name = same.get(0);
            return new Resolved(name, new ReporterFound(text, where, at, !Text.compact(text).equals(name)));
        }
        return new Resolved(text, new ReporterFound(text, where, at, false));
    }

    /** The header words of the figure columns as {@code template} writes them (compacted). */
    static final List<String> DONE_HEADERS = List.of("累计完成");
    static final List<String> PERCENT_HEADERS = List.of("形象进度（%）", "形象进度(%)", "形象进度");

    /**
     * The columns of the header row {@code h}. A figure column is the one whose header holds its word (累计完成,
     * 形象进度), the one headed exactly as the form's contract writes it where there are several; but where more
     * than one header holds the word (a column 上月累计完成 inserted beside 累计完成, a copied column), which one
     * holds this month's figures is not for the reader to guess: {@code ambiguous-column}, naming the cells.
     * A helper column whose header does not hold the word (上月累计, 自查) is never a figure column.
     */
    static Columns columns(Grid g, int h, Problems problems) {
        return new Columns(
                Headers.find(g, h, own(t -> t.equals("编码") || t.equals("指标编码"))).orElse(-1),
                Headers.find(g, h, own(t -> t.equals("指标") || t.equals("指标名称") || t.equals("指标任务"))).orElse(-1),
                Headers.find(g, h, own(t -> t.length() <= 8 && t.contains("目标"))).orElse(-1),
                figureColumn(g, h, "累计完成", DONE_HEADERS, problems),
                figureColumn(g, h, "形象进度", PERCENT_HEADERS, problems),
                Headers.find(g, h, own(t -> t.length() <= 8 && t.contains("进展"))).orElse(-1),
                Headers.find(g, h, own(t -> t.length() <= 8 && t.contains("问题"))).orElse(-1));
    }

    /**
     * A header test that never matches a helper column of the form's contract ({@link FormContract#HELPER_HEADERS}:
     * 上月累计, 自查): the reader takes no figure and no word from them, wherever they stand.
     */
    private static java.util.function.Predicate<String> own(java.util.function.Predicate<String> test) {
        return t -> !FormContract.isHelperHeader(t) && test.test(t);
    }

    /** The column of a figure: see {@link #columns(Grid, int, Problems)}; -1 where none. */
    private static int figureColumn(Grid g, int h, String word, List<String> exact, Problems problems) {
        List<Integer> all = Headers.findAll(g, h, own(t -> t.contains(word)));
        if (all.isEmpty()) {
            return -1;
        }
        int chosen = all.stream().filter(c -> exact.contains(g.compactText(h, c))).findFirst()
                .orElse(all.get(0));
        if (all.size() > 1) {
            List<String> cells = all.stream().map(c -> g.place(h, c).cell() + "“" + Text.visible(Text.compact(
                    g.text(h, c))) + "”").toList();
            int other = all.stream().filter(c -> c != chosen).findFirst().orElseThrow();
            problems.add(Problem.error("ambiguous-column", g.place(h, other), "表头中有 " + all.size() + " 列含“" + word
                    + "”（" + String.join("、", cells) + "），无法确定哪一列是本月的数字，这份报表不能采用：请删除多余的列"
                    + "（如保留的上月数字）后重新保存").with(String.join("、", cells), "只有一列“" + exact.get(0) + "”"));
        }
        return chosen;
    }

    /**
     * The report of a form that was checked already ({@code validate}'s rules): its entries with the cells they
     * come from; {@code excluded} names the indicators whose figures were left out as wrong. The checks' problems
     * are not repeated here.
     */
    public static MonthlyReport report(Form form, YearMonth month, java.util.Set<String> excluded) {
        Map<String, ReportEntry> entries = entries(form, new Problems()); // a map of its own: MonthlyReport copies it
        excluded.forEach(entries::remove);
        return new MonthlyReport(form.reporter(), month, form.file(), form.meta().get(FormContract.KEY_VERSION),
                entries, excluded);
    }

    private static Map<String, ReportEntry> entries(Form form, Problems problems) {
        Grid g = form.grid();
        Columns cols = form.columns();
        Map<String, ReportEntry> out = new LinkedHashMap<>();
        Place sheet = g.place();
        // The sheet and the columns, shared by the form's entries: each entry's place and cells are made from them
        // and its row when asked for (ReportEntry).
        ReportEntry.Cells cells = new ReportEntry.Cells(sheet.file(), sheet.sheet(), cols.code(), cols.done(),
                cols.percent(), cols.note(), cols.problem());
        for (var e : form.codeRows().entrySet()) {
            int r = e.getKey();
            String c = e.getValue();
            BigDecimal d = cols.done() >= 0 ? figure(g, r, cols.done(), false, problems) : null;
            BigDecimal p = cols.percent() >= 0 ? figure(g, r, cols.percent(), true, problems) : null;
            String n = cols.note() >= 0 ? emptyToNull(g.text(r, cols.note())) : null;
            String q = cols.problem() >= 0 ? emptyToNull(g.text(r, cols.problem())) : null;
            out.putIfAbsent(c, new ReportEntry(c, d, p, n, q, cells, r));
        }
        return out;
    }

    /** Each indicator's compacted name to its code (the first indicator of a name wins, as in the tables' order). */
    private static Map<String, String> codesByName(IndicatorModel model) {
        Map<String, String> m = new HashMap<>();
        for (Indicator i : model.indicators()) {
            m.putIfAbsent(Text.compact(i.name()), i.code());
        }
        return m;
    }

    private static String byName(Map<String, String> codeByName, String text) {
        String t = Text.compact(Text.stripEnumerator(text));
        if (t.isEmpty()) {
            return "";
        }
        return codeByName.getOrDefault(t, "");
    }

    /**
     * A figure cell of a form read as the rules read it: through {@link Figures}, except that a cell inside a
     * merged range of more than one cell (two indicators' inputs merged, F17:F18) has no figure of its own to
     * give: the range shows its first cell's value in every cell, so the second indicator would take the first
     * one's figure. It is refused ({@code merged-input}, naming the range), for every cell of the range.
     */
    public static Figures.Reading reading(Grid g, int r, int c, boolean percent) {
        org.apache.poi.ss.util.CellRangeAddress region = g.region(r, c);
        if (region != null && region.getNumberOfCells() > 1) {
            return new Figures.Reading(null, List.of(new Figures.Issue(bulletin.diag.Severity.ERROR, "merged-input",
                    "填报的单元格被合并了（" + region.formatAsString() + "）：合并后每一格显示的都是第一格的数字，"
                    + "看不出这一行自己的数字，不予采用：请取消合并，在每一行填写各自的数字", "未合并的单元格")));
        }
        return Figures.read(g.value(r, c), percent);
    }

    /** A figure from a cell through {@link #reading}: its warnings and errors become problems at the cell. */
    private static BigDecimal figure(Grid g, int r, int c, boolean percent, Problems problems) {
        Figures.Reading reading = reading(g, r, c, percent);
        if (reading.issues().isEmpty()) {
            return reading.value();
        }
        for (Figures.Issue i : reading.issues()) {
            Place at = g.place(r, c);
            problems.add(new Problem(i.severity(), i.code(), at.file(), at.sheet(), at.cell(),
                    i.message(), i.code().equals("merged-input") ? null : g.text(r, c), i.expected()));
        }
        return reading.value();
    }

    private static String emptyToNull(String s) {
        return s == null || s.isBlank() ? null : s;
    }
}
