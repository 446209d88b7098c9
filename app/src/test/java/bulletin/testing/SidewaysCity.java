package bulletin.testing;

import static bulletin.testing.TargetSheet.set;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/**
 * An invented city (临湖市, six areas) whose notice is laid out the other way round (issue 22): one row per area,
 * one column per indicator; a project heading row merged over its indicators; the unit of measure in brackets in
 * the indicator's header ("城镇新增就业(人)"); a 责任单位 row under the headers; no 序号 and no 单位 column; blank
 * cells as no target. It has a ceiling rate ("4.3%以内" in its cells), a rate whose 全市 row gives the city's own
 * target (95.5, where the areas' mean is 96), an area with no task at all (湖心区), joint responsibility
 * ("市人社局、团市委", "市人社局/市财政局", "市商务局和市市场监管局"; "市住房和城乡建设局" is one department), one text
 * task, and only city-level projects. The programme is called 民生实事. Figures are invented.
 *
 * <pre>
 *        A        B              C              D                   E               F              G                H
 *  1  临湖市2026年民生实事项目任务分解表
 *  2  地区     就业创业 (B:D)                                       社会保障 (E:F)                   城市更新 (G:H)
 *  3           城镇新增就业(人) 职业技能培训(人) 城镇登记失业率…(%) 养老保险参保率(%) 创业担保贷款(万元) 老旧小区提质改造(个) 农贸市场提质改造
 *  4  责任单位 市人社局       市人社局、团市委 市人社局            市医保局        市人社局/市财政局 市住房和城乡建设局 市商务局和市市场监管局
 *  5  全市     3000           5000           4.3%以内            95.5            8000           20
 *  6  东湖区   800 …
 * </pre>
 */
public final class SidewaysCity {

    public static final String TITLE = "临湖市2026年民生实事项目任务分解表";
    public static final String PROGRAMME = "民生实事";
    /** Every area row, in the table's order. */
    public static final List<String> AREAS = List.of("东湖区", "西湖区", "南岭县", "北岭县", "湖心区", "高新区");
    /** The area without any target or task. */
    public static final String IDLE = "湖心区";
    /** The areas that have a task, in the table's order. */
    public static final List<String> REPORTERS = List.of("东湖区", "西湖区", "南岭县", "北岭县", "高新区");
    public static final String NOTE = "注：第1至3项为市级民生实事项目。";

    /** The projects and how many indicator columns each spans, in order. */
    public static final List<String> PROJECTS = List.of("就业创业", "社会保障", "城市更新");
    static final int[] SPAN = {3, 2, 2};

    /** The indicator headers as printed: name with the unit of measure in brackets. */
    public static final List<String> HEADERS = List.of(
            "城镇新增就业(人)", "职业技能培训（人）", "城镇登记失业率控制在4.3%以内(%)", "城乡居民基本养老保险参保率(%)",
            "发放创业担保贷款(万元)", "老旧小区提质改造(个)", "农贸市场提质改造");
    /** The indicator names without the brackets, codes 01-01 … 03-02 in this order. */
    public static final List<String> NAMES = List.of(
            "城镇新增就业", "职业技能培训", "城镇登记失业率控制在4.3%以内", "城乡居民基本养老保险参保率",
            "发放创业担保贷款", "老旧小区提质改造", "农贸市场提质改造");
    public static final List<String> CODES = List.of("01-01", "01-02", "01-03", "02-01", "02-02", "03-01", "03-02");
    public static final List<String> MEASURES = List.of("人", "人", "%", "%", "万元", "个", "");
    public static final List<String> RESPONSIBLE = List.of(
            "市人社局", "市人社局、团市委", "市人社局", "市医保局", "市人社局/市财政局", "市住房和城乡建设局",
            "市商务局和市市场监管局");

    /** The 全市 row: totals, the ceiling, the city's own rate. */
    static final Object[] CITY = {3000, 5000, "4.3%以内", 95.5, 8000, 20, null};
    /** One row per area (AREAS' order); null is a blank cell. */
    static final Object[][] ROWS = {
        {800, 1200, "4.3%以内", 96, 2000, 6, "完成城东农贸市场提质改造"},
        {700, 1000, "4.3%以内", 95, 2000, 5, null},
        {600, 1000, "4.3%以内", 94, 1500, 4, null},
        {500, 1000, "4.3%以内", 97, 1500, 3, null},
        {null, null, null, null, null, null, null},
        {400, 800, "4.3%以内", 98, 1000, 2, null},
    };

