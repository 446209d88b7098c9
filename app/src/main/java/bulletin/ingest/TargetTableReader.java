package bulletin.ingest;

import bulletin.diag.Place;
import bulletin.diag.Problems;
import bulletin.text.Numbers;
import bulletin.text.Text;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.poi.ss.util.CellRangeAddress;

/**
 * Reads the target allocation table (指标任务分解表) in the official layout: a title row, one or two header
 * rows (序号 | 项目名称及指标任务 over one to three name columns | 单位 | a column per reporting unit, perhaps a
 * leading 全市 and a trailing 备注), one row per indicator, and a closing note on levels.
 */
public final class TargetTableReader {

    /** One indicator row as the table gives it. */
    public record Row(int item, List<String> rawPath, String measure, Map<String, BigDecimal> targets,
                      Map<String, String> unitTexts, String targetText, BigDecimal totalTarget, String note,
                      String place, String responsible, String ceilingWords, boolean textAcrossUnits) {

        /** A row whose text target, if any, is not one merged across all the unit columns. */
        public Row(int item, List<String> rawPath, String measure, Map<String, BigDecimal> targets,
                   Map<String, String> unitTexts, String targetText, BigDecimal totalTarget, String note,
                   String place, String responsible, String ceilingWords) {
            this(item, rawPath, measure, targets, unitTexts, targetText, totalTarget, note, place, responsible,
                    ceilingWords, false);
        }

        /** A row without a 责任单位 of its own (the responsibility table gives it). */
        public Row(int item, List<String> rawPath, String measure, Map<String, BigDecimal> targets,
                   Map<String, String> unitTexts, String targetText, BigDecimal totalTarget, String note,
                   String place) {
            this(item, rawPath, measure, targets, unitTexts, targetText, totalTarget, note, place, null, null);
        }
    }

    /**
     * A whole target table.
     *
     * @param sideways whether it was laid out the other way round: one row per area, one column per indicator
     */
    public record Table(Place place, Integer year, String title, List<String> units, List<Row> rows,
                        LevelNote levelNote, boolean sideways) {

        /** How the table was laid out, as {@code init} says it. */
        public String layout() {
            return sideways ? "横排（每行一个地区，每列一个指标）" : "竖排（每行一个指标，每列一个填报单位）";
        }
    }

    private static final Pattern YEAR = Pattern.compile("(20\\d{2})\\s*年");
    private static final Pattern TOTAL = Pattern.compile("全市|全县|全区|合计|总计|小计|全市合计|全市总计|总数|全市目标");
    /**
     * A 备注 that gives a reporter outside the unit columns its own figure: "市本级 250", "市本级250人次",
     * "其中市本级 10", "市直：5".
     */
    private static final Pattern NOTE_REPORTER = Pattern.compile(
            "(?:其中|含)?[:：]?(\\p{IsHan}{0,4}本级|市直(?:单位|部门)?)[:：]?(?:承担|完成|负责|任务|目标)?[:：]?"
                    + "(\\d+(?:\\.\\d+)?)(万)?(.*?)(?:[（(][^）)]*[）)])?[。;；]?");
    private static final Set<String> GENERIC = Set.of("目标任务", "年度目标", "目标", "任务数", "年度任务", "目标任务数",
            "推进情况", "指标");

    private TargetTableReader() {
    }

    /** Whether {@code g} has the header row of a target table (either way round) within its first rows. */
    public static boolean looksLike(Grid g) {
        return header(g).isPresent() || Sideways.header(g).isPresent();
    }

    private record Header(int top, int bottom, int seqCol, int measureCol) {
    }

    private static Optional<Header> header(Grid g) {
        for (int r = 0; r < Math.min(g.rows(), 30); r++) {
            OptionalInt seq = Headers.find(g, r, t -> t.equals("序号"));
            if (seq.isEmpty()) {
                continue;
            }
            if (Headers.find(g, r, t -> t.contains("牵头")).isPresent()) {
                return Optional.empty();
            }
            OptionalInt measure = Headers.findIn(g, r, r + 1, t -> t.equals("单位") || t.equals("计量单位"));
            if (measure.isEmpty() || measure.getAsInt() <= seq.getAsInt() + 1) {
                continue;
            }
            int bottom = Math.max(Headers.bottom(g, r, seq.getAsInt()), Headers.bottom(g, r, measure.getAsInt()));
            if (bottom == r && isUnitNameRow(g, r + 1, seq.getAsInt(), measure.getAsInt())) {
                bottom = r + 1;
            }
            return Optional.of(new Header(r, bottom, seq.getAsInt(), measure.getAsInt()));
        }
        return Optional.empty();
    }

