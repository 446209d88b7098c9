package bulletin.document;

import bulletin.model.Card;
import bulletin.model.Level;
import bulletin.model.Snapshot;
import java.io.IOException;
import java.io.OutputStream;
import java.util.List;

/**
 * The appendix tables as a workbook (what clerks paste into other reports and upload): one sheet per appendix,
 * the same cells as the .docx, with numbers as numbers where they are figures. Written with {@link XlsxWriter}.
 */
public final class AppendixXlsx {

    private AppendixXlsx() {
    }

    public static String fileName(int issue) {
        return "推进情况统计表（第" + issue + "期）.xlsx";
    }

    public static void write(Snapshot s, DocxWriter.Look look, OutputStream out) throws IOException {
        XlsxWriter wb = new XlsxWriter();
        boolean any = false;
        for (Level level : Level.values()) {
            List<Appendix.Block> blocks = Appendix.blocks(s, level);
            if (!blocks.isEmpty()) {
                sheet(wb, s, level, blocks, look);
                any = true;
            }
        }
        if (!any) {
            wb.sheet("附件");
        }
        wb.write(out);
    }

    private static void sheet(XlsxWriter wb, Snapshot s, Level level, List<Appendix.Block> blocks,
                              DocxWriter.Look look) {
        XlsxWriter.Sheet sh = wb.sheet(level == Level.PROVINCE ? "附件1" : "附件2");
        int text = wb.style(new XlsxWriter.Style(false, "center", null, -1));
        int left = wb.style(new XlsxWriter.Style(false, "left", null, -1));
        int head = wb.style(new XlsxWriter.Style(true, "center", null, -1));
        List<String> header = Appendix.header(s);
        sh.text(0, 0, Appendix.title(level, s.month()), head);
        sh.merge(0, 0, 0, header.size() - 1);
        for (int c = 0; c < header.size(); c++) {
            sh.text(1, c, header.get(c), head);
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
                sh.merge(taskStart, 2, r - 1, 2);
                taskStart = r;
            }
            if (newItem) {
                if (r > itemStart) {
                    sh.merge(itemStart, 0, r - 1, 0);
                    sh.merge(itemStart, 1, r - 1, 1);
                }
                itemStart = r;
                itemNo++;
            }
            List<List<String>> rows = List.of(b.targets(), b.done(), b.progress());
            for (int k = 0; k < 3; k++) {
                int row = r + k;
                sh.text(row, 0, k == 0 && newItem ? String.valueOf(itemNo) : "", text);
                sh.text(row, 1, k == 0 && newItem ? b.indicator().itemName() : "", text);
                sh.text(row, 2, k == 0 && newTask ? b.task() : "", text);
                sh.text(row, 3, k == 0 ? b.indicator().name() : "", left);
                sh.text(row, 4, k == 0 ? b.indicator().unit() : "", text);
                sh.text(row, 5, labels[k], text);
                List<String> values = rows.get(k);
                if (k == 0 && b.wordTarget() != null) {
                    sh.text(row, 6, b.wordTarget(), left);
                    for (int c = 1; c < values.size(); c++) {
                        sh.text(row, 6 + c, "", left);
                    }
                    sh.merge(row, 6, row, 6 + values.size() - 1);
                    continue;
                }
                for (int c = 0; c < values.size(); c++) {
                    String v = values.get(c);
                    String fill = k == 2 && b.behind().get(c)
                            ? (b.indicator().card() == Card.RED ? look.redFill() : look.behindFill()) : null;
                    if (XlsxWriter.isDecimal(v)) {
                        // A number, shown with the decimals the document shows.
                        int decimals = v.contains(".") ? v.length() - v.indexOf('.') - 1 : 0;
                        sh.number(row, 6 + c, v, wb.style(new XlsxWriter.Style(false, "right", fill, decimals)));
                    } else {
                        sh.text(row, 6 + c, v, v.endsWith("%")
                                ? wb.style(new XlsxWriter.Style(false, "right", fill, -1)) : text);
                    }
                }
            }
            for (int c = 3; c <= 4; c++) {
                sh.merge(r, c, r + 2, c);
            }
            r += 3;
            lastItem = b.indicator().item();
            lastTask = b.task();
        }
        if (r > taskStart) {
            sh.merge(taskStart, 2, r - 1, 2);
        }
        if (r > itemStart) {
            sh.merge(itemStart, 0, r - 1, 0);
            sh.merge(itemStart, 1, r - 1, 1);
        }
        int[] widths = {5, 10, 14, 30, 7, 8, 11};
        for (int c = 0; c < header.size(); c++) {
            sh.width(c, c < widths.length ? widths[c] : 10);
        }
        sh.freeze(7, 2);
        sh.printTitles(1, 1);
        sh.landscape(look.a3());
    }
}
