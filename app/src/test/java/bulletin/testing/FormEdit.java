package bulletin.testing;

import bulletin.forms.FormLayout;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/** Edits a returned workbook in place as a unit's clerk would by hand: clearing a figure, reading one. */
public final class FormEdit {

    private FormEdit() {
    }

    /** Clears the cell of {@code code}'s row in column {@code col} ({@link FormLayout#COL_DONE}, …). */
    public static void blank(Path workbook, String code, int col) throws IOException {
        edit(workbook, code, col, null);
    }

    /** Types a number into the cell of {@code code}'s row in column {@code col}. */
    public static void set(Path workbook, String code, int col, BigDecimal value) throws IOException {
        edit(workbook, code, col, value);
    }

    /** The number in the cell of {@code code}'s row in column {@code col}, or null where it is blank. */
    public static BigDecimal get(Path workbook, String code, int col) throws IOException {
        try (XSSFWorkbook wb = new XSSFWorkbook(new ByteArrayInputStream(Files.readAllBytes(workbook)))) {
            Cell c = row(wb.getSheet(FormLayout.DATA_SHEET), code).getCell(col);
            return c == null || c.getCellType() != CellType.NUMERIC ? null
                    : new BigDecimal(String.valueOf(c.getNumericCellValue())).stripTrailingZeros();
        }
    }

    private static void edit(Path workbook, String code, int col, BigDecimal value) throws IOException {
        byte[] bytes = Files.readAllBytes(workbook);
        try (XSSFWorkbook wb = new XSSFWorkbook(new ByteArrayInputStream(bytes))) {
            Cell c = row(wb.getSheet(FormLayout.DATA_SHEET), code).getCell(col, Row.MissingCellPolicy.CREATE_NULL_AS_BLANK);
            if (value == null) {
                c.setBlank();
            } else {
                c.setCellValue(value.doubleValue());
            }
            try (OutputStream out = Files.newOutputStream(workbook)) {
                wb.write(out);
            }
        }
    }

    private static Row row(XSSFSheet sheet, String code) {
        for (Row r : sheet) {
            Cell c = r.getCell(FormLayout.COL_CODE);
            if (r.getRowNum() > FormLayout.HEADER_ROW && c != null && c.getCellType() == CellType.STRING
                    && code.equals(c.getStringCellValue())) {
                return r;
            }
        }
        throw new IllegalArgumentException("no row for " + code);
    }
}
