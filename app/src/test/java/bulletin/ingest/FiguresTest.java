package bulletin.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Duration;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Test;

/** The bounds of a figure: what is too large to be real is refused, quickly, however large. */
class FiguresTest {

    private static Figures.Reading number(String n) {
        BigDecimal b = new BigDecimal(n);
        return Figures.read(new Grid.Value(n, b, false, Grid.Kind.NUMBER, false), false);
    }

    private static Figures.Reading text(String t, boolean percent) {
        return Figures.read(new Grid.Value(t, null, false, Grid.Kind.TEXT, false), percent);
    }

    private static String codes(Figures.Reading r) {
        return String.join(" ", r.issues().stream().map(i -> i.severity().name() + ":" + i.code()).toList());
    }

    @Test
    void fifteenIntegerDigitsAreTheMostAFigureMayHave() {
        assertThat(number("999999999999999").value()).isEqualByComparingTo("999999999999999");
        assertThat(codes(number("999999999999999"))).isEmpty();
        for (String n : new String[] {"1000000000000000", "1E+308", "-1E+308", "110101199001011234"}) {
            Figures.Reading r = number(n);
            assertThat(r.value()).as(n).isNull();
            assertThat(codes(r)).as(n).isEqualTo("ERROR:constraint-error");
            assertThat(r.issues().get(0).message()).contains("数字过大，不像是真实的数据");
        }
        // As a percentage-formatted number too: 1E+20 shown as % is refused before it is scaled.
        Figures.Reading pct = Figures.read(new Grid.Value("", new BigDecimal("1E+20"), true, Grid.Kind.NUMBER, false), true);
        assertThat(codes(pct)).isEqualTo("ERROR:constraint-error");
    }

    @Test
    void hugeNumbersAreRefusedWithoutBeingWrittenOut() {
        Assertions.assertTimeoutPreemptively(Duration.ofSeconds(5), () -> {
            Figures.Reading r = number("1E+999999999");
            assertThat(codes(r)).isEqualTo("ERROR:constraint-error");
            assertThat(r.issues().get(0).message()).contains("1000000000 位整数");
            // A thousand characters and more are no number typed by a person: text, and quickly so.
            assertThat(codes(text("1" + "0".repeat(200_000), false))).isEqualTo("ERROR:type-error");
        });
    }

    @Test
    void numbersTypedAsTextAreHeldToTheSameBound() {
        assertThat(codes(text("9".repeat(400), false))).isEqualTo("ERROR:constraint-error");
        assertThat(codes(text("１０００００００００００００００００", false))).isEqualTo("ERROR:constraint-error");
        assertThat(codes(text("999,999,999,999,999", false))).isEqualTo("WARNING:number-as-text");
        for (String inf : new String[] {"Infinity", "-Infinity", "INF", "∞", "1.#INF", " inf "}) {
            assertThat(codes(text(inf, false))).as(inf).isEqualTo("ERROR:constraint-error");
        }
        assertThat(codes(text("NaN", false))).isEqualTo("ERROR:type-error");
        assertThat(codes(text("1e308", true))).isEqualTo("ERROR:type-error"); // exponents are not how people type
    }
}
