package bulletin.validate;

import bulletin.diag.Place;
import bulletin.diag.Problem;
import bulletin.diag.Severity;
import bulletin.ingest.Grid;
import bulletin.ingest.ProgressReader;
import bulletin.model.Indicator;
import bulletin.model.IndicatorModel;
import bulletin.model.MonthlyReport;
import bulletin.model.ReportEntry;
import bulletin.model.Source;
import bulletin.text.Numbers;
import bulletin.text.Text;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The rules of a month that one workbook's own check cannot apply: whether its file belongs to the unit whose form
 * it holds, and whether a figure that last month's bulletin had is still there.
 */
final class FigureRules {

    static final String UNIT_MISMATCH = "sender-mismatch";
    static final String MISSING_FIGURE = "missing-figure";
    static final String DECREASE = "cumulative-decrease";
    /** What a file name cannot hold, as template replaces it in a reporter's name (compiled once, not per workbook). */
    private static final java.util.regex.Pattern NOT_IN_FILE_NAME = java.util.regex.Pattern.compile(
            "[\\\\/:*?\"<>|\\p{Cntrl}\\p{Zl}\\p{Zp}]");
    /** A long reporter's name is recognised in a file name by this many characters of its beginning. */
    private static final int SHORTENED = 20;

    private FigureRules() {
    }

    /**
     * The unit a workbook's file name says, where it says another one than the form's reporter (a district that
     * sent its neighbour's form); null where the name says the form's reporter, or no unit of the tables, or the
     * form's reporter is none the tables know (that is an error of its own).
     */
    static String unitOfFileName(Path file, IndicatorModel model, String reporter) {
        if (reporter == null || !(model.units().contains(reporter) || model.departments().contains(reporter))) {
            return null;
        }
        String name = file.getFileName().toString();
        String bare = Text.stripInvisible(Text.compact(name));
        // The reporter's name as a file name can hold it ("甲/乙镇" as template names its form, 2026-05_甲_乙镇-3f1c9a2b),
        // and its beginning where template shortened a long one.
        String asFileName = NOT_IN_FILE_NAME.matcher(Text.stripInvisible(reporter).strip()).replaceAll("_");
        String start = asFileName.codePointCount(0, asFileName.length()) <= SHORTENED ? asFileName
                : asFileName.substring(0, asFileName.offsetByCodePoints(0, SHORTENED));
        if (name.contains(reporter) || bare.contains(reporter) || name.contains(start) || bare.contains(start)) {
            return null;
        }
        List<String> known = new ArrayList<>(model.units());
        known.addAll(model.departments());
        known.sort((a, b) -> b.length() - a.length());
        for (String u : known) {
            if (name.contains(u) || bare.contains(u)) {
                return u;
            }
        }
        return null;
    }

    /** The error on a workbook whose form is another unit's than its file name says: both are named. */
    static Problem unitMismatch(Validator.Checked c, String named) {
        String owner = c.reporter();
        String where = c.form().reporterFound() == null ? "表中" : c.form().reporterFound().where();
        return Problem.error(UNIT_MISMATCH, Place.file(c.file()), "文件名为" + named + "，表中的填报单位却是" + owner
                + "：可能是" + named + "错发了" + owner + "的填报表（填报单位读自" + where + "），这份报表不计入" + owner
                + "，也不计入" + named + "。请核对后由" + named + "用自己的填报表重新报送").with(owner, named);
    }

    /**
     * A figure below last month's that the workbook's own check let through (a value below 1, taken for a fraction
     * written for a percentage, is only warned about there), as {@code cumulative-decrease}: the value compared is
     * the one generate would use, whatever its size. Not where an error names the indicator already, nor for rates.
     */
    static List<Problem> falls(Validator.Checked c, IndicatorModel model, MonthlyReport last, List<Problem> existing) {
        List<Problem> out = new ArrayList<>();
        if (last == null || c.form() == null) {
            return out;
        }
        ProgressReader.Form form = c.form();
        String reporter = form.reporter();
        boolean department = !model.units().contains(reporter);
        Grid g = form.grid();
        ProgressReader.Columns cols = form.columns();
        // The figure the report takes for a code: its first row's (a code given twice keeps its first row), read
        // as the report reads it; only the one figure compared, not the whole report made again.
        Map<String, Integer> first = new HashMap<>();
        form.codeRows().forEach((r, code) -> first.putIfAbsent(code, r));
        java.util.Set<String> named = named(existing);
        for (var e : form.codeRows().entrySet()) {
            Indicator ind = model.indicatorOrNull(e.getValue());
            if (ind == null || !ind.kind().cumulative() || !(department || ind.appliesTo(reporter))
                    || named.contains(ind.code())) {
                continue;
            }
            Integer row = first.get(ind.code());
            ReportEntry before = last.entries().get(ind.code());
            if (row == null || before == null) {
                continue;
            }
            boolean percentKind = ind.kind().reportsPercent();
            int col = percentKind ? cols.percent() : cols.done();
            BigDecimal value = col < 0 ? null : ProgressReader.reading(g, row, col, percentKind).value();
            BigDecimal was = percentKind ? before.percent() : before.done();
            if (value == null || was == null || value.compareTo(was) >= 0) {
                continue;
            }
            out.add(fell(g.place(row, col), ind, value, was, last, percentKind));
        }
        return out;
    }

