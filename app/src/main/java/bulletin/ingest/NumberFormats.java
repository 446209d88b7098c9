package bulletin.ingest;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * What a cell's number format says about its number: whether it shows a percentage, or a date or time (a number
 * that is a day count, not a figure). Formats are known by their id (the built-in ones) or their format code.
 */
final class NumberFormats {

    /** Quoted text, escaped characters, fill and padding characters: literal text in a format code. */
    private static final Pattern LITERALS = Pattern.compile("\"[^\"]*\"|\\\\.|[_*].");
    /** Bracketed parts: colours, conditions, locales ([$-804]), [DBNum1]; elapsed time [h] [mm] [ss] is kept. */
    private static final Pattern BRACKETS = Pattern.compile("\\[(?![hHmMsS]+\\])[^\\]]*\\]");
    /** Years, months, days, hours, seconds, and the Chinese weekday (aaa, aaaa). */
    private static final Pattern DATE_TOKENS = Pattern.compile("[yYmMdDhHsS]|aaa");

    /** The last day a workbook can hold, 9999-12-31, as a serial of the 1900 date system. */
    private static final long LAST_SERIAL = 2_958_465;

    private NumberFormats() {
    }

    /** The format code of a built-in format id that the readers need to know: the percentages. */
    static String builtIn(int id) {
        return switch (id) {
            case 9 -> "0%";
            case 10 -> "0.00%";
            default -> null;
        };
    }

    /**
     * Whether a format shows a date or a time: the built-in date and time ids (14–22 and 45–47 everywhere, 27–36
     * and 50–58 as Chinese, Japanese and Korean Excel and WPS define them) where there is no code, else a code that
     * writes years, months, days, weekdays, hours or seconds outside its quoted text and brackets.
     */
    static boolean isDate(int id, String code) {
        if (code == null) {
            return (id >= 14 && id <= 22) || (id >= 45 && id <= 47) || (id >= 27 && id <= 36) || (id >= 50 && id <= 58);
        }
        String bare = BRACKETS.matcher(LITERALS.matcher(code).replaceAll("")).replaceAll("");
        return DATE_TOKENS.matcher(bare).find();
    }

    /** Whether a format code shows a percentage. */
    static boolean isPercent(String code) {
        return code != null && code.contains("%");
    }

    /**
     * A date serial as the date it shows, "2026-05-01" (with the time, "2026-05-01 12:30", where it has one; the
     * time alone below one day); null where the number is no day a workbook can hold.
     *
     * @param date1904 whether the workbook counts days from 1904 (old Mac workbooks) rather than from 1900
     */
    static String dateText(BigDecimal serial, boolean date1904) {
        if (serial.signum() < 0 || serial.compareTo(BigDecimal.valueOf(LAST_SERIAL)) > 0) {
            return null;
        }
        long days = serial.longValue();
        long seconds = Math.round(serial.subtract(BigDecimal.valueOf(days)).doubleValue() * 86_400);
        LocalDate day;
        if (date1904) {
            day = LocalDate.of(1904, 1, 1).plusDays(days);
        } else if (days < 61) { // Excel counts a 29 February 1900 that never was: serials before it are a day off
            day = LocalDate.of(1899, 12, 31).plusDays(days);
        } else {
            day = LocalDate.of(1899, 12, 30).plusDays(days);
        }
        LocalDateTime at = day.atStartOfDay().plusSeconds(seconds);
        if (days == 0 && !date1904) {
            return at.format(DateTimeFormatter.ofPattern("HH:mm", Locale.ROOT));
        }
        return at.format(DateTimeFormatter.ofPattern(seconds == 0 ? "yyyy-MM-dd" : "yyyy-MM-dd HH:mm", Locale.ROOT));
    }
}
