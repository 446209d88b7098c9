package bulletin.cli;

import static org.assertj.core.api.Assertions.assertThat;

import bulletin.engine.Engine;
import bulletin.ingest.SnapshotReader;
import bulletin.model.Kind;
import bulletin.model.Snapshot;
import bulletin.model.Snapshot.SnapshotIndicator;
import bulletin.model.Status;
import bulletin.service.TemplateService;
import bulletin.testing.Cli;
import bulletin.testing.Cli.Run;
import bulletin.testing.FormFiller;
import bulletin.testing.Month;
import bulletin.testing.SecondCity;
import bulletin.testing.TargetSheet;
import java.io.IOException;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 22, point 2 end to end on a second city: a ceiling rate read from the name (控制在4.3%以内) and one read
 * from the target cells ("5%以内" in each unit's column), scored lower-is-better through the forms, the bulletin,
 * the appendix and {@code inspect --indicator}.
 */
class CeilingCityTest {

    @TempDir
    static Path tmp;
    static Path ws;
    static Snapshot june;
    static String text;
    static Run targets;

    /** 城镇登记失业率 per unit (东城 … 高新区): two above 4.3, the lowest (2.1) under it. */
    static final String[] JOBLESS = {"3.0", "2.1", "4.9", "4.3", "5.2", "3.5"};
    /** A ceiling in words in every unit's cell, the name without one: every unit under it. */
    static final String[] DROPOUT = {"1.0", "0.5", "2.0", "1.5", "0.8", "0.2"};

    /** 口袋公园 per unit, then 市本级 (its own target 5). */
    static final String[] PARKS = {"3", "3", "3", "1", "2", "0", "5"};

    @BeforeAll
    static void readFillAndGenerate() throws IOException {
        ws = tmp.resolve("临江");
        SecondCity.writeWorkspace(ws);
        TargetSheet t = SecondCity.targets();
        t.line(new TargetSheet.Line(7, "稳就业", null, "城镇登记失业率控制在4.3%以内", "%",
                new ArrayList<>(List.of(4.3, 4.3, 4.3, 4.3, 4.3, 4.3)), null, null, null));
        t.line(new TargetSheet.Line(7, "稳就业", null, "义务教育辍学率", "%",
                new ArrayList<>(List.of("5%以内", "5%以内", "5%以内", "5%以内", "5%以内", "5%以内")), null, null, null));
        t.line(new TargetSheet.Line(7, "稳就业", null, "城镇调查失业率低于3%", "%",
                new ArrayList<>(List.of(3, 3, 3, 3, 3, 3)), null, null, null));
        t.line(new TargetSheet.Line(8, "城市更新", null, "每个县市区新建口袋公园不少于3个", "个",
                new ArrayList<>(List.of(3, 3, 3, 3, 3, 3)), null, null, "市本级 5"));
        try (XSSFWorkbook wb = new XSSFWorkbook(); OutputStream out = Files.newOutputStream(
                ws.resolve("targets/临江市2026年重点民生实事项目指标任务分解表.xlsx"))) {
            t.writeTo(wb, "指标分解");
            wb.write(out);
        }
        targets = Cli.in(ws, "validate", "--targets");
        Run template = Cli.in(ws, "template", "--month", "6");
        assertThat(template.code()).as(template.toString()).isZero();
        YearMonth jun = YearMonth.of(2026, 6);
        Files.createDirectories(ws.resolve("progress/2026-06"));
        List<String> reporters = new ArrayList<>(SecondCity.UNITS);
        reporters.add("市本级");
        for (int u = 0; u < reporters.size(); u++) {
            String unit = reporters.get(u);
            Path form = ws.resolve("forms/2026-06").resolve(TemplateService.fileName(jun, unit));
            try (FormFiller f = new FormFiller(Files.readAllBytes(form))) {
                f.done("08-01", new BigDecimal(PARKS[u]));
                if (u < SecondCity.UNITS.size()) {
                    f.done("07-01", new BigDecimal(JOBLESS[u]));
                    f.done("07-02", new BigDecimal(DROPOUT[u]));
                    f.done("07-03", new BigDecimal(JOBLESS[u]));
                }
                try (OutputStream out = Files.newOutputStream(ws.resolve("progress/2026-06").resolve(unit + ".xlsx"))) {
                    f.save(out);
                }
            }
        }
        Month.withoutChart(ws); // what is checked is the figures and the words, not the picture (quicker)
        Run generate = Cli.in(ws, "generate", "--month", "6", "--skip-invalid");
        assertThat(generate.code()).as(generate.toString()).isZero();
        june = SnapshotReader.read(ws.resolve("out/2026-06/bulletin.json"), "bulletin.json");
        text = Month.bulletinText(ws, 6);
    }

    static SnapshotIndicator at(String code) {
        return Engine.find(june, code).orElseThrow();
    }

    @Test
    void theTablesAreUsableAndTheCeilingInWordsIsAFigure() {
        assertThat(targets.code()).as(targets.toString()).isZero();
        assertThat(at("07-02").kind()).isEqualTo(Kind.CEILING);
        assertThat(at("07-02").units().get("东城区").target()).isEqualByComparingTo("5");
        assertThat(at("07-02").total().targetText()).isNull();
    }

    @Test
    void aUnitUnderTheCeilingIsKeptAndOneAboveItBreaches() {
        SnapshotIndicator i = at("07-01");
        assertThat(i.kind()).isEqualTo(Kind.CEILING);
        assertThat(i.units().get("西城区").status()).isEqualTo(Status.DONE);
        assertThat(i.units().get("北河县").status()).as("at the ceiling").isEqualTo(Status.DONE);
        assertThat(i.units().get("南山县").status()).isEqualTo(Status.BEHIND);
        assertThat(i.units().get("青石县").status()).isEqualTo(Status.BEHIND);
        assertThat(i.units().values()).allSatisfy(f -> assertThat(f.progress()).isNull());
        // The mean of 3.0, 2.1, 4.9, 4.3, 5.2, 3.5 is 3.83: under the ceiling, no card.
        assertThat(i.total().done().setScale(2, java.math.RoundingMode.HALF_UP)).isEqualByComparingTo("3.83");
        assertThat(i.card()).isNull();
        assertThat(june.summary().behind()).extracting(Snapshot.Behind::code).doesNotContain("07-01", "07-02");
    }

    @Test
    void theBulletinSaysKeptAndNeverNamesTheLowestAsBehind() {
        assertThat(text).contains("平均为3.83%，控制在4.3%以内，目标达成");
        assertThat(text).contains("控制在5%以内，目标达成");
        assertThat(text).doesNotContain("西城区2.1").doesNotContain("西城区48.84%");
        // Appendix: the 全市 figure says it is a mean; the 进度 row says kept or by how much it is exceeded.
        assertThat(text).contains("（各县市区平均）");
        assertThat(text).contains("超出0.6").contains("超出0.9").contains("达成");
    }

    @Test
    void aCityAboveItsCeilingIsCardedAndTheUnitsAboveItNamed() {
        SnapshotIndicator i = at("07-03");
        assertThat(i.kind()).isEqualTo(Kind.CEILING);
        assertThat(i.total().status()).isEqualTo(Status.BEHIND);
        assertThat(i.card()).isNotNull();
        assertThat(text).contains("平均为3.83%，超出控制目标0.83个百分点（黄牌）");
        assertThat(text).contains("“城镇调查失业率”为3.83%，超出控制目标0.83个百分点（黄牌，责任单位");
        assertThat(text).contains("青石县5.2%、南山县4.9%、北河县4.3%超出控制目标");
        assertThat(text).doesNotContain("西城区2.1%").doesNotContain("进度为null");
    }

    /** Issue 22, point 10: a city without provincial projects numbers its only table 附件1, in the list and label. */
    @Test
    void theAppendicesAreNumberedAsPresent() throws IOException {
        assertThat(text).contains("附件：1.省级重点民生实事项目6月推进情况统计表").contains("2.市级重点民生实事项目6月推进情况统计表");
        Path city = tmp.resolve("只有市级");
        bulletin.testing.TreeCopy.copy(ws, city);
        Files.writeString(city.resolve("bulletin.yaml"), "levels: {city: \"1-7\"}\nchart: false\n");
        Run r = Cli.in(city, "generate", "--month", "6", "--skip-invalid", "--force");
        assertThat(r.code()).as(r.toString()).isZero();
        String only = Month.bulletinText(city, 6);
        assertThat(only).contains("附件：1.市级重点民生实事项目6月推进情况统计表").doesNotContain("省级重点民生实事项目6月推进情况统计表")
                .doesNotContain("2.市级").contains("附件1").doesNotContain("附件2");
    }

    /** Issue 22, point 7: every county holds the name's 3, 市本级 its own 5 (备注): the targets do not add up. */
    @Test
    void perUnitTargetsWithTheCityLevelsOwnAreNotAddedUp() {
        SnapshotIndicator i = at("08-01");
        assertThat(i.perUnit()).isTrue();
        assertThat(i.total().target()).isEqualByComparingTo("3");
        assertThat(i.units().get("市本级").target()).isEqualByComparingTo("5");
        // The counties' mean: (1 + 1 + 1 + 1/3 + 2/3 + 0) / 6; 市本级's 100% is shown, not in the mean.
        assertThat(i.total().progress()).isEqualByComparingTo("0.6667");
        assertThat(i.units().get("市本级").progress()).isEqualByComparingTo("1");
        assertThat(targets.out() + targets.err()).doesNotContain("headline-mismatch").doesNotContain("total-mismatch");
        assertThat(text).contains("平均完成2个").doesNotContain("440");
    }

    /** bulletin.yaml can say that the targets do not add up ({additive: false}) and that an indicator is a ceiling. */
    @Test
    void bulletinYamlSetsAdditiveAndTheCeiling() throws IOException {
        Path set = tmp.resolve("设置");
        bulletin.testing.TreeCopy.copy(ws, set);
        Files.writeString(set.resolve("bulletin.yaml"),
                "indicators:\n  \"01-02\": {additive: false}\n  \"07-01\": {kind: rate}\n  \"04-01\": {kind: ceiling}\n");
        Run additive = Cli.in(set, "inspect", "--indicator", "01-02");
        assertThat(additive.code()).as(additive.toString()).isZero();
        assertThat(additive.out()).contains("每个单位都要达到");
        Run rate = Cli.in(set, "inspect", "--indicator", "07-01");
        assertThat(rate.out()).contains("类型：比率（bulletin.yaml 中指定）").contains("方向：越高越好");
        Run ceiling = Cli.in(set, "inspect", "--indicator", "04-01");
        assertThat(ceiling.out()).contains("类型：控制目标（bulletin.yaml 中指定）").contains("方向：越低越好");
    }

    @Test
    void inspectGivesTheDirectionAndTheRule() {
        Run r = Cli.in(ws, "inspect", "--indicator", "07-02");
        assertThat(r.code()).as(r.toString()).isZero();
        assertThat(r.out()).contains("控制目标").contains("越低越好").contains("5%以内");
        assertThat(r.out()).contains("方向：越低越好");
    }
}
