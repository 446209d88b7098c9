package bulletin.diag;

import java.util.Objects;

/**
 * One finding about an input, with the place it was found: {@code file.xlsx:Sheet!C12: 错误: …}.
 *
 * @param file     file name as the user knows it (relative to the workspace where possible), or null
 * @param sheet    sheet name, or null
 * @param cell     A1-style cell reference, or null
 * @param code     stable machine-readable code, e.g. {@code type-error}
 * @param found    the value found, as the cell shows it, or null
 * @param expected what was expected instead, or null
 * @param indicator the code of the indicator a row-level problem is about ({@code 03-05}), or null
 * @param indicatorName that indicator's name, or null
 */
public record Problem(Severity severity, String code, String file, String sheet, String cell, String message,
                      String found, String expected, String indicator, String indicatorName) {

    public Problem {
        Objects.requireNonNull(severity, "severity");
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(message, "message");
    }

    public Problem(Severity severity, String code, String file, String sheet, String cell, String message) {
        this(severity, code, file, sheet, cell, message, null, null, null, null);
    }

    public Problem(Severity severity, String code, String file, String sheet, String cell, String message,
                   String found, String expected) {
        this(severity, code, file, sheet, cell, message, found, expected, null, null);
    }

    public static Problem error(String code, Place place, String message) {
        return new Problem(Severity.ERROR, code, place.file(), place.sheet(), place.cell(), message);
    }

    public static Problem warning(String code, Place place, String message) {
        return new Problem(Severity.WARNING, code, place.file(), place.sheet(), place.cell(), message);
    }

    /** The same problem with the value found and what was expected. */
    public Problem with(String foundValue, String expectedValue) {
        return new Problem(severity, code, file, sheet, cell, message, foundValue, expectedValue, indicator,
                indicatorName);
    }

    /** The same problem, about this indicator. */
    public Problem about(String indicatorCode, String name) {
        return new Problem(severity, code, file, sheet, cell, message, found, expected, indicatorCode, name);
    }

    public Place place() {
        return new Place(file, sheet, cell);
    }

    /** The line a user reads, e.g. {@code targets/t.xlsx:附件2!E7: 错误: 无法识别的数字 "约300"}. */
    public String format() {
        String where = place().format();
        return (where.isEmpty() ? "" : where + ": ") + severity.label() + ": " + message;
    }

    @Override
    public String toString() {
        return format();
    }
}
