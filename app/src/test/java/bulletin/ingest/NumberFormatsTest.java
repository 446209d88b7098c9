package bulletin.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

/** Which number formats show a date, and which date a day count is. */
class NumberFormatsTest {

    @Test
    void builtInDateAndTimeFormatsAreDates() {
        for (int id : new int[] {14, 15, 16, 17, 18, 19, 20, 21, 22, 31, 45, 46, 47, 57, 58}) {
            assertThat(NumberFormats.isDate(id, null)).as("id %d", id).isTrue();
        }
        for (int id : new int[] {0, 1, 2, 3, 4, 9, 10, 11, 12, 13, 37, 38, 39, 40, 48, 49}) {
            assertThat(NumberFormats.isDate(id, null)).as("id %d", id).isFalse();
        }
    }

    @Test
    void aCodeIsADateWhereItWritesDatePartsOutsideQuotesAndBrackets() {
        for (String code : new String[] {"yyyy/m/d", "yyyy\"年\"m\"月\"d\"日\"", "yyyy年m月d日", "m月d日", "[$-804]aaaa",
                "[DBNum1][$-804]yyyy\"年\"m\"月\"", "h:mm", "[h]:mm:ss", "mm:ss.0", "d-mmm-yy", "[$-F800]dddd, mmmm dd, yyyy",
                "YYYY-MM-DD"}) {
            assertThat(NumberFormats.isDate(200, code)).as(code).isTrue();
        }
        for (String code : new String[] {"General", "G/通用格式", "[DBNum1][$-804]G/通用格式", "0.00%", "0%", "#,##0.00",
                "#,##0_);[Red](#,##0)", "0.0\"万元\"", "0\"人次\"", "0.00E+00", "@", "0.0\" days\"", "[Red][<=100]0;[Blue]0",
                "0.00_)", "\\d0", "0*-"}) {
            assertThat(NumberFormats.isDate(200, code)).as(code).isFalse();
        }
    }

    @Test
    void aDayCountReadsAsTheDateExcelShows() {
        assertThat(NumberFormats.dateText(new BigDecimal("46145"), false)).isEqualTo("2026-05-03");
        assertThat(NumberFormats.dateText(new BigDecimal("46145.5"), false)).isEqualTo("2026-05-03 12:00");
        assertThat(NumberFormats.dateText(new BigDecimal("1"), false)).isEqualTo("1900-01-01");
        assertThat(NumberFormats.dateText(new BigDecimal("61"), false)).isEqualTo("1900-03-01");
        assertThat(NumberFormats.dateText(new BigDecimal("0.75"), false)).isEqualTo("18:00");
        assertThat(NumberFormats.dateText(new BigDecimal("44683"), true)).isEqualTo("2026-05-03");
        assertThat(NumberFormats.dateText(new BigDecimal("-1"), false)).isNull();
        assertThat(NumberFormats.dateText(new BigDecimal("1E+20"), false)).isNull();
    }
}
