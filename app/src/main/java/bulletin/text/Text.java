package bulletin.text;

import java.util.regex.Pattern;

/** Text clean-up shared by the readers: white space, full-width forms, enumerators. */
public final class Text {

    private static final Pattern SPACES = Pattern.compile("[\\s\\u00A0\\u3000]+");
    /** "1." "12、" "（3）" "(7)" "一、" "①" at the start of a name. */
    private static final Pattern ENUMERATOR = Pattern.compile(
            "^\\s*(?:\\d{1,3}\\s*[.．、]|[（(]\\s*\\d{1,3}\\s*[)）]|[一二三四五六七八九十]{1,3}\\s*、|[①-⑳])\\s*");

    private Text() {
    }

    /** Collapses runs of white space (line breaks in a cell, full-width spaces) to one space and trims. */
    public static String clean(String s) {
        if (s == null) {
            return "";
        }
        return SPACES.matcher(s).replaceAll(" ").trim();
    }

    /** Removes all white space: "岳阳楼 区" as the header wraps it is the unit 岳阳楼区. */
    public static String compact(String s) {
        if (s == null) {
            return "";
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
}
