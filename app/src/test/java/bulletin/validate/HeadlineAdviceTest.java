package bulletin.validate;

import static org.assertj.core.api.Assertions.assertThat;

import bulletin.diag.Problem;
import bulletin.model.Indicator;
import bulletin.model.IndicatorModel;
import bulletin.model.Item;
import bulletin.model.Kind;
import bulletin.model.Level;
import bulletin.model.Responsibility;
import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Issue 22, point 7: where the units hold the name's figure each, the headline check advises {additive: false}
 * (the city's completion their mean), never a target that would hold their sum against one unit's figure (440%).
 */
class HeadlineAdviceTest {

    static Indicator ind(String name, BigDecimal headline, String... pairs) {
        Map<String, BigDecimal> t = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            t.put(pairs[i], new BigDecimal(pairs[i + 1]));
        }
        return new Indicator("01-01", 1, List.of(name), name, null, "个", Level.CITY, Kind.QUANTITY, t, Map.of(), null,
                null, headline, Responsibility.NONE, null, "t.xlsx:S!A5", List.of(), true, false, "测试", null, 1);
    }

    static List<Problem> check(Indicator i) {
        IndicatorModel m = new IndicatorModel(2026, "t", List.of("甲", "乙", "丙"),
                List.of(new Item(1, i.name(), Level.CITY, Responsibility.NONE)), List.of(i), List.of(), List.of());
        return TargetChecks.check(m);
    }

    @Test
    void unitsHoldingTheNamesFigureEachAreAdvisedNotToAddUp() {
        List<Problem> p = check(ind("每个县市区新建口袋公园3个", new BigDecimal("3"), "甲", "3", "乙", "3", "丙", "5"));
        assertThat(p).singleElement().satisfies(x -> {
            assertThat(x.code()).isEqualTo("headline-mismatch");
            assertThat(x.message()).contains("{additive: false}").doesNotContain("{target:");
        });
    }

    @Test
    void unitsSharingTheNamesFigureAreAdvisedToSetTheTarget() {
        List<Problem> p = check(ind("新建口袋公园10个", new BigDecimal("10"), "甲", "3", "乙", "4", "丙", "5"));
        assertThat(p).singleElement().satisfies(x -> assertThat(x.message()).contains("{target: …}"));
    }
}
