package bulletin.ingest;

import bulletin.text.Text;
import java.util.OptionalInt;
import java.util.function.Predicate;

/** Finding header cells by their words, never by position. */
final class Headers {

    private Headers() {
    }

    /** The first column of {@code row} whose compacted text satisfies {@code test}. */
    static OptionalInt find(Grid g, int row, Predicate<String> test) {
        for (int c = 0; c < g.cols(); c++) {
            // The merged region's test first (cheap), then the text: a title merged across the row is compacted
            // once and tested once, not once per column it covers.
            var a = g.region(row, c);
            if (a != null && a.getFirstColumn() != c) {
                continue;
            }
            String t = g.compactText(row, c);
            if (!t.isEmpty() && test.test(t)) {
                return OptionalInt.of(c);
            }
        }
        return OptionalInt.empty();
    }

    /** Every column of {@code row} whose compacted text satisfies {@code test}, each merged region once. */
    static java.util.List<Integer> findAll(Grid g, int row, Predicate<String> test) {
        java.util.List<Integer> out = new java.util.ArrayList<>();
        for (int c = 0; c < g.cols(); c++) {
            var a = g.region(row, c);
            if (a != null && a.getFirstColumn() != c) {
                continue;
            }
            String t = g.compactText(row, c);
            if (!t.isEmpty() && test.test(t)) {
                out.add(c);
            }
        }
        return out;
    }

    /** Like {@link #find} over rows {@code from..to} inclusive, returning the column. */
    static OptionalInt findIn(Grid g, int from, int to, Predicate<String> test) {
        for (int r = from; r <= to && r < g.rows(); r++) {
            OptionalInt c = find(g, r, test);
            if (c.isPresent()) {
                return c;
            }
        }
        return OptionalInt.empty();
    }

    /** The last row a header cell at (row, col) reaches when merged downwards. */
    static int bottom(Grid g, int row, int col) {
        var a = g.region(row, col);
        return a == null ? row : a.getLastRow();
    }

    /** Follows the 序号 column down a table: a number starts (or repeats) an item, a blank cell continues it. */
    static final class ItemCursor {
        int item = -1;
        boolean newItem;

        /** Reads the 序号 cell of row {@code r}; false (and reported) where it is not an item number. */
        boolean next(Grid g, int r, int col, bulletin.diag.Problems problems) {
            newItem = false;
            String seqText = g.text(r, col);
            if (seqText.isEmpty()) {
                return true;
            }
            int n = itemNumber(seqText);
            if (n < 0) {
                problems.error("bad-item-number", g.place(r, col), "序号“" + seqText + "”不是项目编号");
                return false;
            }
            newItem = n != item;
            item = n;
            return true;
        }
    }

    private static final java.util.regex.Pattern ITEM_END = java.util.regex.Pattern.compile("[.、．]$");
    private static final java.util.regex.Pattern ITEM_DIGITS = java.util.regex.Pattern.compile("\\d{1,3}");
    private static final java.util.regex.Pattern ITEM_DIGITS_POINT_ZERO = java.util.regex.Pattern.compile("\\d{1,3}\\.0");

    /** 序号 as an item number: "1", "01", "一", "十八"; -1 where it is none of those. */
    static int itemNumber(String text) {
        String t = ITEM_END.matcher(Text.compact(Text.halfWidth(text))).replaceAll("");
        if (ITEM_DIGITS.matcher(t).matches()) {
            return Integer.parseInt(t);
        }
        if (ITEM_DIGITS_POINT_ZERO.matcher(t).matches()) {
            return Integer.parseInt(t.substring(0, t.length() - 2));
        }
        return chinese(t);
    }

    private static int chinese(String t) {
        String digits = "一二三四五六七八九";
        if (t.isEmpty() || t.length() > 3) {
            return -1;
        }
        int tens = 0;
        int ones = 0;
        int i = t.indexOf('十');
        if (i < 0) {
            if (t.length() != 1) {
                return -1;
            }
            ones = digits.indexOf(t.charAt(0)) + 1;
            return ones == 0 ? -1 : ones;
        }
        if (i == 0) {
            tens = 1;
        } else if (i == 1) {
            tens = digits.indexOf(t.charAt(0)) + 1;
            if (tens == 0) {
                return -1;
            }
        } else {
            return -1;
        }
        if (i + 1 < t.length()) {
            ones = digits.indexOf(t.charAt(i + 1)) + 1;
            if (ones == 0 || i + 2 < t.length()) {
                return -1;
            }
        }
        return tens * 10 + ones;
    }
}
