package bulletin.validate;

import static org.assertj.core.api.Assertions.assertThat;

import bulletin.forms.FormLayout;
import bulletin.service.TemplateService;
import bulletin.testing.Cli;
import bulletin.testing.FormFiller;
import bulletin.testing.SecondCity;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The hand edits of issue 21 on the second city's forms (临江市, {@link SecondCity}): 东城区's June form, edited one
 * way per file, checked against its May workbook. Each edit is refused with its code at its cell, and the figures
 * below 1 that the samples' city has none of (1.14 万元 → 0.69, 100 人次 → 0.5) fall as any other figure does.
 */
class HandEditedFormSecondCityTest {

    static final String UNIT = "东城区";
    static final YearMonth MAY = YearMonth.of(2026, 5);
    static final YearMonth JUNE = YearMonth.of(2026, 6);

    @TempDir
    static Path tmp;

    static Path ws;
    /** Each edit's problems ("severity code cell"), by the edit's file name; and the valid June form's. */
    static final Map<String, List<String>> found = new LinkedHashMap<>();
    static int exit;

    interface Edit {
        void edit(FormFiller f) throws Exception;
    }

    static String cell(FormFiller f, String code, int col) {
        return new org.apache.poi.ss.util.CellReference(f.rowOf(code), col).formatAsString();
    }

    static final Map<String, String> CELLS = new LinkedHashMap<>();

    @BeforeAll
    static void editAndValidate() throws Exception {
        ws = tmp.resolve("临江");
        SecondCity.writeWorkspace(ws);
        for (YearMonth m : List.of(MAY, JUNE)) {
            Cli.Run t = Cli.in(ws, "template", "--month", String.valueOf(m.getMonthValue()));
            assertThat(t.code()).as(t.toString()).isZero();
        }
        Files.createDirectories(ws.resolve("progress/2026-05"));
        fill(MAY, ws.resolve("progress/2026-05/东城区.xlsx"), f -> {
            f.done("01-01", new BigDecimal("50")).done("01-02", new BigDecimal("100"))
                    .done("01-03", new BigDecimal("1.14")).percent("03-01", new BigDecimal("50"));
        });
        Map<String, Edit> edits = new LinkedHashMap<>();
        edits.put("valid", f -> { });
        edits.put("quantity-falls-below-one", f -> f.done("01-03", new BigDecimal("0.69")));
        edits.put("quantity-falls-to-a-half", f -> f.done("01-02", new BigDecimal("0.5")));
        edits.put("percent-as-decimal", f -> f.percent("03-01", new BigDecimal("0.62")));
        edits.put("one-column-over", f -> {
            sheet(f).getRow(f.rowOf("01-01")).getCell(FormLayout.COL_DONE).setBlank();
            f.percent("01-01", new BigDecimal("60"));
        });
        edits.put("merged", f -> {
            sheet(f).getRow(f.rowOf("01-02")).getCell(FormLayout.COL_DONE).setBlank();
            sheet(f).addMergedRegion(new CellRangeAddress(f.rowOf("01-01"), f.rowOf("01-02"), FormLayout.COL_DONE,
                    FormLayout.COL_DONE));
        });
        edits.put("column-inserted", f -> {
            XSSFSheet s = sheet(f);
            s.shiftColumns(FormLayout.COL_DONE, FormLayout.COL_PROBLEM, 1);
            s.getRow(FormLayout.HEADER_ROW).getCell(FormLayout.COL_DONE, Row.MissingCellPolicy.CREATE_NULL_AS_BLANK)
                    .setCellValue("上月累计完成");
            s.getRow(f.rowOf("01-01")).getCell(FormLayout.COL_DONE, Row.MissingCellPolicy.CREATE_NULL_AS_BLANK)
                    .setCellValue(50);
        });
        edits.put("draft-sheet", f -> {
            XSSFWorkbook wb = f.workbook();
            wb.cloneSheet(wb.getSheetIndex(FormLayout.DATA_SHEET), "5月底稿");
            wb.setSheetOrder("5月底稿", 0);
            wb.setActiveSheet(1);
            wb.setSelectedTab(1);
        });
        List<String> args = new ArrayList<>(List.of("validate", "--month", "6", "--format", "json"));
        for (var e : edits.entrySet()) {
            Path file = tmp.resolve(e.getKey() + ".xlsx");
            fill(JUNE, file, f -> {
                f.done("01-01", new BigDecimal("60")).done("01-02", new BigDecimal("120"))
                        .done("01-03", new BigDecimal("2")).percent("03-01", new BigDecimal("60"));
                for (String code : List.of("01-01", "01-02", "01-03", "03-01")) {
                    CELLS.putIfAbsent(code + "F", cell(f, code, FormLayout.COL_DONE));
                    CELLS.putIfAbsent(code + "G", cell(f, code, FormLayout.COL_PERCENT));
                }
                e.getValue().edit(f);
            });
            args.add(file.toString());
        }
        Cli.Run r = Cli.in(ws, args.toArray(new String[0]));
        exit = r.code();
        JsonNode root = new ObjectMapper().readTree(r.out());
        for (JsonNode file : root.get("files")) {
            String name = Path.of(file.get("file").asText()).getFileName().toString().replace(".xlsx", "");
            List<String> lines = new ArrayList<>();
            for (JsonNode p : file.get("problems")) {
                lines.add(p.get("severity").asText() + " " + p.get("code").asText() + " "
                        + (p.get("sheet").isNull() ? "-" : p.get("sheet").asText())
                        + (p.get("cell").isNull() ? "" : "!" + p.get("cell").asText())
                        + (p.get("indicatorCode").isNull() ? "" : " " + p.get("indicatorCode").asText()));
            }
            found.put(name, lines);
        }
    }

