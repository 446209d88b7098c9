package bulletin.workspace;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

/**
 * {@code bulletin.yaml}: optional overrides only. Everything here can also be inferred from the tables;
 * a workspace without the file works.
 *
 * @param year             the year, where the tables' title does not say it
 * @param title            the bulletin's title, e.g. 汨罗市实现好惠民生增福祉的期盼工作专报
 * @param office           the issuing office, e.g. 市“实现好惠民生增福祉的期盼”工作专班
 * @param units            the reporting units in the order the bulletin lists them (the same units as the table)
 * @param deadline         the day of the month by which units report (e.g. 25)
 * @param levels           which items are provincial and which city level, e.g. {province: "1-10", city: "11-18"}
 * @param progressKeywords words in an indicator's name that make it a 形象进度 indicator (replaces the defaults)
 * @param indicators       per-indicator overrides by code, e.g. {"01-04": {kind: progress}}
 * @param appendix         how the appendix tables look: paper (A4 or A3), the shading of behind and red-card cells
 * @param chart            whether 工作进展 carries the completion chart (default true)
 * @param stamp            the line under the office in the signature, e.g. （岳阳市人力资源和社会保障局代章）
 * @param programme        the programme's own name (民生实事, 十大民生工程…); default read from the tables' title
 * @param style            how 工作进展 is written: {@code itemised} (default, indicator by indicator, seed 001) or
 *                         {@code themed} (one page: per level the counts, then "一是**lead-in**。…", seed 002)
 * @param themes           the themed style's groups: lead-in → project numbers, in order, e.g.
 *                         {"重点群体保障更加有力": [1, 5, 7]}; without it each level's projects in 3–4 groups
 */
public record WorkspaceConfig(
        @JsonProperty("year") Integer year,
        @JsonProperty("title") String title,
        @JsonProperty("office") String office,
        @JsonProperty("units") List<String> units,
        @JsonProperty("deadline") Integer deadline,
        @JsonProperty("levels") Map<String, String> levels,
        @JsonProperty("progressKeywords") List<String> progressKeywords,
        @JsonProperty("indicators") Map<String, IndicatorOverride> indicators,
        @JsonProperty("appendix") Appendix appendix,
        @JsonProperty("chart") Boolean chart,
        @JsonProperty("stamp") String stamp,
        @JsonProperty("programme") String programme,
        @JsonProperty("style") String style,
        @JsonProperty("themes")
        Map<String, List<Integer>> themes) {

    public static final WorkspaceConfig EMPTY = new WorkspaceConfig(null, null, null, null, null, null, null, null,
            null, null, null, null);

    /** The style 工作进展 is written in by default: indicator by indicator. */
    public static final String ITEMISED = "itemised";

    /** The one-page style of seed 002: themes with bold lead-ins, the detail in the appendix. */
    public static final String THEMED = "themed";

    /** The settings before the themed style (style and themes unset). */
    public WorkspaceConfig(Integer year, String title, String office, List<String> units, Integer deadline,
                           Map<String, String> levels, List<String> progressKeywords,
                           Map<String, IndicatorOverride> indicators, Appendix appendix, Boolean chart, String stamp,
                           String programme) {
        this(year, title, office, units, deadline, levels, progressKeywords, indicators, appendix, chart, stamp,
                programme, null, null);
    }

    /** The default words that make an indicator a construction-type 形象进度 one. */
    public static final List<String> DEFAULT_PROGRESS_KEYWORDS = List.of(
            "食堂", "床位", "和美湘村", "托育托管", "养老服务中心", "医疗卫生次中心", "照护友好社区", "办学条件提质改造");

    public WorkspaceConfig {
        units = units == null ? List.of() : List.copyOf(units);
        levels = levels == null ? Map.of() : Map.copyOf(levels);
        indicators = indicators == null ? Map.of() : Map.copyOf(indicators);
        appendix = appendix == null ? Appendix.DEFAULT : appendix;
        themes = themes == null ? Map.of() : java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(
                themes)); // in the order bulletin.yaml gives them: 一是, 二是…
    }

    /** Whether 工作进展 is written in the themed style ({@code style: themed}, or 主题; itemised is also 逐项). */
    public boolean themed() {
        return style != null && (style.trim().equalsIgnoreCase(THEMED) || style.trim().equals("主题"));
    }

    public boolean chartOrDefault() {
        return chart == null || chart;
    }

    /**
     * The appendix tables' look.
     *
     * @param paper  A4 (default) or A3, landscape either way
     * @param behind the fill of a cell behind schedule, RRGGBB (default FFFF00, yellow); "none" for no fill
     * @param red    the fill of a behind cell of a red-card indicator (default FF7C80)
     */
    public record Appendix(
            @JsonProperty("paper") String paper,
            @JsonProperty("behind") String behind,
            @JsonProperty("red") String red) {

        public static final Appendix DEFAULT = new Appendix(null, null, null);

        public boolean a3() {
            return paper != null && paper.trim().equalsIgnoreCase("A3");
        }

        public String behindOrDefault() {
            return behind == null ? "FFFF00" : behind;
        }

        public String redOrDefault() {
            return red == null ? "FF7C80" : red;
        }
    }

    /** One text of the indicators' overrides (name:, short:), by code, where bulletin.yaml gives it. */
    public Map<String, String> byIndicator(java.util.function.Function<IndicatorOverride, String> field) {
        Map<String, String> out = new java.util.HashMap<>();
        indicators.forEach((code, o) -> {
            if (o != null && field.apply(o) != null) {
                out.put(code, field.apply(o));
            }
        });
        return out;
    }

    public List<String> progressKeywordsOrDefault() {
        return progressKeywords == null ? DEFAULT_PROGRESS_KEYWORDS : progressKeywords;
    }

    /**
     * Overrides for one indicator.
     *
     * @param kind     quantity, progress, standard, rate, ceiling or text (or 数量, 形象进度, 提标, 比率, 控制目标, 文字)
     * @param schedule the cumulative share of the year due by the end of each month, 12 numbers (fractions
     *                 such as 0.5, or percentages such as 50)
     * @param target   the city's numeric target: for an indicator the tables give in words only (the figure its
     *                 name states, e.g. 6000 for 城镇新增就业6000人), or where the units' targets add up to
     *                 another figure than the office measures against
     * @param pending  the indicator is not scored yet, for this reason ("上级任务暂未下达"): reported in words, no card
     * @param from     the first month the indicator is scored in (its work is scheduled to start then)
     * @param additive false where every reporter must reach the same figure (the name's), so that the targets do
     *                 not add up and the city's completion is the reporters' mean; null to let the tables decide
     * @param name     the indicator's name as the bulletin prints it (where the tables' name has a typo)
     * @param shortName its short name in the cards and 突出问题 ({@code short:} in bulletin.yaml)
     */
    public record IndicatorOverride(
            @JsonProperty("kind") String kind,
            @JsonProperty("schedule") List<BigDecimal> schedule,
            @JsonProperty("target") BigDecimal target,
            @JsonProperty("pending") String pending,
            @JsonProperty("from") Integer from,
            @JsonProperty("additive") Boolean additive,
            @JsonProperty("name") String name,
            @JsonProperty("short") String shortName) {

        public IndicatorOverride(String kind, List<BigDecimal> schedule, BigDecimal target, String pending,
                                 Integer from) {
            this(kind, schedule, target, pending, from, null, null, null);
        }
    }
}
