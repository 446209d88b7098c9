package bulletin.ingest;

import bulletin.model.MonthReports;
import bulletin.workspace.Workspace;
import static org.assertj.core.api.Assertions.assertThat;

import bulletin.diag.Problem;
import bulletin.model.FormContract;
import bulletin.model.IndicatorModel;
import bulletin.model.MonthlyReport;
import bulletin.model.ReportEntry;
import bulletin.forms.FormLayout;
import bulletin.samples.MiluoSamples;
import bulletin.service.TemplateService;
import bulletin.testing.FormFiller;
import bulletin.testing.TreeCopy;
import java.io.IOException;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.YearMonth;
import org.apache.poi.ss.usermodel.CellStyle;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code template}, then a clerk fills the form, then the progress reader: the same numbers and texts come back. */
class ProgressReaderTest {

    /** The tables and May's 31 blank forms, made once: read only, each test works on its own copy. */
    @TempDir
    static Path made;

    @TempDir
    Path ws;

    Workspace workspace;
    IndicatorModel model;
    static final YearMonth MAY = YearMonth.of(2026, 5);

    @BeforeAll
    static void tablesAndForms() throws IOException {
        MiluoSamples.copyTargets(made.resolve("targets/t.xlsx"));
        MiluoSamples.copyResponsibility(made.resolve("targets/r.xlsx"));
        TemplateService.writeForms(made, "5", false);
    }

    @BeforeEach
    void forms() throws IOException {
        TreeCopy.copy(made, ws);
        workspace = Workspace.open(ws);
        model = ModelLoader.load(workspace);
    }

    private FormFiller blank(String reporter) throws IOException {
        return new FormFiller(Files.readAllBytes(ws.resolve("forms/2026-05/" + TemplateService.fileName(MAY, reporter))));
    }

    private void hand(FormFiller f, String fileName) throws IOException {
        Path p = ws.resolve("progress/2026-05/" + fileName);
        Files.createDirectories(p.getParent());
        try (OutputStream out = Files.newOutputStream(p)) {
            f.save(out);
        }
        f.close();
    }

    @Test
    void aFilledFormReadsBackExactly() throws IOException {
        FormFiller f = blank("罗江镇")
                .done("04-01", new BigDecimal("0.8123"))
                .done("03-05", new BigDecimal("25"))
                .percent("02-02", new BigDecimal("52.5"))
                .done("01-01", new BigDecimal("92.4"))
                .note("04-01", "签约工作稳步推进")
                .problem("03-05", "农忙期间培训班次推迟")
                .note("06-01", "本镇无此项任务");
        hand(f, "罗江镇-5月.xlsx");

        MonthReports r = ProgressReader.read(workspace, model, MAY);
        assertThat(r.problems().all()).isEmpty();
        MonthlyReport rep = r.of("罗江镇").orElseThrow();
        assertThat(rep.formVersion()).isEqualTo(FormContract.VERSION);
        assertThat(rep.file()).isEqualTo("progress/2026-05/罗江镇-5月.xlsx");
        assertThat(rep.entries()).hasSize(47);
        assertThat(rep.entries().get("04-01").done()).isEqualByComparingTo("0.8123");
        assertThat(rep.entries().get("04-01").note()).isEqualTo("签约工作稳步推进");
        assertThat(rep.entries().get("03-05").done()).isEqualByComparingTo("25");
        assertThat(rep.entries().get("03-05").problem()).isEqualTo("农忙期间培训班次推迟");
        assertThat(rep.entries().get("02-02").percent()).isEqualByComparingTo("52.5");
        assertThat(rep.entries().get("02-02").done()).isNull();
        assertThat(rep.entries().get("01-01").done()).isEqualByComparingTo("92.4");
        assertThat(rep.entries().get("06-01").note()).isEqualTo("本镇无此项任务");
        assertThat(rep.entries().get("06-01").done()).isNull();
        assertThat(rep.entries().get("15-01").isEmpty()).isTrue();
        assertThat(rep.entries().get("04-01").place()).startsWith("progress/2026-05/罗江镇-5月.xlsx:进度填报!A");
    }

    @Test
    void textNumbersPercentFormatsAndWordsInNumberCells() throws IOException {
        FormFiller f = blank("归义街道")
                .text("03-05", FormLayout.COL_DONE, "1,200")
                .text("04-01", FormLayout.COL_DONE, "约3万")
                .text("02-02", FormLayout.COL_PERCENT, "45%");
        var sheet = f.workbook().getSheet(FormLayout.DATA_SHEET);
        int r = f.rowOf("06-01");
        CellStyle pct = f.workbook().createCellStyle();
        pct.setDataFormat(f.workbook().createDataFormat().getFormat("0%"));
        var cell = sheet.getRow(f.rowOf("18-01")).createCell(FormLayout.COL_PERCENT);
        cell.setCellValue(0.3);
        cell.setCellStyle(pct);
        assertThat(r).isPositive();
        hand(f, "归义.xlsx");

        MonthReports res = ProgressReader.read(workspace, model, MAY);
        MonthlyReport rep = res.of("归义街道").orElseThrow();
        assertThat(rep.entries().get("03-05").done()).isEqualByComparingTo("1200");
        assertThat(rep.entries().get("02-02").percent()).isEqualByComparingTo("45");
        assertThat(rep.entries().get("18-01").percent()).isEqualByComparingTo("30");
        assertThat(rep.entries().get("04-01").done()).isNull();
        assertThat(res.problems().all()).extracting(Problem::format).containsExactlyInAnyOrder(
                "progress/2026-05/归义.xlsx:进度填报!F" + (f.rowOf("03-05") + 1) + ": 警告: 数字以文字形式填写（“1,200”），"
                        + "已按 1200 读取；请改为数字格式",
                "progress/2026-05/归义.xlsx:进度填报!F" + (f.rowOf("04-01") + 1) + ": 错误: “约3万”不是数字："
                        + "累计完成应只填数字，文字说明请写在“进展情况”中",
                "progress/2026-05/归义.xlsx:进度填报!G" + (f.rowOf("02-02") + 1) + ": 警告: 数字以文字形式填写（“45%”），"
                        + "已按 45 读取；请改为数字格式");
        Problem typeError = res.problems().all().stream().filter(p -> p.code().equals("type-error")).findFirst()
                .orElseThrow();
        assertThat(typeError.found()).isEqualTo("约3万");
        assertThat(typeError.expected()).isEqualTo("不小于 0 的数字");
    }

