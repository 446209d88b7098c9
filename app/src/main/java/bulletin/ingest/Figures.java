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

    /**
     * A figure this large or larger is not real: 10^15 or more, that is more than 15 integer digits. Excel keeps 15
     * significant digits, so a larger number cannot even have been typed and saved as it was meant; and no count,
     * sum of money or measure of a city's projects comes near it (a trillion yuan is 13 digits), while an identity
     * card number (18 digits) pasted into the wrong cell, 1E+308 or a number of hundreds of digits does. It is checked
     * on the number as saved, before anything writes it out in full.
     */
    static final BigDecimal TOO_LARGE = BigDecimal.TEN.pow(15);

    private Figures() {
    }

    /**
     * @param percent whether the cell is a 形象进度 (percent) cell rather than a 累计完成 one
     */
    public static Reading read(Grid.Value v, boolean percent) {
        // Most cells: blank, or a plain number within bounds; read without a list of issues of their own.
        if (v.kind() == Grid.Kind.BLANK) {
            return BLANK;
        }
        if (v.kind() == Grid.Kind.NUMBER) {
            Reading plain = plainNumber(v, percent);
            if (plain != null) {
                return plain;
            }
        }
        return other(v, percent);
    }

    /**
     * Every other cell: what there is to say about it. Its own method, called for few cells, so that the quick
     * path above is all the JIT compiles for most forms (this one's messages make a large method).
     */
    private static Reading other(Grid.Value v, boolean percent) {
        List<Issue> issues = new ArrayList<>();
        String expected = percent ? "0–100 之间的数字" : "不小于 0 的数字";
        BigDecimal value = null;
        boolean percentWritten = false;
        switch (v.kind()) {
            case BLANK:
                return new Reading(null, issues);
            case DAMAGED:
                issues.add(new Issue(Severity.ERROR, "damaged-cell", "单元格的内容无法读取（文件中它指向的文字不存在，"
                        + "文件可能已损坏）：请在 Excel/WPS 中重新填写这一格并保存", expected));
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
                if (tooLarge(v.number())) {
                    issues.add(tooLarge(digits(v.number()) + " 位整数", expected));
                    return new Reading(null, issues);
                }
                value = v.percentFormat() ? Numbers.normalise(v.number().movePointRight(2)) : v.number();
                percentWritten = v.percentFormat();
                break;
            case TEXT: {
                if (Text.isNone(v.text())) {
                    return new Reading(null, issues);
                }
                Numbers.Parsed p = text(v.text(), percent, expected, issues);
                if (p == null) {
                    return new Reading(null, issues);
                }
                value = p.value();
                percentWritten = p.percent();
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

    private static final Reading BLANK = new Reading(null, List.of());
    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    /**
     * The reading of a number cell about which {@link #read} has nothing to say (not too large, not negative, for a
     * 形象进度 at most 100 and not a fraction of 1 written as a plain number), the same value; null for the others.
     */
    private static Reading plainNumber(Grid.Value v, boolean percent) {
        if (tooLarge(v.number())) {
            return null;
        }
        BigDecimal value = v.percentFormat() ? Numbers.normalise(v.number().movePointRight(2)) : v.number();
        if (value.signum() < 0 || percent && (value.compareTo(HUNDRED) > 0 || !v.percentFormat()
                && value.signum() > 0 && value.compareTo(BigDecimal.ONE) < 0)) {
            return null;
        }
        return new Reading(value, List.of());
    }

    /**
     * A number typed as text, normalised with a warning; null (with an error) where it is no number, or one too
     * large to be a real figure.
     */
    private static Numbers.Parsed text(String text, boolean percent, String expected, List<Issue> issues) {
        if (Numbers.isInfinity(text)) {
            issues.add(tooLarge("“" + text + "”即无穷大", expected));
            return null;
        }
        Optional<Numbers.Parsed> p = Numbers.parse(text);
        if (p.isEmpty()) {
            issues.add(new Issue(Severity.ERROR, "type-error", "“" + text + "”不是数字：" + (percent
                    ? "形象进度应只填 0–100 的数字" : "累计完成应只填数字，文字说明请写在“进展情况”中"), expected));
            return null;
        }
        BigDecimal value = p.get().value();
        if (tooLarge(value)) {
            issues.add(tooLarge(digits(value) + " 位整数", expected));
            return null;
        }
        issues.add(new Issue(Severity.WARNING, "number-as-text", "数字以文字形式填写（“" + text + "”），已按 "
                + Numbers.format(value) + " 读取；请改为数字格式", Numbers.format(value)));
        return p.get();
    }

    /** Whether a figure is too large to be real ({@link #TOO_LARGE}); checked on the number as saved. */
    static boolean tooLarge(BigDecimal v) {
        return v.abs().compareTo(TOO_LARGE) >= 0;
    }

    /** The number of integer digits of a number of at least 1, without writing it out. */
    private static long digits(BigDecimal v) {
        return (long) v.precision() - v.scale();
    }

    private static Issue tooLarge(String what, String expected) {
        return new Issue(Severity.ERROR, "constraint-error", "数字过大，不像是真实的数据（" + what
                + "）：请核对是否填错了单元格或多打了数字", "不超过 15 位整数的" + expected);
    }
}
