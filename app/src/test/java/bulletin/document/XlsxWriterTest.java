package bulletin.document;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.xssf.usermodel.XSSFCell;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;

/** The light workbook writer, read back with POI: what it writes is what Excel and WPS are given. */
class XlsxWriterTest {

    private static XSSFWorkbook roundTrip(XlsxWriter w) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        w.write(out);
        return new XSSFWorkbook(new ByteArrayInputStream(out.toByteArray()));
    }

    @Test
    void columnLettersGoPastZ() {
        assertThat(XlsxWriter.ref(0, 0)).isEqualTo("A1");
        assertThat(XlsxWriter.ref(9, 25)).isEqualTo("Z10");
        assertThat(XlsxWriter.ref(0, 26)).isEqualTo("AA1");
        assertThat(XlsxWriter.ref(0, 155)).isEqualTo("EZ1");  // a province: 150 units and the six name columns
        assertThat(XlsxWriter.ref(1, 701)).isEqualTo("ZZ2");
        assertThat(XlsxWriter.ref(2, 702)).isEqualTo("AAA3");
    }

    @Test
    void textNumbersAndMarkupCharactersSurviveTheRoundTrip() throws IOException {
        XlsxWriter w = new XlsxWriter();
        int plain = w.style(new XlsxWriter.Style(false, "left", null, -1));
        int two = w.style(new XlsxWriter.Style(true, "right", "ff7c80", 2));
        int three = w.style(new XlsxWriter.Style(false, "right", null, 3));
        XlsxWriter.Sheet s = w.sheet("附件'1");
        s.text(0, 0, "A&B <C> \"D\"", plain);
        s.text(0, 1, "  前后有空格 ", plain);
        s.text(0, 2, "控制\u0001字符\u0007", plain);
        s.text(0, 155, "右边", plain);
        s.number(1, 0, "1386", two);
        s.number(1, 1, "-0.125", three);
        s.text(2, 0, "A&B <C> \"D\"", plain); // the same text twice: one shared string
        s.merge(3, 0, 4, 2);
        s.printTitles(0, 0);
        s.landscape(true);
        try (XSSFWorkbook wb = roundTrip(w)) {
            XSSFSheet sh = wb.getSheet("附件'1");
            assertThat(sh).isNotNull();
            assertThat(sh.getRow(0).getCell(0).getStringCellValue()).isEqualTo("A&B <C> \"D\"");
            assertThat(sh.getRow(0).getCell(1).getStringCellValue()).isEqualTo("  前后有空格 ");
            assertThat(sh.getRow(0).getCell(2).getStringCellValue()).isEqualTo("控制字符");
            assertThat(sh.getRow(0).getCell(155).getStringCellValue()).isEqualTo("右边");
            XSSFCell n = sh.getRow(1).getCell(0);
            assertThat(n.getCellType()).isEqualTo(CellType.NUMERIC);
            assertThat(n.getNumericCellValue()).isEqualTo(1386.0);
            assertThat(new DataFormatter().formatCellValue(n)).isEqualTo("1386.00");
            assertThat(n.getCellStyle().getFillForegroundColorColor()).isNotNull();
            assertThat(n.getCellStyle().getFont().getBold()).isTrue();
            assertThat(new DataFormatter().formatCellValue(sh.getRow(1).getCell(1))).isEqualTo("-0.125");
            assertThat(wb.getSharedStringSource().getUniqueCount()).isEqualTo(4);
            assertThat(sh.getMergedRegions()).hasSize(1);
            assertThat(sh.getMergedRegion(0).formatAsString()).isEqualTo("A4:C5");
            assertThat(sh.getPrintSetup().getPaperSize()).isEqualTo((short) 8); // A3
            assertThat(sh.getRepeatingRows().formatAsString()).isEqualTo("1:1");
        }
    }

    @Test
    void onlyDecimalTextIsANumber() {
        XlsxWriter.Sheet s = new XlsxWriter().sheet("x");
        assertThatThrownBy(() -> s.number(0, 0, "1e5", 0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> s.number(0, 0, "12%", 0)).isInstanceOf(IllegalArgumentException.class);
        assertThat(XlsxWriter.isDecimal("-12.50")).isTrue();
        assertThat(XlsxWriter.isDecimal("１２")).isFalse();
    }

    @Test
    void theSameFiguresMakeTheSameBytes() throws IOException {
        byte[][] made = new byte[2][];
        for (int i = 0; i < 2; i++) {
            XlsxWriter w = new XlsxWriter();
            w.sheet("附件1").text(0, 0, "同一张表", w.style(new XlsxWriter.Style(false, "center", null, -1)));
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            w.write(out);
            made[i] = out.toByteArray();
        }
        assertThat(made[0]).isEqualTo(made[1]);
    }
}
