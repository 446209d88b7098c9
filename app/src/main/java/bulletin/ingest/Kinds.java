package bulletin.ingest;

import bulletin.model.Kind;
import bulletin.text.Text;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Guesses how an indicator is measured from what it counts, not from a keyword alone (README, "Kinds"):
 * <ol>
 *   <li>no numeric target: a standard where the 单位 is a level (元/月), else text;</li>
 *   <li>单位 %: a rate; 单位 元/月 and the like with figures, or 元 where the name raises a standard
 *   ("标准…提高到"): a standard (提标);</li>
 *   <li>people, households, money, events, area or length (人, 户, 万元, 场次, 万亩…): a quantity;</li>
 *   <li>a single works project (a target of 1 项, 所, 个…): 形象进度;</li>
 *   <li>a facility the clerk lists ({@code progressKeywords}: 食堂, 床位…): 形象进度;</li>
 *   <li>services and events in the clause of the figure (新增就业, 培训, 救助, 发放, 筛查…): a quantity;</li>
 *   <li>something built or renovated in that clause (建设, 改造, 提质, 工程): 形象进度, whatever it is counted in;</li>
 *   <li>anything else with a figure: a quantity.</li>
 * </ol>
 */
final class Kinds {

    /** A kind and why, as {@code inspect} and {@code init} show it. */
    record Guess(Kind kind, String reason) {
    }

    private static final Map<String, String> COUNTED = Map.ofEntries(
            Map.entry("人", "人数"), Map.entry("人次", "人次"), Map.entry("万人", "人数"), Map.entry("万人次", "人次"),
            Map.entry("名", "人数"), Map.entry("例", "人数"), Map.entry("位", "人数"),
            Map.entry("户", "户数"), Map.entry("万户", "户数"), Map.entry("个家庭", "户数"),
            Map.entry("元", "资金"), Map.entry("万元", "资金"), Map.entry("亿元", "资金"),
            Map.entry("场", "活动场次"), Map.entry("场次", "活动场次"), Map.entry("次", "活动场次"), Map.entry("期", "活动场次"),
            Map.entry("亩", "面积"), Map.entry("万亩", "面积"), Map.entry("平方米", "面积"), Map.entry("万平方米", "面积"),
            Map.entry("公顷", "面积"), Map.entry("公里", "长度"), Map.entry("千米", "长度"), Map.entry("米", "长度"),
            Map.entry("立方米", "体积"), Map.entry("万立方米", "体积"), Map.entry("万方", "体积"));
    private static final Set<String> SINGLE = Set.of("项", "所", "个", "座", "处", "栋", "家", "条");
    private static final List<String> SERVICES = List.of("新增就业", "就业", "培训", "救助", "发放", "筛查", "诊断", "签约",
            "补贴", "补助", "服务", "场次", "活动", "贷款", "接种", "体检", "资助");
    private static final List<String> BUILT = List.of("建设", "改造", "提质", "工程", "修缮", "新改建", "改扩建", "建成");

    /** A standard raised to a new level: "城乡低保标准从不低于600元/月提高到不低于650元/月". */
    private static final java.util.regex.Pattern RAISED_STANDARD = java.util.regex.Pattern.compile(
            "标准.*(提高到|提高至|提标|不低于|达到)|(提高到|提高至|提标)");

    /** The words of a ceiling, each before its figure: 控制在4.3%以内, 低于, 不高于, 不超过, ≤; or 4.3%以内/以下. */
    private static final java.util.regex.Pattern CEILING = java.util.regex.Pattern.compile(
            "控制在[^，,；;。]*?\\d[^，,；;。]*?以内|(?<!不)低于\\s*\\d|不高于\\s*\\d|不超过\\s*\\d|不得超过\\s*\\d"
                    + "|[≤≦＜<]\\s*=?\\s*\\d|\\d[\\d.]*\\s*(%|‰|％)?\\s*(以内|以下)");

    /** A target cell holding a ceiling in words: "4.3%以内", "≤4.3%", "低于4.3", "控制在4.3%以内". */
    private static final java.util.regex.Pattern CEILING_CELL = java.util.regex.Pattern.compile(
            "^(?:控制在|(?<!不)低于|不高于|不超过|不得超过|[≤≦＜<]=?)?\\s*(\\d+(?:\\.\\d+)?)\\s*(?:%|％|‰)?\\s*(以内|以下)?$");

    private Kinds() {
    }

    /** Words that make a clause the works on a thing built (issue 22, point 11). */
    private static final List<String> WORKS = List.of("提质改造", "改扩建", "新改建", "改造", "修缮");
    /** What a works clause may count and stay a quantity: people, households, money, events. */
    private static final Set<String> COUNTS_UNITS = Set.of("人数", "人次", "户数", "资金", "活动场次");
    /** Establishments counted like households (家: 驿站, 门店): each is there or not, a quantity. */
    private static final Set<String> ESTABLISHMENTS = Set.of("家", "户", "个家庭");

