package bulletin.cli;

import static org.assertj.core.api.Assertions.assertThat;

import bulletin.document.AppendixLayout;
import bulletin.model.Level;
import bulletin.model.Snapshot;
import bulletin.model.Snapshot.Figure;
import bulletin.model.Snapshot.SnapshotIndicator;
import bulletin.model.Status;
import bulletin.service.TemplateService;
import bulletin.testing.Cli;
import bulletin.testing.Cli.Run;
import bulletin.testing.FormFiller;
import bulletin.testing.Month;
import bulletin.testing.SecondCity;
import bulletin.testing.TargetSheet;
import bulletin.testing.TreeCopy;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 22, points 8 and 3 on a second city (临江市, {@link SecondCity}), with two projects of its own added:
 * <ul>
 *   <li>07-01, a standard merged across all six district columns ("…，基本生活标准不低于850元/月"), led by 市民政局:
 *       every district's target; the districts are not asked, 市民政局 reports it city-wide; 西城区 gives its own
 *       figure (40%) anyway;</li>
 *   <li>08-01, a rate every district reports (孕产妇系统管理率达90%以上), led by 市卫健局, which leads nothing else:
 *       its form has the rate's row, optional; given, the city's figure is its; blank, the districts' mean,
 *       labelled as such.</li>
 * </ul>
 */
class StandardAndCityRateTest {

    static final String STANDARD = "将特困人员全部纳入救助供养，基本生活标准不低于850元/月";
    static final String SHORT = "基本生活标准不低于850元/月";
    static final String RATE = "孕产妇系统管理率达90%以上";
    /** 08-01 per district: the mean is 91. */
    static final String[] RATES = {"95", "88", "92", "90", "85", "96"};
    static final YearMonth JUNE = YearMonth.of(2026, 6);

    @TempDir
    static Path tmp;
    static Path ws;
    static Snapshot june;
    static Run generate;

    @BeforeAll
    static void readFillAndGenerate() throws IOException {
        ws = tmp.resolve("临江");
        writeWorkspace(ws, false);
        Run template = Cli.in(ws, "template", "--month", "6");
        assertThat(template.code()).as(template.toString()).isZero();
        Files.createDirectories(ws.resolve("progress/2026-06"));
        List<String> reporters = new ArrayList<>(SecondCity.UNITS);
        reporters.add("市本级"); // the 备注's reporter: its form sent back as it came
        for (int u = 0; u < reporters.size(); u++) {
            String unit = reporters.get(u);
            try (FormFiller f = form(ws, unit)) {
                if (u < RATES.length) {
                    f.done("08-01", new BigDecimal(RATES[u]));
                }
                if (unit.equals("西城区")) {
                    f.percent("07-01", new BigDecimal("40")); // its own figure, though it was not asked
                }
                save(f, ws, unit);
            }
        }
        try (FormFiller f = form(ws, "市民政局")) {
            f.percent("07-01", new BigDecimal("100"));
            save(f, ws, "市民政局");
        }
        try (FormFiller f = form(ws, "市卫健局")) {
            f.done("08-01", new BigDecimal("93.5"));
            save(f, ws, "市卫健局");
        }
        generate = Month.generate(ws, 6);
        assertThat(generate.code()).as(generate.toString()).isZero();
        june = Month.snapshot(ws, 6);
    }