    private SidewaysCity() {
    }

    /** The target of an area for an indicator column (0-based), as written in the table; null where blank. */
    public static Object target(String area, int indicator) {
        return ROWS[AREAS.indexOf(area)][indicator];
    }

    /** The 全市 row's cell of an indicator column (0-based). */
    public static Object cityTarget(int indicator) {
        return CITY[indicator];
    }

    /** Writes the sideways table into a new sheet of {@code wb}. */
    public static Sheet writeTo(Workbook wb, String sheetName) {
        Sheet sh = wb.createSheet(sheetName);
        int last = HEADERS.size();
        set(sh, 0, 0, TITLE);
        sh.addMergedRegion(new CellRangeAddress(0, 0, 0, last));
        set(sh, 1, 0, "地区");
        sh.addMergedRegion(new CellRangeAddress(1, 2, 0, 0));
        int c = 1;
        for (int p = 0; p < PROJECTS.size(); p++) {
            set(sh, 1, c, PROJECTS.get(p));
            if (SPAN[p] > 1) {
                sh.addMergedRegion(new CellRangeAddress(1, 1, c, c + SPAN[p] - 1));
            }
            c += SPAN[p];
        }
        for (int i = 0; i < HEADERS.size(); i++) {
            set(sh, 2, 1 + i, HEADERS.get(i));
            set(sh, 3, 1 + i, RESPONSIBLE.get(i));
        }
        set(sh, 3, 0, "责任单位");
        row(sh, 4, "全市", CITY);
        for (int a = 0; a < AREAS.size(); a++) {
            row(sh, 5 + a, AREAS.get(a), ROWS[a]);
        }
        int end = 5 + AREAS.size() + 1;
        set(sh, end, 0, NOTE);
        sh.addMergedRegion(new CellRangeAddress(end, end, 0, last));
        sh.setColumnWidth(0, 12 * 256);
        return sh;
    }

    private static void row(Sheet sh, int r, String name, Object[] cells) {
        set(sh, r, 0, name);
        for (int i = 0; i < cells.length; i++) {
            Object v = cells[i];
            if (v instanceof Number n) {
                TargetSheet.row(sh, r).createCell(1 + i).setCellValue(n.doubleValue());
            } else if (v != null) {
                set(sh, r, 1 + i, v.toString());
            }
        }
    }

    /** The table's file as POI writes it, made on first use (the table never changes). */
    private static byte[] tableFile;

    /**
     * A workspace with the sideways table alone in {@code targets/} (it carries its own 责任单位) and no bulletin.yaml.
     * The workbook is written by POI once per test JVM and its bytes copied here.
     */
    public static Path writeWorkspace(Path dir) throws IOException {
        Files.createDirectories(dir.resolve("targets"));
        synchronized (SidewaysCity.class) {
            if (tableFile == null) {
                try (XSSFWorkbook wb = new XSSFWorkbook();
                     ByteArrayOutputStream out = new ByteArrayOutputStream()) {
                    writeTo(wb, "任务分解");
                    wb.write(out);
                    tableFile = out.toByteArray();
                }
            }
        }
        Files.write(dir.resolve("targets/" + TITLE + ".xlsx"), tableFile);
        return dir;
    }

    /**
     * Fills every reporter's May form made by {@code template --month 5} in {@code w} (01-01 400, 01-02 500, 02-02
     * 700, 03-01 at 40% where the area has it) into {@code progress/2026-05/}.
     */
    public static void fillMay(Path w) throws IOException {
        Files.createDirectories(w.resolve("progress/2026-05"));
        java.util.Map<String, String> figures = java.util.Map.of("01-01", "400", "01-02", "500", "02-02", "700");
        for (String area : REPORTERS) {
            Path form = w.resolve("forms/2026-05").resolve(bulletin.service.TemplateService.fileName(
                    java.time.YearMonth.of(2026, 5), area));
            try (FormFiller f = new FormFiller(Files.readAllBytes(form))) {
                figures.forEach((code, v) -> f.done(code, new java.math.BigDecimal(v)));
                if (f.rowOf("03-01") >= 0) {
                    f.percent("03-01", new java.math.BigDecimal("40"));
                }
                try (OutputStream out = Files.newOutputStream(w.resolve("progress/2026-05").resolve(area + ".xlsx"))) {
                    f.save(out);
                }
            }
        }
    }
}