    /** A second header row: nothing under 序号 and 单位, words (not numbers) over the unit columns. */
    private static boolean isUnitNameRow(Grid g, int r, int seqCol, int measureCol) {
        if (r >= g.rows() || !g.text(r, seqCol).isEmpty() || !g.text(r, measureCol).isEmpty()) {
            return false;
        }
        int words = 0;
        for (int c = measureCol + 1; c < g.cols(); c++) {
            String t = g.text(r, c);
            if (t.isEmpty()) {
                continue;
            }
            if (Numbers.parse(t).isPresent() || g.value(r, c).number() != null) {
                return false;
            }
            words++;
        }
        return words >= 2;
    }

    private enum Role { UNIT, TOTAL, NOTE, RESPONSIBLE, IGNORE }

    /**
     * A row or column headed 责任单位, 牵头单位, 配合单位 (…部门): it names who answers for an indicator, never a
     * reporting unit, in either layout.
     */
    static final Pattern RESPONSIBLE = Pattern.compile("(牵头|责任|配合|协同|相关|主管)(责任)?(单位|部门)|责任主体|牵头领导");

    /** Reads the table in {@code g}, or empty where {@code g} is not a target table. */
    public static Optional<Table> read(Grid g, Problems problems) {
        Optional<Header> header = header(g);
        if (header.isEmpty()) {
            return Sideways.read(g, problems);
        }
        Header h = header.get();
        Heading heading = heading(g, h);
        Optional<Columns> columns = columns(g, h, problems);
        if (columns.isEmpty()) {
            return Optional.empty();
        }
        Body body = body(g, h, columns.get(), problems);
        LevelNote note = body.note() != null ? body.note() : findNoteAnywhere(g);
        return Optional.of(new Table(g.place(), heading.year(), heading.title(), columns.get().units(), body.rows(),
                note, false));
    }

    /** What stands above the header: the table's title (its first long text) and the year it names. */
    record Heading(String title, Integer year) {
    }

    private static Heading heading(Grid g, Header h) {
        return heading(g, h.top);
    }

    static Heading heading(Grid g, int top) {
        String title = null;
        Integer year = null;
        for (int r = 0; r < top; r++) {
            for (String t : g.texts(r)) {
                if (title == null && t.length() >= 6) {
                    title = t;
                }
                Matcher m = YEAR.matcher(Text.halfWidth(t));
                if (year == null && m.find()) {
                    year = Integer.parseInt(m.group(1));
                }
            }
        }
        return new Heading(title, year);
    }

    /**
     * The columns after 单位 by what they hold (units, 全市, 备注, generic words to skip), in column order, with
     * the unit names and the span of the unit columns.
     */
    private record Columns(Map<Integer, Role> roles, Map<Integer, String> unitOfCol, List<String> units,
                           int firstUnitCol, int lastUnitCol, int measureCol) {

        /** Whether a merged region covers more than one of the unit columns: a figure for all of them. */
        boolean spansUnits(CellRangeAddress a) {
            return a != null && Math.min(a.getLastColumn(), lastUnitCol) > Math.max(a.getFirstColumn(), firstUnitCol);
        }
    }

    /** Maps the columns after 单位; empty (and reported) where no unit column is found. */
    private static Optional<Columns> columns(Grid g, Header h, Problems problems) {
        List<String> units = new ArrayList<>();
        Map<Integer, Role> roles = new LinkedHashMap<>();
        Map<Integer, String> unitOfCol = new LinkedHashMap<>();
        for (int c = h.measureCol + 1; c < g.cols(); c++) {
            String name = columnName(g, h, c);
            if (name.isEmpty()) {
                continue;
            }
            Role role = role(name);
            if (role == Role.RESPONSIBLE) {
                problems.warning("responsibility-column", g.place(h.bottom, c), "“" + name + "”这一列写的是负责的部门，"
                        + "不是填报单位：不作为填报单位读取，按各行的" + name + "记下牵头单位（表格若是由横排转置而来，请核对）");
            }
            if (role == Role.UNIT && units.contains(name)) {
                problems.error("duplicate-unit", g.place(h.bottom, c), "表头中填报单位“" + name + "”出现了两次");
                role = Role.IGNORE;
            }
            roles.put(c, role);
            if (role == Role.UNIT) {
                unitOfCol.put(c, name);
                units.add(name);
            }
        }
        if (units.isEmpty()) {
            problems.error("no-units", g.place(h.bottom, h.measureCol + 1),
                    "“单位”列之后找不到填报单位的列名（应为各镇街或县市区的名称）");
            return Optional.empty();
        }
        int firstUnitCol = unitOfCol.keySet().iterator().next();
        int lastUnitCol = firstUnitCol;
        for (int c : unitOfCol.keySet()) {
            lastUnitCol = Math.max(lastUnitCol, c);
        }
        return Optional.of(new Columns(roles, unitOfCol, units, firstUnitCol, lastUnitCol, h.measureCol));
    }

