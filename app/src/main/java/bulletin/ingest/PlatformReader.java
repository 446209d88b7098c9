package bulletin.ingest;

import bulletin.diag.Place;
import bulletin.diag.Problem;
import bulletin.diag.Problems;
import bulletin.text.Numbers;
import bulletin.text.Text;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.poi.ss.util.CellRangeAddress;

/**
 * Reads the provincial platform's upload counts ({@code platform/YYYY-MM.xlsx}, 附件3) as the platform exports
 * them: a title row, a header row (or two: group headings such as 码上通管理 over the module names) with a name
 * column (单位, 内容/单位, 县市区 …), one column per module (政策文件, 建设内容, …) and an optional 总数, then a row
 * per unit in any order, perhaps a 合计 row. Columns are found by their header words, never by position. Every
 * count must be a whole number of at least 0 (a blank cell counts 0); a 总数 must be its row's sum and a 合计 its
 * column's. Which rows are units is for {@code validate.PlatformCheck} to say.
 */
public final class PlatformReader {

    /** One count as read: its value (null where it is no count, and reported) and its cell. */
    public record Count(Long value, Place place) {
    }

    /**
     * One row below the header.
     *
     * @param counts per module, in the modules' order
     * @param total  the 总数 cell where the table has that column and it is filled, else null
     */
    public record Row(String name, Place place, List<Count> counts, Count total) {

        /** Whether every count of the row could be read. */
        public boolean readable() {
            return counts.stream().allMatch(c -> c.value() != null);
        }

        /** The sum of the counts (those that could be read). */
        public long sum() {
            return counts.stream().filter(c -> c.value() != null).mapToLong(Count::value).sum();
        }
    }

    /**
     * The table.
     *
     * @param modules the module names in the columns' order
     * @param groups  the heading over each module in a two-row header, or null, in the same order
     */
    public record Table(Place place, String title, List<String> modules, List<String> groups, List<Row> rows) {
    }

    private static final Pattern NAME_HEADER = Pattern.compile(".*单位.*|县市区|县\\(市、?区\\)|县（市、?区）|地区|名称|"
            + "镇街|镇\\(街道\\)|镇（街道）|乡镇|乡镇\\(街道\\)|乡镇（街道）");
    private static final Pattern TOTAL = Pattern.compile("总数|合计|总计|小计|总量|合计数|总条数|全市|全县|全市合计");
    private static final Pattern IGNORED = Pattern.compile("序号|备注|说明|排名|名次");
    private static final Pattern TITLE_MONTH = Pattern.compile("(?:(20\\d{2})年)?(\\d{1,2})月");
    /** More uploads than this in one cell are no real count: a number pasted into the wrong cell. */
    private static final long TOO_MANY = 10_000_000L;

    private PlatformReader() {
    }

    /**
     * Reads the first visible sheet of {@code file} that has the table; empty, with the reason among
     * {@code problems}, where the file cannot be read or has no such table.
     */
    public static Optional<Table> read(Path file, String shown, YearMonth month, Problems problems) {
        List<XlsxReader.SheetData> sheets;
        try {
            sheets = Workbooks.sheets(file, shown);
        } catch (Workbooks.Unreadable e) {
            problems.error("unreadable-workbook", Place.file(shown), e.getMessage());
            return Optional.empty();
        }
        for (XlsxReader.SheetData sheet : sheets) {
            if (sheet.hidden()) {
                continue;
            }
            Optional<Header> h = header(sheet.grid());
            if (h.isPresent()) {
                return Optional.of(table(sheet.grid(), h.get(), month, problems));
            }
        }
        problems.error("platform-no-table", Place.file(shown), "找不到平台信息上传情况表：需要一行表头，含“单位”列和各模块"
                + "的名称（如政策文件、建设内容、工作动态），其下每个单位一行");
        return Optional.empty();
    }

    /** The header: its first and last row, the name column, and what each later column is. */
    private record Header(int top, int bottom, int nameCol, Map<Integer, String> modules, Map<Integer, String> groups,
                          int totalCol) {
    }

    private static Optional<Header> header(Grid g) {
        for (int r = 0; r < Math.min(g.rows(), 30); r++) {
            OptionalInt name = Headers.find(g, r, t -> NAME_HEADER.matcher(t).matches());
            if (name.isEmpty()) {
                continue;
            }
            int c0 = name.getAsInt();
            int bottom = Headers.bottom(g, r, c0);
            if (bottom == r && isModuleRow(g, r + 1, c0)) {
                bottom = r + 1;
            }
            Header h = columns(g, r, bottom, c0);
            if (h.modules().size() >= 2) {
                return Optional.of(h);
            }
        }
        return Optional.empty();
    }

