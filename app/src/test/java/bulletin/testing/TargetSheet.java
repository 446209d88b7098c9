package bulletin.testing;

import java.util.ArrayList;
import java.util.List;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.util.CellRangeAddress;

/**
 * Lays out a target allocation table (指标任务分解表) the way offices do: title row, one or two header rows,
 * 序号 and names in merged cells, one column per unit, optional 全市 and 备注 columns, text targets merged
 * across the unit columns, a closing note. Used by the sample generator and by the reader tests, so that
 * the tests vary the layout rather than only the sample.
 */
public final class TargetSheet {

    /** One indicator row. {@code targets} has one entry per unit: a Number, a String, or null for blank. */
    public record Line(int item, String project, String task, String indicator, String measure, List<Object> targets,
                       Object merged, Object total, String note) {
    }

    private final String title;
    private final List<String> units;
    private final List<Line> lines = new ArrayList<>();
    private int nameColumns = 3;
    private boolean totalColumn;
    private boolean noteColumn;
    private boolean twoHeaderRows = true;
    private boolean mergeNames = true;
    private boolean numbersAsText;
    private String closingNote;

    public TargetSheet(String title, List<String> units) {
        this.title = title;
        this.units = List.copyOf(units);
    }

    public TargetSheet nameColumns(int n) {
        this.nameColumns = n;
        return this;
    }

    public TargetSheet totalColumn(boolean b) {
        this.totalColumn = b;
        return this;
    }

    public TargetSheet noteColumn(boolean b) {
        this.noteColumn = b;
        return this;
    }

    public TargetSheet twoHeaderRows(boolean b) {
        this.twoHeaderRows = b;
        return this;
    }

    /** Whether repeated names are merged vertically (the official look) or left blank below the first. */
    public TargetSheet mergeNames(boolean b) {
        this.mergeNames = b;
        return this;
    }

    /** Every numeric target written as a text cell, as tables pasted from Word arrive. */
    public TargetSheet numbersAsText(boolean b) {
        this.numbersAsText = b;
        return this;
    }

    public TargetSheet closingNote(String note) {
        this.closingNote = note;
        return this;
    }

    public TargetSheet line(int item, String project, String task, String indicator, String measure,
                            List<Object> targets) {
        lines.add(new Line(item, project, task, indicator, measure, targets, null, null, null));
        return this;
    }

    public TargetSheet line(Line l) {
        lines.add(l);
        return this;
    }

    /** A row whose target is one value merged across all unit columns. */
    public TargetSheet merged(int item, String project, String task, String indicator, String measure, Object value) {
        lines.add(new Line(item, project, task, indicator, measure, null, value, null, null));
        return this;
    }

    public int firstUnitColumn() {
        return 1 + nameColumns + 1 + (totalColumn ? 1 : 0);
    }

    public Sheet writeTo(Workbook wb, String sheetName) {
        Sheet sh = wb.createSheet(sheetName);
        int measureCol = 1 + nameColumns;
        int firstUnit = firstUnitColumn();
        int lastUnit = firstUnit + units.size() - 1;
        int lastCol = lastUnit + (noteColumn ? 1 : 0);
        set(sh, 0, 0, title);
        sh.addMergedRegion(new CellRangeAddress(0, 0, 0, lastCol));
        int h = 1;
        int bottom = twoHeaderRows ? h + 1 : h;
        set(sh, h, 0, "序号");
        set(sh, h, 1, nameColumns == 1 ? "项目名称" : "项目名称及指标任务");
        set(sh, h, measureCol, "单位");
        if (twoHeaderRows) {
            sh.addMergedRegion(new CellRangeAddress(h, bottom, 0, 0));
            sh.addMergedRegion(new CellRangeAddress(h, bottom, measureCol, measureCol));
            if (nameColumns > 1) {
                sh.addMergedRegion(new CellRangeAddress(h, bottom, 1, nameColumns));
            } else {
                sh.addMergedRegion(new CellRangeAddress(h, bottom, 1, 1));
            }
            set(sh, h, totalColumn ? measureCol + 1 : firstUnit, "目标任务");
            sh.addMergedRegion(new CellRangeAddress(h, h, totalColumn ? measureCol + 1 : firstUnit, lastUnit));
            if (noteColumn) {
                set(sh, h, lastCol, "备注");
                sh.addMergedRegion(new CellRangeAddress(h, bottom, lastCol, lastCol));
            }
        } else {
            if (nameColumns > 1) {
                sh.addMergedRegion(new CellRangeAddress(h, h, 1, nameColumns));
            }
            if (noteColumn) {
                set(sh, h, lastCol, "备注");
            }
        }
        if (totalColumn) {
            set(sh, bottom, measureCol + 1, "全市");
        }
        for (int u = 0; u < units.size(); u++) {
            set(sh, bottom, firstUnit + u, units.get(u));
        }

        int r = bottom + 1;
        int start = r;
        for (Line l : lines) {
            set(sh, r, measureCol, l.measure());
            if (l.merged() != null) {
                put(sh, r, firstUnit, l.merged());
                sh.addMergedRegion(new CellRangeAddress(r, r, firstUnit, lastUnit));
            } else if (l.targets() != null) {
                for (int u = 0; u < units.size(); u++) {
                    Object v = l.targets().get(u);
                    if (v != null) {
                        put(sh, r, firstUnit + u, v);
                    }
                }
            }
            if (totalColumn && l.total() != null) {
                put(sh, r, measureCol + 1, l.total());
            }
            if (noteColumn && l.note() != null) {
                set(sh, r, lastCol, l.note());
            }
            r++;
        }
        writeNames(sh, start);
        if (closingNote != null) {
            set(sh, r + 1, 0, closingNote);
            sh.addMergedRegion(new CellRangeAddress(r + 1, r + 1, 0, lastCol));
        }
        sh.setColumnWidth(nameColumns, 50 * 256);
        return sh;
    }

