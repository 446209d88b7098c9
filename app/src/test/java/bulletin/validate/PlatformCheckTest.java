package bulletin.validate;

import static org.assertj.core.api.Assertions.assertThat;

import bulletin.diag.Problem;
import bulletin.diag.Severity;
import bulletin.ingest.ModelLoader;
import bulletin.model.IndicatorModel;
import bulletin.model.Platform;
import bulletin.samples.MiluoSamples;
import bulletin.testing.SampleWorkspace;
import bulletin.workspace.Workspace;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The platform's counts ({@code platform/YYYY-MM.xlsx}, 附件3) as {@code PlatformReader} reads them and
 * {@link PlatformCheck} matches them to the tables' units: the sample file, a plain one-row header in another
 * order, and each kind of mistake with its code, its cell and its message.
 */
class PlatformCheckTest {

    static final YearMonth MAY = YearMonth.of(2026, 5);
    static final String SHOWN = "platform/2026-05.xlsx";
    static IndicatorModel model;

    @TempDir
    Path dir;

    @BeforeAll
    static void model() {
        model = ModelLoader.load(Workspace.open(SampleWorkspace.DIR));
    }

    @Test
    void theSampleFileIsReadUnitsInTheTablesOrderThenTheDepartments() {
        PlatformCheck c = PlatformCheck.check(SampleWorkspace.DIR.resolve(SHOWN), SHOWN, model, MAY);
        assertThat(c.problems()).isEmpty();
        Platform p = c.usable(true);
        assertThat(p).isNotNull();
        assertThat(p.title()).isEqualTo("2026年5月民生实事平台信息上传情况表");
        assertThat(p.modules()).extracting(Platform.Module::name).containsExactly("政策文件", "建设内容", "项目详情",
                "工作动态", "成效展示", "工作专报", "工作总结", "建管用库", "信息公开");
        assertThat(p.modules().get(0).group()).isEqualTo("码上通管理");
        assertThat(p.modules().get(8).group()).isEqualTo("工作动态管理");
        List<String> names = p.rows().stream().map(Platform.Row::name).toList();
        assertThat(names.subList(0, 15)).containsExactlyElementsOf(MiluoSamples.UNITS); // not the file's order
        assertThat(names.subList(15, 19)).containsExactly("市卫健局", "市人社局", "市民政局", "市数据局");
        assertThat(p.rows().subList(15, 19)).noneMatch(Platform.Row::unit);
        Platform.Row baishui = row(p, "白水镇");
        assertThat(baishui.total()).isEqualTo(287);
        assertThat(baishui.counts().get("项目详情")).isEqualTo(61);
        assertThat(baishui.source().format()).isEqualTo("platform/2026-05.xlsx:平台数据!A7");
        assertThat(row(p, "川山坪镇").emptyModules()).containsExactly("建管用库", "信息公开");
        assertThat(row(p, "市民政局").counts().get("建设内容")).isZero(); // a blank cell counts 0
        assertThat(p.totals().get("政策文件")).isEqualTo(151);
        assertThat(p.total()).isEqualTo(1687);
    }

    @Test
    void aOneRowHeaderWithoutTotalsInAnyOrderWithBlanksAndTextNumbers() throws IOException {
        List<Object[]> rows = goodRows();
        java.util.Collections.reverse(rows);
        rows.set(0, new Object[] {rows.get(0)[0], "１２", null, 3}); // full-width text, a blank
        rows.set(1, new Object[] {rows.get(1)[0] + "办事处", 1, 2, 3}); // 弼时镇办事处 is 弼时镇
        PlatformCheck c = check(write("5月平台数据上传情况", new String[] {"单位名称", "政策文件", "建设内容", "工作动态"}, rows));
        assertThat(c.problems()).isEmpty();
        Platform p = c.platform();
        assertThat(p.rows()).extracting(Platform.Row::name).containsExactlyElementsOf(model.units());
        Platform.Row last = row(p, model.units().get(model.units().size() - 1));
        assertThat(last.counts()).containsExactly(java.util.Map.entry("政策文件", 12L), java.util.Map.entry("建设内容", 0L),
                java.util.Map.entry("工作动态", 3L));
        assertThat(last.emptyModules()).containsExactly("建设内容");
        assertThat(p.modules()).allMatch(m -> m.group() == null);
    }