    /** A second header row: nothing under the name header, words (no number) in two columns or more after it. */
    private static boolean isModuleRow(Grid g, int r, int nameCol) {
        if (r >= g.rows() || !g.text(r, nameCol).isEmpty()) {
            return false;
        }
        int words = 0;
        for (int c = nameCol + 1; c < g.cols(); c++) {
            String t = g.text(r, c);
            if (t.isEmpty()) {
                continue;
            }
            if (g.value(r, c).number() != null || Numbers.parse(t).isPresent()) {
                return false;
            }
            words++;
        }
        return words >= 2;
    }

    /**
     * The columns after the name column: a module's name is its cell in the header's bottom row, or, where that is
     * empty or merged across columns, the top row's; a top-row cell merged across modules is their group heading.
     */
    private static Header columns(Grid g, int top, int bottom, int nameCol) {
        Map<Integer, String> modules = new LinkedHashMap<>();
        Map<Integer, String> groups = new LinkedHashMap<>();
        int totalCol = -1;
        for (int c = nameCol + 1; c < g.cols(); c++) {
            CellRangeAddress low = g.region(bottom, c);
            CellRangeAddress high = g.region(top, c);
            boolean lowAcross = low != null && low.getLastColumn() > low.getFirstColumn();
            boolean highAcross = high != null && high.getLastColumn() > high.getFirstColumn();
            String name = lowAcross && bottom > top ? "" : Text.compact(g.text(bottom, c));
            if (name.isEmpty() && bottom > top && !highAcross) {
                name = Text.compact(g.text(top, c));
            }
            if (name.isEmpty() || IGNORED.matcher(name).matches()
                    || (low != null && low.getFirstColumn() != c && lowAcross)) {
                continue;
            }
            if (TOTAL.matcher(name).matches()) {
                totalCol = totalCol < 0 ? c : totalCol;
                continue;
            }
            modules.put(c, name);
            String group = bottom > top && highAcross ? Text.compact(g.text(top, c)) : null;
            groups.put(c, group == null || group.isEmpty() ? null : group);
        }
        return new Header(top, bottom, nameCol, modules, groups, totalCol);
    }

    private static Table table(Grid g, Header h, YearMonth month, Problems problems) {
        String title = title(g, h);
        checkMonth(g, h, title, month, problems);
        checkModuleNames(g, h, problems);
        List<Row> rows = new ArrayList<>();
        Row sumRow = null;
        for (int r = h.bottom() + 1; r < g.rows(); r++) {
            if (g.isBlankRow(r)) {
                continue;
            }
            String name = Text.clean(g.text(r, h.nameCol()));
            String compact = Text.compact(name);
            if (compact.startsWith("注") && !hasAnyFigure(g, r, h)) {
                continue; // a note under the table
            }
            if (NAME_HEADER.matcher(compact).matches() && !hasAnyFigure(g, r, h)) {
                continue; // the header repeated on a new page
            }
            if (compact.isEmpty() && !hasAnyFigure(g, r, h)) {
                continue;
            }
            Row row = row(g, r, h, name, problems);
            if (TOTAL.matcher(compact).matches()) {
                sumRow = row;
                continue;
            }
            if (compact.isEmpty()) {
                problems.error("platform-no-name", g.place(r, h.nameCol()), "这一行有上传条数，但没有单位名称");
                continue;
            }
            rows.add(row);
        }
        if (sumRow != null) {
            checkColumnSums(h, rows, sumRow, problems);
        }
        List<String> groups = new ArrayList<>(h.groups().values());
        return new Table(g.place(), title, List.copyOf(h.modules().values()), groups.stream().allMatch(x -> x == null)
                ? null : java.util.Collections.unmodifiableList(groups), rows);
    }

    /** The title: the first long text above the header, or null. */
    private static String title(Grid g, Header h) {
        for (int r = 0; r < h.top(); r++) {
            for (String t : g.texts(r)) {
                if (Text.compact(t).length() >= 6) {
                    return Text.clean(t);
                }
            }
        }
        return null;
    }

    /** A title that names another month ("2026年4月…" in platform/2026-05.xlsx) is last month's file sent again. */
    private static void checkMonth(Grid g, Header h, String title, YearMonth month, Problems problems) {
        if (title == null) {
            return;
        }
        Matcher m = TITLE_MONTH.matcher(Text.halfWidth(Text.compact(title)));
        if (!m.find()) {
            return;
        }
        int mm = Integer.parseInt(m.group(2));
        Integer yy = m.group(1) == null ? null : Integer.valueOf(m.group(1));
        if (mm != month.getMonthValue() || (yy != null && yy != month.getYear())) {
            String said = (yy == null ? "" : yy + "年") + mm + "月";
            problems.add(Problem.error("platform-month", titlePlace(g, h), "表题写的是" + said + "的数据，而文件是"
                    + month.getYear() + "年" + month.getMonthValue() + "月的（" + Text.clean(title) + "）：请放入"
                    + month.getMonthValue() + "月的平台数据，或改正表题").with(said, month.toString()));
        }
    }