    /**
     * The second city's tables with 07-01 and 08-01 added, and their responsibility rows; {@code partial}: 07-01's
     * standard merged across the first three district columns only.
     */
    static void writeWorkspace(Path dir, boolean partial) throws IOException {
        SecondCity.writeWorkspace(dir);
        Month.withoutChart(dir); // what is checked is the figures and the words, not the picture (quicker)
        TargetSheet t = SecondCity.targets().closingNote("注：第1至3项为省级重点民生实事项目，第4至8项为市级重点民生实事项目。");
        t.merged(7, "社会救助", null, "提高特困人员救助供养标准", "元/月", STANDARD);
        t.line(new TargetSheet.Line(8, "妇幼健康", null, RATE, "%", new ArrayList<>(List.of(90, 90, 90, 90, 90, 90)),
                null, null, null));
        Path targets = dir.resolve("targets/临江市2026年重点民生实事项目指标任务分解表.xlsx");
        try (XSSFWorkbook wb = new XSSFWorkbook(); OutputStream out = Files.newOutputStream(targets)) {
            Sheet sh = t.writeTo(wb, "指标分解");
            if (partial) {
                narrowMerge(sh, t.firstUnitColumn());
            }
            wb.write(out);
        }
        Path resp = dir.resolve("targets/临江市2026年重点民生实事项目责任分解表.xlsx");
        try (XSSFWorkbook wb = new XSSFWorkbook()) {
            SecondCity.writeResponsibility(wb);
            Sheet sh = wb.getSheetAt(0);
            String note = sh.getRow(sh.getLastRowNum()).getCell(0).getStringCellValue();
            sh.removeRow(sh.getRow(sh.getLastRowNum()));
            int r = sh.getLastRowNum() + 1;
            responsibility(sh.createRow(r), "7", "社会救助", "王七", "市民政局");
            responsibility(sh.createRow(r + 1), "8", "妇幼健康", "王八", "市卫健局");
            sh.createRow(r + 2).createCell(0).setCellValue(note);
            try (OutputStream out = Files.newOutputStream(resp)) {
                wb.write(out);
            }
        }
    }

    private static void responsibility(Row row, String no, String project, String leader, String lead) {
        String[] v = {no, project, leader, lead, "各县市区人民政府", "", "2026年12月"};
        for (int c = 0; c < v.length; c++) {
            if (!v[c].isEmpty()) {
                row.createCell(c).setCellValue(v[c]);
            }
        }
    }

    /** 07-01's merge across all the district columns made one across the first three only. */
    private static void narrowMerge(Sheet sh, int firstUnit) {
        for (int k = sh.getNumMergedRegions() - 1; k >= 0; k--) {
            CellRangeAddress a = sh.getMergedRegion(k);
            Row row = sh.getRow(a.getFirstRow());
            if (a.getFirstColumn() == firstUnit && a.getLastColumn() == firstUnit + SecondCity.UNITS.size() - 1
                    && row.getCell(firstUnit) != null && STANDARD.equals(row.getCell(firstUnit).getStringCellValue())) {
                sh.removeMergedRegion(k);
                sh.addMergedRegion(new CellRangeAddress(a.getFirstRow(), a.getFirstRow(), firstUnit, firstUnit + 2));
                return;
            }
        }
        throw new IllegalStateException("no merge of 07-01");
    }

    static FormFiller form(Path ws, String reporter) throws IOException {
        return new FormFiller(Files.readAllBytes(ws.resolve("forms/2026-06").resolve(TemplateService.fileName(JUNE,
                reporter))));
    }

    static void save(FormFiller f, Path ws, String reporter) throws IOException {
        try (OutputStream out = Files.newOutputStream(ws.resolve("progress/2026-06").resolve(reporter + ".xlsx"))) {
            f.save(out);
        }
    }

    static SnapshotIndicator at(Snapshot s, String code) {
        return Month.indicator(s, code);
    }

    /** The appendix cells of one indicator: its three rows (指标, 数量, 进度), 全市 first, then the districts. */
    static List<List<AppendixLayout.Cell>> cells(Snapshot s, String name) {
        AppendixLayout t = AppendixLayout.of(s, Level.CITY);
        for (int r = 0; r < t.rows().size(); r++) {
            if (name.equals(t.rows().get(r).get(3).text())) {
                List<List<AppendixLayout.Cell>> out = new ArrayList<>();
                for (int k = 0; k < 3; k++) {
                    List<AppendixLayout.Cell> row = t.rows().get(r + k);
                    out.add(row.subList(AppendixLayout.FIRST_FIGURE, row.size()));
                }
                return out;
            }
        }
        throw new AssertionError("no block for " + name);
    }

    // ---- point 8: a standard merged across all the unit columns ----

