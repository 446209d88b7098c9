package bulletin.ingest;

import bulletin.workspace.Workspace;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import bulletin.diag.BulletinException;
import bulletin.diag.ExitCode;
import bulletin.diag.Problem;
import bulletin.model.Indicator;
import bulletin.model.IndicatorModel;
import bulletin.model.Kind;
import bulletin.model.Level;
import bulletin.samples.MiluoSamples;
import bulletin.testing.OtherCity;
import bulletin.testing.ResponsibilitySheet;
import bulletin.testing.TargetSheet;
import java.io.IOException;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The official-layout readers on several layouts, through the workspace loader. */
class ModelLoaderTest {

    @TempDir
    Path ws;

    private IndicatorModel load() {
        return ModelLoader.load(Workspace.open(ws));
    }

    private static BigDecimal d(String s) {
        return new BigDecimal(s);
    }

    private void miluoTables() throws IOException {
        MiluoSamples.copyTargets(ws.resolve("targets/指标任务分解表.xlsx"));
        MiluoSamples.copyResponsibility(ws.resolve("targets/责任分解表.xlsx"));
    }

    @Test
    void miluoTablesAsSeed000GivesThem() throws IOException {
        miluoTables();
        IndicatorModel m = load();

        assertThat(m.year()).isEqualTo(2026);
        assertThat(m.units()).containsExactlyElementsOf(MiluoSamples.UNITS);
        assertThat(m.items()).hasSize(18);
        assertThat(m.indicators()).hasSize(47);
        assertThat(m.indicatorsOf(Level.PROVINCE)).hasSize(36);
        assertThat(m.indicatorsOf(Level.CITY)).hasSize(11);
        // The one inconsistency between the two tables of seed 000: 自建桥梁 共80座 here, 共90座 in 附件1.
        assertThat(m.problems()).extracting(Problem::code).containsExactly("headline-mismatch");
        assertThat(m.problems().get(0).format()).contains("15-01", "80座", "90座");

        Indicator rate = m.indicator("01-01").orElseThrow();
        assertThat(rate.path()).containsExactly("幼有所育", "提高优生优育服务水平", "产前筛查率、新生儿疾病筛查率达90%以上");
        assertThat(rate.label()).isEqualTo("1.");
        assertThat(rate.kind()).isEqualTo(Kind.RATE);
        assertThat(rate.targets()).hasSize(14).containsEntry("归义街道", d("90")).doesNotContainKey("神鼎山镇");
        assertThat(rate.responsibility().leadUnit()).isEqualTo("市卫健局");
        assertThat(rate.responsibility().leader()).isEqualTo("李亚江");

        Indicator canteens = m.indicator("02-02").orElseThrow();
        assertThat(canteens.kind()).isEqualTo(Kind.PROGRESS);
        assertThat(canteens.targets()).containsExactly(Map.entry("归义街道", d("2")), Map.entry("长乐镇", d("1")),
                Map.entry("罗江镇", d("2")), Map.entry("汨罗镇", d("1")));
        assertThat(canteens.cityTarget()).isEqualByComparingTo("6");
        assertThat(canteens.responsibility().leadUnit()).isEqualTo("市教体局");

        Indicator doctors = m.indicator("04-01").orElseThrow();
        assertThat(doctors.targets().get("罗江镇")).isEqualByComparingTo("1.542"); // typed as text "1.5420"
        assertThat(doctors.targets().get("古培镇")).isEqualByComparingTo("0.804");
        assertThat(doctors.cityTarget()).isEqualByComparingTo("17.14");
        assertThat(doctors.headline()).isEqualByComparingTo("17.14");

        Indicator jobs = m.indicator("03-01").orElseThrow();
        assertThat(jobs.kind()).isEqualTo(Kind.TEXT);
        assertThat(jobs.targetText()).isEqualTo("由市人社局统筹安排");
        assertThat(jobs.targets()).isEmpty();
        assertThat(jobs.headline()).isEqualByComparingTo("6000");
        assertThat(jobs.reportedByLeadUnit()).isTrue();

        Indicator training = m.indicator("03-05").orElseThrow();
        assertThat(training.cityTarget()).isEqualByComparingTo("968");
        assertThat(training.headline()).isEqualByComparingTo("16500000"); // "1650万人次" (sic)

        Indicator beds = m.indicator("05-01").orElseThrow();
        assertThat(beds.totalTarget()).isEqualByComparingTo("100"); // a number merged across the unit columns
        assertThat(beds.targets()).isEmpty();
        assertThat(beds.responsibility().leadUnit()).isEqualTo("市民政局");

        assertThat(m.indicator("07-01").orElseThrow().kind()).isEqualTo(Kind.STANDARD);
        assertThat(m.indicator("15-01").orElseThrow().targets().get("归义街道")).isEqualByComparingTo("0");
        assertThat(m.indicator("15-01").orElseThrow().cityTarget()).isEqualByComparingTo("80");
        assertThat(m.indicator("18-01").orElseThrow().targets()).containsOnlyKeys("新市街道");
        assertThat(m.item(13).orElseThrow().name()).isEqualTo("推行孕前、孕期、产后出生缺陷免费筛查及诊断服务");
        assertThat(m.item(11).orElseThrow().level()).isEqualTo(Level.CITY);
        // Item 13's three indicators share its single row of the responsibility table.
        assertThat(m.indicatorsFor("市卫健局")).extracting(Indicator::code).contains("13-01", "13-02", "13-03");
        // The notice's joins that need similarity: "（550户）" against "550户", a longer name with a prefix.
        assertThat(m.indicator("06-02").orElseThrow().responsibility().leadUnit()).isEqualTo("市自然资源局");
        assertThat(m.indicator("04-02").orElseThrow().responsibility().relatedUnits())
                .containsExactly("市财政局", "相关镇政府（街道办）");
        assertThat(m.indicator("03-04").orElseThrow().responsibility().relatedUnits()).contains("市国资委");
    }

