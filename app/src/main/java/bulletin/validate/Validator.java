package bulletin.validate;

import bulletin.diag.Place;
import bulletin.diag.Problem;
import bulletin.diag.Problems;
import bulletin.diag.Severity;
import bulletin.ingest.Figures;
import bulletin.ingest.Grid;
import bulletin.ingest.ProgressReader;
import bulletin.model.FormContract;
import bulletin.model.Indicator;
import bulletin.model.IndicatorModel;
import bulletin.model.MonthlyReport;
import bulletin.model.ReportEntry;
import bulletin.text.Numbers;
import bulletin.text.Text;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The checks on one returned workbook. Every rule has a stable code, a severity and the cell; every problem in
 * the workbook is reported, not only the first.
 */
public final class Validator {

    /** A figure above this many times its annual target is worth a second look. */
    static final BigDecimal FAR_ABOVE = BigDecimal.valueOf(2);

    private Validator() {
    }

    /**
     * What one workbook's check found: its reporter and form (null where it could not be read) and its problems.
     * Row-level problems name their indicator ({@link Problem#indicator()}); the others are about the workbook.
     */
    public record Checked(String file, String reporter, ProgressReader.Form form, List<Problem> problems) {

        /**
         * An error about the workbook as a whole (unreadable, another unit's or month's form, …); with
         * {@code strict}, a warning about it too.
         */
        public boolean wrongAsAWhole(boolean strict) {
            return form == null || problems.stream().anyMatch(p -> counts(p, strict) && p.indicator() == null);
        }

        /** An error; with {@code strict} (as --strict asks), a warning too. */
        public static boolean counts(Problem p, boolean strict) {
            return p.severity() == Severity.ERROR || strict && p.severity() == Severity.WARNING;
        }
    }

    /**
     * Checks one workbook.
     *
     * @param month    the month it should report on, or null where not known (a file given on its own)
     * @param previous gives the report of the month before the given one of a reporter (the form's own month
     *                 where {@code month} is null), or null where there is none; may itself be null
     */
    public static Checked workbook(Path file, String shown, IndicatorModel model, YearMonth month,
                                   java.util.function.BiFunction<YearMonth, String, MonthlyReport> previous) {
        return workbook(read(file, shown, model), model, month, previous);
    }

    /**
     * A workbook read to its form, the first step of {@link #workbook}: what it finds does not depend on the month
     * or on last month, so it may be done ahead ({@link MonthCheck.Reading}).
     *
     * @param problems what the reading found (handed on to the check, which adds its own)
     */
    public record Read(String shown, Optional<ProgressReader.Form> parsed, Problems problems) {
    }

    /** The first step of {@link #workbook}: the workbook opened and its form found. */
    public static Read read(Path file, String shown, IndicatorModel model) {
        Problems problems = new Problems();
        return new Read(shown, ProgressReader.parse(file, shown, model, problems), problems);
    }

    /**
     * The rest of {@link #workbook}: the checks of a workbook read by {@link #read} (once:
     * they add to its problems).
     */
    public static Checked workbook(Read read, IndicatorModel model, YearMonth month,
                                   java.util.function.BiFunction<YearMonth, String, MonthlyReport> previous) {
        String shown = read.shown();
        Problems problems = read.problems();
        Optional<ProgressReader.Form> parsed = read.parsed();
        if (parsed.isEmpty()) {
            return new Checked(shown, null, null, problems.all());
        }
        ProgressReader.Form form = parsed.get();
        Place place = Place.file(shown);
        checkMeta(form, model, month, place, problems);
        String reporter = form.reporter();
        boolean known = model.units().contains(reporter) || model.departments().contains(reporter);
        List<Indicator> expected = known ? model.indicatorsFor(reporter) : List.of();
        if (known) { // an unknown reporter has no targets to hold the form to: the mismatch says it all
            YearMonth of = month != null ? month : formMonth(form);
            MonthlyReport before = previous == null || of == null ? null : previous.apply(of, reporter);
            checkRows(form, model, expected, before, problems);
        }
        for (String sheet : form.hiddenSheetsWithValues()) {
            problems.add(new Problem(Severity.WARNING, "hidden-value", shown, sheet, null,
                    "隐藏的工作表“" + sheet + "”里有内容，本工具不读取：请确认没有把数字填在那里"));
        }
        return new Checked(shown, reporter, form, problems.all());
    }