    /**
     * The name of column {@code c}: its cell in the header's bottom row; in a two-row header, where that cell
     * is empty or merged across columns (a group heading), the top row's cell unless it too is merged across
     * columns.
     */
    private static String columnName(Grid g, Header h, int c) {
        String name = Text.compact(g.text(h.bottom, c));
        CellRangeAddress a = g.region(h.bottom, c);
        if (a != null && a.getLastColumn() > a.getFirstColumn() && h.bottom > h.top) {
            name = "";
        }
        if (name.isEmpty() && h.bottom > h.top) {
            CellRangeAddress top = g.region(h.top, c);
            if (top == null || top.getLastColumn() == top.getFirstColumn()) {
                name = Text.compact(g.text(h.top, c));
            }
        }
        return name;
    }

    private static Role role(String name) {
        if (RESPONSIBLE.matcher(name).matches()) {
            return Role.RESPONSIBLE;
        }
        if (GENERIC.contains(name)) {
            return Role.IGNORE;
        }
        if (TOTAL.matcher(name).matches()) {
            return Role.TOTAL;
        }
        if (name.equals("备注") || name.equals("说明")) {
            return Role.NOTE;
        }
        return Role.UNIT;
    }

    /** The rows below the header: the indicators, and the closing note where the table ends with one. */
    private record Body(List<Row> rows, LevelNote note) {
    }

    /**
     * Walks the rows below the header up to a closing note, carrying the item number and the name levels left
     * blank down from the rows above, and skipping blank rows and the header repeated on a new page.
     */
    private static Body body(Grid g, Header h, Columns cols, Problems problems) {
        List<Row> rows = new ArrayList<>();
        Headers.ItemCursor cursor = new Headers.ItemCursor();
        String[] carry = new String[Math.max(0, h.measureCol - h.seqCol - 1)];
        for (int r = h.bottom + 1; r < g.rows(); r++) {
            if (g.isBlankRow(r)) {
                continue;
            }
            String first = firstText(g, r);
            if (isClosingNote(first)) {
                return new Body(rows, closingNote(g, r, h, first, problems));
            }
            if (isRepeatedHeader(g, r, h, cols) || !cursor.next(g, r, h.seqCol, problems)) {
                continue;
            }
            if (cursor.newItem) {
                Arrays.fill(carry, null);
            }
            indicatorRow(g, r, h, cols, cursor.item, carry, problems).ifPresent(rows::add);
        }
        return new Body(rows, null);
    }

    /** A row whose first text opens a note (注：…, or a sentence saying which items are 省级/市级). */
    private static boolean isClosingNote(String first) {
        return first.startsWith("注") && (first.startsWith("注：") || first.startsWith("注:") || first.contains("项为"));
    }

    /** The level note of the closing row {@code r}, or null (and a warning) where it says nothing readable. */
    private static LevelNote closingNote(Grid g, int r, Header h, String first, Problems problems) {
        LevelNote note = LevelNote.parse(String.join("", g.texts(r))).orElse(null);
        if (note == null) {
            problems.warning("unreadable-note", g.place(r, h.seqCol),
                    "表尾注释中读不出哪些项目是省级、哪些是市级：“" + first + "”");
        }
        return note;
    }

    /** The header repeated on a new page: 序号 again, or the unit names again. */
    private static boolean isRepeatedHeader(Grid g, int r, Header h, Columns cols) {
        return Text.compact(g.text(r, h.seqCol)).equals("序号") || isRepeatedUnitRow(g, r, cols.unitOfCol());
    }

