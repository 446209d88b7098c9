package bulletin.workspace;

import java.util.HashMap;
import java.util.Map;
import java.util.Set;

/**
 * A quick reading of the plainest bulletin.yaml: nothing but {@code title: …}, {@code office: …} and other text
 * settings on lines of their own, with comment lines and blank lines between. Such a file is most of what a
 * workspace ever holds, and YAML's parser and Jackson's look at {@link WorkspaceConfig} cost a short run more than
 * its tables. Anything else, or any value YAML could read otherwise than as the text written (a quote, a colon,
 * a {@code #}, a value starting with an ASCII character, a key given twice…), gives {@code null}: the file is read
 * by YAML as before, with its messages. {@code PlainConfigTest} holds that both readings agree.
 */
final class PlainConfig {

    /** The settings whose value is one line of text. */
    private static final Set<String> TEXT_KEYS = Set.of("title", "office", "stamp", "programme", "style");

    private PlainConfig() {
    }

    /** The settings of {@code text}, or null when it is not of the plain form. */
    static WorkspaceConfig read(String text) {
        Map<String, String> values = new HashMap<>();
        int start = 0;
        int n = text.length();
        while (start <= n) {
            int end = start;
            while (end < n && text.charAt(end) != '\n' && text.charAt(end) != '\r') {
                end++;
            }
            if (!line(text, start, end, values)) {
                return null;
            }
            if (end < n && text.charAt(end) == '\r' && end + 1 < n && text.charAt(end + 1) == '\n') {
                end++;
            }
            start = end + 1;
        }
        if (values.isEmpty()) {
            return null;
        }
        return new WorkspaceConfig(null, values.get("title"), values.get("office"), null, null, null, null, null,
                null, null, values.get("stamp"), values.get("programme"), values.get("style"), null);
    }

    /** One line: blank (spaces only), a comment from its first column, or {@code key: value}; false for any other. */
    private static boolean line(String text, int start, int end, Map<String, String> values) {
        int i = start;
        while (i < end && text.charAt(i) == ' ') {
            i++;
        }
        if (i == end) {
            return true;
        }
        if (text.charAt(start) == '#') {
            return printable(text.substring(start, end), true);
        }
        int colon = text.indexOf(':', start);
        if (colon < 0 || colon >= end) {
            return false;
        }
        String key = text.substring(start, colon);
        if (!TEXT_KEYS.contains(key)) {
            return false;
        }
        int v = colon + 1;
        if (v >= end || text.charAt(v) != ' ') {
            return false;
        }
        while (v < end && text.charAt(v) == ' ') {
            v++;
        }
        String value = text.substring(v, end);
        return plain(value) && values.putIfAbsent(key, value) == null;
    }

    /**
     * Whether YAML reads {@code value} as exactly this text: it starts with a character beyond ASCII (so it is no
     * indicator, number, boolean or null), ends with no space, and holds only {@linkplain #printable printable}
     * characters, no colon and no {@code #}.
     */
    static boolean plain(String value) {
        return !value.isEmpty() && value.charAt(0) >= 0x80 && value.charAt(value.length() - 1) != ' '
                && printable(value, false);
    }

    /**
     * Whether a comment holds only characters YAML takes without a word: no control character (a tab neither),
     * line or paragraph separator, byte-order mark, or character outside YAML's printable set; a value holds no
     * colon or {@code #} either.
     */
    private static boolean printable(String value, boolean comment) {
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            boolean ok;
            if (c < 0x80) {
                ok = c >= 0x20 && c < 0x7F && (comment || c != ':' && c != '#');
            } else if (Character.isSurrogate(c)) {
                ok = Character.isHighSurrogate(c) && i + 1 < value.length()
                        && Character.isLowSurrogate(value.charAt(i + 1));
                i += ok ? 1 : 0;
            } else {
                ok = c >= 0xA0 && c != 0x2028 && c != 0x2029 && c != 0xFEFF && c != 0xFFFE && c != 0xFFFF;
            }
            if (!ok) {
                return false;
            }
        }
        return true;
    }
}
