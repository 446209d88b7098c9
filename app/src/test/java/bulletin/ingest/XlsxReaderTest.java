package bulletin.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** How the light reader finds a workbook's parts through their relationships. */
class XlsxReaderTest {

    @TempDir
    Path dir;

    @Test
    void readsPartsNamedByRelativeTargets() throws Exception {
        Path f = dir.resolve("plain.xlsx");
        Files.write(f, twoSheets());
        assertThat(entry(Files.readAllBytes(f), "xl/_rels/workbook.xml.rels")).contains("Target=\"worksheets/")
                .doesNotContain("Target=\"/");

        assertRead(XlsxReader.read(f, "plain.xlsx"));
    }

    /** Some tools write absolute targets ("/xl/worksheets/sheet1.xml") and relationships of their own. */
    @Test
    void readsPartsNamedByAbsoluteTargetsAndSkipsRelationshipsWithoutATarget() throws Exception {
        Path f = dir.resolve("absolute.xlsx");
        Files.write(f, rewrite(twoSheets(), "xl/_rels/workbook.xml.rels", rels -> {
            String absolute = rels.replace("Target=\"", "Target=\"/xl/").replace("Target=\"/xl//xl/", "Target=\"/xl/");
            return absolute.replace("</Relationships>",
                    "<Relationship Id=\"rIdX\" Type=\"http://example.com/odd\"/></Relationships>");
        }));
        String rels = entry(Files.readAllBytes(f), "xl/_rels/workbook.xml.rels");
        assertThat(rels).contains("Target=\"/xl/worksheets/").contains("Target=\"/xl/sharedStrings.xml\"")
                .contains("Target=\"/xl/styles.xml\"").doesNotContain("Target=\"worksheets/");

        assertRead(XlsxReader.read(f, "absolute.xlsx"));
    }

    /**
     * A formula saved without its result, in each way a file may say so, reads as a formula without a saved value
     * (never as an empty cell), and its figure is a formula-error; one with a saved number reads as that number.
     */
    @Test
    void aFormulaWithoutItsSavedResultIsNeverAnEmptyCell() throws Exception {
        Path f = dir.resolve("formulas.xlsx");
        Files.write(f, rewrite(twoSheets(), "xl/worksheets/sheet1.xml", xml -> xml.replace("</sheetData>",
                "<row r=\"5\"><c r=\"A5\"><f>SUM(B2,1)</f></c><c r=\"B5\"><f>SUM(B2,1)</f><v></v></c>"
                        + "<c r=\"C5\"><f>SUM(B2,1)</f><v/></c><c r=\"D5\" t=\"str\"><f>IF(B2,\"\",1)</f><v></v></c>"
                        + "<c r=\"E5\"><f t=\"shared\" si=\"0\"/></c><c r=\"F5\"><f>SUM(B2,1)</f><v>1.4167</v></c>"
                        + "</row></sheetData>")));
        Grid g = XlsxReader.read(f, "formulas.xlsx").get(0).grid();
        for (int c = 0; c < 5; c++) {
            Grid.Value v = g.value(4, c);
            assertThat(v.kind()).as("column %d", c).isEqualTo(Grid.Kind.FORMULA_NO_CACHE);
            assertThat(v.formula()).isTrue();
            Figures.Reading r = Figures.read(v, false);
            assertThat(r.value()).isNull();
            assertThat(r.issues()).extracting(Figures.Issue::code).containsExactly("formula-error");
            assertThat(r.issues().get(0).message()).contains("没有保存计算结果", "重新计算并保存");
        }
        assertThat(g.value(4, 5).kind()).isEqualTo(Grid.Kind.NUMBER);
        assertThat(g.value(4, 5).formula()).isTrue();
        assertThat(Figures.read(g.value(4, 5), false).value()).isEqualByComparingTo("1.4167");
    }

    /**
     * Numbers no spreadsheet writes: beyond a double's range they are kept as written, for the checks to refuse,
     * and the workbook stays readable; what is no number reads as text.
     */
    @Test
    void numbersBeyondADoublesRangeAreKeptAsWritten() throws Exception {
        Path f = dir.resolve("huge.xlsx");
        Files.write(f, rewrite(twoSheets(), "xl/worksheets/sheet1.xml", xml -> xml.replace("</sheetData>",
                "<row r=\"5\"><c r=\"A5\"><v>1E+400</v></c><c r=\"B5\"><v>1e999999999</v></c><c r=\"C5\"><v>NaN</v></c>"
                        + "<c r=\"D5\"><v>Infinity</v></c><c r=\"E5\"><v>1e308</v></c></row></sheetData>")));
        Grid g = XlsxReader.read(f, "huge.xlsx").get(0).grid();
        assertThat(g.value(4, 0).kind()).isEqualTo(Grid.Kind.NUMBER);
        assertThat(g.value(4, 0).number()).isEqualByComparingTo("1E+400");
        assertThat(g.text(4, 1)).isEqualTo("1e999999999");
        assertThat(g.value(4, 1).number()).isEqualByComparingTo("1E+999999999");
        assertThat(g.value(4, 2).kind()).isEqualTo(Grid.Kind.TEXT);
        assertThat(g.text(4, 3)).isEqualTo("Infinity");
        assertThat(g.value(4, 4).number()).isEqualByComparingTo("1E+308");
        for (int c = 0; c < 5; c++) {
            assertThat(Figures.read(g.value(4, c), false).issues()).as("column %d", c).extracting(Figures.Issue::code)
                    .containsExactly(c == 2 ? "type-error" : "constraint-error");
        }
    }

