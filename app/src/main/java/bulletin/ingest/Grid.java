package bulletin.ingest;

import bulletin.diag.Place;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.ss.util.CellReference;

/**
 * A sheet as a rectangle of cell values with its merged regions resolved: a cell inside a merged region
 * reads as the region's top-left value. Formulas are never evaluated; their cached values are read.
 */
public final class Grid {

    /**
     * What a cell held. A {@code DATE} is a number shown as a date or time by its number format: its text is the
     * date shown, its number the day count as saved.
     */
    public enum Kind { BLANK, TEXT, NUMBER, DATE, BOOLEAN, ERROR, FORMULA_ERROR, FORMULA_NO_CACHE }

    /**
     * One cell as read: its text as displayed, its number where it holds one, what kind of cell it was, and
     * whether a formula produced it (formulas are never evaluated; the value saved with the file is read).
     */
    public record Value(String text, BigDecimal number, boolean percentFormat, Kind kind, boolean formula) {
        static final Value EMPTY = new Value("", null, false, Kind.BLANK, false);
    }

    private final Place place;
    private final boolean[] hiddenRows;
    private final boolean[] hiddenCols;
    private final Value[][] values;
    private final int[][] region;
    private final List<CellRangeAddress> regions;
    private final int rows;
    private final int cols;

    private Grid(Place place, Value[][] values, int[][] region, List<CellRangeAddress> regions, int rows, int cols,
                 boolean[] hiddenRows, boolean[] hiddenCols) {
        this.place = place;
        this.hiddenRows = hiddenRows;
        this.hiddenCols = hiddenCols;
        this.values = values;
        this.region = region;
        this.regions = regions;
        this.rows = rows;
        this.cols = cols;
    }

    /**
     * A grid from cells read elsewhere (the light reader): {@code cells} by (row, col), merged regions, hidden rows
     * and columns.
     */
    static Grid of(Place place, java.util.Map<Long, Value> cells, List<CellRangeAddress> regions,
                   java.util.Set<Integer> hiddenRowSet, java.util.Set<Integer> hiddenColSet) {
        int rows = 0;
        int cols = 0;
        for (long key : cells.keySet()) {
            rows = Math.max(rows, (int) (key >> 20) + 1);
            cols = Math.max(cols, (int) (key & 0xFFFFF) + 1);
        }
        for (CellRangeAddress r : regions) {
            rows = Math.max(rows, r.getLastRow() + 1);
            cols = Math.max(cols, r.getLastColumn() + 1);
        }
        Value[][] values = new Value[rows][cols];
        for (var e : cells.entrySet()) {
            values[(int) (e.getKey() >> 20)][(int) (e.getKey() & 0xFFFFF)] = e.getValue();
        }
        int[][] region = new int[rows][cols];
        for (int[] line : region) {
            java.util.Arrays.fill(line, -1);
        }
        for (int i = 0; i < regions.size(); i++) {
            CellRangeAddress r = regions.get(i);
            for (int y = r.getFirstRow(); y <= r.getLastRow(); y++) {
                for (int x = r.getFirstColumn(); x <= r.getLastColumn(); x++) {
                    region[y][x] = i;
                }
            }
        }
        boolean[] hr = new boolean[rows];
        for (int r : hiddenRowSet) {
            if (r >= 0 && r < rows) {
                hr[r] = true;
            }
        }
        boolean[] hc = new boolean[cols];
        for (int c : hiddenColSet) {
            if (c >= 0 && c < cols) {
                hc[c] = true;
            }
        }
        return new Grid(place, values, region, regions, rows, cols, hr, hc);
    }

    /** The key of a cell in {@link #of(Place, java.util.Map, List, java.util.Set, java.util.Set)}. */
    static long key(int row, int col) {
        return ((long) row << 20) | col;
    }

    /** Whether a row is hidden (height zero): its values do not show on screen or on paper. */
    public boolean rowHidden(int row) {
        return row >= 0 && row < rows && hiddenRows[row];
    }

    public boolean colHidden(int col) {
        return col >= 0 && col < cols && hiddenCols[col];
    }

    public int rows() {
        return rows;
    }

    public int cols() {
        return cols;
    }

    public Place place() {
        return place;
    }

    /** The place of a cell, {@code file:Sheet!C12}. */
    public Place place(int row, int col) {
        return place.cell(new CellReference(row, col).formatAsString());
    }

    /** The value shown at (row, col): a merged region's value fills the whole region. */
    public Value value(int row, int col) {
        if (row < 0 || col < 0 || row >= rows || col >= cols) {
            return Value.EMPTY;
        }
        int r = region[row][col];
        if (r >= 0) {
            CellRangeAddress a = regions.get(r);
            row = a.getFirstRow();
            col = a.getFirstColumn();
        }
        Value v = values[row][col];
        return v == null ? Value.EMPTY : v;
    }

    public String text(int row, int col) {
        return value(row, col).text();
    }

    /** The merged region containing (row, col), or null. */
    public CellRangeAddress region(int row, int col) {
        if (row < 0 || col < 0 || row >= rows || col >= cols) {
            return null;
        }
        int r = region[row][col];
        return r < 0 ? null : regions.get(r);
    }

    /** Whether the row holds nothing at all. */
    public boolean isBlankRow(int row) {
        for (int c = 0; c < cols; c++) {
            if (!text(row, c).isEmpty()) {
                return false;
            }
        }
        return true;
    }

    /** All non-empty texts of a row, left to right, each merged region counted once. */
    public List<String> texts(int row) {
        List<String> out = new ArrayList<>();
        for (int c = 0; c < cols; c++) {
            CellRangeAddress a = region(row, c);
            String t = text(row, c);
            if (!t.isEmpty() && (a == null || a.getFirstColumn() == c)) {
                out.add(t);
            }
        }
        return out;
    }
}
