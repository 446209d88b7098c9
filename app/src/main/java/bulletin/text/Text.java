package bulletin.text;

import java.util.regex.Pattern;

/** Text clean-up shared by the readers: white space, full-width forms, enumerators. */
public final class Text {

    private static final Pattern SPACES = Pattern.compile("[\\s\\u00A0\\u3000]+");
    /** "1." "12、" "（3）" "(7)" "一、" "①" at the start of a name. */
    private static final Pattern ENUMERATOR = Pattern.compile(
            "^\\s*(?:\\d{1,3}\\s*[.．、]|[（(]\\s*\\d{1,3}\\s*[)）]|[一二三四五六七八九十]{1,3}\\s*、|[①-⑳])\\s*");

    /** A seal note after a name: "（盖章）", "(公章)". */
    private static final Pattern SEAL = Pattern.compile("\\((?:盖章|公章|签章|章)\\)$");
    /**
     * The endings an office's name may carry on a form but not in the tables: the town's 人民政府, the
     * subdistrict's 办事处, a zone's 管委会. Longest first; one is taken off, and only where two characters or more
     * are left (a name is never cut to nothing or to "市").
     */
    private static final String[] UNIT_SUFFIXES = {"管理委员会", "人民政府", "办事处", "管委会", "政府"};

    private Text() {
    }

    /**
     * Whether a character shows as nothing: format characters (Unicode Cf: zero-width spaces and joiners, bidi
     * marks such as U+200F, the byte order mark, soft hyphens), controls other than tab and line breaks, and the
     * fillers that are drawn blank (U+034F, U+115F, U+1160, U+3164, U+FFA0, U+2800).
     */
    public static boolean isInvisible(int cp) {
        int type = Character.getType(cp);
        return type == Character.FORMAT || (type == Character.CONTROL && cp != '\t' && cp != '\n' && cp != '\r')
                || cp == 0x034F || cp == 0x115F || cp == 0x1160 || cp == 0x3164 || cp == 0xFFA0 || cp == 0x2800;
    }

    /** {@code s} without its {@link #isInvisible invisible} characters. */
    public static String stripInvisible(String s) {
        StringBuilder sb = new StringBuilder(s.length());
        s.codePoints().filter(cp -> !isInvisible(cp)).forEach(sb::appendCodePoint);
        return sb.toString();
    }

    /** {@code s} with its invisible characters and unusual spaces written out, "归义街道<U+200B>", for messages. */
    public static String visible(String s) {
        StringBuilder sb = new StringBuilder(s.length());
        s.codePoints().forEach(cp -> {
            if (isInvisible(cp) || (cp != ' ' && (Character.isWhitespace(cp) || Character.isSpaceChar(cp)))) {
                sb.append(String.format("<U+%04X>", cp));
            } else {
                sb.appendCodePoint(cp);
            }
        });
        return sb.toString();
    }

    /**
     * The name of a unit or department as compared across files: without invisible characters and white space of
     * any width, in half-width forms, without a seal note ("（盖章）") and one common ending ({@link
     * #UNIT_SUFFIXES}): "归义街道办事处", "归义街道\u200B" and "归义 街道" are all "归义街道", "三江镇人民政府" is
     * "三江镇". "街道办" ends as "街道".
     */
    public static String unitKey(String s) {
        if (s == null) {
            return "";
        }
        StringBuilder sb = new StringBuilder(s.length());
        halfWidth(stripInvisible(s)).codePoints().filter(cp -> !Character.isWhitespace(cp) && !Character.isSpaceChar(cp))
                .forEach(sb::appendCodePoint);
        String t = SEAL.matcher(sb).replaceFirst("");
        if (t.endsWith("街道办")) {
            return t.substring(0, t.length() - 1);
        }
        for (String suffix : UNIT_SUFFIXES) {
            if (t.endsWith(suffix)) {
                return t.length() - suffix.length() >= 2 ? t.substring(0, t.length() - suffix.length()) : t;
            }
        }
        return t;
    }

