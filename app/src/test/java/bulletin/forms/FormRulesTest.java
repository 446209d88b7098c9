package bulletin.forms;

import static org.assertj.core.api.Assertions.assertThat;

import bulletin.diag.Problems;
import bulletin.forms.FormWriter.ReporterType;
import bulletin.ingest.ModelLoader;
import bulletin.ingest.ProgressReader;
import bulletin.model.Indicator;
import bulletin.model.IndicatorModel;
import bulletin.model.Kind;
import bulletin.model.MonthlyReport;
import bulletin.samples.MiluoSamples;
import bulletin.testing.FormFiller;
import bulletin.text.Numbers;
import bulletin.workspace.Workspace;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The rules a form carries, read in its XML as Excel and WPS read them: every input cell has exactly one data
 * validation, stop style, refusing below last month's figure and below 0 (and above 100 for 形象进度 and a % rate);
 * no other cell has one; the 自查 formulas and the count use only IF, ISNUMBER, AND, OR and COUNTIF; the reader
 * takes nothing from the helper columns, and reads a form whose helper columns were deleted by hand as before.
 */
class FormRulesTest {

    @TempDir
    static Path ws;

    static IndicatorModel model;
    static final String UNIT = "罗江镇";
    static final YearMonth MONTH = YearMonth.of(2026, 6);
    /** Last month's figures given to the form: one for every applicable indicator, some below 1. */
    static final Map<String, BigDecimal> last = new LinkedHashMap<>();
    static byte[] form;

