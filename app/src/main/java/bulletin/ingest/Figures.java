package bulletin.ingest;

import bulletin.diag.Severity;
import bulletin.text.Numbers;
import bulletin.text.Text;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Reads one figure cell of a monthly form, the same way for {@code generate} and {@code validate}: numbers as
 * they are; numbers typed as text normalised with a warning, never half-parsed; percentages in all three forms
 * (0.529 formatted as %, "52.9%", 52.9) to one value in percent; anything else reported.
 */
public final class Figures {

    /** Something to say about a cell. */
    public record Issue(Severity severity, String code, String message, String expected) {
    }

    /** The figure read, or null, and what there was to say about it. */
    public record Reading(BigDecimal value, List<Issue> issues) {
    }

    private Figures() {
    }

    /**
     * @param percent whether the cell is a 形象进度 (percent) cell rather than a 累计完成 one
     */
    public static Reading read(Grid.Value v, boolean percent) {
        List<Issue> issues = new ArrayList<>();
        String expected = percent ? "0–100 之间的数字" : "不小于 0 的数字";
        BigDecimal value = null;
        boolean percentWritten = false;
        switch (v.kind()) {
            case BLANK:
                return new Reading(null, issues);
            case FORMULA_NO_CACHE:
                issues.add(new Issue(Severity.ERROR, "formula-error", "公式没有保存计算结果（本工具不计算公式）："
                        + "请在 Excel/WPS 中打开、重新计算并保存，或直接填写数字", expected));
                return new Reading(null, issues);
            case FORMULA_ERROR:
            case ERROR:
                issues.add(new Issue(Severity.ERROR, "formula-error", "单元格是一个出错的公式结果（#错误），请改为数字",
                        expected));
                return new Reading(null, issues);
            case DATE:
                issues.add(new Issue(Severity.ERROR, "type-error", "“" + v.text() + "”填的是日期，不是数字：单元格被设成了"
                        + "日期格式，请改为“常规”或“数值”格式后重填" + (percent ? "（形象进度填 0–100 的数字）" : ""), expected));
                return new Reading(null, issues);
            case BOOLEAN:
                issues.add(new Issue(Severity.ERROR, "type-error", "“" + v.text() + "”不是数字", expected));
                return new Reading(null, issues);
            case NUMBER:
                value = v.percentFormat() ? Numbers.normalise(v.number().movePointRight(2)) : v.number();
                percentWritten = v.percentFormat();
                break;
            case TEXT: {
                if (Text.isNone(v.text())) {
                    return new Reading(null, issues);
                }
                Optional<Numbers.Parsed> p = Numbers.parse(v.text());
                if (p.isEmpty()) {
                    issues.add(new Issue(Severity.ERROR, "type-error", "“" + v.text() + "”不是数字：" + (percent
                            ? "形象进度应只填 0–100 的数字" : "累计完成应只填数字，文字说明请写在“进展情况”中"), expected));
                    return new Reading(null, issues);
                }
                value = p.get().value();
                percentWritten = p.get().percent();
                issues.add(new Issue(Severity.WARNING, "number-as-text", "数字以文字形式填写（“" + v.text() + "”），已按 "
                        + Numbers.format(value) + " 读取；请改为数字格式", Numbers.format(value)));
                break;
            }
            default:
                return new Reading(null, issues);
        }
        if (value.signum() < 0) {
            issues.add(new Issue(Severity.ERROR, "constraint-error", "不能为负数（" + Numbers.format(value) + "）",
                    expected));
            return new Reading(null, issues);
        }
        if (percent && value.compareTo(BigDecimal.valueOf(100)) > 0) {
            issues.add(new Issue(Severity.ERROR, "constraint-error", "形象进度超过 100（" + Numbers.format(value) + "）",
                    expected));
            return new Reading(null, issues);
        }
        if (percent && !percentWritten && value.signum() > 0 && value.compareTo(BigDecimal.ONE) < 0) {
            issues.add(new Issue(Severity.WARNING, "percent-form", "形象进度为 " + Numbers.format(value) + "，是否把 "
                    + Numbers.format(value.movePointRight(2)) + "% 写成了小数？应填百分数（如 45 表示 45%）",
                    Numbers.format(value.movePointRight(2))));
        }
        return new Reading(value, issues);
    }
}
