package bulletin.text;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class NumbersTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "90|90|false|false",
        "' 90 '|90|false|true",
        "1,200|1200|false|true",
        "１２０|120|false|true",
        "0.8865|0.8865|false|false",
        "1.5420|1.542|false|false",
        "52.9%|52.9|true|false",
        "-3|-3|false|false",
        "25931.46|25931.46|false|false"})
    void readsNumbersAsClerksTypeThem(String text, String value, boolean percent, boolean normalised) {
        Numbers.Parsed p = Numbers.parse(text).orElseThrow();
        assertThat(p.value()).isEqualByComparingTo(new BigDecimal(value));
        assertThat(p.percent()).isEqualTo(percent);
        assertThat(p.normalised()).isEqualTo(normalised);
    }

    @ParameterizedTest
    @ValueSource(strings = {"约300", "正在推进", "12abc", "", "/", "1,20", "1.2.3", "三百"})
    void neverHalfParses(String text) {
        assertThat(Numbers.parse(text)).isEmpty();
    }

    @ParameterizedTest
    @CsvSource({"0.8865,0.8865", "100.0,100", "2.50,2.5", "1E+2,100"})
    void normalisedNumbersPrintPlainly(String in, String out) {
        assertThat(Numbers.format(new BigDecimal(in))).isEqualTo(out);
    }
}
