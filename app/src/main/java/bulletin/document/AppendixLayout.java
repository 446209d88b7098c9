package bulletin.document;

import bulletin.model.Card;
import bulletin.model.Level;
import bulletin.model.Snapshot.Figure;
import bulletin.model.Snapshot.SnapshotIndicator;
import bulletin.model.Snapshot;
import bulletin.model.Status;
import bulletin.text.Format;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * One appendix table (附件1 provincial, 附件2 city level) laid out once, cell by cell, from the snapshot: the
 * header, a block of three rows per indicator (指标 / 数量 / 进度), the merged ranges, the alignment and the
 * shading of units behind schedule. The .docx ({@link DocxWriter}) and the xlsx copy ({@link AppendixXlsx}) both
 * write this layout, so they cannot differ.
 *
 * <p>Columns: 序号 | 项目名称 | 项目主要任务 | 指标 | 单位 | 推进情况 | 全市 | the units in order. Row 0 is the
 * header; blocks follow.
 *
 * @param number 1 for 附件1 (provincial), 2 for 附件2 (city level)
 * @param rows   the header row first, then three rows per indicator
 * @param merges ranges shown as one cell; the text is in the range's first cell, the others are empty
 * @param blocks the first row of each indicator's block, in order (a block never splits across pages)
 * @param notes  the lines under the table: which figures carry {@link #MARK} and why (a unit that did not report,
 *               a figure left out as wrong)
 */