    /** One name cell: text at column {@code col} spanning to {@code to}. */
    private record NameCell(int col, int to, String text) {
    }

    /**
     * The name cells of a line. With three name columns: project | task | indicator; without a task the
     * indicator spans the task column; a single-level item spans all name columns.
     */
    private List<NameCell> nameCells(Line l) {
        int last = nameColumns;
        List<NameCell> out = new ArrayList<>();
        if (l.project() == null || nameColumns == 1) {
            out.add(new NameCell(1, last, l.indicator()));
            return out;
        }
        out.add(new NameCell(1, 1, l.project()));
        if (nameColumns == 3 && l.task() != null) {
            out.add(new NameCell(2, 2, l.task()));
            out.add(new NameCell(3, 3, l.indicator()));
        } else {
            out.add(new NameCell(2, last, l.indicator()));
        }
        return out;
    }

    private void writeNames(Sheet sh, int start) {
        int k = 0;
        while (k < lines.size()) {
            int end = k;
            while (end + 1 < lines.size() && lines.get(end + 1).item() == lines.get(k).item()) {
                end++;
            }
            set(sh, start + k, 0, String.valueOf(lines.get(k).item()));
            if (end > k && mergeNames) {
                sh.addMergedRegion(new CellRangeAddress(start + k, start + end, 0, 0));
            }
            // Project (column 1) and task (column 2) merged over runs of equal names; indicators per row.
            for (int col = 1; col <= Math.min(2, nameColumns - 1); col++) {
                int s = k;
                while (s <= end) {
                    NameCell cell = cellAt(lines.get(s), col);
                    int e = s;
                    while (cell != null && cell.col() == cell.to() && e + 1 <= end && same(cellAt(lines.get(e + 1), col), cell)) {
                        e++;
                    }
                    if (cell != null) {
                        set(sh, start + s, col, cell.text());
                        if (e > s && mergeNames) {
                            sh.addMergedRegion(new CellRangeAddress(start + s, start + e, col, col));
                        }
                    }
                    s = e + 1;
                }
            }
            for (int i = k; i <= end; i++) {
                for (NameCell c : nameCells(lines.get(i))) {
                    boolean indicatorCell = c.to() == nameColumns || c.col() == nameColumns;
                    if (indicatorCell) {
                        set(sh, start + i, c.col(), c.text());
                        if (c.to() > c.col()) {
                            sh.addMergedRegion(new CellRangeAddress(start + i, start + i, c.col(), c.to()));
                        }
                    }
                }
            }
            k = end + 1;
        }
    }

    private NameCell cellAt(Line l, int col) {
        for (NameCell c : nameCells(l)) {
            if (c.col() == col && !(c.to() == nameColumns || c.col() == nameColumns)) {
                return c;
            }
        }
        return null;
    }

    private static boolean same(NameCell a, NameCell b) {
        return a != null && b != null && a.col() == b.col() && a.to() == b.to() && a.text().equals(b.text());
    }

    private void put(Sheet sh, int r, int c, Object v) {
        if (v instanceof Number n && !numbersAsText) {
            row(sh, r).createCell(c).setCellValue(n.doubleValue());
        } else if (v instanceof Number n) {
            set(sh, r, c, new java.math.BigDecimal(n.toString()).toPlainString());
        } else {
            set(sh, r, c, v.toString());
        }
    }

    static Row row(Sheet sh, int r) {
        Row row = sh.getRow(r);
        return row == null ? sh.createRow(r) : row;
    }

    static void set(Sheet sh, int r, int c, String text) {
        if (text == null) {
            return;
        }
        row(sh, r).createCell(c).setCellValue(text);
    }
}