    /**
     * {@code s} as XML 1.0 can carry it, the one sanitising point for text going into a document (the .docx, the
     * appendix workbook, a form): the controls XML forbids (U+0000–U+0008, U+000E–U+001F) and U+FFFE, U+FFFF and
     * unpaired surrogates are removed; a vertical tab or form feed (Word's line and page break, as copied text
     * carries them) becomes a line break; tab, line feed and carriage return are kept. Null stays null.
     */
    public static String xmlSafe(String s) {
        if (s == null) {
            return null;
        }
        StringBuilder b = null;
        for (int i = 0; i < s.length(); i++) {
            char ch = s.charAt(i);
            boolean pair = Character.isHighSurrogate(ch) && i + 1 < s.length()
                    && Character.isLowSurrogate(s.charAt(i + 1));
            boolean bad = ch < 0x20 && ch != '\t' && ch != '\n' && ch != '\r' || ch == 0xFFFE || ch == 0xFFFF
                    || Character.isSurrogate(ch) && !pair;
            if (bad && b == null) {
                b = new StringBuilder(s.length()).append(s, 0, i);
            }
            if (b != null) {
                if (ch == 0x0B || ch == 0x0C) {
                    b.append('\n');
                } else if (pair) {
                    b.append(ch).append(s.charAt(++i));
                } else if (!bad) {
                    b.append(ch);
                }
            } else if (pair) {
                i++;
            }
        }
        return b == null ? s : b.toString();
    }

    /**
     * {@code s} on one line of a terminal report, whatever it holds: control characters (a line break included),
     * format characters (bidi overrides, zero-width spaces) and line or paragraph separators written out as
     * {@code <U+000A>}, so that a file name cannot forge a line of the report or reorder what follows it.
     */
    public static String oneLine(String s) {
        if (s == null) {
            return null;
        }
        StringBuilder b = new StringBuilder(s.length());
        s.codePoints().forEach(cp -> {
            int type = Character.getType(cp);
            if (type == Character.CONTROL || type == Character.FORMAT || type == Character.LINE_SEPARATOR
                    || type == Character.PARAGRAPH_SEPARATOR || type == Character.SURROGATE) {
                b.append(String.format("<U+%04X>", cp));
            } else {
                b.appendCodePoint(cp);
            }
        });
        return b.toString();
    }

    /** Collapses runs of white space (line breaks in a cell, full-width spaces) to one space and trims. */
    public static String clean(String s) {
        if (s == null) {
            return "";
        }
        if (plain(s)) { // most cells: nothing to replace or trim (the same string, without the regex's cost)
            return s;
        }
        return SPACES.matcher(s).replaceAll(" ").trim();
    }