    @Test
    void anotherCityWorksWithNoConfiguration() throws IOException {
        OtherCity.write(ws);
        IndicatorModel m = load();

        assertThat(m.year()).isEqualTo(2025);
        assertThat(m.units()).containsExactlyElementsOf(OtherCity.UNITS).hasSize(13);
        // 岳阳经开区 has no target and no task in any of these indicators: kept apart, not a reporter (issue 22).
        assertThat(m.idleUnits()).containsExactly("岳阳经开区");
        assertThat(m.reporters()).hasSize(12).doesNotContain("岳阳经开区");
        assertThat(m.indicators()).extracting(Indicator::code)
                .containsExactly("01-01", "01-02", "01-03", "02-01", "02-02", "03-01");

        Indicator jobs = m.indicator("01-01").orElseThrow();
        assertThat(jobs.path()).containsExactly("促进高质量充分就业", "统筹推进城乡就业", "新增城镇就业5.9万人");
        assertThat(jobs.note()).isEqualTo("含市本级");
        assertThat(jobs.targets()).hasSize(11).containsEntry("岳阳楼区", d("16200"))
                .doesNotContainKeys("岳阳经开区", "城陵矶新港区");
        assertThat(jobs.cityTarget()).isEqualByComparingTo("59000");
        assertThat(jobs.level()).isEqualTo(Level.PROVINCE);
        assertThat(jobs.responsibility().person()).isEqualTo("李四");
        assertThat(jobs.responsibility().leadUnit()).isEqualTo("市人社局");

        Indicator loans = m.indicator("01-02").orElseThrow();
        assertThat(loans.targets()).hasSize(11).containsEntry("湘阴县", d("9500")); // numbers typed as text, "/" blank
        assertThat(loans.responsibility().person()).isEqualTo("王五");

        Indicator base = m.indicator("01-03").orElseThrow();
        assertThat(base.targetText()).isEqualTo("省级统筹，省人社厅牵头");
        assertThat(base.kind()).isEqualTo(Kind.TEXT);

        Indicator centre = m.indicator("02-02").orElseThrow();
        assertThat(centre.kind()).isEqualTo(Kind.PROGRESS);
        assertThat(centre.targets()).containsOnlyKeys("君山区");
        assertThat(centre.responsibility().person()).isEqualTo("孙八");
        assertThat(m.indicator("02-01").orElseThrow().responsibility().person()).isEqualTo("钱七");

        Indicator lifts = m.indicator("03-01").orElseThrow();
        assertThat(lifts.level()).isEqualTo(Level.CITY);
        assertThat(lifts.cityTarget()).isEqualByComparingTo("82");
        assertThat(lifts.path()).containsExactly("更新住宅老旧电梯82台");
        assertThat(m.item(3).orElseThrow().name()).isEqualTo("更新住宅老旧电梯82台");
    }

