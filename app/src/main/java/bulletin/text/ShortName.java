package bulletin.text;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * An indicator's short name, as the cards and 突出问题 quote it: a noun phrase of the indicator, never a fragment.
 * The clause that holds the indicator's figure (or the name's first clause), without the figure itself, without a
 * leading 其中/开展/实施 and without the words that only lead up to the figure (达到, 不低于, 分别, 从…); a long phrase
 * holding a quoted project name is cut to that name ("“爱心驿站”"). Where no such phrase can be made, the full
 * name.
 */
public final class ShortName {

    /** A phrase longer than this that holds a quoted name is cut to it. */
    static final int QUOTE_CUT = 12;

    /** A figure with its measure: "1650万人次", "17.14万人", "770元/月", "90%以上", "4 条". */
    private static final Pattern FIGURE = Pattern.compile(
            "(?<![A-Za-z\\d.—-])\\d+(?:\\.\\d+)?(?!\\s*[万千兆]?[伏瓦])\\s*(?:[万亿千百])?\\s*(?:(?:平方米|立方米|人次|场次|千米|公里|元/月|元/人|元|%|％"
                    + "|[个张座项人次户家台所场处件套条名亩米吨辆批栋间期种类])(?:/[月年人])?)*(?:以上|以内|左右)?(?![A-Za-z\\d])");
    /** Words that only lead up to a figure; the phrase ends before the first of them. */
    private static final Pattern LEAD_UP = Pattern.compile(
            "(?:分别|均提高|均达到|均不低于|均)?(?:提高到|提高至|提升至|提升到|增加到|增长到|达到|不低于|不少于|不超过|不高于|低于"
                    + "|控制在|保持在|稳定在|从(?!业)|由(?=每|原|现))");
    /** The lead-up words that raise a standard: what comes before them is whose standard is raised. */
    private static final Pattern RAISED = Pattern.compile("提高到|提高至|提升至|提升到");
    /** Trailing words left where a figure was cut: "…筛查率达", "…共", "…为". */
    private static final Pattern TRAILING = Pattern.compile(
            "(?:分别|均|共计|共|为|达|和|及|与|或|、|，|的|至|到|约|超|以上|以内)+$");
    /** Leading words that are not the thing itself. */
    private static final Pattern LEADING = Pattern.compile("^(?:其中|另有|开展|实施|推行|推进|全年|共)+");
    private static final Pattern CLAUSES = Pattern.compile("[，,；;。]");
    private static final Pattern BRACKETED = Pattern.compile("[（(]([^（）()]*)[）)]");

    private ShortName() {
    }

    /** The short name of an indicator named {@code name}. */
    public static String of(String name) {
        if (name == null) {
            return "";
        }
        String full = Text.stripEnumerator(Text.clean(name));
        String n = squeeze(full);
        // A bracket without a figure is an aside ("（高架）"); one with a figure is a clause of its own.
        Matcher b = BRACKETED.matcher(n);
        StringBuilder sb = new StringBuilder();
        while (b.find()) {
            b.appendReplacement(sb, Matcher.quoteReplacement(b.group(1).matches(".*\\d.*") ? "，" + b.group(1) + "，"
                    : ""));
        }
        b.appendTail(sb);
        List<String> clauses = new ArrayList<>();
        for (String c : CLAUSES.split(sb)) {
            if (!c.isBlank()) {
                clauses.add(c.strip());
            }
        }
        if (clauses.isEmpty()) {
            return full;
        }
        String chosen = clauses.get(0);
        for (int k = clauses.size() - 1; k > 0; k--) {
            String c = clauses.get(k);
            if (c.matches(".*\\d.*") && phrase(c).length() >= 5) {
                chosen = clauses.get(k);
                break;
            }
        }
        String phrase = phrase(chosen);
        if (!(good(phrase) && phrase.length() >= 4)) {
            // A clause of parts ("10千伏及以下农村配电网、…") or of money: the name's first clause names the thing.
            phrase = phrase(clauses.get(0));
        }
        return good(phrase) && phrase.length() >= 4 ? phrase : full;
    }

    /** The short name in quotation marks, unless it carries its own: "“技兴三湘一人一技”职业技能培训". */
    public static String quoted(String name) {
        String n = of(name);
        return n.contains("“") ? n : "“" + n + "”";
    }

    /** The noun phrase of one clause. */
    private static String phrase(String clause) {
        String p = clause;
        Matcher lead = LEAD_UP.matcher(p);
        boolean raised = false;
        if (lead.find() && lead.start() >= 2) {
            raised = RAISED.matcher(lead.group()).find();
            p = p.substring(0, lead.start());
        }
        String before;
        do {
            before = p;
            p = LEADING.matcher(p).replaceFirst("");
            p = FIGURE.matcher(p).replaceAll("");
            p = TRAILING.matcher(p.strip()).replaceFirst("");
            p = p.replaceFirst("^[、，的]+", "");
        } while (!p.equals(before));
        if (raised && !p.matches(".*(标准|水平|率|金额|额度|补贴|保障|待遇|费)$")) {
            // "散居和集中供养孤儿分别提高到…元/月": what is raised is unnamed, and "散居和集中供养孤儿" alone would
            // read as the thing completed; no phrase, so the full name is used.
            return "";
        }
        if (p.length() > QUOTE_CUT && p.indexOf('“') > 0) {
            String fromQuote = p.substring(p.indexOf('“'));
            if (fromQuote.length() >= 4) {
                p = fromQuote;
            }
        }
        return p.strip();
    }

    /** Spaces between Chinese characters or around figures are the table's line wrapping, not words. */
    private static String squeeze(String s) {
        return s.replaceAll("(?<=[^\\x00-\\x7F])\\s+|\\s+(?=[^\\x00-\\x7F])", "").replaceAll("(?<=\\d)\\s+|\\s+(?=\\d)",
                "");
    }

    /**
     * Whether a phrase reads as a short name: two characters or more, no figure left, quotation marks and brackets
     * paired, not opening or ending on a word that leads up to something else.
     */
    public static boolean good(String p) {
        if (p == null || p.length() < 2 || !p.equals(p.strip())) {
            return false;
        }
        if (p.matches(".*\\d.*") && !p.matches(".*\\d[GgKk].*")) {
            return false;
        }
        if (count(p, '“') != count(p, '”') || count(p, '（') + count(p, '(') != count(p, '）') + count(p, ')')) {
            return false;
        }
        return !p.matches("^(其中|开展|从|由|达到|等|和|及|、).*") && !TRAILING.matcher(p).find()
                && !p.matches(".*(达到|不低于|不少于|提高到|提高至|提升至|从|由)$");
    }

    private static long count(String s, char c) {
        return s.chars().filter(x -> x == c).count();
    }
}