    @BeforeAll
    static void tables() throws IOException {
        MiluoSamples.copyTargets(ws.resolve("targets/t.xlsx"));
        MiluoSamples.copyResponsibility(ws.resolve("targets/r.xlsx"));
        model = ModelLoader.load(Workspace.open(ws));
        int n = 0;
        for (Indicator i : model.indicatorsFor(UNIT)) {
            if (i.appliesTo(UNIT)) {
                last.put(i.code(), n % 3 == 0 ? new BigDecimal("0.42") : BigDecimal.valueOf(10 + n));
                n++;
            }
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        FormWriter.write(model, UNIT, ReporterType.UNIT, MONTH, 25, last, out);
        form = out.toByteArray();
    }

    /** The data sheet's XML, as stored in the workbook. */
    static String sheetXml(byte[] xlsx) throws IOException {
        try (ZipInputStream zip = new ZipInputStream(new ByteArrayInputStream(xlsx))) {
            for (ZipEntry e; (e = zip.getNextEntry()) != null; ) {
                if (e.getName().equals("xl/worksheets/sheet1.xml")) {
                    return new String(zip.readAllBytes(), StandardCharsets.UTF_8);
                }
            }
        }
        throw new AssertionError("no sheet1.xml");
    }

    static Map<String, Integer> rowsByCode() throws IOException {
        return rowsByCode(form);
    }

    static Map<String, Integer> rowsByCode(byte[] form) throws IOException {
        Map<String, Integer> rows = new HashMap<>();
        try (XSSFWorkbook wb = new XSSFWorkbook(new ByteArrayInputStream(form))) {
            for (Row r : wb.getSheet(FormLayout.DATA_SHEET)) {
                if (r.getRowNum() > FormLayout.HEADER_ROW) {
                    rows.put(r.getCell(FormLayout.COL_CODE).getStringCellValue(), r.getRowNum() + 1);
                }
            }
        }
        return rows;
    }

    @Test
    void everyInputCellCarriesItsRuleInTheXml() throws IOException {
        assertThat(validations(model, UNIT, last, form)).hasSize(9); // 罗江镇 fills 9 of its 47 rows
    }

    /** A second city (districts and counties, targets below 1 among them): the same rules on every input cell. */
    @Test
    void theSameRulesInASecondCity() throws IOException {
        Path dir = ws.resolve("second");
        bulletin.testing.SecondCity.writeWorkspace(dir);
        IndicatorModel second = ModelLoader.load(Workspace.open(dir));
        String unit = second.units().get(0);
        Map<String, BigDecimal> before = new LinkedHashMap<>();
        int n = 0;
        for (Indicator i : second.indicatorsFor(unit)) {
            if (i.appliesTo(unit)) {
                before.put(i.code(), n++ % 2 == 0 ? new BigDecimal("0.69") : BigDecimal.valueOf(n));
            }
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        FormWriter.write(second, unit, ReporterType.UNIT, MONTH, null, before, out);
        assertThat(validations(second, unit, before, out.toByteArray())).hasSize(before.size()).hasSizeGreaterThan(3);
    }

    /** Checks the data validations of every row of {@code unit}'s form; returns the input cells. */
    static TreeSet<String> validations(IndicatorModel model, String unit, Map<String, BigDecimal> last, byte[] form)
            throws IOException {
        String xml = sheetXml(form);
        Map<String, String> bySqref = new HashMap<>();
        Matcher m = Pattern.compile("<(?:\\w+:)?dataValidation [^>]*?sqref=\"([A-Z]+\\d+)\"[^>]*>.*?</(?:\\w+:)?dataValidation>",
                Pattern.DOTALL).matcher(xml);
        while (m.find()) {
            assertThat(bySqref.put(m.group(1), m.group())).as("one validation for " + m.group(1)).isNull();
        }
        Map<String, Integer> rows = rowsByCode(form);
        TreeSet<String> expected = new TreeSet<>();
        for (Indicator i : model.indicatorsFor(unit)) {
            boolean percent = i.kind().reportsPercent();
            String input = (percent ? "G" : "F") + rows.get(i.code());
            String other = (percent ? "F" : "G") + rows.get(i.code());
            assertThat(bySqref).as(other + " is no input").doesNotContainKey(other);
            if (!i.appliesTo(unit)) {
                assertThat(bySqref).as(input + " of a grey row").doesNotContainKey(input);
                continue;
            }
            expected.add(input);
            String v = bySqref.get(input);
            assertThat(v).as(i.code() + " " + input).isNotNull().contains("type=\"decimal\"")
                    .doesNotContain("errorStyle=\"warning\"", "errorStyle=\"information\"")
                    .contains("showErrorMessage=\"true\"");
            BigDecimal lastFigure = last.get(i.code());
            BigDecimal min = i.kind() == Kind.RATE ? BigDecimal.ZERO : lastFigure;
            boolean bounded = percent || (i.kind() == Kind.RATE && i.measure() != null && i.measure().contains("%"));
            assertThat(v).as(input).contains("<formula1>" + Numbers.format(min) + "</formula1>");
            if (bounded) {
                assertThat(v).as(input).contains("operator=\"between\"", "<formula2>100</formula2>");
            } else {
                assertThat(v).as(input).contains("operator=\"greaterThanOrEqual\"").doesNotContain("<formula2>");
            }
            assertThat(v).as(input).contains(percent ? "形象进度" : "累计完成");
            if (i.kind() != Kind.RATE && lastFigure.signum() > 0) {
                assertThat(v).as(input).contains("不能小于上月的 " + Numbers.format(lastFigure));
            }
            if (percent) {
                assertThat(v).as(input).contains("请确认：形象进度填 62 表示 62%");
            } else if (i.kind() == Kind.QUANTITY && i.targets().get(unit) != null) {
                assertThat(v).as(input).contains("全年目标的 1.5 倍");
            }
        }
        assertThat(bySqref.keySet()).containsExactlyInAnyOrderElementsOf(expected);
        return expected;
    }

    @Test
    void theCheckFormulasUseOnlyFunctionsExcel2010AndWpsShare() throws IOException {
        String xml = sheetXml(form);
        List<String> formulas = new ArrayList<>();
        Matcher m = Pattern.compile("<(?:\\w+:)?f>(.*?)</(?:\\w+:)?f>").matcher(xml);
        while (m.find()) {
            formulas.add(m.group(1));
        }
        assertThat(formulas).hasSize(10); // 9 rows and the count
        TreeSet<String> functions = new TreeSet<>();
        Matcher f = Pattern.compile("([A-Z][A-Z0-9.]*)\\(").matcher(String.join(" ", formulas)
                .replaceAll("\"[^\"]*\"", "\"\""));
        while (f.find()) {
            functions.add(f.group(1));
        }
        assertThat(functions).isSubsetOf("IF", "ISNUMBER", "AND", "OR", "COUNTIF").contains("IF", "ISNUMBER", "COUNTIF");
        assertThat(xml).doesNotContain("vbaProject");
        // Conditional formatting colours the rows whose 自查 is neither ✓ nor —.
        assertThat(xml).contains("conditionalFormatting", "$K5");
    }

    @Test
    void helperColumnsAreLockedAndHoldLastMonth() throws IOException {
        try (XSSFWorkbook wb = new XSSFWorkbook(new ByteArrayInputStream(form))) {
            XSSFSheet sh = wb.getSheet(FormLayout.DATA_SHEET);
            assertThat(sh.getRow(FormLayout.HEADER_ROW).getCell(FormLayout.COL_LAST).getStringCellValue()).isEqualTo("上月累计");
            assertThat(sh.getRow(FormLayout.HEADER_ROW).getCell(FormLayout.COL_CHECK).getStringCellValue()).isEqualTo("自查");
            Map<String, Integer> rows = rowsByCode();
            for (var e : last.entrySet()) {
                Row r = sh.getRow(rows.get(e.getKey()) - 1);
                assertThat(BigDecimal.valueOf(r.getCell(FormLayout.COL_LAST).getNumericCellValue())
                        .compareTo(e.getValue())).isZero();
                assertThat(r.getCell(FormLayout.COL_LAST).getCellStyle().getLocked()).isTrue();
                assertThat(r.getCell(FormLayout.COL_CHECK).getCellStyle().getLocked()).isTrue();
                assertThat(r.getCell(FormLayout.COL_CHECK).getCellFormula()).startsWith("IF(ISNUMBER(");
            }
            assertThat(sh.getProtect()).isTrue();
        }
    }

    /** A filled form with every applicable row at last month's figure plus one. */
    static byte[] filled() throws IOException {
        try (FormFiller f = new FormFiller(form)) {
            for (Indicator i : model.indicatorsFor(UNIT)) {
                BigDecimal v = last.get(i.code());
                if (v == null) {
                    continue;
                }
                if (i.kind().reportsPercent()) {
                    f.percent(i.code(), v.add(BigDecimal.ONE)).note(i.code(), "进展" + i.code());
                } else {
                    f.done(i.code(), v.add(BigDecimal.ONE)).problem(i.code(), "问题" + i.code());
                }
            }
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            f.save(out);
            return out.toByteArray();
        }
    }

    static MonthlyReport read(byte[] xlsx, Problems problems) throws IOException {
        Path file = ws.resolve("progress/2026-06/" + MONTH + "_" + UNIT + ".xlsx");
        Files.createDirectories(file.getParent());
        Files.write(file, xlsx);
        return ProgressReader.readOne(file, "f.xlsx", model, MONTH, problems).orElseThrow();
    }

    @Test
    void theReaderTakesNothingFromTheHelperColumnsAndReadsAFormWithoutThem() throws IOException {
        byte[] filled = filled();
        Problems p1 = new Problems();
        MonthlyReport withHelpers = read(filled, p1);
        assertThat(p1.all()).isEmpty();
        assertThat(withHelpers.entries()).hasSize(model.indicatorsFor(UNIT).size());
        for (var e : last.entrySet()) {
            var entry = withHelpers.entries().get(e.getKey());
            BigDecimal got = model.indicator(e.getKey()).orElseThrow().kind().reportsPercent() ? entry.percent()
                    : entry.done();
            assertThat(got.compareTo(e.getValue().add(BigDecimal.ONE))).as(e.getKey()).isZero();
        }

        // The helper columns deleted by hand (Excel's 删除列): read the same, figure for figure.
        byte[] without;
        try (XSSFWorkbook wb = new XSSFWorkbook(new ByteArrayInputStream(filled))) {
            XSSFSheet sh = wb.getSheet(FormLayout.DATA_SHEET);
            for (Row r : sh) {
                for (int c = FormLayout.COL_END; c >= FormLayout.COL_LAST; c--) {
                    if (r.getCell(c) != null) {
                        r.removeCell(r.getCell(c));
                    }
                }
            }
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            wb.write(out);
            without = out.toByteArray();
        }
        Problems p2 = new Problems();
        MonthlyReport read = read(without, p2);
        assertThat(p2.all()).isEmpty();
        assertThat(read.entries()).isEqualTo(withHelpers.entries());

        // A helper column renamed by hand to a figure column's words is no helper any more: refused, named.
        try (XSSFWorkbook wb = new XSSFWorkbook(new ByteArrayInputStream(filled))) {
            wb.getSheet(FormLayout.DATA_SHEET).getRow(FormLayout.HEADER_ROW).getCell(FormLayout.COL_LAST)
                    .setCellValue("上月累计完成");
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            wb.write(out);
            Problems p3 = new Problems();
            read(out.toByteArray(), p3);
            assertThat(p3.all()).extracting(x -> x.code()).contains("ambiguous-column");
        }
    }

    @Test
    void aFormWithoutLastMonthStillRefusesBelowZeroAndSaysUnfilled() {
        Indicator any = model.indicatorsFor(UNIT).stream().filter(i -> i.kind() == Kind.QUANTITY && i.appliesTo(UNIT))
                .findFirst().orElseThrow();
        FormRules.Rule r = FormRules.rule(any, null, BigDecimal.TEN);
        assertThat(r.min()).isZero();
        assertThat(FormRules.checkFormula(r, "F9")).contains("\"未填\"", "F9>15", "F9<0").doesNotContain("低于上月");
        FormRules.Rule withLast = FormRules.rule(any, new BigDecimal("0.5"), BigDecimal.TEN);
        assertThat(withLast.min()).isEqualByComparingTo("0.5");
        assertThat(FormRules.checkFormula(withLast, "F9")).contains("F9<0.5", "未填（上月为 0.5）");
    }

    @Test
    void numbersInFormulasStayShortEnoughForExcel() {
        assertThat(FormRules.literal(new BigDecimal("0.9252"))).isEqualTo("0.9252");
        assertThat(FormRules.literal(new BigDecimal("1E+300"))).isEqualTo("1.0E300");
        Indicator any = model.indicatorsFor(UNIT).stream().filter(i -> i.kind() == Kind.QUANTITY && i.appliesTo(UNIT))
                .findFirst().orElseThrow();
        FormRules.Rule huge = FormRules.rule(any, new BigDecimal("9".repeat(300)), new BigDecimal("9".repeat(300)));
        assertThat(FormRules.checkFormula(huge, "F9")).hasSizeLessThan(400);
        assertThat(huge.errorMessage()).hasSizeLessThan(255);
        assertThat(huge.promptMessage()).hasSizeLessThan(255);
    }
}
