package bulletin.cli;

import static org.assertj.core.api.Assertions.assertThat;

import bulletin.service.TemplateService;
import bulletin.testing.Cli;
import bulletin.testing.Cli.Run;
import bulletin.testing.FormFiller;
import bulletin.testing.Month;
import bulletin.testing.SidewaysCity;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.YearMonth;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 22 through the commands, on the sideways city (areas as rows, indicators as columns, a 责任单位 row): init
 * reads it with no configuration and says how it was laid out; inspect --json gives every indicator, unit, target,
 * level and lead; the area with no task gets no form, is not required and is never named late; a joint
 * 责任单位 makes one form per real department (none here: every indicator has area targets).
 */
class SidewaysCityTest {

    @TempDir
    static Path tmp;
    static Path ws;
    static Run init;
    static JsonNode model;
    static final YearMonth MAY = YearMonth.of(2026, 5);

    @BeforeAll
    static void initAndInspect() throws IOException {
        ws = SidewaysCity.writeWorkspace(tmp.resolve("临湖"));
        init = Cli.run("init", ws.toString());
        Run json = Cli.in(ws, "inspect", "--json");
        assertThat(json.code()).as(json.toString()).isZero();
        model = new ObjectMapper().readTree(json.out());
    }

    static JsonNode indicator(String code) {
        for (JsonNode i : model.get("indicators")) {
            if (i.get("code").asText().equals(code)) {
                return i;
            }
        }
        throw new AssertionError("no indicator " + code);
    }

    @Test
    void initReadsTheSidewaysTableWithNoConfigurationAndSaysSo() {
        assertThat(init.code()).as(init.toString()).isZero();
        assertThat(init.out()).contains("横排", "5 个填报单位", "湖心区", "3 个项目", "7 个指标");
        assertThat(ws.resolve("bulletin.yaml")).content().contains("没有任务的地区", "湖心区");
    }

    @Test
    void inspectJsonGivesEveryIndicatorUnitTargetLevelAndLead() {
        assertThat(model.get("layout").asText()).startsWith("横排");
        assertThat(model.get("programme").asText()).isEqualTo("民生实事");
        assertThat(model.get("units").toString())
                .isEqualTo("[\"东湖区\",\"西湖区\",\"南岭县\",\"北岭县\",\"湖心区\",\"高新区\"]");
        assertThat(model.get("idleUnits").toString()).isEqualTo("[\"湖心区\"]");
        // The leads of the ceiling and the rate, for the city's own figure on an optional row (issue 22, point 3).
        assertThat(model.get("departments").toString()).isEqualTo("[\"市人社局\",\"市医保局\"]");
        assertThat(model.get("indicators").size()).isEqualTo(7);
        for (int k = 0; k < SidewaysCity.CODES.size(); k++) {
            JsonNode i = indicator(SidewaysCity.CODES.get(k));
            assertThat(i.get("name").asText()).isEqualTo(SidewaysCity.NAMES.get(k));
            assertThat(i.get("level").asText()).as(i.toString()).isEqualTo("city");
            assertThat(i.get("leadUnit").asText()).isEqualTo(SidewaysCity.RESPONSIBLE.get(k).split("[、/和]")[0]
                    .replace("市住房", "市住房和城乡建设局"));
        }
        assertThat(indicator("01-01").get("targets").toString())
                .isEqualTo("{\"东湖区\":800,\"西湖区\":700,\"南岭县\":600,\"北岭县\":500,\"高新区\":400}");
        assertThat(indicator("01-01").get("total").decimalValue()).isEqualByComparingTo("3000");
        assertThat(indicator("01-02").get("relatedUnits").toString()).isEqualTo("[\"团市委\"]");
        assertThat(indicator("02-01").get("total").decimalValue()).isEqualByComparingTo("95.5");
        assertThat(indicator("02-02").get("unit").asText()).isEqualTo("万元");
    }

    @Test
    void validateTargetsFindsTheTableUsable() {
        Run r = Cli.in(ws, "validate", "--targets");
        assertThat(r.code()).as(r.toString()).isZero();
        assertThat(r.out() + r.err()).doesNotContain("responsibility-column", "no-responsibility-table");
    }