    @Test
    void flatLayoutWithTotalColumnUnmergedNamesAndTextNumbers() throws IOException {
        List<String> units = List.of("甲镇", "乙镇", "丙街道");
        TargetSheet t = new TargetSheet("2027年某县民生实事任务分解", units).twoHeaderRows(false).totalColumn(true)
                .nameColumns(2).mergeNames(false).numbersAsText(true)
                .closingNote("注：1项为省级民生实事，2项为县级民生实事。");
        t.line(new TargetSheet.Line(1, "幼有所育", null, "1.开展“向阳花”活动12场", "场", List.of(4, 4, 4), null, 12, null));
        t.line(new TargetSheet.Line(1, "幼有所育", null, "2.新生儿疾病筛查率达90%", "%", List.of(90, 90, 90), null, null,
                null));
        t.line(new TargetSheet.Line(2, "住有所居", null, "3.改造农村危房30户", "户", Arrays.asList(10, null, 20), null, 30,
                null));
        try (XSSFWorkbook wb = new XSSFWorkbook()) {
            t.writeTo(wb, "Sheet1");
            save(wb, ws.resolve("targets/a.xlsx"));
        }
        IndicatorModel m = load();
        assertThat(m.year()).isEqualTo(2027);
        assertThat(m.units()).containsExactly("甲镇", "乙镇", "丙街道");
        Indicator first = m.indicator("01-01").orElseThrow();
        assertThat(first.path()).containsExactly("幼有所育", "开展“向阳花”活动12场");
        assertThat(first.totalTarget()).isEqualByComparingTo("12");
        Indicator second = m.indicator("01-02").orElseThrow();
        assertThat(second.path()).containsExactly("幼有所育", "新生儿疾病筛查率达90%"); // carried down
        assertThat(second.kind()).isEqualTo(Kind.RATE);
        assertThat(second.cityTarget()).isEqualByComparingTo("90");
        Indicator third = m.indicator("02-01").orElseThrow();
        assertThat(third.targets()).containsOnlyKeys("甲镇", "丙街道");
        assertThat(third.level()).isEqualTo(Level.CITY);
        // No responsibility table: said once, not per indicator.
        assertThat(m.problems()).extracting(Problem::code).containsExactly("no-responsibility-table");
    }

    @Test
    void percentFormattedTargetsReadAsPercentages() throws IOException {
        TargetSheet t = new TargetSheet("2026年任务分解表", List.of("甲镇", "乙镇"))
                .closingNote("注：1项为省级重点民生实事。");
        t.line(1, "弱有所扶", "提标", "低保覆盖率达95%", "%", List.of(0.95, 0.95));
        try (XSSFWorkbook wb = new XSSFWorkbook()) {
            var sh = t.writeTo(wb, "表");
            CellStyle pct = wb.createCellStyle();
            pct.setDataFormat(wb.createDataFormat().getFormat("0%"));
            int row = 3;
            sh.getRow(row).getCell(t.firstUnitColumn()).setCellStyle(pct);
            sh.getRow(row).getCell(t.firstUnitColumn() + 1).setCellStyle(pct);
            save(wb, ws.resolve("targets/a.xlsx"));
        }
        Indicator i = load().indicator("01-01").orElseThrow();
        assertThat(i.targets().get("甲镇")).isEqualByComparingTo("95");
    }

    @Test
    void unjoinableIndicatorsAreReportedNotGuessed() throws IOException {
        TargetSheet t = new TargetSheet("2026年任务分解表", List.of("甲镇", "乙镇"))
                .closingNote("注：1—2项为省级重点民生实事。");
        t.line(1, "劳有所得", "就业", "城镇新增就业600人", "人", List.of(300, 300));
        t.line(1, "劳有所得", "就业", "开展职业技能培训100人次", "人次", List.of(50, 50));
        ResponsibilitySheet r = new ResponsibilitySheet("责任分解表");
        r.line(1, "劳有所得", "城镇新增就业600人", "甲", "市人社局", "市财政局");
        r.line(1, "劳有所得", "新建公共充电桩200个", "乙", "市发改委", "市住建局");
        try (XSSFWorkbook wb = new XSSFWorkbook()) {
            t.writeTo(wb, "任务");
            r.writeTo(wb, "责任");
            save(wb, ws.resolve("targets/tables.xlsx"));
        }
        IndicatorModel m = load();
        assertThat(m.indicator("01-01").orElseThrow().responsibility().leadUnit()).isEqualTo("市人社局");
        assertThat(m.indicator("01-02").orElseThrow().responsibility().leadUnit()).isNull();
        assertThat(m.problems()).extracting(Problem::code)
                .containsExactlyInAnyOrder("unjoined-indicator", "unused-responsibility");
        assertThat(m.problems().get(0).format()).contains("targets/tables.xlsx:任务!A", "开展职业技能培训100人次");
    }