    @Test
    void unreadableWorkbooksAreNamedAndTheRestStillRead() throws IOException {
        hand(blank("归义街道").done("03-05", BigDecimal.TEN), "a.xlsx");
        Files.writeString(ws.resolve("progress/2026-05/b.xlsx"), "编码,累计完成\n03-05,10\n");
        Files.write(ws.resolve("progress/2026-05/c.xlsx"),
                java.util.Arrays.copyOf(Files.readAllBytes(ws.resolve("progress/2026-05/a.xlsx")), 2000));
        Files.writeString(ws.resolve("progress/2026-05/~$a.xlsx"), "lock file");
        Files.writeString(ws.resolve("progress/2026-05/说明.txt"), "not a workbook");

        MonthReports r = ProgressReader.read(workspace, model, MAY);
        assertThat(r.reports()).extracting(MonthlyReport::reporter).containsExactly("归义街道");
        assertThat(r.files()).containsExactly("progress/2026-05/a.xlsx", "progress/2026-05/b.xlsx",
                "progress/2026-05/c.xlsx");
        // The text file is named, not read; the Office lock file is passed over in silence.
        assertThat(r.problems().all()).extracting(Problem::format).satisfiesExactly(
                t -> assertThat(t).startsWith("progress/2026-05/说明.txt: 警告: 不是 Excel 工作簿（.xlsx），未读取"),
                b -> assertThat(b).startsWith("progress/2026-05/b.xlsx: 错误: 不是 Excel 工作簿"),
                c -> assertThat(c).startsWith("progress/2026-05/c.xlsx: 错误: 文件已损坏或不完整"));
    }

    @Test
    void twoWorkbooksFromOneUnitAndAFormOfAnotherMonth() throws IOException {
        hand(blank("归义街道").done("03-05", BigDecimal.ONE), "1.xlsx");
        hand(blank("归义街道").done("03-05", BigDecimal.TEN), "2.xlsx");
        TemplateService.writeForms(ws, "4", false);
        Files.copy(ws.resolve("forms/2026-04/2026-04_新市街道.xlsx"), ws.resolve("progress/2026-05/新市.xlsx"));
        MonthReports r = ProgressReader.read(workspace, model, MAY);
        assertThat(r.of("归义街道").orElseThrow().entries().get("03-05").done()).isEqualByComparingTo("1");
        assertThat(r.problems().all()).extracting(Problem::code).containsExactly("unique-error", "form-mismatch");
    }

    @Test
    void aWorkbookWithoutTheHiddenSheetIsReadByItsHeadersAndFileName() throws IOException {
        FormFiller f = blank("白水镇").done("03-05", new BigDecimal("30"));
        f.workbook().removeSheetAt(f.workbook().getSheetIndex(FormContract.META_SHEET));
        // The clerk moved the columns around: 累计完成 now comes before 全年目标.
        var sh = f.workbook().getSheet(FormLayout.DATA_SHEET);
        sh.getRow(FormLayout.HEADER_ROW).getCell(FormLayout.COL_DONE).setCellValue("全年目标");
        sh.getRow(FormLayout.HEADER_ROW).getCell(FormLayout.COL_TARGET).setCellValue("累计完成");
        int r = f.rowOf("03-05");
        double target = sh.getRow(r).getCell(FormLayout.COL_TARGET).getNumericCellValue();
        sh.getRow(r).getCell(FormLayout.COL_TARGET).setCellValue(30);
        sh.getRow(r).getCell(FormLayout.COL_DONE).setCellValue(target);
        hand(f, "2026-05_白水镇.xlsx");
        MonthlyReport rep = ProgressReader.read(workspace, model, MAY).of("白水镇").orElseThrow();
        assertThat(rep.formVersion()).isNull();
        assertThat(rep.entries().get("03-05").done()).isEqualByComparingTo("30");
    }

    @Test
    void anEmptyMonthIsNotAnError() {
        MonthReports r = ProgressReader.read(workspace, model, YearMonth.of(2026, 7));
        assertThat(r.reports()).isEmpty();
        assertThat(r.problems().isEmpty()).isTrue();
        ReportEntry e = new ReportEntry("x", null, null, null, null, "p");
        assertThat(e.isEmpty()).isTrue();
    }
}
