package bulletin.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import bulletin.model.Kind;
import bulletin.workspace.WorkspaceConfig;
import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

/**
 * Issue 22, point 11: the same words give the same kind. Every 提质改造/改造 of a thing built is 形象进度 whatever it is
 * counted in, unless the clause counts people, households, establishments, money or events.
 */
class KindsWorksRuleTest {

    private static Kinds.Guess guess(String name, String measure, String target) {
        return Kinds.guess(name, name, measure, true, new BigDecimal(target),
                WorkspaceConfig.DEFAULT_PROGRESS_KEYWORDS);
    }

    @Test
    void worksAreStagedWhateverTheyAreCountedIn() {
        // Seed 003's two 提质改造 projects, one in 公里 and one in 个, were of two kinds before.
        assertThat(guess("农村公路提质改造100公里", "公里", "100").kind()).isEqualTo(Kind.PROGRESS);
        assertThat(guess("乡镇便民服务中心提质改造10个", "个", "10").kind()).isEqualTo(Kind.PROGRESS);
        assertThat(guess("县域普通高中办学条件提质改造10所", "所", "10").kind()).isEqualTo(Kind.PROGRESS);
        // Seed 002: 海绵城市人行道改造4条, staged ("总体形象进度均达35%").
        assertThat(guess("海绵城市人行道改造4条", "条", "4").kind()).isEqualTo(Kind.PROGRESS);
        assertThat(guess("城镇老旧小区改造2万平方米", "万平方米", "2").kind()).isEqualTo(Kind.PROGRESS);
        assertThat(guess("农村公路提质改造100公里", "公里", "100").reason()).contains("提质改造", "形象进度");
    }

    @Test
    void worksThatCountPeopleHouseholdsMoneyOrEventsStayQuantities() {
        assertThat(guess("农村危房改造1200户", "户", "1200").kind()).isEqualTo(Kind.QUANTITY);
        // Seed 002 and seed 000: 城乡电网提质改造 is measured by the money put in.
        assertThat(guess("提质改造全市城乡电网，投入资金9534万元", "万元", "9534").kind()).isEqualTo(Kind.QUANTITY);
        assertThat(guess("适老化改造服务500人", "人", "500").kind()).isEqualTo(Kind.QUANTITY);
        // Seed 000: 新建“爱心驿站”5家 counts establishments; seed 001: 新建34个基站 counts base stations.
        assertThat(guess("为外卖骑手等户外劳动者新建“爱心驿站”5家", "家", "5").kind()).isEqualTo(Kind.QUANTITY);
        assertThat(guess("新建34个农村4G、5G基站", "个", "34").kind()).isEqualTo(Kind.QUANTITY);
    }

    @Test
    void aSingleWorksProjectKeepsItsOwnReason() {
        Kinds.Guess one = guess("县域普通高中办学条件提质改造1所", "所", "1");
        assertThat(one.kind()).isEqualTo(Kind.PROGRESS);
        assertThat(one.reason()).isEqualTo("单个工程项目，目标1所");
    }
}
