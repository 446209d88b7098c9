package bulletin.text;

import java.math.BigDecimal;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Reads numbers the way clerks type them: "1,200", "１２０", " 90 ", "52.9%". Never half-parses:
 * "约300", "12abc" and "正在推进" are not numbers.
 */
public final class Numbers {

    private static final Pattern PLAIN = Pattern.compile("[+-]?(\\d+(\\.\\d*)?|\\.\\d+)");
    private static final Pattern THOUSANDS = Pattern.compile("[+-]?\\d{1,3}(,\\d{3})+(\\.\\d+)?");
    /** Infinity as spreadsheets and programs write it: "Infinity", "INF", "∞", "1.#INF". */
    private static final Pattern INFINITY = Pattern.compile("[+-]?(?:inf|infinity|∞|1\\.#inf)", Pattern.CASE_INSENSITIVE);
    /**
     * Text longer than this is no number typed by a person; it is not parsed (a million digits would take minutes
     * to read and normalise), so it reads as text, not a number.
     */
    static final int MAX_CHARS = 1000;

    private Numbers() {
    }

    /**
     * A number read from text.
     *
     * @param value      the number (for "52.9%", 52.9)
     * @param percent    whether the text ended with a percent sign
     * @param normalised whether the text needed clean-up (separators, full-width digits, spaces)
     */
    public record Parsed(BigDecimal value, boolean percent, boolean normalised) {
    }

    /** Parses {@code text} as a number, or empty where it is not exactly one number. */
    public static Optional<Parsed> parse(String text) {
        if (text == null) {
            return Optional.empty();
        }
        if (text.length() > MAX_CHARS) {
            return Optional.empty();
        }
        String t = Text.halfWidth(text);
        String squeezed = BLANKS.matcher(t).replaceAll("");
        boolean normalised = !squeezed.equals(text);
        boolean percent = false;
        if (squeezed.endsWith("%")) {
            percent = true;
            squeezed = squeezed.substring(0, squeezed.length() - 1);
        }
        if (THOUSANDS.matcher(squeezed).matches()) {
            squeezed = squeezed.replace(",", "");
            normalised = true;
        }
        if (!PLAIN.matcher(squeezed).matches()) {
            return Optional.empty();
        }
        return Optional.of(new Parsed(normalise(new BigDecimal(squeezed)), percent, normalised));
    }

    /**
     * A number as a file writes it ("12.5", "1E+400"), exactly and of any size, or null where the text is none;
     * it is not normalised, which for "1E+999999999" would never end.
     */
    public static BigDecimal parseExact(String text) {
        if (text == null || text.length() > MAX_CHARS) {
            return null;
        }
        try {
            return new BigDecimal(text.trim());
        } catch (NumberFormatException e) {
            return null;
        }
    }

    /** Spaces of any kind, squeezed out of a number (compiled once: parse runs once per cell). */
    private static final java.util.regex.Pattern BLANKS = java.util.regex.Pattern.compile("[\\s\\u00A0]+");

    /** Whether {@code text} says infinity ("Infinity", "INF", "∞"): a number too large to be a real figure. */
    public static boolean isInfinity(String text) {
        return text != null && INFINITY.matcher(BLANKS.matcher(Text.halfWidth(text)).replaceAll("")).matches();
    }

    /** Drops trailing zeros but never writes in exponent form: 100 stays 100, 2.50 becomes 2.5. */
    public static BigDecimal normalise(BigDecimal v) {
        BigDecimal s = v.stripTrailingZeros();
        return s.scale() < 0 ? s.setScale(0) : s;
    }

    /** Plain text of a number, "0.8865", "100". */
    public static String format(BigDecimal v) {
        return v == null ? "" : normalise(v).toPlainString();
    }
}