    /**
     * The indicator of row {@code r} of item {@code item}; empty where the row only names a project or task (no
     * measure, no target), and empty and reported where it has targets but no item number or no name.
     */
    private static Optional<Row> indicatorRow(Grid g, int r, Header h, Columns cols, int item, String[] carry,
                                              Problems problems) {
        List<String> parts = nameParts(g, r, h.seqCol + 1, h.measureCol, carry);
        String measure = Text.compact(g.text(r, h.measureCol));
        Targets t = targets(g, r, cols);
        if (measure.isEmpty() && !t.any()) {
            return Optional.empty(); // a heading row that only names a project or task, or nothing at all
        }
        if (item < 0) {
            problems.error("missing-item-number", g.place(r, h.seqCol), "第一行指标没有序号（项目编号）");
            return Optional.empty();
        }
        if (parts.isEmpty()) {
            problems.error("missing-name", g.place(r, h.seqCol + 1), "这一行有目标但没有指标名称");
            return Optional.empty();
        }
        unreadTargets(g, r, cols, String.join("", parts), problems);
        return Optional.of(new Row(item, parts, measure, t.targets, t.unitTexts, t.targetText, t.total, t.note,
                g.place(r, h.seqCol).format(), t.responsible, t.ceilingWords, t.textAcrossAll));
    }

    /**
     * The target cells of row {@code r} that would otherwise lose a target in silence: a formula saved without its
     * result (it reads as blank) or with an error (it would read as a text target), and a cell merged across some
     * of the unit columns but not all (one figure for two units: whose is it?). Each is an error naming the cell,
     * the indicator and the unit(s).
     */
    private static void unreadTargets(Grid g, int r, Columns cols, String name, Problems problems) {
        Set<CellRangeAddress> seen = new HashSet<>();
        for (var e : cols.roles().entrySet()) {
            int c = e.getKey();
            if (e.getValue() != Role.UNIT && e.getValue() != Role.TOTAL) {
                continue;
            }
            CellRangeAddress a = g.region(r, c);
            if (a != null && !seen.add(a)) {
                continue; // a merged region is one cell
            }
            String who = e.getValue() == Role.TOTAL ? "全市" : cols.unitOfCol().get(c);
            Grid.Value v = g.value(r, c);
            int fr = a == null ? r : a.getFirstRow();
            int fc = a == null ? c : a.getFirstColumn();
            List<String> units = a == null ? List.of() : cols.unitOfCol().entrySet().stream()
                    .filter(u -> u.getKey() >= a.getFirstColumn() && u.getKey() <= a.getLastColumn())
                    .map(Map.Entry::getValue).toList();
            if (units.size() > 1) {
                who = String.join("、", units);
            }
            if (v.kind() == Grid.Kind.FORMULA_NO_CACHE) {
                problems.error("formula-error", g.place(fr, fc), "指标“" + name + "”中" + who + "的目标是公式，但文件没有保存"
                        + "计算结果（本工具不计算公式），这个目标会丢失：请在 Excel/WPS 中打开、重新计算并保存，或直接填写数字");
            } else if (v.kind() == Grid.Kind.FORMULA_ERROR || v.kind() == Grid.Kind.ERROR) {
                problems.error("formula-error", g.place(fr, fc), "指标“" + name + "”中" + who + "的目标是一个出错的公式结果"
                        + "（#错误）：请改为数字");
            }
            if (units.size() > 1 && units.size() < cols.units().size() && !Text.isNone(v.text())) {
                problems.error("merged-target", g.place(fr, fc), "指标“" + name + "”的目标单元格 "
                        + a.formatAsString() + " 合并了" + units.size() + "个单位（" + who + "）的列，只有一个数，"
                        + "分不出各单位的目标：请取消合并，给每个单位分别填写目标");
            }
        }
    }

    /** The targets of one row as they are read, cell by cell. */
    private static final class Targets {
        final Map<String, BigDecimal> targets = new LinkedHashMap<>();
        final Map<String, String> unitTexts = new LinkedHashMap<>();
        String targetText;
        BigDecimal total;
        String note;
        String responsible;
        /** Whether {@code targetText} is a cell merged across all the unit columns (a standard for every unit). */
        boolean textAcrossAll;
        /** The words of the first target cell that wrote a ceiling ("4.3%以内"), or null. */
        String ceilingWords;

