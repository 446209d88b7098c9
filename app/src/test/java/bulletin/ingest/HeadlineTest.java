package bulletin.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

/** The figure of a name that belongs to the indicator (issue 14). */
class HeadlineTest {

    @Test
    void aRaisedStandardIsItsNewLevel() {
        assertThat(Headline.pick("城乡低保标准从不低于600元/月提高到不低于650元/月", "元/月", null, 0)).isEqualByComparingTo("650");
        assertThat(Headline.pick("城乡居民基础养老金最低标准从每人每月175元提高到190元", "元/人·月", null, 0))
                .isEqualByComparingTo("190");
        assertThat(Headline.pick("医保财政补助标准从每人每年670元提高到700元", "元/人·年", null, 0)).isEqualByComparingTo("700");
    }

    @Test
    void ofTwoFiguresTheOneTheUnitsMakeOrTheRowsPlace() {
        String name = "除险加固小型水库128座、运行管护标准化建设288座";
        assertThat(Headline.pick(name, "座", new BigDecimal("288"), 0)).isEqualByComparingTo("288");
        assertThat(Headline.pick(name, "座", null, 1)).isEqualByComparingTo("288");
        assertThat(Headline.pick(name, "座", null, 0)).isEqualByComparingTo("128");
    }

    @Test
    void eventsWrittenWithoutTheirCount() {
        assertThat(Headline.pick("开展80场心理健康和家庭教育指导活动", "场次", null, 0)).isEqualByComparingTo("80");
        assertThat(Headline.pick("开展职业技能培训1650万人次", "人次", null, 0)).isEqualByComparingTo("16500000");
    }
}
