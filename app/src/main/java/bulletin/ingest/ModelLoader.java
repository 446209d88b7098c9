package bulletin.ingest;

import bulletin.diag.BulletinException;
import bulletin.diag.ExitCode;
import bulletin.diag.Place;
import bulletin.diag.Problem;
import bulletin.diag.Problems;
import bulletin.model.Indicator;
import bulletin.model.IndicatorModel;
import bulletin.workspace.Workspace;
import bulletin.workspace.WorkspaceConfig;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

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
        List<Path> files;
        try (Stream<Path> s = Files.list(dir)) {
            files = s.filter(Files::isRegularFile).filter(Workbooks::looksLikeWorkbook).sorted().toList();
        } catch (IOException e) {
            throw new BulletinException(ExitCode.USAGE, ws.show(dir) + ": 错误: 无法读取文件夹（" + e.getMessage() + "）");
        }
        Problems problems = new Problems();
        List<TargetTableReader.Table> targets = new ArrayList<>();
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
        return new ModelBuilder(ws.config(), problems).build(targets, resps, sources);
    }
}
