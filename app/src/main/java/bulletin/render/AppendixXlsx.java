package bulletin.render;

import bulletin.model.Card;
import bulletin.model.Level;
import bulletin.model.Snapshot;
import java.io.IOException;
import java.io.OutputStream;
import java.util.List;
import org.apache.poi.ss.usermodel.BorderStyle;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.FillPatternType;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.HorizontalAlignment;
import org.apache.poi.ss.usermodel.PrintSetup;
import org.apache.poi.ss.usermodel.VerticalAlignment;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.xssf.usermodel.XSSFCell;
import org.apache.poi.xssf.usermodel.XSSFCellStyle;
import org.apache.poi.xssf.usermodel.XSSFColor;
import org.apache.poi.xssf.usermodel.XSSFRow;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/**
 * The appendix tables as a workbook (what clerks paste into other reports and upload): one sheet per appendix,
 * the same cells as the .docx, with numbers as numbers where they are figures.
 */
public final class AppendixXlsx {

    private AppendixXlsx() {
    }

    public static String fileName(int issue) {
        return "推进情况统计表（第" + issue + "期）.xlsx";
    }

    public static void write(Snapshot s, DocxWriter.Look look, OutputStream out) throws IOException {
        try (XSSFWorkbook wb = new XSSFWorkbook()) {
            for (Level level : Level.values()) {
                List<Appendix.Block> blocks = Appendix.blocks(s, level);
                if (!blocks.isEmpty()) {
                    sheet(wb, s, level, blocks, look);
                }
            }
            if (wb.getNumberOfSheets() == 0) {
                wb.createSheet("附件");
            }
            wb.write(out);
        }
    }