    /** Whether {@code s} holds any white space of {@code SPACES}: \s, no-break or ideographic space. */
    private static boolean hasSpace(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c <= ' ' ? c == ' ' || (c >= '\t' && c <= '\r') : c == '\u00A0' || c == '\u3000') {
                return true;
            }
        }
        return false;
    }

    /**
     * Whether {@link #clean} leaves {@code s} as it is: no white space of {@code SPACES} in it (\s, no-break and
     * ideographic space), and no character at either end that trim() drops.
     */
    private static boolean plain(String s) {
        int n = s.length();
        if (n == 0) {
            return true;
        }
        return s.charAt(0) > ' ' && s.charAt(n - 1) > ' ' && !hasSpace(s);
    }

    /** Removes all white space: "岳阳楼 区" as the header wraps it is the unit 岳阳楼区. */
    public static String compact(String s) {
        if (s == null) {
            return "";
        }
        if (!hasSpace(s)) {
            return s;
        }
        return SPACES.matcher(s).replaceAll("");
    }

    /** Full-width ASCII forms (０-９, ．, ，, ％ …) to their half-width forms. */
    public static String halfWidth(String s) {
        StringBuilder sb = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c >= '\uFF01' && c <= '\uFF5E') {
                sb.append((char) (c - 0xFEE0));
            } else if (c == '\u3000') {
                sb.append(' ');
            } else {
                sb.append(c);
            }
        }
        return sb.toString();
    }

    /** The enumerator a name starts with, "1." or "（3）", or null. */
    public static String enumerator(String name) {
        var m = ENUMERATOR.matcher(name);
        return m.find() ? m.group().trim() : null;
    }

    /** The name without its leading enumerator. */
    public static String stripEnumerator(String name) {
        return ENUMERATOR.matcher(name).replaceFirst("").trim();
    }

    /** A cell that says "no target here": empty, a slash, a dash. */
    public static boolean isNone(String s) {
        String t = compact(s);
        return t.isEmpty() || t.equals("/") || t.equals("／") || t.equals("-") || t.equals("—") || t.equals("--")
                || t.equals("——") || t.equals("\\") || t.equals("无");
    }

    /** Display width in a terminal: CJK and full-width characters take two columns. */
    public static int width(String s) {
        int w = 0;
        for (int i = 0; i < s.length(); ) {
            int cp = s.codePointAt(i);
            w += isWide(cp) ? 2 : 1;
            i += Character.charCount(cp);
        }
        return w;
    }

    private static boolean isWide(int cp) {
        return (cp >= 0x1100 && cp <= 0x115F) || (cp >= 0x2E80 && cp <= 0xA4CF) || (cp >= 0xAC00 && cp <= 0xD7A3)
                || (cp >= 0xF900 && cp <= 0xFAFF) || (cp >= 0xFE30 && cp <= 0xFE4F) || (cp >= 0xFF00 && cp <= 0xFF60)
                || (cp >= 0xFFE0 && cp <= 0xFFE6) || (cp >= 0x20000 && cp <= 0x3FFFD) || cp == 0x2014 || cp == 0x201C
                || cp == 0x201D;
    }

    /** Pads {@code s} with spaces to {@code width} display columns. */
    public static String pad(String s, int width) {
        int w = width(s);
        return w >= width ? s : s + " ".repeat(width - w);
    }

    /** Cuts {@code s} to at most {@code width} display columns, ending with "…" when cut. */
    public static String fit(String s, int width) {
        if (width(s) <= width) {
            return s;
        }
        StringBuilder sb = new StringBuilder();
        int w = 0;
        for (int i = 0; i < s.length(); ) {
            int cp = s.codePointAt(i);
            int cw = isWide(cp) ? 2 : 1;
            if (w + cw > width - 1) {
                break;
            }
            sb.appendCodePoint(cp);
            w += cw;
            i += Character.charCount(cp);
        }
        return sb.append('…').toString();
    }

    /** A message up to its first colon or semicolon ("“约40”不是数字：…" gives "“约40”不是数字"): the reason without the advice. */
    public static String firstClause(String message) {
        int cut = message.length();
        for (char c : new char[] {'：', '；', ':'}) {
            int i = message.indexOf(c);
            if (i > 0 && i < cut) {
                cut = i;
            }
        }
        return message.substring(0, cut);
    }

    /**
     * How the bulletin names the reporting units together: 各县市区 where they are counties and districts, 各镇（街道）
     * where they are towns and streets, else 各单位. Reporters of a 备注 ("市本级") do not count.
     */
    public static String unitsWord(java.util.List<String> units) {
        int counties = 0;
        int towns = 0;
        for (String u : units) {
            if (u.endsWith("本级")) {
                continue;
            }
            if (u.endsWith("镇") || u.endsWith("乡") || u.endsWith("街道") || u.endsWith("办事处")) {
                towns++;
            } else if (u.endsWith("县") || u.endsWith("区") || u.endsWith("市")) {
                counties++;
            }
        }
        int all = (int) units.stream().filter(u -> !u.endsWith("本级")).count();
        if (towns * 2 > all) {
            return "各镇（街道）";
        }
        return counties * 2 > all ? "各县市区" : "各单位";
    }

    /**
     * A spreadsheet column's letters, from 0: "A", "Z", "AA", "XFD". The first thousand (every column a grid is read
     * in, and every column written) are made once, on first use: every cell read or written is named.
     */
    public static String column(long col) {
        return col >= 0 && col < Columns.LETTERS.length ? Columns.LETTERS[(int) col] : letters(col);
    }

    /** The first thousand columns' letters, made when a column is first named (not at the class's start). */
    private static final class Columns {
        static final String[] LETTERS = new String[1_000];

        static {
            for (int c = 0; c < LETTERS.length; c++) {
                LETTERS[c] = letters(c);
            }
        }
    }

    private static String letters(long col) {
        StringBuilder letters = new StringBuilder(3);
        for (long c = col + 1; c > 0; c = (c - 1) / 26) {
            letters.insert(0, (char) ('A' + (c - 1) % 26));
        }
        return letters.toString();
    }

    /** A cell's A1 name, rows and columns from 0: "C12", "XFD1048576". */
    public static String a1(long row, long col) {
        return column(col) + (row + 1);
    }
}