    static XSSFSheet sheet(FormFiller f) {
        return f.workbook().getSheet(FormLayout.DATA_SHEET);
    }

    static void fill(YearMonth month, Path to, Edit edit) throws Exception {
        Path form = ws.resolve("forms/" + month).resolve(TemplateService.fileName(month, UNIT));
        try (FormFiller f = new FormFiller(Files.readAllBytes(form)); OutputStream out = Files.newOutputStream(to)) {
            edit.edit(f);
            f.save(out);
        }
    }

    static List<String> errors(String edit) {
        assertThat(found).containsKey(edit);
        return found.get(edit).stream().filter(l -> l.startsWith("error ")).toList();
    }

    @Test
    void theUneditedFormIsValidAndTheEditsAreNot() {
        assertThat(errors("valid")).isEmpty();
        assertThat(exit).isEqualTo(1);
    }

    @Test
    void aCumulativeFigureFallingBelowOneIsADecrease() {
        assertThat(errors("quantity-falls-below-one"))
                .containsExactly("error cumulative-decrease 进度填报!" + CELLS.get("01-03F") + " 01-03");
        assertThat(errors("quantity-falls-to-a-half"))
                .containsExactly("error cumulative-decrease 进度填报!" + CELLS.get("01-02F") + " 01-02");
    }

    @Test
    void aProgressWrittenAsADecimalBelowLastMonthIsADecrease() {
        assertThat(errors("percent-as-decimal"))
                .containsExactly("error cumulative-decrease 进度填报!" + CELLS.get("03-01G") + " 03-01");
        assertThat(found.get("percent-as-decimal")).contains("warning percent-form 进度填报!" + CELLS.get("03-01G") + " 03-01");
    }

    @Test
    void aFigureOneColumnOverWithItsOwnColumnEmptyIsAnError() {
        assertThat(errors("one-column-over"))
                .containsExactly("error wrong-column 进度填报!" + CELLS.get("01-01G") + " 01-01");
    }

    @Test
    void mergedInputCellsAreRefusedForBothIndicators() {
        assertThat(errors("merged")).containsExactly(
                "error merged-input 进度填报!" + CELLS.get("01-01F") + " 01-01",
                "error merged-input 进度填报!" + CELLS.get("01-02F") + " 01-02");
    }

    @Test
    void aSecondColumnOfTheCumulativeIsRefused() {
        assertThat(errors("column-inserted")).containsExactly("error ambiguous-column 进度填报!F4");
    }

    @Test
    void aDraftSheetBeforeTheFormIsRefused() {
        assertThat(errors("draft-sheet")).containsExactly("error ambiguous-sheet 5月底稿!A4");
    }
}
