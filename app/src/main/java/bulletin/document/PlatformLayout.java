package bulletin.document;

import bulletin.model.Platform;
import bulletin.model.Snapshot;
import java.util.ArrayList;
import java.util.List;

/**
 * 附件3, the platform's upload counts, laid out once as an {@link AppendixLayout} for both the .docx and the xlsx
 * copy: 单位 | the modules (under their group headings where the file has them) | 总数; a row per unit in the
 * tables' order, then the other rows of the file (市本级, departments), then 合计. A unit's empty module is shaded
 * as a figure behind schedule is.
 */
final class PlatformLayout {

    static final int NUMBER = 3;
    static final String NAME = "单位";
    static final String TOTAL = "总数";
    static final String SUM = "合计";

    private PlatformLayout() {
    }

    /** "5月民生实事平台信息上传情况表". */
    static String title(int year, int month) {
        return year + "年" + month + "月民生实事平台信息上传情况表";
    }

    /** The table of the snapshot's platform counts, or null where it has none. */
    static AppendixLayout of(Snapshot s) {
        Platform p = s.platform();
        if (p == null) {
            return null;
        }
        List<List<AppendixLayout.Cell>> rows = new ArrayList<>();
        List<AppendixLayout.Merge> merges = new ArrayList<>();
        header(p, rows, merges);
        List<Integer> blocks = new ArrayList<>();
        for (Platform.Row r : p.rows()) {
            blocks.add(rows.size());
            List<AppendixLayout.Cell> row = new ArrayList<>();
            row.add(AppendixLayout.Cell.text(r.name(), AppendixLayout.Align.CENTER));
            for (Platform.Module m : p.modules()) {
                long n = r.counts().get(m.name());
                AppendixLayout.Shade shade = r.unit() && n == 0 ? AppendixLayout.Shade.BEHIND : AppendixLayout.Shade.NONE;
                row.add(AppendixLayout.Cell.figure(String.valueOf(n), shade, false));
            }
            row.add(AppendixLayout.Cell.figure(String.valueOf(r.total()), AppendixLayout.Shade.NONE, false));
            rows.add(row);
        }
        blocks.add(rows.size());
        List<AppendixLayout.Cell> sum = new ArrayList<>();
        sum.add(AppendixLayout.Cell.head(SUM));
        p.modules().forEach(m -> sum.add(AppendixLayout.Cell.figure(String.valueOf(p.totals().get(m.name())),
                AppendixLayout.Shade.NONE, false)));
        sum.add(AppendixLayout.Cell.figure(String.valueOf(p.total()), AppendixLayout.Shade.NONE, false));
        rows.add(sum);
        return new AppendixLayout(null, AppendixLayout.numberOf(s, "3"), title(s.year(), s.month()), rows, merges, blocks, List.of());
    }

    /** How many rows the header takes: two where the modules stand under group headings, else one. */
    static int headerRows(AppendixLayout table) {
        return table.blocks().isEmpty() ? 1 : table.blocks().get(0);
    }

    /**
     * The header: one row of names, or, where the modules have group headings, the groups above (each across its
     * modules) and the names below, with 单位, 总数 and ungrouped modules across both rows.
     */
    private static int header(Platform p, List<List<AppendixLayout.Cell>> rows, List<AppendixLayout.Merge> merges) {
        boolean grouped = p.modules().stream().anyMatch(m -> m.group() != null);
        int columns = p.modules().size() + 2;
        List<AppendixLayout.Cell> top = new ArrayList<>();
        List<AppendixLayout.Cell> bottom = new ArrayList<>();
        top.add(AppendixLayout.Cell.head(NAME));
        bottom.add(AppendixLayout.Cell.head(""));
        for (int k = 0; k < p.modules().size(); k++) {
            Platform.Module m = p.modules().get(k);
            int c = k + 1;
            if (m.group() == null) {
                top.add(AppendixLayout.Cell.head(m.name()));
                bottom.add(AppendixLayout.Cell.head(""));
                merges.add(new AppendixLayout.Merge(0, c, 1, c));
                continue;
            }
            boolean first = k == 0 || !m.group().equals(p.modules().get(k - 1).group());
            top.add(AppendixLayout.Cell.head(first ? m.group() : ""));
            bottom.add(AppendixLayout.Cell.head(m.name()));
            if (first) {
                int last = k;
                while (last + 1 < p.modules().size() && m.group().equals(p.modules().get(last + 1).group())) {
                    last++;
                }
                if (last > k) {
                    merges.add(new AppendixLayout.Merge(0, c, 0, last + 1));
                }
            }
        }
        top.add(AppendixLayout.Cell.head(TOTAL));
        bottom.add(AppendixLayout.Cell.head(""));
        rows.add(top);
        if (!grouped) {
            merges.clear();
            return 1;
        }
        rows.add(bottom);
        merges.add(new AppendixLayout.Merge(0, 0, 1, 0));
        merges.add(new AppendixLayout.Merge(0, columns - 1, 1, columns - 1));
        return 2;
    }
}
