package bulletin.model;

import java.math.BigDecimal;

/**
 * What one reporter said about one indicator in one month.
 *
 * @param code     the indicator's code
 * @param done     累计完成 since 1 January, or null where not given
 * @param percent  形象进度 in percent (52.9 for 52.9%), or null where not given
 * @param note     进展情况, or null
 * @param problem  存在问题, or null
 * @param place    where the row is, {@code file:Sheet!A7}
 * @param doneAt   the cell of 累计完成, or null where the form has no such column (likewise the others)
 */
public record ReportEntry(String code, BigDecimal done, BigDecimal percent, String note, String problem, String place,
                          Source doneAt, Source percentAt, Source noteAt, Source problemAt) {

    /** An entry whose cells are not known (made by hand, in tests). */
    public ReportEntry(String code, BigDecimal done, BigDecimal percent, String note, String problem, String place) {
        this(code, done, percent, note, problem, place, null, null, null, null);
    }

    /** The cell the figure of an indicator of this kind comes from: 形象进度 or 累计完成. */
    public Source figureAt(boolean percentKind) {
        return percentKind ? percentAt : doneAt;
    }

    public boolean isEmpty() {
        return done == null && percent == null && note == null && problem == null;
    }
}