    @Test
    void inspectShowsTheStandardPerDistrict() throws IOException {
        Run r = Cli.in(ws, "inspect", "--indicator", "07-01");
        assertThat(r.code()).as(r.toString()).isZero();
        assertThat(r.out()).contains("类型：提标").contains("由牵头单位市民政局统一落实");
        for (String u : SecondCity.UNITS) {
            assertThat(r.out()).containsPattern(u + "\\s+" + SHORT + " · 由市民政局统一落实");
        }
        Run json = Cli.in(ws, "inspect", "--json");
        assertThat(json.code()).as(json.toString()).isZero();
        JsonNode model = new ObjectMapper().readTree(json.out());
        JsonNode standard = null;
        for (JsonNode i : model.get("indicators")) {
            if (i.get("code").asText().equals("07-01")) {
                standard = i;
            } else {
                assertThat(i.get("standardForAll").isNull()).as(i.get("code").asText()).isTrue();
            }
        }
        assertThat(standard).isNotNull();
        assertThat(standard.get("standardForAll").asText()).isEqualTo(SHORT);
        assertThat(standard.get("reportedBy").asText()).isEqualTo("leadUnit");
        assertThat(standard.get("unitTexts").size()).as("the districts are not asked").isZero();
    }

    @Test
    void theDistrictsAreNotAskedAndTheirFormsStayComplete() {
        assertThat(generate.out() + generate.err()).doesNotContain("missing-figure").doesNotContain("unexpected-value");
        assertThat(june.late()).isEmpty();
        Run validate = Cli.in(ws, "validate", "--month", "6");
        assertThat(validate.code()).as(validate.toString()).isZero();
    }

    @Test
    void eachDistrictHasTheStandardWithTheDepartmentsFigureOrItsOwn() {
        SnapshotIndicator i = at(june, "07-01");
        assertThat(i.total().percent()).isEqualByComparingTo("100");
        assertThat(i.total().source().file()).contains("市民政局");
        Figure east = i.units().get("东城区");
        assertThat(east.targetText()).isEqualTo(SHORT);
        assertThat(east.percent()).isEqualByComparingTo("100");
        assertThat(east.source()).as("traced to the department's cell").isEqualTo(i.total().source());
        assertThat(east.status()).as("not the district's own figure").isEqualTo(Status.NOT_SCORED);
        assertThat(i.appliedByLead("东城区")).isTrue();
        Figure west = i.units().get("西城区");
        assertThat(west.percent()).isEqualByComparingTo("40");
        assertThat(west.source().file()).contains("西城区");
        assertThat(west.status()).as("its own 40% against June's 50%").isEqualTo(Status.BEHIND);
        assertThat(i.appliedByLead("西城区")).isFalse();
        assertThat(i.card()).isNull();
    }

    @Test
    void theAppendixShowsTheStandardAndEachDistrictsProgress() {
        List<List<AppendixLayout.Cell>> c = cells(june, "提高特困人员救助供养标准");
        // 全市, the six districts and 市本级 (the 备注's reporter: the department applies the standard city-wide).
        assertThat(june.units()).hasSize(7);
        assertThat(c.get(0)).extracting(AppendixLayout.Cell::text).containsOnly(SHORT).hasSize(8);
        int west = 1 + SecondCity.UNITS.indexOf("西城区");
        int east = 1 + SecondCity.UNITS.indexOf("东城区");
        assertThat(c.get(1).get(east).text()).isEqualTo(AppendixLayout.IN_PROGRESS);
        assertThat(c.get(2).get(0).text()).isEqualTo("100.00%");
        assertThat(c.get(2).get(east).text()).isEqualTo("100.00%");
        assertThat(c.get(2).get(west).text()).as("the shortfall").isEqualTo("40.00%");
        assertThat(c.get(2).get(west).shade()).isEqualTo(AppendixLayout.Shade.BEHIND);
        assertThat(c.get(2).get(east).shade()).isEqualTo(AppendixLayout.Shade.NONE);
    }

    @Test
    void inspectOfTheMonthNamesTheDepartmentsCell() {
        Run r = Cli.in(ws, "inspect", "--indicator", "07-01", "--month", "6");
        assertThat(r.code()).as(r.toString()).isZero();
        assertThat(r.out()).containsPattern("东城区\\s+目标 " + SHORT + ".*由市民政局统一落实（progress/2026-06/市民政局.xlsx");
        assertThat(r.out()).containsPattern("西城区\\s+目标 " + SHORT + ".*40%.*progress/2026-06/西城区.xlsx");
    }