        /** A cell's figure: a number, or the figure of a ceiling in words ("4.3%以内" gives 4.3); else null. */
        private BigDecimal figure(Grid.Value v) {
            BigDecimal n = number(v);
            if (n == null) {
                n = Kinds.ceilingFigure(v.text());
                if (n != null && ceilingWords == null) {
                    ceilingWords = v.text();
                }
            }
            return n;
        }

        /** A unit's own cell: a number is its target, a word its text target; "/" and the like are none. */
        void unit(String unit, Grid.Value v) {
            if (Text.isNone(v.text())) {
                return;
            }
            BigDecimal n = figure(v);
            if (n != null) {
                targets.put(unit, n);
            } else {
                unitTexts.put(unit, v.text());
            }
        }

        /**
         * A cell merged across the unit columns: one figure (the total) or one text for all units; {@code all}
         * where the merge covers every unit column (a merge across some is refused as merged-target).
         */
        void acrossUnits(Grid.Value v, boolean all) {
            if (Text.isNone(v.text())) {
                return;
            }
            BigDecimal n = figure(v);
            if (n != null) {
                total = n;
            } else {
                targetText = v.text();
                textAcrossAll = all;
            }
        }

        /** The 全市 column: the total, or the text target unless one was already found. */
        void total(Grid.Value v) {
            if (Text.isNone(v.text())) {
                return;
            }
            BigDecimal n = figure(v);
            if (n != null) {
                total = n;
            } else if (targetText == null) {
                targetText = v.text();
            }
        }

        /**
         * The 备注: "/" or blank is none; "市本级 250" (a reporter and a figure in the indicator's 单位) gives that
         * reporter its target; anything else stays a note.
         */
        void note(String text, String measure) {
            if (Text.isNone(text)) {
                return;
            }
            Optional<Map.Entry<String, BigDecimal>> t = noteTarget(text, measure);
            if (t.isPresent()) {
                targets.putIfAbsent(t.get().getKey(), t.get().getValue());
            } else {
                note = text;
            }
        }

        /** A lone text in the unit columns, not merged, is the indicator's text target. */
        void loneTextIsTarget() {
            if (unitTexts.size() == 1 && targets.isEmpty() && targetText == null) {
                targetText = unitTexts.values().iterator().next();
                unitTexts.clear();
            }
        }

        boolean any() {
            return !targets.isEmpty() || !unitTexts.isEmpty() || targetText != null || total != null;
        }
    }

    /**
     * The reporter and target a 备注 names ("市本级 250", "其中：市本级250人次", "市本级15000人" in a row counted in 万人
     * → 1.5, "市直 30" → 市本级), in the row's 单位; empty for a note in words.
     */
    static Optional<Map.Entry<String, BigDecimal>> noteTarget(String text, String measure) {
        Matcher m = NOTE_REPORTER.matcher(Text.halfWidth(Text.compact(text)));
        if (!m.matches()) {
            return Optional.empty();
        }
        String rest = m.group(4);
        String unit = Headline.bare(measure);
        boolean same = rest.isEmpty() || rest.equals(unit) || (!unit.isEmpty() && (unit.startsWith(rest)
                || rest.startsWith(unit)));
        boolean inTenThousands = m.group(3) == null && !rest.isEmpty() && unit.startsWith("万")
                && rest.equals(unit.substring(1));
        if (!same && !("万" + rest).equals(unit) && !inTenThousands) {
            return Optional.empty();
        }
        BigDecimal v = new BigDecimal(m.group(2));
        if (m.group(3) != null && !("万" + rest).equals(unit)) {
            v = v.movePointRight(4);
        } else if (inTenThousands) {
            v = v.movePointLeft(4);
        }
        // 市直 (the city's own departments) is the city level's share: seed 002's column is 市本级.
        String reporter = m.group(1).startsWith("市直") ? "市本级" : m.group(1);
        return Optional.of(Map.entry(reporter, Numbers.normalise(v)));
    }

    private static String measureOf(Grid g, int r, Columns cols) {
        return Text.compact(g.text(r, cols.measureCol()));
    }

