package bulletin.cli;

import static org.assertj.core.api.Assertions.assertThat;

import bulletin.ingest.SnapshotReader;
import bulletin.model.Snapshot;
import bulletin.testing.Cli;
import bulletin.testing.Cli.Run;
import bulletin.testing.DocxText;
import bulletin.testing.GeneratedSamples;
import bulletin.testing.SampleWorkspace;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * 附件3 end to end: the samples' {@code platform/2026-05.xlsx} gives May's bulletin the platform's table, the
 * paragraph in 工作进展 and the third sheet of the xlsx copy; a month without the file has none of them; a wrong
 * count is named by validate and refuses generate unless --skip-invalid, which leaves 附件3 out and says so.
 */
class PlatformTest {

    /** The samples with May generated once (the suite's, GeneratedSamples.may): read only. */
    static Path made;
    static Run may;

    @TempDir
    Path ws;

    static final String DOCX = "out/2026-05/工作专报（第3期）.docx";

    @BeforeAll
    static void generateMay() throws IOException {
        // generate --month 5 --date 2026-05-30 on a fresh copy of the samples, made once for the suite
        made = GeneratedSamples.may().workspace();
        may = GeneratedSamples.may().run();
    }

    @Test
    void mayWithThePlatformFileHasAppendix3AndNamesTheUnitWithMostUploads() throws IOException {
        assertThat(may.code()).as(may.toString()).isZero();
        assertThat(may.out()).contains("附件3（平台信息上传情况表）取自 platform/2026-05.xlsx");
        // The words, the rows repeated as headers and the cells' shading as POI gives them, read without a POI parse
        // (testing/DocxText, held equal to POI's by SentencesTest).
        {
            DocxText.Words doc = DocxText.of(made.resolve(DOCX));
            String text = String.join("\n", doc.paragraphs());
            assertThat(text).contains("湖南省“民生实事保障”平台情况：共上传数据1687条，码上通管理上传政策文件151条、建设内容319条、"
                    + "项目详情298条、工作动态187条、成效展示369条；工作动态管理上传工作专报121条、工作总结116条、建管用库67条、"
                    + "信息公开59条（详见附件3）。平台数据上传数量较多的有：白水镇、归义街道和罗江镇。川山坪镇、神鼎山镇的"
                    + "建管用库、信息公开两个模块数据为零，相关单位需高度重视，立即对标整改，补齐短板。");
            assertThat(text).contains("2.市级重点民生实事项目5月推进情况统计表\n3.2026年5月民生实事平台信息上传情况表");
            assertThat(text).contains("附件3\n\n2026年5月民生实事平台信息上传情况表"); // the title on the third line (GB/T 9704)
            // The paragraph stands in 工作进展, before its first sub-heading.
            assertThat(text.indexOf("平台情况")).isBetween(text.indexOf("二、工作进展"), text.indexOf("（一）"));

            List<List<List<String>>> tables = doc.cells();
            assertThat(tables).hasSize(3);
            List<List<String>> t = tables.get(2);
            List<Boolean> header = doc.repeatHeader().get(2);
            assertThat(t.get(0)).containsExactly("单位", "码上通管理", "工作动态管理", "总数");
            assertThat(t.get(1)).containsExactly("", "政策文件", "建设内容", "项目详情", "工作动态", "成效展示",
                    "工作专报", "工作总结", "建管用库", "信息公开", "");
            assertThat(header.get(0)).isTrue();
            assertThat(header.get(1)).isTrue();
            assertThat(header.get(2)).isFalse();
            // Units in the tables' order (the file has them in its own), then the departments, then 合计.
            assertThat(t.get(2)).containsExactly("归义街道", "14", "36", "32", "18", "40", "12", "11", "8", "7", "178");
            assertThat(t.get(13)).containsExactly("白水镇", "21", "58", "61", "26", "66", "17", "15", "12", "11", "287");
            assertThat(t.get(17).get(0)).isEqualTo("市卫健局");
            assertThat(t.get(t.size() - 1)).containsExactly("合计", "151", "319", "298", "187", "369",
                    "121", "116", "67", "59", "1687");
            // An empty module of a unit is shaded as a figure behind schedule is.
            List<String> chuanshan = t.get(14);
            List<String> shading = doc.colors().get(2).get(14);
            assertThat(chuanshan.get(0)).isEqualTo("川山坪镇");
            assertThat(shading.get(8)).isEqualTo("FFFF00");
            assertThat(shading.get(7)).isNull();
        }
        Snapshot s = SnapshotReader.read(made.resolve("out/2026-05/bulletin.json"), "bulletin.json");
        assertThat(s.platform().total()).isEqualTo(1687);
        assertThat(s.platform().rows().get(11).source().format()).isEqualTo("platform/2026-05.xlsx:平台数据!A7");
    }