    /** The problem of a figure below last month's (its own method: few rows need it, see Validator). */
    private static Problem fell(Place cell, Indicator ind, BigDecimal value, BigDecimal was, MonthlyReport last,
                                boolean percentKind) {
        Source at = new Source(cell.file(), cell.sheet(), cell.cell());
        return new Problem(Severity.ERROR, DECREASE, at.file(), at.sheet(), at.cell(), "累计数比上月少：本月 "
                + Numbers.format(value) + "，上月 " + Numbers.format(was) + "（" + last.file() + "）；累计数自1月1日起计，"
                + "只增不减" + (percentKind ? "（形象进度按百分数填写：62.5 表示 62.5%）" : ""),
                Numbers.format(value), "不少于上月的 " + Numbers.format(was)).about(ind.code(), ind.name());
    }

    /** The indicators an error of the workbook names already (worked out once per workbook, not once per row). */
    private static java.util.Set<String> named(List<Problem> problems) {
        java.util.Set<String> out = null;
        for (Problem p : problems) {
            if (p.severity() == Severity.ERROR && p.indicator() != null) {
                if (out == null) {
                    out = new java.util.HashSet<>();
                }
                out.add(p.indicator());
            }
        }
        return out == null ? java.util.Set.of() : out;
    }

    /**
     * A blank where last month's bulletin had the reporter's figure ({@code missing-figure}): it would drop out of
     * the bulletin and its 全市 figure in silence. Not where the row already has an error of its own (that names
     * the indicator already), nor where last month had no figure either.
     *
     * @param last     the reporter's figures last month, or null where there are none (January, a new reporter)
     * @param existing what the workbook's own check found
     */
    static List<Problem> missingFigures(Validator.Checked c, IndicatorModel model, MonthlyReport last,
                                        List<Problem> existing) {
        List<Problem> out = new ArrayList<>();
        if (last == null || c.form() == null) {
            return out;
        }
        ProgressReader.Form form = c.form();
        String reporter = form.reporter();
        boolean department = !model.units().contains(reporter);
        Grid g = form.grid();
        ProgressReader.Columns cols = form.columns();
        java.util.Set<String> named = null; // worked out at the first blank that last month had a figure for
        for (var e : form.codeRows().entrySet()) {
            int r = e.getKey();
            Indicator ind = model.indicatorOrNull(e.getValue());
            if (ind == null || !(department || ind.appliesTo(reporter))) {
                continue;
            }
            boolean percentKind = ind.kind().reportsPercent();
            int col = percentKind ? cols.percent() : cols.done();
            ReportEntry before = last.entries().get(ind.code());
            BigDecimal was = before == null ? null : percentKind ? before.percent() : before.done();
            if (col < 0 || was == null || !g.text(r, col).isBlank() || g.value(r, col).number() != null) {
                continue;
            }
            if (named == null) {
                named = named(existing);
            }
            if (named.contains(ind.code())) {
                continue;
            }
            out.add(blank(g.place(r, col), ind, was, last, percentKind));
        }
        return out;
    }

    /** The problem of a blank where last month had a figure (its own method: few rows need it). */
    private static Problem blank(Place cell, Indicator ind, BigDecimal was, MonthlyReport last, boolean percentKind) {
        String what = percentKind ? "形象进度" : "累计完成";
        String shown = Numbers.format(was) + (percentKind ? "%" : "");
        return Problem.error(MISSING_FIGURE, cell, what + "未填，上月为 " + shown
                + "：空着会使这项数据从专报和全市合计中消失。请填上本月的" + what + "（自1月1日起累计，只增不减；上月的数字见 "
                + last.file() + "）")
                .with("", "不少于上月的 " + shown).about(ind.code(), ind.name());
    }
}