    @Test
    void theAreaWithoutATaskGetsNoFormAndIsNeverRequired() throws IOException {
        Path w = tmp.resolve("临湖-月");
        SidewaysCity.writeWorkspace(w);
        Run template = Cli.in(w, "template", "--month", "5");
        assertThat(template.code()).as(template.toString()).isZero();
        List<String> forms;
        try (Stream<Path> s = Files.list(w.resolve("forms/2026-05"))) {
            forms = s.map(p -> p.getFileName().toString()).sorted().toList();
        }
        assertThat(forms).hasSize(SidewaysCity.REPORTERS.size() + 2).noneMatch(f -> f.contains("湖心区"))
                .noneMatch(f -> f.contains("团市委")).contains(TemplateService.fileName(MAY, "市人社局"),
                        TemplateService.fileName(MAY, "市医保局")); // optional rows: the city's own rate and ceiling
        for (String area : SidewaysCity.REPORTERS) {
            assertThat(forms).contains(TemplateService.fileName(MAY, area));
        }

        SidewaysCity.fillMay(w);
        Month.withoutChart(w); // what is checked is who is late, not the picture (quicker)
        Run generate = Cli.in(w, "generate", "--month", "5", "--require-all", "--date", "2026-05-28");
        assertThat(generate.code()).as(generate.toString()).isZero();
        assertThat(generate.out() + generate.err()).doesNotContain("湖心区");
        JsonNode snapshot = new ObjectMapper().readTree(w.resolve("out/2026-05/bulletin.json").toFile());
        assertThat(snapshot.get("late").size()).as(snapshot.get("late").toString()).isZero();
        assertThat(Month.bulletinText(w, 5)).doesNotContain("未按时报送");
        // Without 湖心区's workbook 湖心区 is still not late; without 高新区's, 高新区 is, and --require-all refuses.
        Files.delete(w.resolve("progress/2026-05/高新区.xlsx"));
        Run without = Cli.in(w, "generate", "--month", "5", "--require-all", "--date", "2026-05-28");
        assertThat(without.code()).as(without.toString()).isEqualTo(1);
        assertThat(without.out() + without.err()).contains("高新区").doesNotContain("湖心区");

        // Point 9: the programme is called 民生实事 here, and nothing says 重点民生实事.
        String words = Month.bulletinText(w, 5);
        assertThat(words).contains("市级民生实事项目5月推进情况统计表", "民生实事工作专班办公室").doesNotContain("重点民生实事");
        try (FormFiller f = new FormFiller(Files.readAllBytes(w.resolve("forms/2026-05")
                .resolve(TemplateService.fileName(MAY, "东湖区"))))) {
            String title = f.workbook().getSheetAt(0).getRow(0).getCell(0).getStringCellValue();
            assertThat(title).isEqualTo("2026年5月民生实事进度填报表");
        }
    }

    @Test
    void theProgrammeSetInBulletinYamlIsUsedInTheFormsAndTheModel() throws IOException {
        Path w = tmp.resolve("临湖-十大");
        SidewaysCity.writeWorkspace(w);
        Files.writeString(w.resolve("bulletin.yaml"), "programme: 十大民生工程\n");
        Run json = Cli.in(w, "inspect", "--json");
        assertThat(json.code()).as(json.toString()).isZero();
        assertThat(new ObjectMapper().readTree(json.out()).get("programme").asText()).isEqualTo("十大民生工程");
        Run template = Cli.in(w, "template", "--month", "5");
        assertThat(template.code()).as(template.toString()).isZero();
        try (FormFiller f = new FormFiller(Files.readAllBytes(w.resolve("forms/2026-05")
                .resolve(TemplateService.fileName(MAY, "东湖区"))))) {
            assertThat(f.workbook().getSheetAt(0).getRow(0).getCell(0).getStringCellValue())
                    .isEqualTo("2026年5月十大民生工程进度填报表");
        }
    }

    /** The sideways table transposed by hand keeps a 责任单位 column among the units: validate --targets says so. */
    @Test
    void validateTargetsReportsAResponsibilityColumnAmongTheUnits() throws IOException {
        Path w = tmp.resolve("转置");
        java.util.List<String> units = new java.util.ArrayList<>(List.of("责任单位", "东湖区", "西湖区"));
        bulletin.testing.TargetSheet t = new bulletin.testing.TargetSheet(SidewaysCity.TITLE, units)
                .closingNote(SidewaysCity.NOTE);
        t.line(1, "就业创业", null, "城镇新增就业", "人", new java.util.ArrayList<>(List.of("市人社局", 800, 700)));
        Files.createDirectories(w.resolve("targets"));
        try (var wb = new org.apache.poi.xssf.usermodel.XSSFWorkbook();
             OutputStream out = Files.newOutputStream(w.resolve("targets/转置.xlsx"))) {
            t.writeTo(wb, "表");
            wb.write(out);
        }
        Run r = Cli.in(w, "validate", "--targets");
        assertThat(r.out() + r.err()).contains("responsibility-column", "责任单位", "不是填报单位");
        Run inspect = Cli.in(w, "inspect");
        assertThat(inspect.out()).contains("填报单位（2）：东湖区、西湖区");
    }
}
