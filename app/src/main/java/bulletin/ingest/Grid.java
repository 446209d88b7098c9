package bulletin.ingest;

import bulletin.diag.Place;
import bulletin.text.Text;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.poi.ss.util.CellRangeAddress;

/**
 * A sheet as a rectangle of cell values with its merged regions resolved: a cell inside a merged region
 * reads as the region's top-left value. Formulas are never evaluated; their cached values are read.
 *
 * <p>Only what the sheet holds is stored (its cells with a value, each row's merged regions as column spans), so a
 * far-away cell or a merge over a whole sheet costs no more than a near one; the rectangle is bounded by
 * {@link #MAX_ROWS} and {@link #MAX_COLS}, which the reader enforces (a value beyond them makes the workbook
 * unreadable, named by its cell) and which bound every loop over the rectangle.
 */
public final class Grid {

    /** No form or table has more rows than this (a monthly form has about 50, a province's table a few hundred). */
    public static final int MAX_ROWS = 50_000;
    /** No form or table has more columns than this (column ALL; a province's table has about 160). */
    public static final int MAX_COLS = 1_000;

    /**
     * What a cell held. A {@code DATE} is a number shown as a date or time by its number format: its text is the
     * date shown, its number the day count as saved. A {@code DAMAGED} cell's stored value cannot be resolved (a
     * shared-string index past the workbook's table): it is not blank, its value is lost.
     */
    public enum Kind { BLANK, TEXT, NUMBER, DATE, BOOLEAN, ERROR, FORMULA_ERROR, FORMULA_NO_CACHE, DAMAGED }

    /**
     * One cell as read: its text as displayed, its number where it holds one, what kind of cell it was, and
     * whether a formula produced it (formulas are never evaluated; the value saved with the file is read).
     */
    public record Value(String text, BigDecimal number, boolean percentFormat, Kind kind, boolean formula) {
        static final Value EMPTY = new Value("", null, false, Kind.BLANK, false);
    }

    /**
     * A row's merged regions as disjoint column spans, sorted: columns {@code from[i]..to[i]} show region
     * {@code region[i]}. Where regions overlap (a file Excel would repair), the later one wins, as it always did.
     */
    private record Spans(int[] from, int[] to, int[] region) {

        /** The region shown at {@code col}, or -1. */
        int at(int col) {
            int i = Arrays.binarySearch(from, col);
            if (i < 0) {
                i = -i - 2; // the last span starting before col
            }
            return i >= 0 && to[i] >= col ? region[i] : -1;
        }
    }

    private final Place place;
    /**
     * The cells holding a value, row by row and left to right, in three flat arrays (one of each per grid, not per
     * row: a history keeps a month's forms alive at once): row r's cells are {@code start[r]..start[r + 1]}, their
     * columns {@code cols} (sorted within the row) and their values {@code cells}.
     */
    private final int[] start;
    private final short[] cols;
    private final Value[] cells;
    /**
     * Each own cell's text {@link bulletin.text.Text#compact compacted}, made when first asked for (the header
     * search asks for the same cells again and again: every row above the header, twice, and the header row once
     * per column it looks for); null until then, and again once {@link #forgetCompacted} is called. A race writes
     * the same string twice, or makes the array twice, which is harmless.
     */
    private String[] compacted;
    private final Spans[] merged;
    private final List<CellRangeAddress> regions;
    private final BitSet hiddenRows;
    private final BitSet hiddenCols;
    private final int rows;
    private final int width;

    private Grid(Place place, int[] start, short[] cols, Value[] cells, Spans[] merged, List<CellRangeAddress> regions,
                 int rows, int width, BitSet hiddenRows, BitSet hiddenCols) {
        this.place = place;
        this.start = start;
        this.cols = cols;
        this.cells = cells;
        this.merged = merged;
        this.regions = regions;
        this.rows = rows;
        this.width = width;
        this.hiddenRows = hiddenRows;
        this.hiddenCols = hiddenCols;
    }

    /**
     * A grid from cells read elsewhere (the light reader): {@code cells} by (row, col) ({@link #key}), merged
     * regions, hidden rows and columns. Cells lie within {@link #MAX_ROWS} × {@link #MAX_COLS} (the reader refuses
     * a workbook with one beyond); regions are cut to that rectangle.
     */
    static Grid of(Place place, Map<Long, Value> cells, List<CellRangeAddress> regions, BitSet hiddenRowSet,
                   BitSet hiddenColSet) {
        long[] keys = cells.keySet().stream().mapToLong(Long::longValue).sorted().toArray();
        Value[] values = new Value[keys.length];
        for (int i = 0; i < keys.length; i++) {
            values[i] = cells.get(keys[i]);
        }
        return of(place, keys, values, keys.length, regions, hiddenRowSet, hiddenColSet);
    }

