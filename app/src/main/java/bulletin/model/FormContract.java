package bulletin.model;

import bulletin.text.Numbers;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.regex.Pattern;

/**
 * The contract of the monthly form: what {@code template} writes, each unit returns filled in, and
 * {@code generate} and {@code validate} read back. The visible sheet is read by its header words, so its layout
 * is the writer's own; what both sides must agree on is the very hidden sheet {@link #META_SHEET}, the form
 * version and how the fingerprint is computed. The hidden sheet holds first the entries, one a row (the key in
 * column A, its value in column B), then one row per indicator of the form, in its order: the code in column A
 * (which tells these rows from the entries, {@link #isCodeRow(String)}), its 1-based row on the visible sheet in
 * column B and its kind in column C.
 */
public final class FormContract {

    /** The form version in the hidden sheet; a returned form must carry it. */
    public static final String VERSION = "bulletin-form/1";

    /** The very hidden sheet that holds the entries below and the indicator rows. */
    public static final String META_SHEET = "_bulletin";

    /** Key of the form version ({@link #VERSION}). */
    public static final String KEY_VERSION = "form-version";
    /** Key of the reporting unit or lead department the form is for. */
    public static final String KEY_REPORTER = "reporter";
    /** Key of the kind of reporter: {@link #REPORTER_UNIT} or {@link #REPORTER_DEPARTMENT}. */
    public static final String KEY_REPORTER_TYPE = "reporter-type";
    /** Key of the month the form is for, {@code YYYY-MM}. */
    public static final String KEY_MONTH = "month";
    /** Key of the {@link #fingerprint(IndicatorModel, String) fingerprint} of the targets the form was made from. */
    public static final String KEY_FINGERPRINT = "fingerprint";
    /** Key of the number of indicator rows that follow the entries. */
    public static final String KEY_CODES = "codes";

    /** Key of the helper columns' headers, joined by "|" ({@link #HELPER_HEADERS}); absent on older forms. */
    public static final String KEY_HELPERS = "helpers";

    /**
     * Header of the locked helper column holding last month's published figure. It must not contain the words
     * of a figure column (累计完成, 形象进度): the reader refuses a form with two such headers.
     */
    public static final String HEADER_LAST = "上月累计";
    /** Header of the locked helper column of self-check formulas. */
    public static final String HEADER_CHECK = "自查";
    /**
     * The helper columns' headers: columns the unit never fills and the reader never takes a figure or a word
     * from, whichever position they are in (validate applies every rule itself, whatever they show).
     */
    public static final java.util.List<String> HELPER_HEADERS = java.util.List.of(HEADER_LAST, HEADER_CHECK);

    /** Whether a (compacted) header is a helper column's. */
    public static boolean isHelperHeader(String compactedHeader) {
        return HELPER_HEADERS.contains(compactedHeader);
    }

    public static final String REPORTER_UNIT = "unit";
    public static final String REPORTER_DEPARTMENT = "department";

    private static final Pattern CODE = Pattern.compile("\\d+-\\d+");

    private FormContract() {
    }

    /**
     * The fingerprint of {@code reporter}'s form: a digest of the year, the reporter and, for each of its
     * indicators ({@link IndicatorModel#indicatorsFor(String)}) in order, the code, the reporter's own numeric
     * target and the kind. A form made from other tables, or before a target, an indicator or a kind changed,
     * carries another one. (A department has no target of its own in the table: its fingerprint covers its
     * indicators and their kinds.)
     */
    public static String fingerprint(IndicatorModel model, String reporter) {
        StringBuilder sb = new StringBuilder().append(model.year()).append('|').append(reporter);
        for (Indicator i : model.indicatorsFor(reporter)) {
            sb.append('|').append(i.code()).append('=').append(Numbers.format(i.targets().get(reporter)))
                    .append(i.kind().id());
        }
        try {
            byte[] d = MessageDigest.getInstance("SHA-256").digest(sb.toString().getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(d, 0, 8);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Whether column A of a row of the hidden sheet holds an indicator code: a row after the entries. */
    public static boolean isCodeRow(String key) {
        // CODE ("\\d+-\\d+": ASCII digits, one hyphen, ASCII digits) without a matcher per row of every form
        int dash = key.indexOf('-');
        if (dash <= 0 || dash == key.length() - 1) {
            return false;
        }
        for (int i = 0; i < key.length(); i++) {
            char c = key.charAt(i);
            if (i != dash && (c < '0' || c > '9')) {
                return false;
            }
        }
        return true;
    }

    /** The pattern {@link #isCodeRow} stands for (kept for the tests that hold the two to the same answers). */
    static Pattern codePattern() {
        return CODE;
    }
}
