package bulletin.text;

import bulletin.text.Numbers;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;

/** How figures are written in the bulletin: percentages with two decimals, numbers as reported. */
public final class Format {

    private Format() {
    }

    /** 0.48879 → "48.88%"; null → null. */
    public static String percent(BigDecimal fraction) {
        if (fraction == null) {
            return null;
        }
        return fraction.movePointRight(2).setScale(2, RoundingMode.HALF_UP).toPlainString() + "%";
    }

    /** 45.5 (a 形象进度 in percent) → "45.50%". */
    public static String percentValue(BigDecimal percent) {
        return percent == null ? null : percent.setScale(2, RoundingMode.HALF_UP).toPlainString() + "%";
    }

    /** A figure as reported, at most two decimals (seed 002): 28839, 0.89, 9.07. */
    public static String number(BigDecimal v) {
        if (v == null) {
            return null;
        }
        BigDecimal r = v.scale() > 2 ? v.setScale(2, RoundingMode.HALF_UP) : v;
        return Numbers.format(r);
    }

    /** A percentage as running text writes it, without trailing zeros: 0.4167 → "41.67%", 0.45 → "45%". */
    public static String percentText(BigDecimal fraction) {
        if (fraction == null) {
            return null;
        }
        BigDecimal p = fraction.movePointRight(2).setScale(2, RoundingMode.HALF_UP).stripTrailingZeros();
        return (p.scale() < 0 ? p.setScale(0) : p).toPlainString() + "%";
    }

    /** A month as the text names it: "2026-04" → "4月"; null or unreadable → "上月" (the month before). */
    public static String monthLabel(String yearMonth) {
        try {
            return yearMonth == null ? "上月" : java.time.YearMonth.parse(yearMonth).getMonthValue() + "月";
        } catch (java.time.format.DateTimeParseException e) {
            return "上月";
        }
    }

    /** 2026-05-30 → "2026年5月30日". */
    public static String chineseDate(LocalDate d) {
        return d.getYear() + "年" + d.getMonthValue() + "月" + d.getDayOfMonth() + "日";
    }
}