    @Test
    void aNameThatIsNoUnitIsReportedWithItsCellAndKeptAfterTheUnits() throws IOException {
        List<Object[]> rows = goodRows();
        rows.add(new Object[] {"某某建设公司", 1, 1, 1, 3});
        PlatformCheck c = check(write(null, HEADER, rows));
        Problem p = only(c, "platform-unknown-unit");
        assertThat(p.severity()).isEqualTo(Severity.WARNING);
        assertThat(p.place().format()).isEqualTo(SHOWN + ":平台数据!A17");
        assertThat(p.message()).contains("“某某建设公司”不是指标表中的填报单位");
        assertThat(c.hasErrors()).isFalse();
        assertThat(c.usable(false).rows().get(15)).extracting(Platform.Row::name, Platform.Row::unit)
                .containsExactly("某某建设公司", false);
        assertThat(c.usable(true)).isNull(); // --strict: a warning leaves 附件3 out
    }

    @Test
    void aUnitMissingIsAnErrorNamingIt() throws IOException {
        List<Object[]> rows = goodRows();
        rows.set(2, new Object[] {"大荆填", 1, 2, 3, 6}); // a typo: no such unit, and 大荆镇 is missing
        PlatformCheck c = check(write(null, HEADER, rows));
        Problem missing = only(c, "platform-missing-unit");
        assertThat(missing.severity()).isEqualTo(Severity.ERROR);
        assertThat(missing.message()).startsWith("表中没有以下单位：大荆镇");
        assertThat(missing.place().format()).isEqualTo(SHOWN + ":平台数据");
        assertThat(only(c, "platform-unknown-unit").place().cell()).isEqualTo("A4");
        assertThat(c.usable(false)).isNull();
    }

    @Test
    void aCountThatIsNotAWholeNumberAtLeastZeroIsAnErrorAtItsCell() throws IOException {
        List<Object[]> rows = goodRows();
        rows.set(0, new Object[] {"归义街道", 12.5, 2, 3, null});
        rows.set(1, new Object[] {"新市街道", 1, -2, 3, null});
        rows.set(2, new Object[] {"大荆镇", 1, 2, "约30", null});
        PlatformCheck c = check(write(null, HEADER, rows));
        List<Problem> counts = c.problems().stream().filter(p -> p.code().equals("platform-count")).toList();
        assertThat(counts).extracting(p -> p.place().cell()).containsExactly("B2", "C3", "D4");
        assertThat(counts).extracting(Problem::message).containsExactly("上传条数应为 0 或正整数，而不是“12.5”",
                "上传条数应为 0 或正整数，而不是“-2”", "上传条数应为 0 或正整数，而不是“约30”");
        assertThat(counts).allMatch(p -> p.severity() == Severity.ERROR);
        assertThat(c.usable(false)).isNull();
    }

    @Test
    void aTotalThatIsNotTheRowsSumIsAnErrorAtTheTotalsCell() throws IOException {
        List<Object[]> rows = goodRows();
        rows.set(3, new Object[] {"三江镇", 1, 2, 3, 7});
        PlatformCheck c = check(write(null, HEADER, rows));
        Problem p = only(c, "platform-total-mismatch");
        assertThat(p.place().format()).isEqualTo(SHOWN + ":平台数据!E5");
        assertThat(p.message()).isEqualTo("三江镇的总数 7 不等于本行各模块之和 6：请核对总数或各模块的条数");
        assertThat(p.found()).isEqualTo("7");
        assertThat(p.expected()).isEqualTo("6");
    }

    @Test
    void aSumRowIsCheckedAgainstTheRowsAboveAndNotTakenForAUnit() throws IOException {
        List<Object[]> rows = goodRows();
        rows.add(new Object[] {"合计", 15, 30, 44, 89});
        PlatformCheck c = check(write(null, HEADER, rows));
        Problem p = only(c, "platform-total-mismatch");
        assertThat(p.place().cell()).isEqualTo("D17");
        assertThat(p.message()).startsWith("“工作动态”的合计 44 不等于各行之和 45");
        assertThat(c.platform().rows()).hasSize(15);
    }

