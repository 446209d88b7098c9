package bulletin.cli;

import static org.assertj.core.api.Assertions.assertThat;

import bulletin.testing.Cli;
import bulletin.testing.Cli.Run;
import bulletin.testing.SampleWorkspace;
import bulletin.testing.SecondCity;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.FormulaError;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 21 point 7: target tables that would lose a target in silence. A formula saved without its result (it
 * read as a blank: no target) or with an error (it read as a text target), and a cell merged across two units'
 * columns (one figure for two units, read as the whole city's), are errors in {@code validate --targets} naming the
 * cell, the indicator and the unit(s). On the second city (临江市) and on the samples (汨罗市).
 */
class TargetCellsTest {

    private static final String SECOND_CITY_TABLE = "targets/临江市2026年重点民生实事项目指标任务分解表.xlsx";

    @TempDir
    Path tmp;

    /** Opens a workbook, lets {@code edit} change its first sheet, and saves it in place. */
    private static void edit(Path file, Consumer<Sheet> edit) throws IOException {
        XSSFWorkbook wb;
        try (InputStream in = Files.newInputStream(file)) {
            wb = new XSSFWorkbook(in);
        }
        edit.accept(wb.getSheetAt(0));
        try (OutputStream out = Files.newOutputStream(file)) {
            wb.write(out);
        }
        wb.close();
    }

    /** The row whose text in any cell is {@code name}. */
    private static Row row(Sheet sh, String name) {
        for (Row r : sh) {
            for (Cell c : r) {
                if (c.getCellType() == CellType.STRING && c.getStringCellValue().equals(name)) {
                    return r;
                }
            }
        }
        throw new AssertionError("no row " + name);
    }

    /** A formula saved as a program that does not calculate saves it: no result. */
    private static String formulaWithoutResult(Row r, int col) {
        r.removeCell(r.getCell(col));
        Cell c = r.createCell(col);
        c.setCellFormula("SUM(10,20)");
        return c.getAddress().formatAsString();
    }

    private Path secondCity() throws IOException {
        Path ws = tmp.resolve("临江");
        SecondCity.writeWorkspace(ws);
        Run ok = Cli.in(ws, "validate", "--targets");
        assertThat(ok.code()).as(ok.toString()).isZero();
        return ws;
    }

    /** The column of the first unit (东城区) and the second (西城区) in the second city's table. */
    private static int unitColumn(Sheet sh, String unit) {
        for (Row r : sh) {
            for (Cell c : r) {
                if (c.getCellType() == CellType.STRING && c.getStringCellValue().equals(unit)) {
                    return c.getColumnIndex();
                }
            }
        }
        throw new AssertionError("no column " + unit);
    }

    @Test
    void aFormulaWithoutItsSavedResultIsAFormulaErrorNamingTheCellIndicatorAndUnit() throws IOException {
        Path ws = secondCity();
        String[] cell = new String[1];
        edit(ws.resolve(SECOND_CITY_TABLE), sh -> cell[0] = formulaWithoutResult(row(sh, "建设200张时光守护床位"),
                unitColumn(sh, "西城区")));
        Run r = Cli.in(ws, "validate", "--targets");
        assertThat(r.code()).as(r.toString()).isEqualTo(1);
        assertThat(r.out() + r.err()).contains("formula-error", "指标分解!" + cell[0], "建设200张时光守护床位", "西城区",
                "没有保存计算结果").doesNotContain("\tat ");
        Run g = Cli.in(ws, "inspect", "--json");
        assertThat(g.code()).as("a model that lost a target is not used").isEqualTo(1);
    }

    @Test
    void anErrorValueInATargetCellIsAFormulaErrorNotATextTarget() throws IOException {
        Path ws = secondCity();
        edit(ws.resolve(SECOND_CITY_TABLE), sh -> {
            Row r = row(sh, "城镇新增就业700人");
            r.getCell(unitColumn(sh, "南山县")).setCellErrorValue(FormulaError.REF.getCode());
        });
        Run r = Cli.in(ws, "validate", "--targets");
        assertThat(r.code()).as(r.toString()).isEqualTo(1);
        assertThat(r.out() + r.err()).contains("formula-error", "城镇新增就业700人", "南山县", "#错误");
    }

    @Test
    void aTargetMergedAcrossTwoUnitsIsAnErrorNamingBoth() throws IOException {
        Path ws = secondCity();
        edit(ws.resolve(SECOND_CITY_TABLE), sh -> {
            Row r = row(sh, "建设200张时光守护床位");
            int east = unitColumn(sh, "东城区");
            int west = unitColumn(sh, "西城区");
            r.removeCell(r.getCell(west));
            sh.addMergedRegion(new CellRangeAddress(r.getRowNum(), r.getRowNum(), east, west));
        });
        Run r = Cli.in(ws, "validate", "--targets");
        assertThat(r.code()).as(r.toString()).isEqualTo(1);
        assertThat(r.out() + r.err()).contains("merged-target", "建设200张时光守护床位", "东城区、西城区", "2个单位");
    }

    @Test
    void aTextTargetMergedAcrossEveryUnitStaysOneTargetForAll() throws IOException {
        // The tables' own way of giving one target to all: not an error.
        Path ws = tmp.resolve("all");
        Files.createDirectories(ws.resolve("targets"));
        bulletin.testing.TargetSheet t = SecondCity.targets();
        t.merged(7, "数字政务", null, "政务服务事项全部实现网上可办", "项", "全面完成");
        try (XSSFWorkbook wb = new XSSFWorkbook(); OutputStream out = Files.newOutputStream(ws.resolve(SECOND_CITY_TABLE))) {
            t.writeTo(wb, "指标分解");
            wb.write(out);
        }
        Run r = Cli.in(ws, "validate", "--targets");
        assertThat(r.code()).as(r.toString()).isZero();
        assertThat(r.out() + r.err()).doesNotContain("merged-target", "formula-error");
    }

    @Test
    void onTheSamplesAFormulaWithoutResultInATargetIsNamedToo() throws IOException {
        Path ws = SampleWorkspace.copyTo(tmp.resolve("汨罗"));
        Path table;
        try (Stream<Path> s = Files.list(ws.resolve("targets"))) {
            table = s.filter(p -> p.getFileName().toString().contains("指标任务分解表")).findFirst().orElseThrow();
        }
        String[] at = new String[2];
        edit(table, sh -> {
            for (Row r : sh) {
                for (Cell c : r) {
                    if (at[0] == null && c.getCellType() == CellType.NUMERIC && c.getNumericCellValue() > 1
                            && c.getColumnIndex() > 3 && r.getRowNum() > 3) {
                        at[0] = sh.getSheetName() + "!" + formulaWithoutResult(r, c.getColumnIndex());
                        return;
                    }
                }
            }
        });
        assertThat(at[0]).isNotNull();
        Run r = Cli.in(ws, "validate", "--targets");
        assertThat(r.code()).as(r.toString()).isEqualTo(1);
        assertThat(r.out() + r.err()).contains("formula-error", at[0], "没有保存计算结果");
    }
}