    @Test
    void aTableWithoutUnitsIsNamedWithFileSheetAndCell() throws IOException {
        try (XSSFWorkbook wb = new XSSFWorkbook()) {
            var sh = wb.createSheet("任务");
            String[][] rows = {{"2026年任务分解表"}, {"序号", "项目名称", "单位"}, {"1", "城镇新增就业600人", "人", "", "300"}};
            for (int r = 0; r < rows.length; r++) {
                var row = sh.createRow(r);
                for (int c = 0; c < rows[r].length; c++) {
                    if (!rows[r][c].isEmpty()) {
                        row.createCell(c).setCellValue(rows[r][c]);
                    }
                }
            }
            save(wb, ws.resolve("targets/t.xlsx"));
        }
        assertThatThrownBy(this::load).isInstanceOfSatisfying(BulletinException.class, e -> {
            assertThat(e.exitCode()).isEqualTo(ExitCode.INVALID_INPUT);
            assertThat(e.problems()).extracting(Problem::format).anyMatch(s -> s.startsWith("targets/t.xlsx:任务!")
                    && s.contains("找不到填报单位"));
        });
    }

    @Test
    void noTargetTableAndUnreadableWorkbooksAreAllReported() throws IOException {
        Files.createDirectories(ws.resolve("targets"));
        Files.writeString(ws.resolve("targets/renamed.xlsx"), "<html><body>not a workbook</body></html>");
        Files.write(ws.resolve("targets/old.xls"), new byte[] {(byte) 0xD0, (byte) 0xCF, 0x11, (byte) 0xE0,
            (byte) 0xA1, (byte) 0xB1, 0x1A, (byte) 0xE1, 0, 0, 0, 0});
        assertThatThrownBy(this::load).isInstanceOfSatisfying(BulletinException.class, e -> {
            List<String> lines = new ArrayList<>();
            e.problems().forEach(p -> lines.add(p.format()));
            assertThat(lines).anyMatch(s -> s.startsWith("targets/renamed.xlsx: 错误:") && s.contains("HTML"));
            assertThat(lines).anyMatch(s -> s.startsWith("targets/old.xls: 错误:") && s.contains(".xls"));
            assertThat(lines).anyMatch(s -> s.contains("找不到指标任务分解表"));
        });
    }

    @Test
    void configOverridesKindLevelsAndUnitOrder() throws IOException {
        miluoTables();
        Files.writeString(ws.resolve("bulletin.yaml"), String.join("\n",
                "units: [神鼎山镇, 弼时镇, 川山坪镇, 白水镇, 古培镇, 汨罗镇, 白塘镇, 桃林寺镇, 屈子祠镇, 罗江镇, 长乐镇, 三江镇,"
                        + " 大荆镇, 新市街道, 归义街道]",
                "levels: {province: \"1-9\", city: \"10-18\"}",
                "indicators:",
                "  \"02-01\": {kind: 形象进度}", ""));
        IndicatorModel m = load();
        assertThat(m.units().get(0)).isEqualTo("神鼎山镇");
        assertThat(m.indicator("02-01").orElseThrow().kind()).isEqualTo(Kind.PROGRESS);
        assertThat(m.indicator("10-01").orElseThrow().level()).isEqualTo(Level.CITY);
    }

    @Test
    void aBadConfigIsAUsageErrorWithItsLine() throws IOException {
        miluoTables();
        Files.writeString(ws.resolve("bulletin.yaml"), "title: 专报\ntitel: 错字\n");
        assertThatThrownBy(this::load).isInstanceOfSatisfying(BulletinException.class, e -> {
            assertThat(e.exitCode()).isEqualTo(ExitCode.USAGE);
            assertThat(e.getMessage()).startsWith("bulletin.yaml:2: 错误: 未知的设置项“titel”");
        });
    }

    static void save(XSSFWorkbook wb, Path file) throws IOException {
        Files.createDirectories(file.getParent());
        try (OutputStream out = Files.newOutputStream(file)) {
            wb.write(out);
        }
    }
}
