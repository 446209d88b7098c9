package bulletin.ingest;

import bulletin.text.Numbers;
import bulletin.text.Text;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The figure a name states in the indicator's 单位: "城镇新增就业6000人" → 6000; "1650万人次" in 人次 → 16500000.
 * Where a name states several, the one that belongs to the indicator: the new level of a standard ("从不低于600元/月
 * 提高到不低于650元/月" → 650), the one the units' targets add up to, or the one at the indicator's place among
 * rows of the same name ("除险加固小型水库128座、运行管护标准化建设288座": the second row's is 288).
 */
final class Headline {

    private static final Pattern PARENS = Pattern.compile("[（(][^）)]*[）)]");
    private static final Pattern RAISED = Pattern.compile("提高到|提高至|提升到|提升至|调整到|调整为|提标到|提标至");
    private static final Pattern CLAUSE = Pattern.compile("[、，,；;（）()。：:]");

    /** One figure of a name: its value in the indicator's 单位 and where it stands. */
    record Figure(BigDecimal value, int start, int end) {
    }

    private Headline() {
    }

    /** Every figure the name states in {@code measure}, in order. */
    static List<Figure> all(String name, String measure) {
        String m = bare(measure);
        List<Figure> out = new ArrayList<>();
        if (m.isEmpty() || name == null) {
            return out;
        }
        Pattern p = pattern(m);
        Matcher x = p.matcher(Text.halfWidth(name));
        while (x.find()) {
            BigDecimal v = new BigDecimal(x.group(1));
            if ("万".equals(x.group(2))) {
                v = v.movePointRight(4);
            } else if ("亿".equals(x.group(2))) {
                v = v.movePointRight(8);
            }
            out.add(new Figure(Numbers.normalise(v), x.start(), x.end()));
        }
        return out;
    }

    /** The figure patterns by bare 单位: a table has a few dozen 单位 and names them row after row. */
    private static final java.util.Map<String, Pattern> PATTERNS = new java.util.concurrent.ConcurrentHashMap<>();

    private static Pattern pattern(String m) {
        Pattern p = PATTERNS.get(m);
        if (p == null) {
            p = Pattern.compile("(\\d+(?:\\.\\d+)?)\\s*(万|亿)?\\s*(?:" + alternatives(m) + ")");
            if (PATTERNS.size() < 1000) { // a hostile table's thousand 单位 are compiled each time, not kept
                PATTERNS.put(m, p);
            }
        }
        return p;
    }

    /** A 单位 without its bracketed part: "场(次)" → "场", as names and notes write it. */
    static String bare(String measure) {
        return PARENS.matcher(measure == null ? "" : measure).replaceAll("");
    }

    /**
     * The ways a name writes the 单位: as the column does, "场" for 场次, and "元" for a level in 元/月 or 元/人·年
     * ("从每人每月175元提高到190元").
     */
    private static String alternatives(String m) {
        List<String> out = new ArrayList<>(List.of(Pattern.quote(m)));
        if (m.length() >= 2 && m.endsWith("次") && !m.startsWith("人") && !m.startsWith("万")) {
            out.add(Pattern.quote(m.substring(0, m.length() - 1)) + "(?!次)");
        }
        if (m.startsWith("元/")) {
            out.add("元");
        }
        return String.join("|", out);
    }

    /** The single figure of a name, or the first: what a name alone says. */
    static BigDecimal of(String name, String measure) {
        return pick(name, measure, null, 0);
    }

    /**
     * The figure that belongs to this indicator.
     *
     * @param expected the figure the units' targets make (their sum, or the figure each must reach), or null
     * @param place    the indicator's place (0, 1, …) among the rows of its item with this same name
     */
    static BigDecimal pick(String name, String measure, BigDecimal expected, int place) {
        List<Figure> all = all(name, measure);
        if (all.isEmpty()) {
            return null;
        }
        if (all.size() == 1) {
            return all.get(0).value();
        }
        Matcher raised = RAISED.matcher(Text.halfWidth(name));
        int after = -1;
        while (raised.find()) {
            after = raised.end();
        }
        if (after >= 0) {
            for (Figure f : all) {
                if (f.start() >= after) {
                    return f.value();
                }
            }
        }
        if (expected != null) {
            List<Figure> same = all.stream().filter(f -> f.value().compareTo(expected) == 0).toList();
            if (same.size() == 1) {
                return same.get(0).value();
            }
        }
        return all.get(Math.min(place, all.size() - 1)).value();
    }

    /** Whether {@code value} is one of the figures the name states. */
    static boolean states(String name, String measure, BigDecimal value) {
        return all(name, measure).stream().anyMatch(f -> f.value().compareTo(value) == 0);
    }

    /**
     * The clause of the name that carries its figure ("推进农村网络通信提质升级（新建34个农村4G、5G基站）" → "新建34个农村4G"),
     * or the whole name where it states none.
     */
    static String clause(String name, String measure, BigDecimal value) {
        String n = Text.halfWidth(name);
        for (Figure f : all(name, measure)) {
            if (value == null || f.value().compareTo(value) == 0) {
                int from = f.start();
                while (from > 0 && !CLAUSE.matcher(n.substring(from - 1, from)).matches()) {
                    from--;
                }
                int to = f.end();
                while (to < n.length() && !CLAUSE.matcher(n.substring(to, to + 1)).matches()) {
                    to++;
                }
                return n.substring(from, to);
            }
        }
        return n;
    }
}