    private static void sheet(XSSFWorkbook wb, Snapshot s, Level level, List<Appendix.Block> blocks,
                              DocxWriter.Look look) {
        XSSFSheet sh = wb.createSheet(level == Level.PROVINCE ? "附件1" : "附件2");
        CellStyle text = style(wb, false, HorizontalAlignment.CENTER, null);
        CellStyle left = style(wb, false, HorizontalAlignment.LEFT, null);
        CellStyle head = style(wb, true, HorizontalAlignment.CENTER, null);
        CellStyle num = style(wb, false, HorizontalAlignment.RIGHT, null);
        CellStyle behind = style(wb, false, HorizontalAlignment.RIGHT, look.behindFill());
        CellStyle red = style(wb, false, HorizontalAlignment.RIGHT, look.redFill());
        java.util.Map<Integer, CellStyle> formats = new java.util.HashMap<>();
        List<String> header = Appendix.header(s);
        XSSFRow title = sh.createRow(0);
        title.createCell(0).setCellValue(Appendix.title(level, s.month()));
        title.getCell(0).setCellStyle(style(wb, true, HorizontalAlignment.CENTER, null));
        sh.addMergedRegion(new CellRangeAddress(0, 0, 0, header.size() - 1));
        XSSFRow h = sh.createRow(1);
        for (int c = 0; c < header.size(); c++) {
            set(h, c, header.get(c), head);
        }
        int r = 2;
        int lastItem = -1;
        String lastTask = null;
        int itemStart = r;
        int taskStart = r;
        int itemNo = 0;
        String[] labels = {"指标", "数量", "进度"};
        for (Appendix.Block b : blocks) {
            boolean newItem = b.indicator().item() != lastItem;
            boolean newTask = newItem || !b.task().equals(lastTask);
            if (newTask && r > taskStart) {
                merge(sh, taskStart, r - 1, 2);
                taskStart = r;
            }
            if (newItem) {
                if (r > itemStart) {
                    merge(sh, itemStart, r - 1, 0);
                    merge(sh, itemStart, r - 1, 1);
                }
                itemStart = r;
                itemNo++;
            }
            List<List<String>> rows = List.of(b.targets(), b.done(), b.progress());
            for (int k = 0; k < 3; k++) {
                XSSFRow row = sh.createRow(r + k);
                set(row, 0, k == 0 && newItem ? String.valueOf(itemNo) : "", text);
                set(row, 1, k == 0 && newItem ? b.indicator().itemName() : "", text);
                set(row, 2, k == 0 && newTask ? b.task() : "", text);
                set(row, 3, k == 0 ? b.indicator().name() : "", left);
                set(row, 4, k == 0 ? b.indicator().unit() : "", text);
                set(row, 5, labels[k], text);
                List<String> values = rows.get(k);
                if (k == 0 && b.wordTarget() != null) {
                    set(row, 6, b.wordTarget(), left);
                    for (int c = 1; c < values.size(); c++) {
                        set(row, 6 + c, "", left);
                    }
                    sh.addMergedRegion(new CellRangeAddress(r, r, 6, 6 + values.size() - 1));
                    continue;
                }
                for (int c = 0; c < values.size(); c++) {
                    String v = values.get(c);
                    CellStyle st = k == 2 && b.behind().get(c)
                            ? (b.indicator().card() == Card.RED ? red : behind) : num;
                    XSSFCell cell = row.createCell(6 + c);
                    if (v.matches("-?[0-9]+(\\.[0-9]+)?")) {
                        // A number, shown with the decimals the document shows.
                        int decimals = v.contains(".") ? v.length() - v.indexOf('.') - 1 : 0;
                        cell.setCellValue(Double.parseDouble(v));
                        cell.setCellStyle(formats.computeIfAbsent(st.getIndex() * 10 + decimals, key -> {
                            CellStyle x = wb.createCellStyle();
                            x.cloneStyleFrom(st);
                            x.setDataFormat(wb.createDataFormat().getFormat(decimals == 0 ? "0"
                                    : "0." + "0".repeat(decimals)));
                            return x;
                        }));
                    } else {
                        cell.setCellValue(v);
                        cell.setCellStyle(v.endsWith("%") ? st : text);
                    }
                }
            }
            for (int c = 3; c <= 4; c++) {
                merge(sh, r, r + 2, c);
            }

            r += 3;
            lastItem = b.indicator().item();
            lastTask = b.task();
        }
        if (r > taskStart) {
            merge(sh, taskStart, r - 1, 2);
        }
        if (r > itemStart) {
            merge(sh, itemStart, r - 1, 0);
            merge(sh, itemStart, r - 1, 1);
        }
        int[] widths = {5, 10, 14, 30, 7, 8, 11};
        for (int c = 0; c < header.size(); c++) {
            sh.setColumnWidth(c, (c < widths.length ? widths[c] : 10) * 256);
        }
        sh.createFreezePane(7, 2);
        sh.setRepeatingRows(new CellRangeAddress(1, 1, 0, header.size() - 1));
        sh.getPrintSetup().setLandscape(true);
        sh.getPrintSetup().setPaperSize(look.a3() ? PrintSetup.A3_PAPERSIZE : PrintSetup.A4_PAPERSIZE);
        sh.setFitToPage(true);
        sh.getPrintSetup().setFitWidth((short) 1);
        sh.getPrintSetup().setFitHeight((short) 0);
    }

    private static void merge(XSSFSheet sh, int from, int to, int col) {
        if (to > from) {
            sh.addMergedRegion(new CellRangeAddress(from, to, col, col));
        }
    }

    private static void set(XSSFRow row, int c, String v, CellStyle st) {
        XSSFCell cell = row.createCell(c);
        cell.setCellValue(v);
        cell.setCellStyle(st);
    }

    private static CellStyle style(XSSFWorkbook wb, boolean bold, HorizontalAlignment align, String fill) {
        XSSFCellStyle st = wb.createCellStyle();
        Font font = wb.createFont();
        font.setFontName("宋体");
        font.setFontHeightInPoints((short) 10);
        font.setBold(bold);
        st.setFont(font);
        st.setAlignment(align);
        st.setVerticalAlignment(VerticalAlignment.CENTER);
        st.setWrapText(true);
        st.setBorderTop(BorderStyle.THIN);
        st.setBorderBottom(BorderStyle.THIN);
        st.setBorderLeft(BorderStyle.THIN);
        st.setBorderRight(BorderStyle.THIN);
        if (fill != null && !fill.equalsIgnoreCase("none")) {
            st.setFillForegroundColor(new XSSFColor(hex(fill), null));
            st.setFillPattern(FillPatternType.SOLID_FOREGROUND);
        }
        return st;
    }

    private static byte[] hex(String rrggbb) {
        int v = Integer.parseInt(rrggbb, 16);
        return new byte[] {(byte) (v >> 16), (byte) (v >> 8), (byte) v};
    }
}
