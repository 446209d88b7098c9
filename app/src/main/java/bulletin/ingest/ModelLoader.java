package bulletin.ingest;

import bulletin.diag.BulletinException;
import bulletin.diag.ExitCode;
import bulletin.diag.Place;
import bulletin.diag.Problem;
import bulletin.diag.Problems;
import bulletin.model.Indicator;
import bulletin.model.IndicatorModel;
import bulletin.text.Text;
import bulletin.workspace.InputFiles;
import bulletin.workspace.Workspace;
import bulletin.workspace.WorkspaceConfig;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Reads every workbook in {@code targets/}, finds the target table(s) and the responsibility table by their
 * headers (never by file name or sheet position) and builds the indicator model.
 */
public final class ModelLoader {

    private ModelLoader() {
    }

    /** Loads the model; tables that cannot be understood end the command with every problem named. */
    public static IndicatorModel load(Workspace ws) {
        Path dir = ws.targetsDir();
        if (!Files.isDirectory(dir)) {
            throw new BulletinException(ExitCode.USAGE, "工作目录中没有 targets/ 文件夹：请把通知的附件（指标任务分解表、"
                    + "责任分解表，.xlsx）放入 " + ws.show(dir) + "/");
        }
        Problems problems = new Problems();
        List<Path> files = list(ws, dir, problems);
        List<TargetTableReader.Table> targets = new ArrayList<>();
        List<Grid> targetGrids = new ArrayList<>();
        List<ResponsibilityTableReader.Table> resps = new ArrayList<>();
        List<String> sources = new ArrayList<>();
        for (Path f : files) {
            String shown = ws.show(f);
            try {
                for (XlsxReader.SheetData sheet : Workbooks.sheets(f, shown)) {
                    Place place = Place.file(shown).sheet(sheet.name());
                    if (sheet.hidden()) {
                        continue;
                    }
                    Grid g = sheet.grid();
                    if (TargetTableReader.looksLike(g)) {
                        TargetTableReader.read(g, problems).ifPresent(t -> {
                            targets.add(t);
                            targetGrids.add(g);
                            sources.add(place.format());
                        });
                    } else if (ResponsibilityTableReader.looksLike(g)) {
                        ResponsibilityTableReader.read(g, problems).ifPresent(t -> {
                            resps.add(t);
                            sources.add(place.format());
                        });
                    }
                }
            } catch (Workbooks.Unreadable e) {
                problems.error("unreadable-workbook", Place.file(shown), e.getMessage());
            }
        }
        if (targets.isEmpty()) {
            problems.add(new Problem(bulletin.diag.Severity.ERROR, "no-target-table", ws.show(dir), null, null,
                    "找不到指标任务分解表：需要一张表头含“序号”“单位”和各填报单位名称的表" + (files.isEmpty()
                            ? "（文件夹是空的）" : "（读了 " + files.size() + " 个工作簿）")));
        }
        if (problems.hasErrors()) {
            throw BulletinException.invalid("无法读懂 targets/ 中的表格", problems.all());
        }
        refuseCopies(targets, targetGrids);
        return new ModelBuilder(ws, problems).build(targets, resps, sources);
    }

    /**
     * The workbooks of {@code targets/}, by name: a folder, a broken link or a loop of links named {@code .xlsx}
     * is among them and named by the reader that refuses it; any other file or folder there (the notice as a PDF,
     * a sub-folder) is named in a warning and never opened.
     */
    private static List<Path> list(Workspace ws, Path dir, Problems problems) {
        InputFiles.Listing l;
        try {
            l = InputFiles.list(dir);
        } catch (IOException e) {
            throw new BulletinException(ExitCode.USAGE, ws.show(dir) + ": 错误: 无法读取文件夹（" + e.getMessage() + "）");
        }
        for (Path other : l.others()) {
            boolean folder = Files.isDirectory(other, LinkOption.NOFOLLOW_LINKS);
            problems.warning("not-a-workbook", Place.file(ws.show(other)), (folder ? "这是一个文件夹，其中的文件不读取"
                    : "不是 Excel 工作簿（.xlsx），未读取") + "：targets/ 中只读取指标任务分解表和责任分解表（.xlsx）");
        }
        return l.workbooks();
    }

    /**
     * Two target tables holding the same indicators (a second copy of the table, perhaps with other figures)
     * would count every indicator twice: refused, naming both tables and the first cell where they differ.
     * Tables that split the indicators between them (provincial and city items) share none and are read together.
     */
    static void refuseCopies(List<TargetTableReader.Table> targets, List<Grid> grids) {
        for (int j = 1; j < targets.size(); j++) {
            Set<String> mine = keys(targets.get(j));
            for (int i = 0; i < j; i++) {
                Set<String> shared = new HashSet<>(keys(targets.get(i)));
                shared.retainAll(mine);
                if (!shared.isEmpty()) {
                    throw BulletinException.usage(copies(targets.get(i), grids.get(i), targets.get(j), grids.get(j),
                            shared.size()));
                }
            }
        }
    }

    /** An indicator as two copies of a table would both give it: its item and its own name. */
    private static Set<String> keys(TargetTableReader.Table t) {
        Set<String> out = new HashSet<>();
        for (TargetTableReader.Row r : t.rows()) {
            out.add(r.item() + "\u0000" + Text.compact(r.rawPath().get(r.rawPath().size() - 1)));
        }
        return out;
    }

    private static String copies(TargetTableReader.Table a, Grid ga, TargetTableReader.Table b, Grid gb, int shared) {
        String head = a.place().format() + " 和 " + b.place().format() + " 是同一张指标任务分解表的两份（有 " + shared
                + " 个相同的指标），指标会被重复计算：";
        int rows = Math.max(ga.rows(), gb.rows());
        int cols = Math.max(ga.cols(), gb.cols());
        for (int r = 0; r < rows; r++) {
            for (int c = 0; c < cols; c++) {
                String x = ga.text(r, c);
                String y = gb.text(r, c);
                if (!x.equals(y)) {
                    return head + "两份内容不同，第一个不同的单元格是 " + ga.place(r, c).format() + "（" + shown(x) + "）与 "
                            + gb.place(r, c).format() + "（" + shown(y) + "）。请只在 targets/ 中保留正确的一份，把另一份移走";
                }
            }
        }
        return head + "两份内容完全相同。请只在 targets/ 中保留一份，把另一份移走";
    }

    private static String shown(String text) {
        String t = text.strip();
        return t.isEmpty() ? "空白" : "“" + (t.length() > 30 ? t.substring(0, 30) + "…" : t) + "”";
    }
}
