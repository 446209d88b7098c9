package bulletin.forms;

import bulletin.model.Indicator;
import bulletin.model.Kind;
import bulletin.text.Numbers;
import java.math.BigDecimal;

/**
 * {@code validate}'s rules as the unit's own spreadsheet can apply them while the form is filled: the bounds of
 * the input cell's data validation (stop style: below last month's figure, below 0, a percentage above 100), and
 * the formula of the 自查 column, which also shows what is only worth a second look (a figure above 1.5× the
 * target, a 形象进度 typed as a decimal). The formulas use only IF, ISNUMBER, AND, OR and COUNTIF, which Excel
 * 2010, WPS and LibreOffice all evaluate; the numbers they compare with are written into them, as the form's
 * other locked cells are. The tool never trusts them: {@code validate} applies every rule itself.
 */
public final class FormRules {

    /** A figure above this many times the target is flagged (a warning, never a refusal). */
    public static final BigDecimal FAR_ABOVE = new BigDecimal("1.5");


    /**
     * What 自查 shows for a blank input where last month had no figure either: said, but neither counted nor
     * coloured, as {@code validate} does not hold it against the unit (a blank where last month had a figure is
     * {@code missing-figure}, and flagged "未填（上月为 60）").
     */
    public static final String UNFILLED = "未填";

    private FormRules() {
    }

    /**
     * The rule of one input cell: {@code min} and {@code max} (null: none) refuse; {@code last} is last month's
     * figure (null: none), which a cumulative figure ({@code cumulative}: every kind but a rate) may not fall
     * below; {@code farAbove} the figure above which the row is flagged (null: none).
     */
    public record Rule(boolean percent, BigDecimal min, BigDecimal max, BigDecimal last, boolean cumulative,
                       BigDecimal farAbove) {

        /** The stop message of the data validation. */
        String errorMessage() {
            String below = cumulative && last != null && last.signum() > 0 ? "不能小于上月的 " + literal(last) + "（只增不减）" : "不能小于 0";
            if (percent) {
                return "形象进度请填 " + literal(min) + " 到 100 之间的数字（45 表示 45%），" + below
                        + "，不要带文字。";
            }
            return "累计完成请填数字，" + below + (max != null ? "，不能超过 " + literal(max) : "")
                    + "；不要带单位或文字，文字说明请写在“进展情况”中。";
        }

        /** The prompt shown when the cell is selected: the bounds, and what is worth a second look. */
        String promptMessage() {
            StringBuilder sb = new StringBuilder();
            if (last != null) {
                sb.append("上月 ").append(literal(last)).append("。");
            }
            if (percent) {
                sb.append("填 0–100 的数字。请确认：形象进度填 62 表示 62%。");
            } else {
                sb.append("自1月1日起的累计数，只填数字。");
                if (farAbove != null) {
                    sb.append("超过 ").append(literal(farAbove)).append("（全年目标的 1.5 倍）请核对。");
                }
            }
            return sb.toString();
        }
    }

    /** The rule for indicator {@code i} of a unit with last month's figure {@code last} and target {@code target}. */
    public static Rule rule(Indicator i, BigDecimal last, BigDecimal target) {
        boolean percent = i.kind().reportsPercent();
        boolean cumulative = i.kind().cumulative(); // a rate or a ceiling is a level: it may go down
        BigDecimal floor = cumulative && last != null && last.signum() > 0 ? last : BigDecimal.ZERO;
        BigDecimal max = i.most();
        if (max != null && floor.compareTo(max) > 0) {
            floor = max; // a published figure above the bound: the form must still accept a figure
        }
        BigDecimal far = !percent && i.kind().counted() && target != null && target.signum() > 0
                ? target.multiply(FAR_ABOVE) : null;
        return new Rule(percent, floor, max, last, cumulative, far);
    }

    /**
     * The 自查 formula of an input cell {@code x} ("F12"): "✓", or what the tool will think of the row: 未填,
     * 请填数字, 小于0, 低于上月, 超过100, 请确认 (a 形象进度 between 0 and 1), 超过全年目标1.5倍.
     */
    public static String checkFormula(Rule rule, String x) {
        String last = rule.last() == null ? null : literal(rule.last());
        String blank = last != null ? "\"未填（上月为 " + last + "）\"" : "\"" + UNFILLED + "\"";
        String ok = "\"" + FormLayout.CHECK_OK + "\"";
        String tail = ok;
        if (rule.farAbove() != null) {
            tail = "IF(" + x + ">" + literal(rule.farAbove()) + ",\"超过全年目标1.5倍\"," + tail + ")";
        }
        if (rule.percent()) {
            tail = "IF(AND(" + x + ">0," + x + "<1),\"请确认：62%请填62\"," + tail + ")";
        }
        if (last != null && rule.cumulative()) {
            tail = "IF(" + x + "<" + last + ",\"低于上月（上月为 " + last + "）\"," + tail + ")";
        }
        if (rule.max() != null) {
            tail = "IF(" + x + ">" + literal(rule.max()) + ",\"超过" + literal(rule.max()) + "\","
                    + tail + ")";
        }
        tail = "IF(" + x + "<0,\"小于0\"," + tail + ")";
        return "IF(ISNUMBER(" + x + ")," + tail + ",IF(" + x + "=\"\"," + blank + ",\"请填数字\"))";
    }

    /**
     * A number as a formula or a data validation writes it: plain where it is short ("0.9252"), else as the
     * spreadsheet stores it, a double in E notation (a target of 1e300 digits would make an invalid formula).
     */
    public static String literal(BigDecimal v) {
        String plain = Numbers.format(v);
        return plain.length() <= 15 ? plain : Double.toString(v.doubleValue());
    }

    /** The count at the top: {@code rows} (the 自查 cells, "K5:K40") of which {@code checked} carry a check. */
    public static String countFormula(String rows, int checked) {
        String left = checked + "-COUNTIF(" + rows + ",\"" + FormLayout.CHECK_OK + "\")-COUNTIF(" + rows + ",\""
                + UNFILLED + "\")";
        return "IF(" + left + "=0,\"本表已全部自查通过\",\"本表还有 \"&(" + left + ")&\" 处需要核对\")";
    }

    /** The conditional formatting's condition for a row, given its 自查 cell ("$K5"). */
    public static String flaggedFormula(String k) {
        return "AND(" + k + "<>\"" + FormLayout.CHECK_OK + "\"," + k + "<>\"" + FormLayout.CHECK_NONE + "\"," + k
                + "<>\"" + UNFILLED + "\"," + k + "<>\"\")";
    }
}