    private static Place titlePlace(Grid g, Header h) {
        for (int r = 0; r < h.top(); r++) {
            for (int c = 0; c < g.cols(); c++) {
                if (Text.compact(g.text(r, c)).length() >= 6) {
                    return g.place(r, c);
                }
            }
        }
        return g.place();
    }

    private static void checkModuleNames(Grid g, Header h, Problems problems) {
        Map<String, Integer> seen = new LinkedHashMap<>();
        h.modules().forEach((c, name) -> {
            if (seen.putIfAbsent(name, c) != null) {
                problems.error("platform-duplicate-module", g.place(h.bottom(), c), "模块“" + name + "”在表头中出现了两次");
            }
        });
    }

    private static boolean hasAnyFigure(Grid g, int r, Header h) {
        for (int c : h.modules().keySet()) {
            if (!g.text(r, c).isEmpty()) {
                return true;
            }
        }
        return h.totalCol() >= 0 && !g.text(r, h.totalCol()).isEmpty();
    }

    /** One row's counts, each checked, and its 总数 against their sum. */
    private static Row row(Grid g, int r, Header h, String name, Problems problems) {
        List<Count> counts = new ArrayList<>();
        for (int c : h.modules().keySet()) {
            counts.add(count(g, r, c, problems));
        }
        Count total = null;
        if (h.totalCol() >= 0 && !Text.isNone(g.text(r, h.totalCol()))) {
            total = count(g, r, h.totalCol(), problems);
        }
        Row row = new Row(name, g.place(r, h.nameCol()), counts, total);
        if (total != null && total.value() != null && row.readable() && total.value() != row.sum()) {
            problems.add(Problem.error("platform-total-mismatch", total.place(), (name.isEmpty() ? "" : name + "的")
                    + "总数 " + total.value() + " 不等于本行各模块之和 " + row.sum() + "：请核对总数或各模块的条数")
                    .with(String.valueOf(total.value()), String.valueOf(row.sum())));
        }
        return row;
    }

    /**
     * A count: a whole number of at least 0; a blank cell (or "/", "-") is 0. A number typed as text is read as
     * the number. Anything else is reported and reads as null.
     */
    private static Count count(Grid g, int r, int c, Problems problems) {
        Grid.Value v = g.value(r, c);
        Place at = g.place(r, c);
        String why = switch (v.kind()) {
            case BLANK -> null;
            case FORMULA_NO_CACHE -> "公式没有保存计算结果（本工具不计算公式）：请在 Excel/WPS 中重新计算并保存，或直接填写数字";
            case FORMULA_ERROR, ERROR -> "单元格是一个出错的公式结果（#错误），请改为数字";
            case DAMAGED -> "单元格的内容无法读取（文件中它指向的文字不存在，文件可能已损坏），请重新填写";
            case DATE, BOOLEAN -> "“" + v.text() + "”不是上传条数";
            default -> null;
        };
        if (why != null) {
            problems.add(Problem.error("platform-count", at, why).with(v.text(), "0 或正整数"));
            return new Count(null, at);
        }
        if (v.kind() == Grid.Kind.BLANK || (v.number() == null && Text.isNone(v.text()))) {
            return new Count(0L, at);
        }
        BigDecimal n = v.number() != null ? v.number()
                : Numbers.parse(v.text()).filter(p -> !p.percent()).map(Numbers.Parsed::value).orElse(null);
        if (n == null || n.signum() < 0 || Numbers.normalise(n).scale() > 0
                || n.compareTo(BigDecimal.valueOf(TOO_MANY)) >= 0) {
            String shown = v.number() != null ? Numbers.format(n) : v.text();
            problems.add(Problem.error("platform-count", at, "上传条数应为 0 或正整数，而不是“" + shown + "”")
                    .with(shown, "0 或正整数"));
            return new Count(null, at);
        }
        return new Count(n.longValueExact(), at);
    }

    /** A 合计 row: each module's figure (and its 总数) must be the sum of the rows above. */
    private static void checkColumnSums(Header h, List<Row> rows, Row sumRow, Problems problems) {
        for (int k = 0; k < sumRow.counts().size(); k++) {
            final int i = k;
            Count given = sumRow.counts().get(i);
            if (given.value() == null || rows.stream().anyMatch(r -> r.counts().get(i).value() == null)) {
                continue;
            }
            long sum = rows.stream().mapToLong(r -> r.counts().get(i).value()).sum();
            if (given.value() != sum) {
                String module = new ArrayList<>(h.modules().values()).get(i);
                problems.add(Problem.error("platform-total-mismatch", given.place(), "“" + module + "”的合计 "
                        + given.value() + " 不等于各行之和 " + sum + "：请核对合计或各行的条数")
                        .with(String.valueOf(given.value()), String.valueOf(sum)));
            }
        }
    }
}
