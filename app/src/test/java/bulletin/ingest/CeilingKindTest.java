package bulletin.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import bulletin.model.Kind;
import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Issue 22, point 2: a ceiling (lower is better) is read from the wording of the name or of a target cell. */
class CeilingKindTest {

    private static Kinds.Guess guess(String name, String measure, String cellWords) {
        return Kinds.guess(name, name, measure, true, new BigDecimal("4.3"), List.of(), cellWords);
    }

    @ParameterizedTest
    @ValueSource(strings = {"城镇登记失业率控制在4.3%以内", "城镇调查失业率低于5.5%", "城镇登记失业率不高于4.5%",
            "婴儿死亡率不超过5‰", "孕产妇死亡率≤10/10万", "农村失业率4.3%以内", "贫困发生率3%以下"})
    void theNameSaysCeiling(String name) {
        Kinds.Guess g = guess(name, "%", null);
        assertThat(g.kind()).isEqualTo(Kind.CEILING);
        assertThat(g.reason()).contains("控制目标").contains("越低越好");
    }

    @ParameterizedTest
    @ValueSource(strings = {"产前筛查率不低于90%", "城乡居民医保参保率达到95%", "为60岁以下低保对象提供培训"})
    void aFloorOrAnAgeIsNoCeiling(String name) {
        assertThat(guess(name, "%", null).kind()).isNotEqualTo(Kind.CEILING);
    }

    @Test
    void theTargetCellSaysCeilingWhenTheNameDoesNot() {
        Kinds.Guess g = guess("城镇登记失业率", "%", "4.3%以内");
        assertThat(g.kind()).isEqualTo(Kind.CEILING);
        assertThat(g.reason()).contains("目标单元格写作“4.3%以内”");
        assertThat(guess("城镇登记失业率", "%", null).kind()).isEqualTo(Kind.RATE);
    }

    @ParameterizedTest
    @CsvSource({"4.3%以内,4.3", "≤4.3%,4.3", "低于5.5,5.5", "控制在4.5%以内,4.5", "不超过 3 %,3", "5‰以下,5",
            "4.3 % 以内,4.3"})
    void theFigureOfACeilingInWords(String text, String figure) {
        assertThat(Kinds.ceilingFigure(text)).isEqualByComparingTo(figure);
    }

    @ParameterizedTest
    @ValueSource(strings = {"4.3", "不低于650", "全面完成", "4.3%", "约4.3%"})
    void notACeilingInWords(String text) {
        assertThat(Kinds.ceilingFigure(text)).isNull();
    }

    @Test
    void bulletinYamlMayNameTheKind() {
        assertThat(Kind.parse("ceiling")).contains(Kind.CEILING);
        assertThat(Kind.parse("控制目标")).contains(Kind.CEILING);
        assertThat(Kind.parse("上限")).contains(Kind.CEILING);
        assertThat(Kind.ofId("ceiling")).isEqualTo(Kind.CEILING);
    }
}
