package bulletin.forms;

import static org.assertj.core.api.Assertions.assertThat;

import bulletin.ingest.ModelLoader;
import bulletin.workspace.Workspace;
import bulletin.model.FormContract;
import bulletin.model.IndicatorModel;
import bulletin.forms.FormWriter.ReporterType;
import bulletin.samples.MiluoSamples;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Path;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.DataValidation;
import org.apache.poi.ss.usermodel.DataValidationConstraint;
import org.apache.poi.ss.usermodel.FillPatternType;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.SheetVisibility;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The blank monthly form: what a unit's clerk sees, what is locked, what is checked, what is hidden. */
class FormWriterTest {

    @TempDir
    static Path ws;

    static IndicatorModel model;

    @BeforeAll
    static void tables() throws IOException {
        MiluoSamples.copyTargets(ws.resolve("targets/t.xlsx"));
        MiluoSamples.copyResponsibility(ws.resolve("targets/r.xlsx"));
        model = ModelLoader.load(Workspace.open(ws));
    }

    static XSSFWorkbook form(String reporter, ReporterType type) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        FormWriter.write(model, reporter, type, YearMonth.of(2026, 5), 25, out);
        return new XSSFWorkbook(new ByteArrayInputStream(out.toByteArray()));
    }

    static Row row(XSSFSheet sh, String code) {
        for (Row r : sh) {
            Cell c = r.getCell(FormLayout.COL_CODE);
            if (r.getRowNum() > FormLayout.HEADER_ROW && c != null && code.equals(c.getStringCellValue())) {
                return r;
            }
        }
        throw new AssertionError("no row " + code);
    }

    @Test
    void aUnitFormListsEveryIndicatorWithItsTargetLockedAndInputsOpen() throws IOException {
        try (XSSFWorkbook wb = form("罗江镇", ReporterType.UNIT)) {
            XSSFSheet sh = wb.getSheet(FormLayout.DATA_SHEET);
            assertThat(sh.getRow(0).getCell(0).getStringCellValue()).isEqualTo("2026年5月重点民生实事进度填报表");
            assertThat(sh.getRow(1).getCell(0).getStringCellValue()).isEqualTo("填报单位：罗江镇");
            assertThat(sh.getRow(1).getCell(4).getStringCellValue()).isEqualTo("填报月份：2026年5月");
            assertThat(sh.getRow(1).getCell(8).getStringCellValue()).contains("5月25日");
            assertThat(sh.getRow(FormLayout.COUNT_ROW).getCell(FormLayout.COUNT_COL).getCellFormula())
                    .contains("COUNTIF(K5:K51,\"✓\")", "处需要核对");
            List<String> headers = new ArrayList<>();
            sh.getRow(FormLayout.HEADER_ROW).forEach(c -> headers.add(c.getStringCellValue()));
            assertThat(String.join("|", headers)).contains("指标", "累计完成", "形象进度");
            assertThat(sh.getLastRowNum() - FormLayout.HEADER_ROW).isEqualTo(47);
            assertThat(sh.getProtect()).isTrue();

            Row doctors = row(sh, "04-01");
            assertThat(doctors.getCell(FormLayout.COL_TARGET).getNumericCellValue()).isEqualTo(1.542);
            assertThat(doctors.getCell(FormLayout.COL_TARGET).getCellStyle().getLocked()).isTrue();
            assertThat(doctors.getCell(FormLayout.COL_DONE).getCellStyle().getLocked()).isFalse();
            assertThat(doctors.getCell(FormLayout.COL_PERCENT).getCellStyle().getLocked()).isTrue();
            assertThat(doctors.getCell(FormLayout.COL_NOTE).getCellStyle().getLocked()).isFalse();
            assertThat(doctors.getCell(FormLayout.COL_PROBLEM).getCellStyle().getLocked()).isFalse();

            Row canteens = row(sh, "02-02");
            assertThat(canteens.getCell(FormLayout.COL_TARGET).getNumericCellValue()).isEqualTo(2);
            assertThat(canteens.getCell(FormLayout.COL_PERCENT).getCellStyle().getLocked()).isFalse();
            assertThat(canteens.getCell(FormLayout.COL_DONE).getCellStyle().getLocked()).isTrue();

            // No target for this unit: listed, greyed, numbers locked, words open.
            Row villages = row(sh, "06-01");
            assertThat(villages.getCell(FormLayout.COL_TARGET).getStringCellValue()).isEqualTo("/");
            assertThat(villages.getCell(FormLayout.COL_NAME).getCellStyle().getFillPattern())
                    .isEqualTo(FillPatternType.SOLID_FOREGROUND);
            assertThat(villages.getCell(FormLayout.COL_DONE).getCellStyle().getLocked()).isTrue();
            assertThat(villages.getCell(FormLayout.COL_PERCENT).getCellStyle().getLocked()).isTrue();
            assertThat(villages.getCell(FormLayout.COL_NOTE).getCellStyle().getLocked()).isFalse();
            assertThat(doctors.getCell(FormLayout.COL_NAME).getCellStyle().getFillPattern())
                    .isEqualTo(FillPatternType.NO_FILL);
        }
    }

    @Test
    void inputsAreValidated() throws IOException {
        try (XSSFWorkbook wb = form("罗江镇", ReporterType.UNIT)) {
            XSSFSheet sh = wb.getSheet(FormLayout.DATA_SHEET);
            List<? extends DataValidation> validations = sh.getDataValidations();
            int doneRow = row(sh, "04-01").getRowNum();
            int pctRow = row(sh, "02-02").getRowNum();
            DataValidation done = validations.stream().filter(v -> v.getRegions().getCellRangeAddress(0)
                    .isInRange(doneRow, FormLayout.COL_DONE)).findFirst().orElseThrow();
            assertThat(done.getValidationConstraint().getValidationType())
                    .isEqualTo(DataValidationConstraint.ValidationType.DECIMAL);
            assertThat(done.getValidationConstraint().getOperator())
                    .isEqualTo(DataValidationConstraint.OperatorType.GREATER_OR_EQUAL);
            assertThat(done.getValidationConstraint().getFormula1()).isEqualTo("0");
            DataValidation pct = validations.stream().filter(v -> v.getRegions().getCellRangeAddress(0)
                    .isInRange(pctRow, FormLayout.COL_PERCENT)).findFirst().orElseThrow();
            assertThat(pct.getValidationConstraint().getOperator())
                    .isEqualTo(DataValidationConstraint.OperatorType.BETWEEN);
            assertThat(pct.getValidationConstraint().getFormula2()).isEqualTo("100");
            assertThat(pct.getErrorBoxText()).contains("0 到 100");
        }
    }

    /** The entries of a form's hidden sheet: key in column A, value in column B, before the rows of codes. */
    static Map<String, String> entries(XSSFSheet meta) {
        Map<String, String> out = new LinkedHashMap<>();
        for (Row r : meta) {
            String key = r.getCell(0).getStringCellValue();
            if (FormContract.isCodeRow(key)) {
                break;
            }
            out.put(key, r.getCell(1).getStringCellValue());
        }
        return out;
    }

    static XSSFSheet sh(XSSFWorkbook wb) {
        return wb.getSheet(FormLayout.DATA_SHEET);
    }

    @Test
    void aHiddenSheetCarriesTheFormContract() throws IOException {
        try (XSSFWorkbook wb = form("罗江镇", ReporterType.UNIT)) {
            XSSFSheet meta = wb.getSheet(FormContract.META_SHEET);
            assertThat(wb.getSheetVisibility(wb.getSheetIndex(meta))).isEqualTo(SheetVisibility.VERY_HIDDEN);
            Map<String, String> entries = entries(meta);
            assertThat(entries).containsExactly(
                    Map.entry(FormContract.KEY_VERSION, FormContract.VERSION),
                    Map.entry(FormContract.KEY_REPORTER, "罗江镇"),
                    Map.entry(FormContract.KEY_REPORTER_TYPE, FormContract.REPORTER_UNIT),
                    Map.entry(FormContract.KEY_MONTH, "2026-05"),
                    Map.entry(FormContract.KEY_FINGERPRINT, FormContract.fingerprint(model, "罗江镇")),
                    Map.entry(FormContract.KEY_CODES, "47"),
                    Map.entry(FormContract.KEY_HELPERS, "上月累计|自查"));
            assertThat(entries.get(FormContract.KEY_FINGERPRINT)).hasSize(16);
            // Then one row per indicator: code, row on the form (1-based), kind.
            List<String> codes = new ArrayList<>();
            for (int r = entries.size(); r <= meta.getLastRowNum(); r++) {
                Row row = meta.getRow(r);
                codes.add(row.getCell(0).getStringCellValue());
                assertThat(codes.get(codes.size() - 1)).satisfies(c -> assertThat(FormContract.isCodeRow(c)).isTrue());
                assertThat(sh(wb).getRow((int) row.getCell(1).getNumericCellValue() - 1).getCell(FormLayout.COL_CODE)
                        .getStringCellValue()).isEqualTo(row.getCell(0).getStringCellValue());
            }
            assertThat(codes).hasSize(47).startsWith("01-01").endsWith("18-01");
            assertThat(meta.getRow(entries.size()).getCell(2).getStringCellValue())
                    .isEqualTo(model.indicatorsFor("罗江镇").get(0).kind().id());
        }
    }

    @Test
    void aDepartmentFormCarriesItsOwnFingerprintAndCodes() throws IOException {
        try (XSSFWorkbook wb = form("市人社局", ReporterType.DEPARTMENT)) {
            Map<String, String> entries = entries(wb.getSheet(FormContract.META_SHEET));
            assertThat(entries).containsEntry(FormContract.KEY_REPORTER_TYPE, FormContract.REPORTER_DEPARTMENT)
                    .containsEntry(FormContract.KEY_FINGERPRINT, FormContract.fingerprint(model, "市人社局"))
                    .containsEntry(FormContract.KEY_CODES, "7");
            assertThat(entries.get(FormContract.KEY_FINGERPRINT)).isNotEqualTo(FormContract.fingerprint(model, "罗江镇"));
        }
    }

    @Test
    void aDepartmentFormHasOnlyTheIndicatorsItLeadsWithTheCityTarget() throws IOException {
        try (XSSFWorkbook wb = form("市人社局", ReporterType.DEPARTMENT)) {
            XSSFSheet sh = wb.getSheet(FormLayout.DATA_SHEET);
            List<String> codes = new ArrayList<>();
            for (Row r : sh) {
                if (r.getRowNum() > FormLayout.HEADER_ROW) {
                    codes.add(r.getCell(FormLayout.COL_CODE).getStringCellValue());
                }
            }
            assertThat(codes).containsExactly("03-01", "03-02", "03-03", "03-04", "05-02", "08-05", "09-03");
            assertThat(row(sh, "03-01").getCell(FormLayout.COL_TARGET).getStringCellValue()).isEqualTo("由市人社局统筹安排");
            assertThat(row(sh, "09-03").getCell(FormLayout.COL_TARGET).getNumericCellValue()).isEqualTo(5);
            assertThat(row(sh, "03-01").getCell(FormLayout.COL_DONE).getCellStyle().getLocked()).isFalse();
            assertThat(row(sh, "05-02").getCell(FormLayout.COL_PERCENT).getCellStyle().getLocked()).isFalse();
        }
    }
}