    @Test
    void aUnitTwiceIsAnError() throws IOException {
        List<Object[]> rows = goodRows();
        rows.add(new Object[] {"白水镇", 1, 2, 3, 6});
        Problem p = only(check(write(null, HEADER, rows)), "platform-duplicate-unit");
        assertThat(p.severity()).isEqualTo(Severity.ERROR);
        assertThat(p.message()).isEqualTo("白水镇在表中出现了两次（另一行在 A13）：每个单位只能有一行");
        assertThat(p.place().cell()).isEqualTo("A17");
    }

    @Test
    void aTitleOfAnotherMonthIsLastMonthsFileSentAgain() throws IOException {
        Problem p = only(check(write("2026年4月民生实事平台信息上传情况表", HEADER, goodRows())), "platform-month");
        assertThat(p.severity()).isEqualTo(Severity.ERROR);
        assertThat(p.place().format()).isEqualTo(SHOWN + ":平台数据!A1");
        assertThat(p.message()).startsWith("表题写的是2026年4月的数据，而文件是2026年5月的");
    }

    @Test
    void aFileWithoutTheTableOrNotAWorkbookIsSaidSo() throws IOException {
        Path noTable = write("随便写的", new String[] {"甲", "乙"}, List.of());
        assertThat(only(check(noTable), "platform-no-table").message()).startsWith("找不到平台信息上传情况表");
        Path text = dir.resolve("platform/2026-05.xlsx");
        Files.writeString(text, "单位,政策文件\n归义街道,3\n");
        Problem p = only(check(text), "unreadable-workbook");
        assertThat(p.message()).contains("不是 Excel 工作簿");
        assertThat(check(text).platform()).isNull();
    }

    static final String[] HEADER = {"单位", "政策文件", "建设内容", "工作动态", "总数"};

    /** Every unit in the tables' order with 1, 2, 3 and its 总数 6. */
    static List<Object[]> goodRows() {
        List<Object[]> rows = new ArrayList<>();
        for (String u : model.units()) {
            rows.add(new Object[] {u, 1, 2, 3, 6});
        }
        return rows;
    }

    private PlatformCheck check(Path file) {
        return PlatformCheck.check(file, SHOWN, model, MAY);
    }

    private static Problem only(PlatformCheck c, String code) {
        List<Problem> found = c.problems().stream().filter(p -> p.code().equals(code)).toList();
        assertThat(found).as(c.problems().toString()).hasSize(1);
        return found.get(0);
    }

    private static Platform.Row row(Platform p, String name) {
        return p.rows().stream().filter(r -> r.name().equals(name)).findFirst().orElseThrow();
    }

    /** A platform workbook: the title (if any) in row 1 across the table, the header, the rows. */
    private Path write(String title, String[] header, List<Object[]> rows) throws IOException {
        Path file = dir.resolve("platform/2026-05.xlsx");
        Files.createDirectories(file.getParent());
        try (XSSFWorkbook wb = new XSSFWorkbook(); OutputStream out = Files.newOutputStream(file)) {
            Sheet sh = wb.createSheet("平台数据");
            int r = 0;
            if (title != null) {
                sh.createRow(r++).createCell(0).setCellValue(title);
                sh.addMergedRegion(new CellRangeAddress(0, 0, 0, header.length - 1));
            }
            Row h = sh.createRow(r++);
            for (int c = 0; c < header.length; c++) {
                h.createCell(c).setCellValue(header[c]);
            }
            for (Object[] values : rows) {
                Row row = sh.createRow(r++);
                for (int c = 0; c < values.length; c++) {
                    if (values[c] instanceof Number n) {
                        row.createCell(c).setCellValue(n.doubleValue());
                    } else if (values[c] != null) {
                        row.createCell(c).setCellValue(values[c].toString());
                    }
                }
            }
            wb.write(out);
        }
        return file;
    }
}