    /** Reads the target columns of row {@code r}, each merged region across the unit columns once. */
    private static Targets targets(Grid g, int r, Columns cols) {
        Targets t = new Targets();
        Set<CellRangeAddress> seen = new HashSet<>();
        for (var e : cols.roles().entrySet()) {
            int c = e.getKey();
            Grid.Value v = g.value(r, c);
            CellRangeAddress a = g.region(r, c);
            if (e.getValue() == Role.UNIT && cols.spansUnits(a)) {
                if (seen.add(a)) {
                    t.acrossUnits(v, a.getFirstColumn() <= cols.firstUnitCol() && a.getLastColumn() >= cols.lastUnitCol());
                }
                continue;
            }
            switch (e.getValue()) {
                case UNIT -> t.unit(cols.unitOfCol().get(c), v);
                case TOTAL -> t.total(v);
                case NOTE -> t.note(v.text(), measureOf(g, r, cols));
                case RESPONSIBLE -> t.responsible = Text.isNone(v.text()) ? t.responsible : Text.clean(v.text());
                default -> {
                }
            }
        }
        t.loneTextIsTarget();
        return t;
    }

    /**
     * The 1–3 level name of row {@code r} from columns {@code from..to-1}. Levels left blank in an unmerged
     * table are carried down from the rows above within the same item ({@code carry}).
     */
    static List<String> nameParts(Grid g, int r, int from, int to, String[] carry) {
        int first = -1;
        for (int c = from; c < to; c++) {
            if (!g.text(r, c).isEmpty()) {
                first = c;
                break;
            }
        }
        List<String> parts = new ArrayList<>();
        if (first < 0) {
            return parts;
        }
        for (int c = from; c < to; c++) {
            int k = c - from;
            String t = g.text(r, c);
            if (c < first) {
                t = carry[k] == null ? "" : carry[k];
            } else {
                carry[k] = t.isEmpty() ? null : t;
            }
            if (!t.isEmpty() && (parts.isEmpty() || !parts.get(parts.size() - 1).equals(t))) {
                parts.add(t);
            }
        }
        return parts;
    }

    private static String firstText(Grid g, int r) {
        List<String> t = g.texts(r);
        return t.isEmpty() ? "" : Text.compact(t.get(0));
    }

    private static boolean isRepeatedUnitRow(Grid g, int r, Map<Integer, String> unitOfCol) {
        int same = 0;
        for (var e : unitOfCol.entrySet()) {
            if (Text.compact(g.text(r, e.getKey())).equals(e.getValue())) {
                same++;
            }
        }
        return same >= 2 && same >= unitOfCol.size() / 2;
    }

    /** A target number: a numeric cell (a percent-formatted 0.9 is 90), or text that is exactly a number. */
    private static BigDecimal number(Grid.Value v) {
        if (v.number() != null) {
            return v.percentFormat() ? Numbers.normalise(v.number().movePointRight(2)) : v.number();
        }
        return Numbers.parse(v.text()).map(Numbers.Parsed::value).orElse(null);
    }

    /** The level note may also stand above the table or in a cell of its own anywhere in the sheet. */
    static LevelNote findNoteAnywhere(Grid g) {
        for (int r = 0; r < g.rows(); r++) {
            for (String t : g.texts(r)) {
                if (t.contains("项为") || t.startsWith("注")) {
                    Optional<LevelNote> n = LevelNote.parse(t);
                    if (n.isPresent()) {
                        return n.get();
                    }
                }
            }
        }
        return null;
    }

    /**
     * A target table laid out the other way round (issue 22): one row per area, one column per indicator. Above the
     * areas stand the indicators' headers, the unit of measure in brackets ("培训(人)"), perhaps under a project
     * heading merged over its indicators, and a 责任单位 (牵头单位) row; there is no 序号 and no 单位 column; a
     * 全市 (合计) row gives the city's own figure; a blank cell is no target. Read into the same rows as the usual
     * layout, items numbered by the project headings in order (or one item per indicator without them).
     */
    static final class Sideways {

        private static final Pattern AREA_LABEL = Pattern.compile("地区|区域|县市区|县（市、区）|县(市区)|县市区名称|单位|"
                + "填报单位|单位名称|地区名称|乡镇|镇街|乡镇（街道）|项目|指标|项目名称");
        private static final Pattern BRACKETED = Pattern.compile("^(.+?)[（(]([^（）()]{1,6})[）)]$");

        /** The label column, the indicators' header row, the project row (or -1), the 责任单位 row (or -1). */
        record Header(int labelCol, int nameRow, int projectRow, int respRow) {

            int lastHeaderRow() {
                return Math.max(nameRow, respRow);
            }
        }

        private Sideways() {
        }

