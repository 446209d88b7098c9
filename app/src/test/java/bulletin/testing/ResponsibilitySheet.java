package bulletin.testing;

import static bulletin.testing.TargetSheet.set;

import java.util.ArrayList;
import java.util.List;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.util.CellRangeAddress;

/**
 * Lays out a responsibility table (责任分解表): 序号 | 项目名称 (project and task columns) | 牵头领导 |
 * 牵头责任单位 | 相关责任单位, optionally 责任人. A value "^" continues the cell above (merged vertically).
 */
public final class ResponsibilitySheet {

    public record Line(int item, String project, String task, String leader, String lead, String related,
                       String person) {
    }

    private final String title;
    private final List<Line> lines = new ArrayList<>();
    private boolean personColumn;
    private String closingNote;

    public ResponsibilitySheet(String title) {
        this.title = title;
    }

    public ResponsibilitySheet personColumn(boolean b) {
        this.personColumn = b;
        return this;
    }

    public ResponsibilitySheet closingNote(String note) {
        this.closingNote = note;
        return this;
    }

    public ResponsibilitySheet line(int item, String project, String task, String leader, String lead,
                                    String related) {
        lines.add(new Line(item, project, task, leader, lead, related, null));
        return this;
    }

    public ResponsibilitySheet line(Line l) {
        lines.add(l);
        return this;
    }

    public Sheet writeTo(Workbook wb, String sheetName) {
        Sheet sh = wb.createSheet(sheetName);
        int last = personColumn ? 6 : 5;
        set(sh, 0, 0, title);
        sh.addMergedRegion(new CellRangeAddress(0, 0, 0, last));
        set(sh, 1, 0, "序号");
        set(sh, 1, 1, "项目名称");
        sh.addMergedRegion(new CellRangeAddress(1, 1, 1, 2));
        set(sh, 1, 3, "牵头领导");
        set(sh, 1, 4, "牵头责任单位");
        set(sh, 1, 5, "相关责任单位");
        if (personColumn) {
            set(sh, 1, 6, "责任人");
        }
        int start = 2;
        for (int k = 0; k < lines.size(); k++) {
            Line l = lines.get(k);
            int r = start + k;
            boolean firstOfItem = k == 0 || lines.get(k - 1).item() != l.item();
            if (firstOfItem) {
                set(sh, r, 0, String.valueOf(l.item()));
                if (l.task() != null) {
                    set(sh, r, 1, l.project());
                }
            }
            if (l.task() == null) {
                set(sh, r, 1, l.project());
                sh.addMergedRegion(new CellRangeAddress(r, r, 1, 2));
            } else {
                set(sh, r, 2, l.task());
            }
            String[] roles = {l.leader(), l.lead(), l.related(), l.person()};
            for (int i = 0; i < (personColumn ? 4 : 3); i++) {
                if (!"^".equals(roles[i])) {
                    set(sh, r, 3 + i, roles[i]);
                }
            }
        }
        // Vertical merges: 序号 and project per item, roles over their "^" runs.
        int k = 0;
        while (k < lines.size()) {
            int end = k;
            while (end + 1 < lines.size() && lines.get(end + 1).item() == lines.get(k).item()) {
                end++;
            }
            if (end > k) {
                sh.addMergedRegion(new CellRangeAddress(start + k, start + end, 0, 0));
                if (lines.get(k).task() != null) {
                    sh.addMergedRegion(new CellRangeAddress(start + k, start + end, 1, 1));
                }
            }
            for (int i = 0; i < (personColumn ? 4 : 3); i++) {
                int s = k;
                while (s <= end) {
                    int e = s;
                    while (e + 1 <= end && "^".equals(role(lines.get(e + 1), i))) {
                        e++;
                    }
                    if (e > s) {
                        sh.addMergedRegion(new CellRangeAddress(start + s, start + e, 3 + i, 3 + i));
                    }
                    s = e + 1;
                }
            }
            k = end + 1;
        }
        if (closingNote != null) {
            int r = start + lines.size() + 1;
            set(sh, r, 0, closingNote);
            sh.addMergedRegion(new CellRangeAddress(r, r, 0, last));
        }
        sh.setColumnWidth(2, 50 * 256);
        return sh;
    }

    private static String role(Line l, int i) {
        return switch (i) {
            case 0 -> l.leader();
            case 1 -> l.lead();
            case 2 -> l.related();
            default -> l.person();
        };
    }
}