    /** A standard merged across some of the district columns only is not everyone's target: a named problem. */
    @Test
    void aMergeAcrossSomeColumnsIsRefusedNotTakenAsEveryones() throws IOException {
        Path some = tmp.resolve("部分合并");
        writeWorkspace(some, true);
        Run r = Cli.in(some, "validate", "--targets");
        assertThat(r.code()).as(r.toString()).isNotZero();
        assertThat(r.out() + r.err()).contains("merged-target").contains("东城区、西城区、南山县")
                .contains("提高特困人员救助供养标准");
        Run inspect = Cli.in(some, "inspect", "--indicator", "07-01");
        assertThat(inspect.out()).doesNotContain("统一落实");
    }

    // ---- point 3: the lead department's own figure for a rate ----

    @Test
    void theDepartmentsFormHasTheRateAsAnOptionalRow() throws IOException {
        try (FormFiller f = form(ws, "市卫健局")) {
            int r = f.rowOf("08-01");
            assertThat(r).isPositive();
            String name = f.workbook().getSheetAt(0).getRow(r).getCell(2).getStringCellValue();
            assertThat(name).contains(RATE).contains("选填").contains("平均");
        }
        try (FormFiller f = form(ws, "市民政局")) {
            assertThat(f.rowOf("08-01")).as("not the lead of 08-01").isNegative();
        }
    }

    @Test
    void aGivenCityFigureStandsAndIsNotCalledAMean() throws IOException {
        SnapshotIndicator i = at(june, "08-01");
        assertThat(i.total().done()).isEqualByComparingTo("93.5");
        assertThat(i.total().source().file()).contains("市卫健局");
        assertThat(i.total().source().cell()).isNotNull();
        assertThat(i.averaged()).isFalse();
        assertThat(cells(june, RATE).get(1).get(0).text()).isEqualTo("93.50");
        String text = Month.bulletinText(ws, 6);
        assertThat(text).contains("孕产妇系统管理率达90%以上。达到93.5%，为目标要求的103.89%。");
        assertThat(text).doesNotContain("93.50（各县市区平均）").doesNotContain("平均为93.5").doesNotContain("平均达到93.5");
    }

    @Test
    void aBlankOrMissingCityFigureGivesTheLabelledMean() throws IOException {
        Path blank = tmp.resolve("空着");
        TreeCopy.copy(ws, blank);
        try (FormFiller f = form(blank, "市卫健局")) {
            save(f, blank, "市卫健局"); // the optional row left blank
        }
        Run v = Cli.in(blank, "validate", "--month", "6");
        assertThat(v.code()).as(v.toString()).isZero();
        assertThat(v.out() + v.err()).doesNotContain("missing-figure");
        Run g = Month.generate(blank, 6, "--force");
        assertThat(g.code()).as(g.toString()).isZero();
        Snapshot s = Month.snapshot(blank, 6);
        SnapshotIndicator i = at(s, "08-01");
        assertThat(i.total().done()).isEqualByComparingTo("91");
        assertThat(i.total().source()).isNull();
        assertThat(i.averaged()).isTrue();
        assertThat(cells(s, RATE).get(1).get(0).text()).isEqualTo("91.00（各县市区平均）");
        assertThat(s.lateDepartments()).doesNotContain("市卫健局");
        assertThat(Month.bulletinText(blank, 6)).contains("孕产妇系统管理率达90%以上。平均达到91%，为目标要求的101.11%。");

        // No workbook at all from a department asked only for an optional figure: the mean, and it is not late.
        Files.delete(blank.resolve("progress/2026-06/市卫健局.xlsx"));
        Run without = Month.generate(blank, 6, "--force", "--require-all");
        assertThat(without.code()).as(without.toString()).isZero();
        Snapshot w = Month.snapshot(blank, 6);
        assertThat(at(w, "08-01").averaged()).isTrue();
        assertThat(w.lateDepartments()).doesNotContain("市卫健局");
        assertThat(Month.bulletinText(blank, 6)).doesNotContain("市卫健局未报送");
    }

    @Test
    void theDistrictsStillReportTheirOwnRates() {
        SnapshotIndicator i = at(june, "08-01");
        Map<String, Figure> units = i.units();
        assertThat(units.get("青石县").done()).isEqualByComparingTo("85");
        assertThat(units.get("青石县").source().file()).contains("青石县");
    }
}
