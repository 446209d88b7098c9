package bulletin.service;

import bulletin.diag.BulletinException;
import java.time.YearMonth;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Reads {@code --month}: "5", "05", "5月", "2026-05", "2026-5", "202605". */
public final class Months {

    private static final Pattern MONTH = Pattern.compile("(\\d{1,2})月?");
    private static final Pattern YEAR_MONTH = Pattern.compile("(\\d{4})[-/.年]?(\\d{1,2})月?");

    private Months() {
    }

    public static YearMonth parse(String spec, int year) {
        String s = spec == null ? "" : spec.trim();
        Matcher m = MONTH.matcher(s);
        int y = year;
        int mo;
        if (m.matches()) {
            mo = Integer.parseInt(m.group(1));
        } else {
            Matcher ym = YEAR_MONTH.matcher(s);
            if (!ym.matches()) {
                throw BulletinException.usage("--month 的值“" + spec + "”无法识别：请写 1–12 的月份，或如 2026-05");
            }
            y = Integer.parseInt(ym.group(1));
            mo = Integer.parseInt(ym.group(2));
        }
        if (mo < 1 || mo > 12) {
            throw BulletinException.usage("--month 的值“" + spec + "”不是 1–12 之间的月份");
        }
        if (y != year) {
            throw BulletinException.usage("--month " + spec + " 的年份与指标表的年份（" + year + "）不同");
        }
        return YearMonth.of(y, mo);
    }
}
