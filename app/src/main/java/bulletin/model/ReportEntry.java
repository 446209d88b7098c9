package bulletin.model;

import bulletin.text.Text;
import java.math.BigDecimal;
import java.util.Objects;

/**
 * What one reporter said about one indicator in one month: {@code code}, {@code done} (累计完成 since 1 January,
 * or null where not given), {@code percent} (形象进度 in percent, 52.9 for 52.9%, or null), {@code note} (进展情况,
 * or null), {@code problem} (存在问题, or null), {@code place} (where the row is, {@code file:Sheet!A7}) and the
 * cells of the four ({@code doneAt} …, null where the form has no such column).
 *
 * <p>An entry read from a form keeps its row and the form's {@link Cells} (shared by the form's entries) rather
 * than a place string and four sources of its own: a month's reports are what the history keeps alive from one
 * month's check to its engine run, 150 reports of 60 entries at province size. The place and the sources are made
 * when asked for, equal to those an entry made with them would hold. Equality is by these ten values, as a
 * record's.
 */
public final class ReportEntry {

    /**
     * Where a form's entries are: its sheet ({@code file}, {@code sheet}) and the columns of the code, 累计完成,
     * 形象进度, 进展情况 and 存在问题 (-1 where the form has no such column; the code's is where the place points).
     */
    public record Cells(String file, String sheet, int code, int done, int percent, int note, int problem) {
    }

    private final String code;
    private final BigDecimal done;
    private final BigDecimal percent;
    private final String note;
    private final String problem;
    /** The form's cells and the row, for an entry read from a form; else null and the explicit places below. */
    private final Cells cells;
    private final int row;
    private final Explicit explicit;

    /** An entry's place and sources as given. */
    private record Explicit(String place, Source doneAt, Source percentAt, Source noteAt, Source problemAt) {
    }

    private static final Explicit NONE = new Explicit(null, null, null, null, null);

    public ReportEntry(String code, BigDecimal done, BigDecimal percent, String note, String problem, String place,
                       Source doneAt, Source percentAt, Source noteAt, Source problemAt) {
        this(code, done, percent, note, problem, null, -1, place == null && doneAt == null && percentAt == null
                && noteAt == null && problemAt == null ? NONE
                : new Explicit(place, doneAt, percentAt, noteAt, problemAt));
    }

    /** An entry whose cells are not known (made by hand, in tests). */
    public ReportEntry(String code, BigDecimal done, BigDecimal percent, String note, String problem, String place) {
        this(code, done, percent, note, problem, place, null, null, null, null);
    }

    /** An entry read from row {@code row} (0-based) of a form whose sheet and columns {@code cells} says. */
    public ReportEntry(String code, BigDecimal done, BigDecimal percent, String note, String problem, Cells cells,
                       int row) {
        this(code, done, percent, note, problem, Objects.requireNonNull(cells), row, null);
    }

    private ReportEntry(String code, BigDecimal done, BigDecimal percent, String note, String problem, Cells cells,
                        int row, Explicit explicit) {
        this.code = code;
        this.done = done;
        this.percent = percent;
        this.note = note;
        this.problem = problem;
        this.cells = cells;
        this.row = row;
        this.explicit = explicit;
    }

    public String code() {
        return code;
    }

    public BigDecimal done() {
        return done;
    }

    public BigDecimal percent() {
        return percent;
    }

    public String note() {
        return note;
    }

    public String problem() {
        return problem;
    }

    /** Where the row is, {@code file:Sheet!A7}. */
    public String place() {
        if (cells == null) {
            return explicit.place();
        }
        return new bulletin.diag.Place(cells.file(), cells.sheet(), a1(row, Math.max(cells.code(), 0))).format();
    }

    /** The cell of 累计完成, or null where the form has no such column (likewise the others). */
    public Source doneAt() {
        return cells == null ? explicit.doneAt() : source(cells.done());
    }

    public Source percentAt() {
        return cells == null ? explicit.percentAt() : source(cells.percent());
    }

    public Source noteAt() {
        return cells == null ? explicit.noteAt() : source(cells.note());
    }

    public Source problemAt() {
        return cells == null ? explicit.problemAt() : source(cells.problem());
    }

    private Source source(int col) {
        return col < 0 ? null : new Source(cells.file(), cells.sheet(), a1(row, col));
    }

    /** The cell the figure of an indicator of this kind comes from: 形象进度 or 累计完成. */
    public Source figureAt(boolean percentKind) {
        return percentKind ? percentAt() : doneAt();
    }

    public boolean isEmpty() {
        return done == null && percent == null && note == null && problem == null;
    }

    @Override
    public boolean equals(Object o) {
        return o == this || o instanceof ReportEntry e && Objects.equals(code, e.code) && Objects.equals(done, e.done)
                && Objects.equals(percent, e.percent) && Objects.equals(note, e.note)
                && Objects.equals(problem, e.problem) && Objects.equals(place(), e.place())
                && Objects.equals(doneAt(), e.doneAt()) && Objects.equals(percentAt(), e.percentAt())
                && Objects.equals(noteAt(), e.noteAt()) && Objects.equals(problemAt(), e.problemAt());
    }

    @Override
    public int hashCode() {
        return Objects.hash(code, done, percent, note, problem, place(), doneAt(), percentAt(), noteAt(), problemAt());
    }

    @Override
    public String toString() {
        return "ReportEntry[code=" + code + ", done=" + done + ", percent=" + percent + ", note=" + note
                + ", problem=" + problem + ", place=" + place() + ", doneAt=" + doneAt() + ", percentAt="
                + percentAt() + ", noteAt=" + noteAt() + ", problemAt=" + problemAt() + "]";
    }

    /** The A1 names of the cells of a form's first rows and columns, made once ({@link Text#a1}). */
    private static final String[][] A1 = new String[2048][];
    private static final int A1_COLS = 64;

    /** {@link Text#a1}, the same string kept for a cell of the first 2,048 rows and 64 columns. */
    static String a1(int row, int col) {
        if (row < 0 || row >= A1.length || col < 0 || col >= A1_COLS) {
            return Text.a1(row, col);
        }
        String[] names = A1[row];
        if (names == null) {
            names = new String[A1_COLS];
            A1[row] = names; // racy but safe: a row's array only ever holds strings, each the one Text.a1 gives
        }
        String s = names[col];
        if (s == null) {
            s = Text.a1(row, col);
            names[col] = s;
        }
        return s;
    }
}
