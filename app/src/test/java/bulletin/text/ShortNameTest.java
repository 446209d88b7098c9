package bulletin.text;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Short names that read (issue 23, point 6): the rule run over every indicator name of the seeds' tables the repo
 * has (seed 000's 附件2, seed 002's 附件1–2), the second test city's and the other city's names the issue quotes.
 */
class ShortNameTest {

    static List<String> names() throws IOException {
        try (InputStream in = ShortNameTest.class.getResourceAsStream("/shortnames/names.txt")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).lines()
                    .filter(l -> !l.isBlank() && !l.startsWith("#")).toList();
        }
    }

    /** Every character of {@code part} appears in {@code whole}, in order: a phrase taken from the name. */
    private static boolean inOrder(String part, String whole) {
        int at = 0;
        for (char c : part.toCharArray()) {
            at = whole.indexOf(c, at);
            if (at < 0) {
                return false;
            }
            at++;
        }
        return true;
    }

    @Test
    void everyNameOfTheSeedsGivesANounPhraseOrTheFullName() throws IOException {
        List<String> names = names();
        assertThat(names).hasSizeGreaterThan(100);
        for (String name : names) {
            String s = ShortName.of(name);
            String full = Text.stripEnumerator(Text.clean(name));
            assertThat(s).as(name).isNotBlank().isEqualTo(s.strip()).doesNotEndWith(" ");
            if (s.equals(full)) {
                continue; // no good phrase could be made: the full name is used
            }
            assertThat(ShortName.good(s)).as(name + " → " + s).isTrue();
            assertThat(s).as(name).doesNotStartWith("其中").doesNotStartWith("开展").doesNotStartWith("从")
                    .doesNotContain("达到").doesNotContain("不低于").doesNotContain("不少于").doesNotContain("提高到")
                    .doesNotEndWith("从").doesNotEndWith("由").doesNotEndWith("、").doesNotEndWith("和")
                    .doesNotContain("…");
            assertThat(s).as(name).doesNotContainPattern("\\d+(\\.\\d+)?(万|亿)?(人|个|座|元|户|亩|%)");
            assertThat(s.chars().filter(c -> c == '“').count()).as(name)
                    .isEqualTo(s.chars().filter(c -> c == '”').count());
            assertThat(s.length()).as(name).isGreaterThanOrEqualTo(4);
            assertThat(inOrder(s, full.replace(" ", ""))).as(name + " → " + s).isTrue();
        }
    }

    @Test
    void theOtherCitysGarbledNamesNowRead() {
        assertThat(ShortName.of("政务服务事项网上可办率达到90%，其中“一网通办”事项达到80%")).isEqualTo("“一网通办”事项");
        assertThat(ShortName.of("城市低保标准从700元/月提高到720元/月")).isEqualTo("城市低保标准");
        assertThat(ShortName.of("城市快速路（高架）、国省道公路、农村地区道路智慧安防建设7处"))
                .isEqualTo("城市快速路、国省道公路、农村地区道路智慧安防建设");
        assertThat(ShortName.of("开展补贴性职业技能培训10万人次，其中创业培训 1万人次")).isEqualTo("补贴性职业技能培训");
    }

    @Test
    void theSamplesNamesAsTheCardsQuoteThem() {
        assertThat(ShortName.quoted("开展“技兴三湘一人一技”职业技能培训1650万人次")).isEqualTo("“技兴三湘一人一技”职业技能培训");
        assertThat(ShortName.quoted("开展农村村民自建桥梁安全隐患排查整治行动，共80座")).isEqualTo("“农村村民自建桥梁安全隐患排查整治行动”");
        assertThat(ShortName.quoted("水稻机插机抛作业16.5万亩")).isEqualTo("“水稻机插机抛作业”");
        assertThat(ShortName.of("开展“三湘怡养”提升行动，建设100张“时光守护”床位")).isEqualTo("建设“时光守护”床位");
        assertThat(ShortName.of("为外卖骑手等户外劳动者新建“爱心驿站”5家")).isEqualTo("“爱心驿站”");
        assertThat(ShortName.of("拓展完善社保卡“一卡通”应用场景。推动实现通过社保卡发放公积金；全市电子社保卡签发率提升至69%"))
                .isEqualTo("全市电子社保卡签发率");
        assertThat(ShortName.of("推进农村网络通信提质升级（新建34个农村4G、5G基站）")).isEqualTo("新建农村4G、5G基站");
        assertThat(ShortName.of("高标准农田建设 39.26 万亩")).isEqualTo("高标准农田建设");
        // What is raised is unnamed: the themed May printed "散居和集中供养孤儿均已完成全年任务"; the full name instead.
        assertThat(ShortName.of("散居和集中供养孤儿分别提高到不低于1250元/月和1800元/月"))
                .isEqualTo("散居和集中供养孤儿分别提高到不低于1250元/月和1800元/月");
        assertThat(ShortName.of("城市低保标准从700元/月提高到720元/月")).isEqualTo("城市低保标准");
        // A voltage is part of the thing, not the figure: March's 突出问题 printed "巩固提升伏及以下农村配电网、—伏…".
        assertThat(ShortName.of("巩固提升城乡电网（巩固提升10千伏及以下农村配电网、35—110千伏及以下农村主电网、"
                + "10千伏及以下城配网，投入资金2723万元）")).isEqualTo("巩固提升城乡电网");
    }

    @Test
    void withoutAGoodPhraseTheFullNameIsUsed() {
        assertThat(ShortName.of("培训2.39万人次")).isEqualTo("培训2.39万人次");
        assertThat(ShortName.good("其中创业培训 ")).isFalse();
        assertThat(ShortName.good("城市低保标准从")).isFalse();
        assertThat(ShortName.good("发放创业担保贷款950")).isFalse();
    }
}