    @Test
    void theXlsxCopyHasTheTableAsItsThirdSheetWithNumbersAsNumbers() throws IOException {
        try (InputStream in = Files.newInputStream(made.resolve("out/2026-05/推进情况统计表（第3期）.xlsx"));
             XSSFWorkbook wb = new XSSFWorkbook(in)) {
            assertThat(wb.getNumberOfSheets()).isEqualTo(3);
            XSSFSheet sh = wb.getSheetAt(2);
            assertThat(sh.getSheetName()).isEqualTo("附件3");
            assertThat(sh.getRow(0).getCell(0).getStringCellValue()).isEqualTo("2026年5月民生实事平台信息上传情况表");
            assertThat(sh.getRow(1).getCell(1).getStringCellValue()).isEqualTo("码上通管理");
            assertThat(sh.getRow(2).getCell(3).getStringCellValue()).isEqualTo("项目详情");
            Row baishui = sh.getRow(14);
            assertThat(baishui.getCell(0).getStringCellValue()).isEqualTo("白水镇");
            assertThat(baishui.getCell(3).getCellType()).isEqualTo(CellType.NUMERIC);
            assertThat(baishui.getCell(3).getNumericCellValue()).isEqualTo(61);
            Row sum = sh.getRow(sh.getLastRowNum());
            assertThat(sum.getCell(0).getStringCellValue()).isEqualTo("合计");
            assertThat(sum.getCell(10).getNumericCellValue()).isEqualTo(1687);
            assertThat(sh.getMergedRegions()).extracting(m -> m.formatAsString()).contains("B2:F2", "G2:J2", "A2:A3");
        }
    }

    @Test
    void aMonthWithoutThePlatformFileHasNoAppendix3() throws IOException {
        // generate --month 4 --date 2026-04-30 on a fresh copy of the samples, made once for the suite: read only
        Path ws = GeneratedSamples.april().workspace();
        Run april = GeneratedSamples.april().run();
        assertThat(april.code()).as(april.toString()).isZero();
        assertThat(april.out()).doesNotContain("附件3");
        // The words as POI gives them, read without a POI parse (testing/DocxText).
        DocxText.Words doc = DocxText.of(ws.resolve("out/2026-04/工作专报（第2期）.docx"));
        assertThat(doc.tables()).hasSize(2);
        assertThat(String.join("\n", doc.paragraphs())).doesNotContain("附件3", "平台", "3.4月");
        // bulletin.json as before there were platform counts: no "platform" key at all.
        assertThat(Files.readString(ws.resolve("out/2026-04/bulletin.json"))).doesNotContain("\"platform\"");
    }

    @Test
    void aWrongCountIsNamedByValidateRefusesGenerateAndSkipInvalidLeavesAppendix3Out() throws IOException {
        SampleWorkspace.copyTo(ws);
        // No chart: what is checked is the appendices and the snapshot (quicker).
        Files.writeString(ws.resolve("bulletin.yaml"), "\nchart: false\n", java.nio.file.StandardOpenOption.APPEND);
        Path file = ws.resolve("platform/2026-05.xlsx");
        edit(file, sh -> sh.getRow(6).getCell(3).setCellValue(61.5)); // 白水镇's 项目详情

        Run month = Cli.in(ws, "validate", "--month", "5");
        assertThat(month.code()).as(month.toString()).isEqualTo(1);
        assertThat(month.out()).contains("platform/2026-05.xlsx\n  错误 platform-count 平台数据!D7：上传条数应为 0 或正整数，"
                + "而不是“61.5”", "✗ 不合格：1 个错误，0 个警告");
        Run one = Cli.in(ws, "validate", ws.resolve("platform/2026-05.xlsx").toString());
        assertThat(one.code()).isEqualTo(1);
        assertThat(one.out()).contains("错误 platform-count 平台数据!D7：上传条数应为 0 或正整数，而不是“61.5”");

        Run refused = Cli.in(ws, "generate", "--month", "5", "--date", "2026-05-30");
        assertThat(refused.code()).as(refused.toString()).isEqualTo(1);
        assertThat(refused.err()).contains("platform-count 平台数据!D7", "--skip-invalid");
        assertThat(ws.resolve("out/2026-05")).doesNotExist();

        Run skipped = Cli.in(ws, "generate", "--month", "5", "--date", "2026-05-30", "--skip-invalid");
        assertThat(skipped.code()).as(skipped.toString()).isZero();
        assertThat(skipped.out()).contains("platform/2026-05.xlsx 有误，专报略去了附件3（平台信息上传情况表）");
        DocxText.Words doc = DocxText.of(ws.resolve(DOCX)); // as POI gives the words (testing/DocxText)
        assertThat(doc.tables()).hasSize(2);
        assertThat(String.join("\n", doc.paragraphs())).doesNotContain("附件3", "平台情况");
        assertThat(SnapshotReader.read(ws.resolve("out/2026-05/bulletin.json"), "bulletin.json").platform()).isNull();
    }

    @Test
    void aSnapshotWrittenBeforePlatformCountsReadsAsNone() {
        Snapshot s = SnapshotReader.parse("{\"year\": 2026, \"month\": 4, \"issue\": 2, \"units\": [], \"indicators\": [],"
                + " \"late\": [], \"lateDepartments\": []}");
        assertThat(s.platform()).isNull();
        assertThat(s.excluded()).isEmpty();
    }

    interface SheetEdit {
        void edit(XSSFSheet sh);
    }

    private static void edit(Path file, SheetEdit e) throws IOException {
        byte[] bytes = Files.readAllBytes(file);
        try (XSSFWorkbook wb = new XSSFWorkbook(new java.io.ByteArrayInputStream(bytes));
             OutputStream out = Files.newOutputStream(file)) {
            e.edit(wb.getSheetAt(0));
            wb.write(out);
        }
    }
}