    /**
     * {@link #of(Place, Map, List, BitSet, BitSet)} from the cells' keys in strictly increasing order (row by row,
     * left to right, each cell once: how a sheet's XML lists them) and their values, the first {@code n} of each.
     */
    static Grid of(Place place, long[] keys, Value[] cellValues, int n, List<CellRangeAddress> regions,
                   BitSet hiddenRowSet, BitSet hiddenColSet) {
        int rows = 0;
        int width = 0;
        for (int i = 0; i < n; i++) {
            long key = keys[i];
            int r = (int) (key >> 20);
            int c = (int) (key & 0xFFFFF);
            if (r < 0 || r >= MAX_ROWS || c >= MAX_COLS) {
                throw new IllegalArgumentException("cell beyond the grid: " + r + "," + c);
            }
            if (i > 0 && keys[i - 1] >= key) {
                throw new IllegalArgumentException("cells out of order: " + keys[i - 1] + " before " + key);
            }
            rows = Math.max(rows, r + 1);
            width = Math.max(width, c + 1);
        }
        List<CellRangeAddress> kept = new ArrayList<>();
        for (CellRangeAddress r : regions) {
            if (r.getFirstRow() < 0 || r.getFirstColumn() < 0 || r.getFirstRow() >= MAX_ROWS
                    || r.getFirstColumn() >= MAX_COLS) {
                continue;
            }
            CellRangeAddress cut = new CellRangeAddress(r.getFirstRow(), Math.min(r.getLastRow(), MAX_ROWS - 1),
                    r.getFirstColumn(), Math.min(r.getLastColumn(), MAX_COLS - 1));
            kept.add(cut);
            rows = Math.max(rows, cut.getLastRow() + 1);
            width = Math.max(width, cut.getLastColumn() + 1);
        }
        int[] start = new int[rows + 1];
        short[] cols = new short[n];
        Value[] cells = java.util.Arrays.copyOf(cellValues, n);
        for (int i = 0; i < n; i++) {
            start[(int) (keys[i] >> 20) + 1]++;
            cols[i] = (short) (keys[i] & 0xFFFFF);
        }
        for (int r = 0; r < rows; r++) {
            start[r + 1] += start[r];
        }
        BitSet hr = hiddenRowSet.get(0, rows);
        BitSet hc = hiddenColSet.get(0, width);
        return new Grid(place, start, cols, cells, spans(kept, rows), List.copyOf(kept), rows, width, hr, hc);
    }

    /** Each row's merged regions as disjoint spans: the cost is the rows the regions cross, not their area. */
    private static Spans[] spans(List<CellRangeAddress> regions, int rows) {
        int[] count = new int[rows];
        for (CellRangeAddress r : regions) {
            for (int y = r.getFirstRow(); y <= r.getLastRow(); y++) {
                count[y]++;
            }
        }
        int[][] crossing = new int[rows][];
        int[] next = new int[rows];
        for (int i = 0; i < regions.size(); i++) {
            CellRangeAddress r = regions.get(i);
            for (int y = r.getFirstRow(); y <= r.getLastRow(); y++) {
                if (crossing[y] == null) {
                    crossing[y] = new int[count[y]];
                }
                crossing[y][next[y]++] = i;
            }
        }
        Spans[] out = new Spans[rows];
        for (int y = 0; y < rows; y++) {
            if (crossing[y] != null) {
                out[y] = paint(regions, crossing[y]);
            }
        }
        return out;
    }

    /** Lays the regions crossing one row over each other in order, a later one over an earlier one. */
    private static Spans paint(List<CellRangeAddress> regions, int[] ids) {
        TreeMap<Integer, int[]> spans = new TreeMap<>(); // from → {to, region}
        for (int id : ids) {
            int a = regions.get(id).getFirstColumn();
            int b = regions.get(id).getLastColumn();
            Map.Entry<Integer, int[]> before = spans.floorEntry(a);
            if (before != null && before.getValue()[0] >= a) { // an earlier span runs into [a, b]
                int[] v = before.getValue();
                spans.remove(before.getKey());
                if (before.getKey() < a) {
                    spans.put(before.getKey(), new int[] {a - 1, v[1]});
                }
                if (v[0] > b) {
                    spans.put(b + 1, new int[] {v[0], v[1]});
                }
            }
            for (Map.Entry<Integer, int[]> e; (e = spans.ceilingEntry(a)) != null && e.getKey() <= b; ) {
                spans.remove(e.getKey());
                if (e.getValue()[0] > b) {
                    spans.put(b + 1, e.getValue());
                }
            }
            spans.put(a, new int[] {b, id});
        }
        int n = spans.size();
        int[] from = new int[n];
        int[] to = new int[n];
        int[] region = new int[n];
        int i = 0;
        for (var e : spans.entrySet()) {
            from[i] = e.getKey();
            to[i] = e.getValue()[0];
            region[i++] = e.getValue()[1];
        }
        return new Spans(from, to, region);
    }