    /**
     * One rule for works, whatever the thing is counted in (issue 22, point 11): every 提质改造, 改造 (改扩建,
     * 新改建, 修缮) of a thing built is 形象进度, be it counted in 所, 个, 公里 or 平方米, unless the clause counts
     * people, households or establishments, money or events (户, 家, 人, 万元, 场次): "老旧小区改造1200户" and
     * "新建“爱心驿站”5家" stay quantities, "农村公路提质改造
     * 100公里" and "学校提质改造10所" are both 形象进度. 新建 alone is not works here: seed 001 counts "新建34个农村4G、5G
     * 基站" as a quantity ("已完成8个基站建设，完成全年任务的23.53%"). Null where the clause names no works.
     */
    static Guess builtWorks(String clause, String measure) {
        String c = Text.compact(clause);
        String m = Headline.bare(measure);
        for (String w : WORKS) {
            if (c.contains(w)) {
                String counted = COUNTED.get(m);
                if (counted != null && COUNTS_UNITS.contains(counted) || ESTABLISHMENTS.contains(m)) {
                    return null;
                }
                return new Guess(Kind.PROGRESS, "建设改造类，名称含“" + w + "”，计量的不是人、户、资金或场次"
                        + (m.isEmpty() ? "" : "（" + measure + "）") + "：按形象进度");
            }
        }
        return null;
    }

    /**
     * A ceiling (lower is better), read from the wording of the name or of a target cell: "城镇登记失业率控制在4.3%以内",
     * "低于4.3%", "不高于", "不超过", "≤", "4.3%以内", "以下". The words must stand before (or, for 以内/以下, after) a
     * figure, so that "不低于90%" or "60岁以下老人" is not one. Null where neither says so.
     */
    static Guess ceiling(String name, String targetWords) {
        String n = name == null ? "" : Text.compact(name);
        java.util.regex.Matcher m = CEILING.matcher(n);
        if (m.find() && !n.contains("岁以下") && !n.contains("岁以内")) {
            return new Guess(Kind.CEILING, "名称含“" + m.group() + "”：控制目标，越低越好，不超过即达成");
        }
        String t = targetWords == null ? "" : Text.compact(targetWords);
        m = CEILING.matcher(t);
        if (m.find()) {
            return new Guess(Kind.CEILING, "目标单元格写作“" + targetWords.strip() + "”：控制目标，越低越好，不超过即达成");
        }
        return null;
    }

    /**
     * The figure of a ceiling written in a target cell ("4.3%以内" gives 4.3, "≤5" gives 5), or null where the cell
     * is not a ceiling in words (a plain number is read elsewhere).
     */
    static BigDecimal ceilingFigure(String text) {
        if (text == null) {
            return null;
        }
        String t = Text.compact(text);
        java.util.regex.Matcher m = CEILING_CELL.matcher(t);
        if (!m.matches() || !CEILING.matcher(t).find()) {
            return null;
        }
        return new BigDecimal(m.group(1));
    }

    /**
     * @param clause     the clause of the name that carries the figure (the whole name where there is none)
     * @param cityTarget the city's numeric target, or null
     * @param facilities the clerk's facility words (progressKeywords)
     */
    static Guess guess(String name, String clause, String measure, boolean numeric, BigDecimal cityTarget,
                       List<String> facilities) {
        return guess(name, clause, measure, numeric, cityTarget, facilities, null);
    }

    /**
     * @param targetWords the words of a target cell that gave its figure ("4.3%以内"), or null
     */
    static Guess guess(String name, String clause, String measure, boolean numeric, BigDecimal cityTarget,
                       List<String> facilities, String targetWords) {
        Guess ceiling = numeric ? ceiling(name, targetWords) : null;
        if (ceiling != null) {
            return ceiling;
        }
        String m = Headline.bare(measure);
        if (!numeric) {
            return measure.startsWith("元/") ? new Guess(Kind.STANDARD, "没有数字目标，单位是“" + measure + "”")
                    : new Guess(Kind.TEXT, "目标是文字，没有数字");
        }
        if (m.equals("%")) {
            return new Guess(Kind.RATE, "单位是“%”");
        }
        if (m.startsWith("元/") || (m.startsWith("元") && RAISED_STANDARD.matcher(name).find())) {
            return new Guess(Kind.STANDARD, "单位是“" + measure + "”：提高标准，按是否达到新标准计");
        }
        if (cityTarget != null && cityTarget.compareTo(BigDecimal.ONE) == 0 && SINGLE.contains(m)) {
            return new Guess(Kind.PROGRESS, "单个工程项目，目标1" + m);
        }
        Guess works = builtWorks(clause, measure);
        if (works != null) {
            return works;
        }
        if (COUNTED.containsKey(m)) {
            return new Guess(Kind.QUANTITY, "计量的是" + COUNTED.get(m) + "（" + measure + "）");
        }
        for (String f : facilities) {
            if (name.contains(f)) {
                return new Guess(Kind.PROGRESS, "建设的是设施，名称含“" + f + "”（progressKeywords）");
            }
        }
        String c = Text.compact(clause);
        for (String w : SERVICES) {
            if (c.contains(w)) {
                return new Guess(Kind.QUANTITY, "计量的是服务或活动，名称含“" + w + "”");
            }
        }
        for (String w : BUILT) {
            if (c.contains(w)) {
                return new Guess(Kind.PROGRESS, "建设改造类，名称含“" + w + "”");
            }
        }
        return new Guess(Kind.QUANTITY, "有数字目标，计量的是“" + measure + "”");
    }
}