        static Optional<Header> header(Grid g) {
            for (int r = 0; r < Math.min(g.rows(), 30); r++) {
                OptionalInt label = firstFilled(g, r);
                if (label.isEmpty()) {
                    continue;
                }
                int lc = label.getAsInt();
                String t = Text.compact(g.text(r, lc));
                if (RESPONSIBLE.matcher(t).matches() && r > 0 && names(g, r - 1, lc) >= 2) {
                    int nameRow = r - 1;
                    return Optional.of(new Header(lc, nameRow, projectRow(g, nameRow, lc), r));
                }
                if (AREA_LABEL.matcher(t).matches() && bracketed(g, r, lc) >= 2) {
                    int nameRow = bracketed(g, r + 1, lc) >= 2 ? r + 1 : r;
                    int resp = RESPONSIBLE.matcher(Text.compact(g.text(nameRow + 1, lc))).matches() ? nameRow + 1 : -1;
                    return Optional.of(new Header(lc, nameRow, nameRow > r ? r : projectRow(g, nameRow, lc), resp));
                }
            }
            return Optional.empty();
        }

        private static OptionalInt firstFilled(Grid g, int r) {
            for (int c = 0; c < Math.min(g.cols(), 4); c++) {
                if (!g.text(r, c).isBlank()) {
                    CellRangeAddress a = g.region(r, c);
                    // A title merged across the whole width is no label.
                    return a != null && a.getLastColumn() > a.getFirstColumn() ? OptionalInt.empty() : OptionalInt.of(c);
                }
            }
            return OptionalInt.empty();
        }

        /** How many cells right of the label column hold words in row {@code r}. */
        private static int names(Grid g, int r, int lc) {
            int n = 0;
            for (int c = lc + 1; c < g.cols(); c++) {
                String t = Text.compact(g.text(r, c));
                if (!t.isEmpty() && Numbers.parse(t).isEmpty()) {
                    n++;
                }
            }
            return n;
        }

        /** How many cells right of the label column carry a unit of measure in brackets. */
        private static int bracketed(Grid g, int r, int lc) {
            int n = 0;
            for (int c = lc + 1; c < g.cols(); c++) {
                if (BRACKETED.matcher(Text.compact(g.text(r, c))).matches()) {
                    n++;
                }
            }
            return n;
        }

        /** The row above the names where it holds headings over the indicator columns (not the title), else -1. */
        private static int projectRow(Grid g, int nameRow, int lc) {
            int r = nameRow - 1;
            if (r < 0) {
                return -1;
            }
            for (int c = lc + 1; c < g.cols(); c++) {
                CellRangeAddress a = g.region(r, c);
                if (!g.text(r, c).isBlank() && (a == null || a.getFirstColumn() > lc)) {
                    return r;
                }
            }
            return -1;
        }

        /** The name and the unit of measure of a header: "培训(人)" is 培训 in 人. */
        static String[] nameAndMeasure(String header) {
            Matcher m = BRACKETED.matcher(Text.compact(header));
            if (m.matches() && !m.group(2).contains("含") && !m.group(2).contains("其中")) {
                return new String[] {m.group(1), m.group(2)};
            }
            return new String[] {Text.compact(header), ""};
        }


        /** The area rows (by row), the 全市 row (or -1) and the closing note below the header. */
        private record Areas(Map<Integer, String> areaOfRow, List<String> names, int totalRow, LevelNote note) {
        }

        /**
         * A text merged down column {@code c} over every area row (a standard for all, as a text merged across all
         * the unit columns of the usual layout): read once into {@code t} as the indicator's, true; else false.
         */
        private static boolean textDownAllAreas(Grid g, Areas areas, int c, Targets t) {
            if (areas.areaOfRow().isEmpty()) {
                return false;
            }
            int first = areas.areaOfRow().keySet().stream().min(Integer::compare).orElseThrow();
            int last = areas.areaOfRow().keySet().stream().max(Integer::compare).orElseThrow();
            CellRangeAddress a = g.region(first, c);
            Grid.Value v = g.value(first, c);
            if (a == null || a.getFirstRow() > first || a.getLastRow() < last || Text.isNone(v.text())
                    || number(v) != null || Kinds.ceilingFigure(v.text()) != null) {
                return false;
            }
            t.acrossUnits(v, true);
            return true;
        }