    /** The key of a cell in {@link #of(Place, Map, List, BitSet, BitSet)}. */
    static long key(int row, int col) {
        return ((long) row << 20) | col;
    }

    /** Whether a row is hidden (height zero): its values do not show on screen or on paper. */
    public boolean rowHidden(int row) {
        return row >= 0 && row < rows && hiddenRows.get(row);
    }

    public boolean colHidden(int col) {
        return col >= 0 && col < width && hiddenCols.get(col);
    }

    public int rows() {
        return rows;
    }

    public int cols() {
        return width;
    }

    public Place place() {
        return place;
    }

    /** The place of a cell, {@code file:Sheet!C12}. */
    public Place place(int row, int col) {
        return place.cell(Text.a1(row, col));
    }

    /** Where the cell (row, col) itself is in {@link #cells}, merged regions aside; negative where it has none. */
    private int own(int row, int col) {
        int from = start[row];
        int to = start[row + 1];
        return from == to ? -1 : Arrays.binarySearch(cols, from, to, (short) col);
    }

    /** The value shown at (row, col): a merged region's value fills the whole region. */
    public Value value(int row, int col) {
        if (row < 0 || col < 0 || row >= rows || col >= width) {
            return Value.EMPTY;
        }
        int r = merged[row] == null ? -1 : merged[row].at(col);
        int i;
        if (r >= 0) {
            CellRangeAddress a = regions.get(r);
            i = own(a.getFirstRow(), a.getFirstColumn());
        } else {
            i = own(row, col);
        }
        return i < 0 ? Value.EMPTY : cells[i];
    }

    public String text(int row, int col) {
        return value(row, col).text();
    }

    /** {@link #text} without any white space ({@link bulletin.text.Text#compact}), worked out once per cell. */
    public String compactText(int row, int col) {
        if (row < 0 || col < 0 || row >= rows || col >= width) {
            return "";
        }
        int r = merged[row] == null ? -1 : merged[row].at(col);
        int y = row;
        int x = col;
        if (r >= 0) {
            CellRangeAddress a = regions.get(r);
            y = a.getFirstRow();
            x = a.getFirstColumn();
        }
        int i = own(y, x);
        if (i < 0) {
            return "";
        }
        String[] made = compacted;
        if (made == null) {
            made = new String[cells.length];
            compacted = made;
        }
        String t = made[i];
        if (t == null) {
            t = bulletin.text.Text.compact(cells[i].text());
            made[i] = t;
        }
        return t;
    }

    /**
     * Lets the compacted texts go (the header search is over: a form kept for its month's checks need not hold
     * them); {@link #compactText} makes them again where asked.
     */
    void forgetCompacted() {
        compacted = null;
    }

    /** The merged region containing (row, col), or null. */
    public CellRangeAddress region(int row, int col) {
        if (row < 0 || col < 0 || row >= rows || col >= width || merged[row] == null) {
            return null;
        }
        int r = merged[row].at(col);
        return r < 0 ? null : regions.get(r);
    }

    /** Whether the row holds nothing at all. */
    public boolean isBlankRow(int row) {
        return texts(row).isEmpty();
    }

    /** All non-empty texts of a row, left to right, each merged region counted once. */
    public List<String> texts(int row) {
        List<String> out = new ArrayList<>();
        if (row < 0 || row >= rows) {
            return out;
        }
        int from = start[row];
        int to = start[row + 1];
        Spans s = merged[row];
        int spanCount = s == null ? 0 : s.from().length;
        // The row's own cells outside its merged regions, and each region where its first column lies in this row's
        // part of it, merged in column order.
        int i = from;
        int j = 0;
        while (i < to || j < spanCount) {
            int cellCol = i < to ? cols[i] : Integer.MAX_VALUE;
            int spanCol = j < spanCount ? s.from()[j] : Integer.MAX_VALUE;
            if (cellCol < spanCol) {
                if (s == null || s.at(cellCol) < 0) {
                    add(out, cells[i].text());
                }
                i++;
            } else {
                CellRangeAddress a = regions.get(s.region()[j]);
                if (a.getFirstColumn() >= s.from()[j] && a.getFirstColumn() <= s.to()[j]) {
                    int k = own(a.getFirstRow(), a.getFirstColumn());
                    add(out, k < 0 ? "" : cells[k].text());
                }
                j++;
            }
        }
        return out;
    }

    private static void add(List<String> out, String t) {
        if (!t.isEmpty()) {
            out.add(t);
        }
    }
}
