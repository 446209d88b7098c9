package bulletin.testing;

import bulletin.forms.FormLayout;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.math.BigDecimal;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/** Fills a blank form as a unit's clerk would: typing into the input cells of the rows by indicator code. */
public final class FormFiller implements AutoCloseable {

    private final XSSFWorkbook wb;
    private final XSSFSheet sheet;

    public FormFiller(byte[] form) throws IOException {
        this.wb = new XSSFWorkbook(new ByteArrayInputStream(form));
        this.sheet = wb.getSheet(FormLayout.DATA_SHEET);
    }

    public XSSFWorkbook workbook() {
        return wb;
    }

    /** The row of an indicator code, or -1. */
    public int rowOf(String code) {
        for (Row r : sheet) {
            if (r.getRowNum() > FormLayout.HEADER_ROW && r.getCell(FormLayout.COL_CODE) != null
                    && code.equals(r.getCell(FormLayout.COL_CODE).getStringCellValue())) {
                return r.getRowNum();
            }
        }
        return -1;
    }

    public FormFiller done(String code, BigDecimal v) {
        return number(code, FormLayout.COL_DONE, v);
    }

    public FormFiller percent(String code, BigDecimal v) {
        return number(code, FormLayout.COL_PERCENT, v);
    }

    public FormFiller note(String code, String text) {
        return text(code, FormLayout.COL_NOTE, text);
    }

    public FormFiller problem(String code, String text) {
        return text(code, FormLayout.COL_PROBLEM, text);
    }

    /** Types any text into any column: what a careless clerk does. */
    public FormFiller text(String code, int col, String text) {
        int r = rowOf(code);
        if (r < 0) {
            throw new IllegalArgumentException("no row for " + code);
        }
        sheet.getRow(r).getCell(col, Row.MissingCellPolicy.CREATE_NULL_AS_BLANK).setCellValue(text);
        return this;
    }

    private FormFiller number(String code, int col, BigDecimal v) {
        int r = rowOf(code);
        if (r < 0) {
            throw new IllegalArgumentException("no row for " + code);
        }
        if (v != null) {
            sheet.getRow(r).getCell(col, Row.MissingCellPolicy.CREATE_NULL_AS_BLANK).setCellValue(v.doubleValue());
        }
        return this;
    }

    public void save(OutputStream out) throws IOException {
        wb.write(out);
    }

    @Override
    public void close() throws IOException {
        wb.close();
    }
}