        /** The rows below the header: areas, the 全市 row, the closing note; null (and reported) without areas. */
        private static Areas areas(Grid g, Header h, Problems problems) {
            int lc = h.labelCol();
            Map<Integer, String> areaOfRow = new LinkedHashMap<>();
            List<String> areas = new ArrayList<>();
            int totalRow = -1;
            LevelNote note = null;
            for (int r = h.lastHeaderRow() + 1; r < g.rows(); r++) {
                if (g.isBlankRow(r)) {
                    continue;
                }
                String name = Text.compact(g.text(r, lc));
                String first = firstText(g, r);
                if (isClosingNote(first)) {
                    note = LevelNote.parse(String.join("", g.texts(r))).orElse(null);
                    if (note == null) {
                        problems.warning("unreadable-note", g.place(r, lc),
                                "表尾注释中读不出哪些项目是省级、哪些是市级：“" + first + "”");
                    }
                    break;
                }
                if (name.isEmpty() || RESPONSIBLE.matcher(name).matches() || AREA_LABEL.matcher(name).matches()) {
                    continue; // a second 责任单位 row, the header repeated on a new page
                }
                if (TOTAL.matcher(name).matches()) {
                    totalRow = r;
                    continue;
                }
                if (areas.contains(name)) {
                    problems.error("duplicate-unit", g.place(r, lc), "填报单位“" + name + "”出现了两行");
                    continue;
                }
                areas.add(name);
                areaOfRow.put(r, name);
            }
            if (areas.isEmpty()) {
                problems.error("no-units", g.place(h.lastHeaderRow() + 1, lc),
                        "横排的指标表中，表头下面找不到各地区的行（第一列应为各镇街或县市区的名称）");
                return null;
            }
            return new Areas(areaOfRow, areas, totalRow, note);
        }

        static Optional<Table> read(Grid g, Problems problems) {
            Optional<Header> found = header(g);
            if (found.isEmpty()) {
                return Optional.empty();
            }
            Header h = found.get();
            int lc = h.labelCol();
            Heading heading = heading(g, h.projectRow() >= 0 ? h.projectRow() : h.nameRow());
            List<Integer> cols = new ArrayList<>();
            for (int c = lc + 1; c < g.cols(); c++) {
                if (!Text.compact(g.text(h.nameRow(), c)).isEmpty()) {
                    cols.add(c);
                }
            }
            Areas areas = areas(g, h, problems);
            if (areas == null) {
                return Optional.empty();
            }
            List<Row> rows = new ArrayList<>();
            Map<String, Integer> itemOfProject = new LinkedHashMap<>();
            int item = 0;
            for (int c : cols) {
                String[] nm = nameAndMeasure(g.text(h.nameRow(), c));
                String project = h.projectRow() >= 0 ? Text.compact(g.text(h.projectRow(), c)) : "";
                List<String> path = new ArrayList<>();
                int number;
                if (project.isEmpty() || project.equals(nm[0])) {
                    number = ++item;
                } else {
                    CellRangeAddress a = g.region(h.projectRow(), c);
                    String key = project + "\u0000" + (a == null ? c : a.getFirstColumn());
                    Integer known = itemOfProject.get(key);
                    number = known != null ? known : ++item;
                    itemOfProject.putIfAbsent(key, number);
                    path.add(project);
                }
                path.add(nm[0]);
                Targets t = new Targets();
                if (!textDownAllAreas(g, areas, c, t)) {
                    for (var e : areas.areaOfRow().entrySet()) {
                        t.unit(e.getValue(), g.value(e.getKey(), c));
                    }
                }
                if (areas.totalRow() >= 0) {
                    t.total(g.value(areas.totalRow(), c));
                }
                if (h.respRow() >= 0 && !Text.isNone(g.text(h.respRow(), c))) {
                    t.responsible = Text.clean(g.text(h.respRow(), c));
                }
                if (!t.any()) {
                    continue; // a column with no target at all (a 备注 left empty)
                }
                rows.add(new Row(number, path, nm[1], t.targets, t.unitTexts, t.targetText, t.total, t.note,
                        g.place(h.nameRow(), c).format(), t.responsible, t.ceilingWords, t.textAcrossAll));
            }
            LevelNote note = areas.note() != null ? areas.note() : findNoteAnywhere(g);
            return Optional.of(new Table(g.place(), heading.year(), heading.title(), areas.names(), rows, note, true));
        }
    }
}
