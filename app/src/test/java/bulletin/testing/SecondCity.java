package bulletin.testing;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/**
 * An invented city (临江市, six districts) whose notice uses what issue 14 names: a 备注 that gives the city level
 * its own share ("市本级 250"), a target every district must reach (80 in each column), a standard raised "从不低于
 * 600元/月提高到不低于650元/月", a project name with two figures, single works projects (1 项, 1 所), a facility
 * counted in 张, and a responsibility table with 牵头单位, 责任单位, 协同单位 and a column the reader does not know.
 */
public final class SecondCity {

    public static final List<String> UNITS = List.of("东城区", "西城区", "南山县", "北河县", "青石县", "高新区");
    public static final String NOTE = "注：第1至3项为省级重点民生实事项目，第4至6项为市级重点民生实事项目。";

    private SecondCity() {
    }

    private static List<Object> n(Object... v) {
        List<Object> out = new ArrayList<>();
        Collections.addAll(out, v);
        return out;
    }

    private static TargetSheet.Line line(int item, String project, String name, String measure, List<Object> targets,
                                         String note) {
        return new TargetSheet.Line(item, project, null, name, measure, targets, null, null, note);
    }

    public static TargetSheet targets() {
        TargetSheet t = new TargetSheet("临江市2026年重点民生实事项目指标任务分解表", UNITS).noteColumn(true).closingNote(NOTE);
        t.line(line(1, "促进就业", "城镇新增就业700人", "人", n(100, 80, 60, 70, 90, 50), "市本级 250"));
        t.line(line(1, "促进就业", "开展职业技能培训1200人次", "人次", n(200, 200, 150, 150, 200, 100), "其中市本级200人次"));
        t.line(line(1, "促进就业", "发放困难群众救助金3000万元", "万元", n(600, 500, 500, 500, 500, 400), "含临时救助"));
        t.line(line(2, "数字政务", "每个县市区整合电子证照不少于80类", "类", n(80, 80, 80, 80, 80, 80), "/"));
        t.line(line(3, "兜底保障", "城乡低保标准从不低于600元/月提高到不低于650元/月", "元/月",
                n(650, 650, 650, 650, 650, 650), null));
        t.line(line(4, "除险加固小型水库128座、运行管护标准化建设288座", "除险加固小型水库128座", "座",
                n(30, 20, 30, 20, 28, null), null));
        t.line(line(4, "除险加固小型水库128座、运行管护标准化建设288座", "小型水库运行管护标准化建设288座", "座",
                n(60, 50, 60, 50, 68, null), null));
        t.line(line(5, "城市安全", "实施城区道路交通安保工程1项", "项", n(null, null, null, null, null, 1), null));
        t.line(line(5, "城市安全", "提质改造市一中1所", "所", n(1, null, null, null, null, null), null));
        t.line(line(6, "养老服务", "建设200张时光守护床位", "张", n(40, 40, 30, 30, 30, 30), null));
        return t;
    }

    /** 序号 | 项目名称 | 牵头领导 | 牵头单位 | 责任单位 | 协同单位 | 完成时限, one row per project. */
    public static void writeResponsibility(XSSFWorkbook wb) {
        Sheet sh = wb.createSheet("责任分解");
        sh.createRow(0).createCell(0).setCellValue("临江市2026年重点民生实事项目责任分解表");
        String[] head = {"序号", "项目名称", "牵头领导", "牵头单位", "责任单位", "协同单位", "完成时限"};
        String[][] rows = {
            {"1", "促进就业", "王一", "市人社局", "各县市区人民政府", "市财政局", "2026年12月"},
            {"2", "数字政务", "王二", "市数据局", "各县市区人民政府", "", "2026年12月"},
            {"3", "兜底保障", "王三", "市民政局", "各县市区人民政府", "市财政局、市医保局", "2026年6月"},
            {"4", "除险加固小型水库128座、运行管护标准化建设288座", "王四", "市水利局", "南山县、北河县、青石县", "", "2026年11月"},
            {"5", "城市安全", "王五", "市公安局", "高新区管委会、东城区人民政府", "市教育局", "2026年12月"},
            {"6", "养老服务", "王六", "市民政局", "各县市区人民政府", "市卫健委", "2026年12月"}};
        Row h = sh.createRow(1);
        for (int c = 0; c < head.length; c++) {
            h.createCell(c).setCellValue(head[c]);
        }
        for (int r = 0; r < rows.length; r++) {
            Row row = sh.createRow(r + 2);
            for (int c = 0; c < rows[r].length; c++) {
                if (!rows[r][c].isEmpty()) {
                    row.createCell(c).setCellValue(rows[r][c]);
                }
            }
        }
        sh.createRow(rows.length + 2).createCell(0).setCellValue(NOTE);
    }

    /** The two tables' files as POI writes them, made on first use (the tables never change). */
    private static byte[] targetsFile;
    private static byte[] responsibilityFile;

    /**
     * A workspace with the two tables in {@code targets/} and no bulletin.yaml. The workbooks are written by POI
     * once per test JVM and their bytes copied here: a dozen test classes build this city.
     */
    public static void writeWorkspace(Path dir) throws IOException {
        Files.createDirectories(dir.resolve("targets"));
        synchronized (SecondCity.class) {
            if (targetsFile == null) {
                try (XSSFWorkbook wb = new XSSFWorkbook();
                     ByteArrayOutputStream out = new ByteArrayOutputStream()) {
                    targets().writeTo(wb, "指标分解");
                    wb.write(out);
                    targetsFile = out.toByteArray();
                }
                try (XSSFWorkbook wb = new XSSFWorkbook();
                     ByteArrayOutputStream out = new ByteArrayOutputStream()) {
                    writeResponsibility(wb);
                    wb.write(out);
                    responsibilityFile = out.toByteArray();
                }
            }
        }
        Files.write(dir.resolve("targets/临江市2026年重点民生实事项目指标任务分解表.xlsx"), targetsFile);
        Files.write(dir.resolve("targets/临江市2026年重点民生实事项目责任分解表.xlsx"), responsibilityFile);
    }
}