    /** A number with a date format reads as the date it shows, in the workbook's date system; its number is kept. */
    @Test
    void aNumberFormattedAsADateReadsAsThatDate() throws Exception {
        byte[] book;
        try (XSSFWorkbook wb = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            XSSFSheet s = wb.createSheet("进度");
            var date = wb.createCellStyle();
            date.setDataFormat(wb.createDataFormat().getFormat("yyyy\"年\"m\"月\"d\"日\""));
            var shortDate = wb.createCellStyle();
            shortDate.setDataFormat((short) 14);
            var row = s.createRow(0);
            row.createCell(0).setCellValue(46145);
            row.getCell(0).setCellStyle(date);
            row.createCell(1).setCellValue(46145.5);
            row.getCell(1).setCellStyle(shortDate);
            row.createCell(2).setCellValue(46145);
            wb.write(out);
            book = out.toByteArray();
        }
        Path f = dir.resolve("dates.xlsx");
        Files.write(f, book);
        Grid g = XlsxReader.read(f, "dates.xlsx").get(0).grid();
        assertThat(g.value(0, 0).kind()).isEqualTo(Grid.Kind.DATE);
        assertThat(g.text(0, 0)).isEqualTo("2026-05-03");
        assertThat(g.value(0, 0).number()).isEqualByComparingTo("46145");
        assertThat(g.text(0, 1)).isEqualTo("2026-05-03 12:00");
        assertThat(g.value(0, 2).kind()).isEqualTo(Grid.Kind.NUMBER);
        assertThat(g.text(0, 2)).isEqualTo("46145");

        Path mac = dir.resolve("dates1904.xlsx");
        Files.write(mac, rewrite(book, "xl/workbook.xml", xml -> xml.replace("date1904=\"false\"", "date1904=\"1\"")));
        assertThat(entry(Files.readAllBytes(mac), "xl/workbook.xml")).contains("date1904=\"1\"");
        assertThat(XlsxReader.read(mac, "dates1904.xlsx").get(0).grid().text(0, 0)).isEqualTo("2030-05-04");
    }

    private static void assertRead(List<XlsxReader.SheetData> sheets) {
        assertThat(sheets).extracting(XlsxReader.SheetData::name).containsExactly("进度", "说明");
        Grid g = sheets.get(0).grid();
        assertThat(g.text(0, 0)).isEqualTo("指标"); // from the shared strings
        assertThat(g.value(1, 1).number()).isEqualByComparingTo("0.4167");
        assertThat(g.value(1, 1).percentFormat()).isTrue(); // from the styles
        assertThat(sheets.get(1).hidden()).isTrue();
        assertThat(sheets.get(1).grid().text(0, 0)).isEqualTo("备注");
    }

    private static byte[] twoSheets() throws IOException {
        try (XSSFWorkbook wb = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            XSSFSheet s = wb.createSheet("进度");
            s.createRow(0).createCell(0).setCellValue("指标");
            var percent = wb.createCellStyle();
            percent.setDataFormat(wb.createDataFormat().getFormat("0.00%"));
            var c = s.createRow(1).createCell(1);
            c.setCellValue(0.4167);
            c.setCellStyle(percent);
            wb.createSheet("说明").createRow(0).createCell(0).setCellValue("备注");
            wb.setSheetHidden(1, true);
            wb.write(out);
            return out.toByteArray();
        }
    }

    static byte[] rewrite(byte[] zip, String name, java.util.function.UnaryOperator<String> change)
            throws IOException {
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        try (ZipInputStream in = new ZipInputStream(new java.io.ByteArrayInputStream(zip));
                ZipOutputStream out = new ZipOutputStream(b)) {
            for (ZipEntry e; (e = in.getNextEntry()) != null; ) {
                byte[] data = in.readAllBytes();
                if (e.getName().equals(name)) {
                    data = change.apply(new String(data, StandardCharsets.UTF_8)).getBytes(StandardCharsets.UTF_8);
                }
                out.putNextEntry(new ZipEntry(e.getName()));
                out.write(data);
                out.closeEntry();
            }
        }
        return b.toByteArray();
    }

    private static String entry(byte[] zip, String name) throws IOException {
        try (ZipInputStream in = new ZipInputStream(new java.io.ByteArrayInputStream(zip))) {
            for (ZipEntry e; (e = in.getNextEntry()) != null; ) {
                if (e.getName().equals(name)) {
                    return new String(in.readAllBytes(), StandardCharsets.UTF_8);
                }
            }
        }
        throw new AssertionError("no " + name);
    }
}