    /** The month in the form's hidden sheet, or null where it has none or it cannot be read. */
    private static YearMonth formMonth(ProgressReader.Form form) {
        String m = form.meta().get(FormContract.KEY_MONTH);
        try {
            return m == null ? null : YearMonth.parse(m);
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    private static void checkMeta(ProgressReader.Form form, IndicatorModel model, YearMonth month, Place place,
                                  Problems problems) {
        ProgressReader.Meta meta = form.meta();
        String version = meta.get(FormContract.KEY_VERSION);
        if (version == null) {
            problems.warning("form-version", place, "不是用 bulletin template 生成的填报表（没有隐藏的表单信息）："
                    + "已按表头和“填报单位”“填报月份”两行读取，无法核对锁定的目标是否被改动");
        } else if (!version.equals(FormContract.VERSION)) {
            problems.add(Problem.error("form-mismatch", place, "填报表版本“" + version + "”与本工具的版本不同，请用 "
                    + "bulletin template 重新生成").with(version, FormContract.VERSION));
        }
        checkReporter(form, model, place, problems);
        String m = meta.get(FormContract.KEY_MONTH);
        if (m != null && month != null) {
            try {
                YearMonth ym = YearMonth.parse(m);
                if (!ym.equals(month)) {
                    problems.add(Problem.error("form-mismatch", place, "这是 " + ym.getYear() + "年" + ym.getMonthValue()
                            + "月的填报表，应为 " + month.getYear() + "年" + month.getMonthValue() + "月的")
                            .with(m, month.toString()));
                }
            } catch (DateTimeParseException e) {
                problems.add(Problem.error("form-mismatch", place, "隐藏的表单信息中的月份不可读").with(m, "YYYY-MM"));
            }
        } else if (m == null && month != null) {
            checkVisibleMonth(form, month, problems);
        }
        ProgressReader.checkFingerprint(form, model, problems);
    }

    private static final java.util.regex.Pattern VISIBLE_MONTH = java.util.regex.Pattern.compile(
            "填报月份[:：]?\\s*(\\d{4})\\s*年\\s*(\\d{1,2})\\s*月");

    /**
     * A form without its hidden sheet (copied into a new workbook) still says its month on its 填报月份 line
     * above the table: a form of another month is refused as with the hidden sheet.
     */
    private static void checkVisibleMonth(ProgressReader.Form form, YearMonth month, Problems problems) {
        Grid g = form.grid();
        for (int r = 0; r < form.headerRow(); r++) {
            for (int c = 0; c < Math.min(g.cols(), 12); c++) {
                java.util.regex.Matcher mm = VISIBLE_MONTH.matcher(g.text(r, c).replace(" ", ""));
                if (mm.find()) {
                    YearMonth ym = YearMonth.of(Integer.parseInt(mm.group(1)), Integer.parseInt(mm.group(2)));
                    if (!ym.equals(month)) {
                        problems.add(Problem.error("form-mismatch", g.place(r, c), "这是 " + ym.getYear() + "年"
                                + ym.getMonthValue() + "月的填报表（见“填报月份”），应为 " + month.getYear() + "年"
                                + month.getMonthValue() + "月的").with(ym.toString(), month.toString()));
                    }
                    return;
                }
            }
        }
    }

    /**
     * A reporter the tables do not know is an error, wherever the form names it; one they know only once its
     * name is normalised (an invisible character, 办事处 after the name) is read as that one, with a warning.
     */
    private static void checkReporter(ProgressReader.Form form, IndicatorModel model, Place place, Problems problems) {
        String reporter = form.reporter();
        ProgressReader.ReporterFound found = form.reporterFound();
        if (!model.units().contains(reporter) && !model.departments().contains(reporter)) {
            List<String> known = new java.util.ArrayList<>(model.units());
            known.addAll(model.departments());
            problems.add(Problem.error("form-mismatch", place, "填报单位“" + Text.visible(reporter)
                    + "”不在指标表的单位中（读自" + found.where() + "），无法采用这份报表：请核对单位名称")
                    .with(Text.visible(found.text()), String.join("、", known)));
        } else if (found.normalised()) {
            problems.add(Problem.warning("reporter-normalised", found.at(), "填报单位“" + Text.visible(found.text())
                    + "”按“" + reporter + "”读取（" + found.where() + "中的写法与指标表中的不同）")
                    .with(Text.visible(found.text()), reporter));
        }
    }

    private static void checkRows(ProgressReader.Form form, IndicatorModel model, List<Indicator> expected,
                                  MonthlyReport before, Problems problems) {
        Grid g = form.grid();
        ProgressReader.Columns cols = form.columns();
        Set<String> seen = new HashSet<>();
        String reporter = form.reporter();
        boolean department = !model.units().contains(reporter);
        if (cols.done() < 0 && cols.percent() < 0) {
            problems.error("missing-column", g.place(form.headerRow(), 0), "表头中没有“累计完成”或“形象进度”列");
        }
        Problems row = new Problems(); // a row's problems; a new one only after a row that had some
        for (var e : form.codeRows().entrySet()) {
            int r = e.getKey();
            String code = e.getValue();
            Indicator ind = model.indicatorOrNull(code); // by code, the model's own index
            if (ind == null) {
                row.add(Problem.error("unknown-indicator", codeCell(g, r, cols), "指标编码“" + code + "”不在指标表中")
                        .with(code, null));
            } else if (!seen.add(code)) {
                row.add(Problem.error("unique-error", codeCell(g, r, cols), "指标 " + code + " 在表中出现了两次")
                        .with(code, null));
            } else {
                checkRow(form, r, ind, department, before, row);
            }
            // Every problem of a row names its indicator: generate --skip-invalid leaves out that figure alone.
            if (!row.isEmpty()) {
                row.all().forEach(p -> problems.add(p.about(code, ind == null ? null : ind.name())));
                row = new Problems();
            }
        }
        for (Indicator i : expected) {
            if (!seen.contains(i.code())) {
                problems.add(Problem.error("missing-indicator", Place.file(form.file()).sheet(g.place().sheet()),
                        "缺少指标 " + i.code() + "（" + i.name() + "）的行：请勿删除填报表中的行").with(null, i.code())
                        .about(i.code(), i.name()));
            }
        }
    }

    /** The checks of one indicator's row. */
    private static void checkRow(ProgressReader.Form form, int r, Indicator ind, boolean department,
                                 MonthlyReport before, Problems problems) {
        Grid g = form.grid();
        ProgressReader.Columns cols = form.columns();
        String reporter = form.reporter();
        String code = ind.code();
        if (g.rowHidden(r) && rowHasFigures(g, r, cols)) {
            problems.warning("hidden-value", codeCell(g, r, cols), "这一行被隐藏了，但填有数字：请取消隐藏后核对");
        }
        checkLockedTarget(g, r, cols, ind, reporter, department, problems);
        // A standard merged across all the unit columns is every unit's target: a unit may give its own figure.
        boolean takes = department || ind.appliesTo(reporter) || ind.standardForAll() != null;
        BigDecimal done = cell(g, r, cols.done(), false, problems);
        BigDecimal pct = cell(g, r, cols.percent(), true, problems);
        boolean percentKind = ind.kind().reportsPercent();
        if (!takes && (done != null || pct != null) || percentKind && done != null || !percentKind && pct != null) {
            misplaced(g, r, cols, takes, percentKind, done, pct, problems);
        }
        damagedText(g, r, cols.note(), problems);
        damagedText(g, r, cols.problem(), problems);
        BigDecimal most = ind.most();
        if (takes && !percentKind && done != null && most != null && done.compareTo(most) > 0) {
            // The form's own data validation and 自查 refuse it ("超过100"); the rules do too.
            problems.add(overMost(g, r, cols, done, most));
        }
        BigDecimal target = department ? ind.cityTarget() : ind.targets().get(reporter);
        if (takes && !percentKind && done != null && ind.kind().counted() && target != null
                && target.signum() > 0 && done.compareTo(target.multiply(FAR_ABOVE)) > 0) {
            problems.add(outlier(g, r, cols, done, target));
        }
        if (before != null && ind.kind().cumulative()) { // a rate or a ceiling is not cumulative: it may go down
            ReportEntry last = before.entries().get(code);
            decrease(g, r, cols.done(), done, last == null ? null : last.done(), before, false, problems);
            decrease(g, r, cols.percent(), pct, last == null ? null : last.percent(), before, true, problems);
        }
    }

    /** The row's code cell (its first cell where the form has no code column): made only for a problem there. */
    private static Place codeCell(Grid g, int r, ProgressReader.Columns cols) {
        return g.place(r, cols.code() >= 0 ? cols.code() : 0);
    }

    /*
     * The messages of the rules above, each in a method of its own: the rows that need one are few, and the checks
     * that run on every row stay small for the JIT (C1 compiles whatever a method holds, messages included).
     */

    /** A figure in the other figure column, or in a row the unit has no target in. */
    private static void misplaced(Grid g, int r, ProgressReader.Columns cols, boolean takes, boolean percentKind,
                                  BigDecimal done, BigDecimal pct, Problems problems) {
        if (!takes && (done != null || pct != null)) {
            problems.add(warn(g, r, done != null ? cols.done() : cols.percent(), "unexpected-value",
                    "本单位没有这项指标的目标，填的数字不会计入；情况请写在“进展情况”中"));
        } else if (percentKind && done != null && pct == null) {
            // The figure one column over, its own column empty: dropping it would publish nothing, or last
            // month's figure, without a word. The unit must say where it belongs.
            problems.add(Problem.error("wrong-column", g.place(r, cols.done()), "这是形象进度类指标，数字 "
                    + Numbers.format(done) + " 却填在“累计完成”列，“形象进度（%）”列是空的：请把它移到“形象进度（%）”列")
                    .with(Numbers.format(done), "填在“形象进度（%）”列"));
        } else if (!percentKind && pct != null && done == null) {
            problems.add(Problem.error("wrong-column", g.place(r, Math.max(cols.percent(), 0)), "这项指标按累计完成计算，"
                    + "数字 " + Numbers.format(pct) + " 却填在“形象进度”列，“累计完成”列是空的：请把它移到“累计完成”列")
                    .with(Numbers.format(pct), "填在“累计完成”列"));
        } else if (percentKind && done != null) {
            problems.add(warn(g, r, cols.done(), "unexpected-value", "这是形象进度类指标，应填在“形象进度（%）”列，"
                    + "“累计完成”中的数字不会计入"));
        } else if (!percentKind && pct != null) {
            problems.add(warn(g, r, cols.percent(), "unexpected-value", "这项指标按累计完成计算，应填在“累计完成”列，"
                    + "“形象进度”中的数字不会计入"));
        }
    }

    private static Problem overMost(Grid g, int r, ProgressReader.Columns cols, BigDecimal done, BigDecimal most) {
        return Problem.error("constraint-error", g.place(r, cols.done()), "这项指标以“%”计，不能超过 "
                + Numbers.format(most) + "（填的是 " + Numbers.format(done) + "）：请核对")
                .with(Numbers.format(done), "0–" + Numbers.format(most) + " 之间的数字");
    }

    private static Problem outlier(Grid g, int r, ProgressReader.Columns cols, BigDecimal done, BigDecimal target) {
        return warn(g, r, cols.done(), "outlier", "累计完成 " + Numbers.format(done) + " 是全年目标 "
                + Numbers.format(target) + " 的 " + done.divide(target, 1, java.math.RoundingMode.HALF_UP)
                + " 倍，请核对单位和数字").with(Numbers.format(done), "不超过全年目标 " + Numbers.format(target)
                + " 的 2 倍");
    }

    private static boolean rowHasFigures(Grid g, int r, ProgressReader.Columns cols) {
        return (cols.done() >= 0 && !g.text(r, cols.done()).isEmpty())
                || (cols.percent() >= 0 && !g.text(r, cols.percent()).isEmpty());
    }

    /**
     * The target cell is locked on the form; a different value there means the form was changed, or the tables
     * were changed after the form was made (which the fingerprint check reports as {@code form-outdated}).
     */
    private static void checkLockedTarget(Grid g, int r, ProgressReader.Columns cols, Indicator ind, String reporter,
                                          boolean department, Problems problems) {
        if (cols.target() < 0) {
            return;
        }
        Grid.Value v = g.value(r, cols.target());
        BigDecimal want = department ? ind.cityTarget() : ind.targets().get(reporter);
        String wantText = department ? ind.targetText() : ind.unitTexts().get(reporter);
        if (want != null) {
            BigDecimal got = v.number() != null ? v.number()
                    : Numbers.parse(v.text()).map(Numbers.Parsed::value).orElse(null);
            if (got == null || got.compareTo(want) != 0) {
                problems.add(targetChanged(g, r, cols, v, want));
            }
        } else if (wantText == null && !department && v.number() != null) {
            problems.add(targetAdded(g, r, cols, v));
        }
    }

    private static Problem targetChanged(Grid g, int r, ProgressReader.Columns cols, Grid.Value v, BigDecimal want) {
        return Problem.error("locked-changed", g.place(r, cols.target()), "全年目标被改动过：填报表中是“" + v.text()
                + "”，指标表中是 " + Numbers.format(want) + "（目标不能由填报单位修改）").with(v.text(), Numbers.format(want));
    }

    private static Problem targetAdded(Grid g, int r, ProgressReader.Columns cols, Grid.Value v) {
        return Problem.error("locked-changed", g.place(r, cols.target()), "本单位这项指标没有目标，填报表中却有“" + v.text()
                + "”（目标不能由填报单位修改）").with(v.text(), "/");
    }

    private static BigDecimal cell(Grid g, int r, int c, boolean percent, Problems problems) {
        if (c < 0) {
            return null;
        }
        Figures.Reading reading = ProgressReader.reading(g, r, c, percent);
        List<Figures.Issue> issues = reading.issues();
        if (!issues.isEmpty()) { // most cells: neither a place nor an iterator made
            Place at = g.place(r, c);
            for (Figures.Issue i : issues) {
                problems.add(new Problem(i.severity(), i.code(), at.file(), at.sheet(), at.cell(), i.message(),
                        i.code().equals("merged-input") ? null : g.text(r, c), i.expected()));
            }
        }
        if (reading.value() != null && g.colHidden(c)) {
            problems.warning("hidden-value", g.place(r, c), "这一列被隐藏了，但填有数字：请取消隐藏后核对");
        }
        return reading.value();
    }

    /**
     * The figure that would be used, {@code now}, against last month's: below it is an error, whatever their
     * size (targets below 1 are real: 0.13 万人次, 0.42 万亩). A 形象进度 written as a decimal (0.62 where April
     * had 50) is read as 0.62 unless its cell is formatted as a percentage, so it falls here too, with a word on
     * what was probably meant.
     */
    private static void decrease(Grid g, int r, int c, BigDecimal now, BigDecimal last, MonthlyReport before,
                                 boolean percent, Problems problems) {
        if (c >= 0 && now != null && last != null && now.compareTo(last) < 0) {
            decreased(g, r, c, now, last, before, percent, problems);
        }
    }

    private static void decreased(Grid g, int r, int c, BigDecimal now, BigDecimal last, MonthlyReport before,
                                  boolean percent, Problems problems) {
        String hint = percent && now.signum() > 0 && now.compareTo(BigDecimal.ONE) < 0
                ? "；形象进度应填百分数，如 " + Numbers.format(now.movePointRight(2)) + " 表示 "
                + Numbers.format(now.movePointRight(2)) + "%，" + Numbers.format(now) + " 按 " + Numbers.format(now)
                + "% 计" : "";
        problems.add(Problem.error("cumulative-decrease", g.place(r, c), (percent ? "形象进度" : "累计数") + "比上月少：本月 "
                + Numbers.format(now) + "，上月 " + Numbers.format(last) + "（" + before.file() + "）；"
                + (percent ? "形象进度只增不减" : "累计数自1月1日起计，只增不减") + hint).with(Numbers.format(now), "不少于上月的 " + Numbers.format(last)));
    }

    /** A text cell (进展情况, 存在问题) whose stored value cannot be resolved: its words would be lost in silence. */
    private static void damagedText(Grid g, int r, int c, Problems problems) {
        if (c >= 0 && g.value(r, c).kind() == Grid.Kind.DAMAGED) {
            problems.add(Problem.error("damaged-cell", g.place(r, c), "单元格的内容无法读取（文件中它指向的文字不存在，"
                    + "文件可能已损坏）：请在 Excel/WPS 中重新填写这一格并保存").with("", "可读的文字"));
        }
    }

    private static Problem warn(Grid g, int r, int c, String code, String message) {
        return Problem.warning(code, g.place(r, Math.max(c, 0)), message);
    }
}
