package bulletin.document;

import bulletin.model.Level;
import bulletin.model.Snapshot;
import java.io.IOException;
import java.io.OutputStream;
import java.util.List;

/**
 * The appendix tables as a workbook (what clerks paste into other reports and upload): one sheet per appendix,
 * the same cells as the .docx, with numbers as numbers where they are figures (percentages in a percent format).
 * Written with {@link XlsxWriter}.
 */
public final class AppendixXlsx {

    private AppendixXlsx() {
    }

    public static String fileName(int issue) {
        return "推进情况统计表（第" + issue + "期）.xlsx";
    }

    public static void write(Snapshot s, DocxWriter.Look look, OutputStream out) throws IOException {
        write(s, look, null, out);
    }

    /** The same, on the layouts {@code appendices} holds where they are this snapshot's under this look. */
    public static void write(Snapshot s, DocxWriter.Look look, Appendices appendices, OutputStream out)
            throws IOException {
        Appendices tables = appendices != null && appendices.isFor(s, look) ? appendices : Appendices.of(s, look);
        XlsxWriter wb = new XlsxWriter();
        boolean any = false;
        for (Level level : Level.values()) {
            AppendixLayout table = tables.layout(level);
            if (table != null) {
                sheet(wb, table, look);
                any = true;
            }
        }
        AppendixLayout platform = tables.platform();
        if (platform != null) {
            platformSheet(wb, platform, look);
            any = true;
        }
        if (!any) {
            wb.sheet("附件");
        }
        wb.write(out);
    }

    /** The title in row 0 across the table, then the layout's rows and merges one row lower. */
    private static void sheet(XlsxWriter wb, AppendixLayout table, DocxWriter.Look look) {
        XlsxWriter.Sheet sh = titledTable(wb, table, look);
        int below = table.rows().size() + 2;
        for (String note : table.notes()) {
            sh.text(below, 0, note, wb.style(new XlsxWriter.Style(false, "left", null, -1)));
            sh.merge(below, 0, below, table.columns() - 1);
            below++;
        }
        int[] widths = {5, 10, 14, 30, 7, 8, 11};
        for (int c = 0; c < table.columns(); c++) {
            sh.width(c, c < widths.length ? widths[c] : 10);
        }
        sh.freeze(AppendixLayout.FIRST_FIGURE + 1, 2);
        sh.printTitles(1, 1);
        sh.landscape(look.a3());
    }

    /** A sheet "附件N" with the layout's title across row 0 and its rows and merges one row lower. */
    private static XlsxWriter.Sheet titledTable(XlsxWriter wb, AppendixLayout table, DocxWriter.Look look) {
        XlsxWriter.Sheet sh = wb.sheet("附件" + table.number());
        sh.text(0, 0, table.title(), wb.style(new XlsxWriter.Style(true, "center", null, -1)));
        sh.merge(0, 0, 0, table.columns() - 1);
        for (int r = 0; r < table.rows().size(); r++) {
            List<AppendixLayout.Cell> row = table.rows().get(r);
            for (int c = 0; c < row.size(); c++) {
                cell(wb, sh, r + 1, c, row.get(c), look);
            }
        }
        for (AppendixLayout.Merge m : table.merges()) {
            sh.merge(m.r1() + 1, m.c1(), m.r2() + 1, m.c2());
        }
        return sh;
    }

    /** 附件3, the platform's upload counts: the title, the layout's rows, the name column and header frozen. */
    private static void platformSheet(XlsxWriter wb, AppendixLayout table, DocxWriter.Look look) {
        XlsxWriter.Sheet sh = titledTable(wb, table, look);
        sh.width(0, 16);
        for (int c = 1; c < table.columns(); c++) {
            sh.width(c, 10);
        }
        int head = PlatformLayout.headerRows(table);
        sh.freeze(1, head + 1);
        sh.printTitles(1, head);
        sh.landscape(look.a3());
    }

    /**
     * A figure that reads as a number is a number, shown with the decimals the document shows; a percentage is
     * its fraction in a percent format (37.09% is 0.3709), so the copy can be sorted and summed.
     */
    private static void cell(XlsxWriter wb, XlsxWriter.Sheet sh, int r, int c, AppendixLayout.Cell cell,
                             DocxWriter.Look look) {
        String fill = switch (cell.shade()) {
            case NONE -> null;
            case BEHIND -> look.behindFill();
            case RED -> look.redFill();
        };
        String align = cell.align().name().toLowerCase(java.util.Locale.ROOT);
        if (cell.figure() && cell.value() != null) {
            // A carried figure keeps its mark in the number format and stays a number.
            sh.number(r, c, cell.value().toPlainString(), wb.style(new XlsxWriter.Style(false, "right", fill,
                    cell.decimals(), cell.mark() ? AppendixLayout.MARK : null, cell.percent())));
        } else {
            sh.text(r, c, cell.shown(), wb.style(new XlsxWriter.Style(cell.head(), align, fill, -1)));
        }
    }
}