public record AppendixLayout(Level level, int number, String title, List<List<Cell>> rows, List<Merge> merges,
                             List<Integer> blocks, List<String> notes) {

    /** Marks a figure carried from an earlier month. */
    public static final String MARK = "＊";

    public static final String NONE = "/";
    public static final String IN_PROGRESS = "正在推进";
    /** A ceiling kept (at or below it). */
    public static final String CEILING_KEPT = "达成";
    public static final List<String> FIXED = List.of("序号", "项目名称", "项目主要任务", "指标", "单位", "推进情况", "全市");
    /** The first column of figures (全市); the units follow it. */
    public static final int FIRST_FIGURE = 6;

    private static final List<String> LABELS = List.of("指标", "数量", "进度");
    /** A figure's text that is a number (its value is kept for the xlsx copy); compiled once, not per cell. */
    private static final java.util.regex.Pattern NUMBER = java.util.regex.Pattern.compile("-?[0-9]+(\\.[0-9]+)?%?");
    /** A figure's text set flush right. */
    private static final java.util.regex.Pattern DIGITS = java.util.regex.Pattern.compile("-?[0-9.]+%?");

    public enum Align { LEFT, CENTER, RIGHT }

    /** How a figure is shaded: a unit behind schedule, on an indicator with a yellow or a red card. */
    public enum Shade { NONE, BEHIND, RED }

    /**
     * One cell.
     *
     * @param head   a header cell
     * @param figure a figure of the 全市 or a unit column (set in the figures' size)
     * @param mark   the figure is carried from an earlier month: shown with {@link #MARK} after it
     * @param value  the number a figure's text shows, for the xlsx copy: the fraction of a percentage ("37.09%"
     *               is 0.3709), else the figure itself; null where the text is not a number ("正在推进", "/")
     */
    public record Cell(String text, Align align, Shade shade, boolean head, boolean figure, boolean mark,
                       BigDecimal value) {

        static Cell head(String text) {
            return new Cell(text, Align.CENTER, Shade.NONE, true, false, false, null);
        }

        static Cell text(String text, Align align) {
            return new Cell(text, align, Shade.NONE, false, false, false, null);
        }

        /** A figure; its value is the number its text shows, exactly ("37.09%" is 0.3709). */
        static Cell figure(String text, Shade shade, boolean mark) {
            BigDecimal value = !NUMBER.matcher(text).matches() ? null
                    : text.endsWith("%") ? new BigDecimal(text.substring(0, text.length() - 1)).movePointLeft(2)
                    : new BigDecimal(text);
            Align align = DIGITS.matcher(text).matches() ? Align.RIGHT : Align.CENTER;
            return new Cell(text, align, shade, false, true, mark, value);
        }

        /** The text as the reader sees it, with its mark. */
        public String shown() {
            return mark ? text + MARK : text;
        }

        /** A percentage with its value: the xlsx copy stores the fraction in a percent format. */
        public boolean percent() {
            return value != null && text.endsWith("%");
        }

        /** The decimals the text shows ("37.09%" and "12.50" two, "12" none). */
        public int decimals() {
            String digits = text.endsWith("%") ? text.substring(0, text.length() - 1) : text;
            return digits.contains(".") ? digits.length() - digits.indexOf('.') - 1 : 0;
        }
    }

    /** Rows {@code r1..r2} and columns {@code c1..c2} (inclusive, 0-based) shown as one cell. */
    public record Merge(int r1, int c1, int r2, int c2) {

        public boolean covers(int r, int c) {
            return r >= r1 && r <= r2 && c >= c1 && c <= c2;
        }
    }

    /** The programme's name where none is given. */
    public static final String PROGRAMME = "重点民生实事";

    public static String title(Level level, int month) {
        return title(level, month, PROGRAMME);
    }

    /** "市级民生实事项目5月推进情况统计表": the level, the programme's own name and the month. */
    public static String title(Level level, int month, String programme) {
        return (level == Level.PROVINCE ? "省级" : "市级") + programme + "项目" + month + "月推进情况统计表";
    }

    /** The table of one level, or null where the month has no indicator of that level. */
    public static AppendixLayout of(Snapshot s, Level level) {
        return of(s, level, PROGRAMME);
    }

    /** The table of one level under the programme's own name, or null where the month has none of that level. */
    public static AppendixLayout of(Snapshot s, Level level, String programme) {
        return of(s, level, programme, Map.of());
    }

    /**
     * The table of one level; in the themed style a 形象进度 or text-target indicator's 进度 row (or its 数量 row,
     * where it has no figures) carries its 具体情况 ({@code details}, by code, as the template words it) across the
     * 全市 and unit columns.
     */
    public static AppendixLayout of(Snapshot s, Level level, String programme, Map<String, String> details) {
        List<SnapshotIndicator> inds = s.indicators().stream().filter(i -> i.level() == level).toList();
        if (inds.isEmpty()) {
            return null;
        }
        Builder b = new Builder(s, details);
        b.header();
        for (SnapshotIndicator i : inds) {
            b.block(i);
        }
        b.closeItem();
        b.closeTask();
        return new AppendixLayout(level, numberOf(s, level == Level.PROVINCE ? "1" : "2"), title(level, s.month(), programme),
                b.rows, b.merges, b.blocks, CarriedNotes.of(s, inds));
    }

    /**
     * The appendices the bulletin has, in order: {@code 1} the provincial table, {@code 2} the city level's,
     * {@code 3} the platform's counts; a level without indicators or a month without platform counts has none.
     */
    public static List<String> present(Snapshot s) {
        List<String> out = new ArrayList<>();
        if (s.indicators().stream().anyMatch(i -> i.level() == Level.PROVINCE)) {
            out.add("1");
        }
        if (s.indicators().stream().anyMatch(i -> i.level() == Level.CITY)) {
            out.add("2");
        }
        if (s.platform() != null) {
            out.add("3");
        }
        return out;
    }

    /**
     * The number an appendix carries in the bulletin: its place among those present ({@link #present}), so that a
     * city without provincial projects has its city table as 附件1 and no gap; its usual number where absent.
     */
    public static int numberOf(Snapshot s, String which) {
        int k = present(s).indexOf(which);
        return k < 0 ? Integer.parseInt(which) : k + 1;
    }

    /** The titles of the appendices present, in order, for the 附件 list. */
    public static List<String> titles(Snapshot s, String programme) {
        List<String> out = new ArrayList<>();
        for (String which : present(s)) {
            out.add(switch (which) {
                case "1" -> title(Level.PROVINCE, s.month(), programme);
                case "2" -> title(Level.CITY, s.month(), programme);
                default -> PlatformLayout.title(s.year(), s.month());
            });
        }
        return out;
    }

    /** The merge that starts at this cell, or null. */
    public Merge mergeAt(int r, int c) {
        return merges.stream().filter(m -> m.r1() == r && m.c1() == c).findFirst().orElse(null);
    }

    /** The merge that covers this cell, or null. */
    public Merge mergeCovering(int r, int c) {
        return merges.stream().filter(m -> m.covers(r, c)).findFirst().orElse(null);
    }

    /**
     * For every cell, the merge that covers it ({@link #mergeCovering}: the first in order), or null: made once per
     * table, where asking cell by cell scanned every merge for each of a province's 27,000 cells.
     */
    public Merge[][] coverage() {
        Merge[][] cover = new Merge[rows.size()][];
        for (int r = 0; r < cover.length; r++) {
            cover[r] = new Merge[rows.get(r).size()];
        }
        for (Merge m : merges) {
            for (int r = m.r1(); r <= m.r2() && r < cover.length; r++) {
                for (int c = m.c1(); c <= m.c2() && c < cover[r].length; c++) {
                    if (cover[r][c] == null) {
                        cover[r][c] = m;
                    }
                }
            }
        }
        return cover;
    }

    public int columns() {
        return rows.get(0).size();
    }

    /** A target the tables give only in words ("不低于1200元/人"), for the whole 指标 row; else null. */
    static String wordTarget(SnapshotIndicator i) {
        return Builder.wordTarget(i);
    }

    /** Lays out the rows and merges; item and task merges are closed when the next one starts. */
    private static final class Builder {
        private final Snapshot s;
        private final List<List<Cell>> rows = new ArrayList<>();
        private final List<Merge> merges = new ArrayList<>();
        private final List<Integer> blocks = new ArrayList<>();
        private int lastItem = -1;
        private String lastTask;
        private int itemStart;
        private int taskStart;
        private int itemNo;
        private final Map<String, String> details;

        Builder(Snapshot s, Map<String, String> details) {
            this.s = s;
            this.details = details;
        }

        void header() {
            List<Cell> h = new ArrayList<>();
            FIXED.forEach(t -> h.add(Cell.head(t)));
            s.units().forEach(t -> h.add(Cell.head(t)));
            rows.add(h);
            itemStart = 1;
            taskStart = 1;
        }

        void block(SnapshotIndicator i) {
            String task = i.path().size() >= 3 ? i.path().get(1) : "";
            boolean newItem = i.item() != lastItem;
            boolean newTask = newItem || !task.equals(lastTask);
            if (newTask) {
                closeTask();
            }
            if (newItem) {
                closeItem();
                itemNo++;
            }
            int r = rows.size();
            blocks.add(r);
            boolean single = i.path().size() == 1;
            List<List<String>> figures = figures(i);
            String words = wordTarget(i);
            String detail = details.get(i.code());
            int detailRow = detail == null ? -1 : i.kind().reportsPercent() ? 2 : 1;
            for (int k = 0; k < 3; k++) {
                boolean first = k == 0;
                List<Cell> row = new ArrayList<>();
                row.add(Cell.text(first && newItem ? String.valueOf(itemNo) : "", Align.CENTER));
                row.add(Cell.text(first && newItem && !single ? i.itemName() : first && single ? i.name() : "",
                        single ? Align.LEFT : Align.CENTER));
                row.add(Cell.text(first && newTask && !single ? task : "", Align.CENTER));
                row.add(Cell.text(first && !single ? i.name() : "", Align.LEFT));
                row.add(Cell.text(first ? i.measure() : "", Align.CENTER));
                row.add(Cell.text(LABELS.get(k), Align.CENTER));
                figureCells(row, i, figures.get(k), k, first ? words : k == detailRow ? detail : null);
                rows.add(row);
            }
            if (single) {
                // A project that is its own only indicator: one name across 项目名称, 主要任务 and 指标.
                merges.add(new Merge(r, 1, r + 2, 3));
            } else {
                merges.add(new Merge(r, 3, r + 2, 3));
            }
            merges.add(new Merge(r, 4, r + 2, 4));
            if (words != null) {
                merges.add(new Merge(r, FIRST_FIGURE, r, FIRST_FIGURE + s.units().size()));
            }
            if (detailRow > 0) {
                merges.add(new Merge(r + detailRow, FIRST_FIGURE, r + detailRow, FIRST_FIGURE + s.units().size()));
            }
            lastItem = i.item();
            lastTask = task;
        }

        private void figureCells(List<Cell> row, SnapshotIndicator i, List<String> values, int k, String words) {
            if (words != null) {
                row.add(Cell.text(words, Align.LEFT));
                for (int c = 1; c < values.size(); c++) {
                    row.add(Cell.text("", Align.LEFT));
                }
                return;
            }
            for (int c = 0; c < values.size(); c++) {
                Figure f = c == 0 ? i.total() : i.units().get(s.units().get(c - 1));
                boolean behind = k == 2 && f != null && scoped(f, c == 0) && f.status() == Status.BEHIND;
                Shade shade = !behind ? Shade.NONE : i.card() == Card.RED ? Shade.RED : Shade.BEHIND;
                // A unit's carried figure; or the 全市 figure a lead department reports, carried.
                boolean mark = k > 0 && f != null && f.carried() && !values.get(c).equals(NONE);
                row.add(Cell.figure(values.get(c), shade, mark));
            }
        }

        /** Closes the 序号 and 项目名称 merge of the item before the row about to be added. */
        void closeItem() {
            int r = rows.size();
            if (r - 1 > itemStart) {
                merges.add(new Merge(itemStart, 0, r - 1, 0));
                if (!covered(itemStart, 1)) {
                    merges.add(new Merge(itemStart, 1, r - 1, 1));
                }
            }
            itemStart = r;
        }

        void closeTask() {
            int r = rows.size();
            if (r - 1 > taskStart && !covered(taskStart, 2)) {
                merges.add(new Merge(taskStart, 2, r - 1, 2));
            }
            taskStart = r;
        }

        private boolean covered(int r, int c) {
            return merges.stream().anyMatch(m -> m.covers(r, c));
        }

        /** The 指标, 数量 and 进度 rows' figures: 全市 first, then each unit. */
        private List<List<String>> figures(SnapshotIndicator i) {
            List<List<String>> out = List.of(new ArrayList<>(), new ArrayList<>(), new ArrayList<>());
            add(i, i.total(), true, out);
            if (i.averaged() && !out.get(1).get(0).equals(NONE)) {
                // The city's rate is the units' mean, not a figure of its own: the table says so.
                out.get(1).set(0, out.get(1).get(0) + "（" + bulletin.text.Text.unitsWord(s.units()) + "平均）");
            }
            for (String u : s.units()) {
                add(i, i.units().get(u), false, out);
            }
            String standard = standardOfAll(i);
            if (standard != null) {
                out.get(0).set(0, standard); // the 全市 cell shows the standard as every unit's does (seed 002)
            }
            return out;
        }

        /**
         * The standard every unit carries as its target (a standard merged across all the unit columns), or null:
         * the 全市 cell then shows it too, not the whole target text.
         */
        private static String standardOfAll(SnapshotIndicator i) {
            if (!i.kind().standard() || i.total().target() != null || i.units().isEmpty()) {
                return null;
            }
            java.util.Set<String> texts = new java.util.HashSet<>();
            for (Figure f : i.units().values()) {
                if (f == null || f.target() != null || f.targetText() == null) {
                    return null;
                }
                texts.add(f.targetText());
            }
            return texts.size() == 1 ? texts.iterator().next() : null;
        }

        private static void add(SnapshotIndicator i, Figure f, boolean total, List<List<String>> out) {
            if (!scoped(f, total)) {
                out.forEach(l -> l.add(NONE));
                return;
            }
            out.get(0).add(f.target() != null ? Format.number(f.target())
                    : f.targetText() != null ? f.targetText() : NONE);
            if (i.kind().reportsPercent()) {
                out.get(1).add(f.percent() != null || f.status() != Status.NOT_SCORED ? IN_PROGRESS : NONE);
            } else if (f.done() == null) {
                out.get(1).add(NONE);
            } else {
                out.get(1).add(i.kind().level() ? f.done().setScale(2, RoundingMode.HALF_UP).toPlainString()
                        : Format.number(f.done()));
            }
            out.get(2).add(i.kind().lowerIsBetter() ? ceilingText(f)
                    : f.progress() != null ? Format.percent(f.progress()) : NONE);
        }

        /** A ceiling's 进度 cell: "达成" at or below it, "超出0.6" above it; never a percentage of the ceiling. */
        private static String ceilingText(Figure f) {
            if (f.done() == null || f.target() == null) {
                return NONE;
            }
            BigDecimal over = f.done().subtract(f.target());
            return over.signum() <= 0 ? CEILING_KEPT : "超出" + Format.number(over);
        }

        private static boolean scoped(Figure f, boolean total) {
            return total || f != null && (f.target() != null || f.targetText() != null);
        }

        /**
         * A target in words for the whole city (no unit has one of its own): the 指标 row carries it once, across
         * the 全市 and unit columns, as the official tables do.
         */
        private static String wordTarget(SnapshotIndicator i) {
            boolean unitScoped = i.units().values().stream().anyMatch(f -> f.target() != null || f.targetText() != null);
            return !unitScoped && i.total().target() == null ? i.total().targetText() : null;
        }
    }
}
