package bulletin.service;

import bulletin.forms.FormWriter.ReporterType;
import bulletin.forms.FormWriter;
import bulletin.ingest.ModelLoader;
import bulletin.model.IndicatorModel;
import bulletin.workspace.AtomicFile;
import bulletin.workspace.Workspace;
import bulletin.workspace.WorkspaceLock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;

/** {@code bulletin template}: one blank monthly form per reporting unit, and per lead department. */
public final class TemplateService {

    private TemplateService() {
    }

    /** What was written and what was kept. Paths are as users see them, relative to the workspace. */
    public record Result(YearMonth month, String folder, List<String> unitForms, List<String> departmentForms,
                         List<String> kept) {

        public String summary() {
            StringBuilder sb = new StringBuilder();
            String m = month.getYear() + "年" + month.getMonthValue() + "月";
            sb.append("已生成 ").append(m).append("填报表 ").append(unitForms.size() + departmentForms.size())
                    .append(" 份，在 ").append(folder).append("/\n");
            if (!unitForms.isEmpty()) {
                sb.append("  填报单位（").append(unitForms.size()).append("）：").append(String.join("、", unitForms))
                        .append('\n');
            }
            if (!departmentForms.isEmpty()) {
                sb.append("  牵头单位（").append(departmentForms.size()).append("，填报各单位没有分解目标的指标的全市数）：")
                        .append(String.join("、", departmentForms)).append('\n');
            }
            if (!kept.isEmpty()) {
                sb.append("已存在、未覆盖 ").append(kept.size()).append(" 份（要重新生成请加 --force）：")
                        .append(String.join("、", kept)).append('\n');
            }
            sb.append("把填报表发给各单位；收回后放入 progress/").append(month).append("/。\n");
            return sb.toString();
        }
    }

    public static Result writeForms(Path workspace, String monthSpec, boolean force) {
        Workspace ws = Workspace.open(workspace);
        try (WorkspaceLock lock = WorkspaceLock.acquire(ws)) {
            return writeForms(ws, monthSpec, force);
        }
    }

    private static Result writeForms(Workspace ws, String monthSpec, boolean force) {
        IndicatorModel model = ModelLoader.load(ws);
        YearMonth month = Months.parse(monthSpec, model.year());
        Path dir = ws.formsDir(month);
        AtomicFile.removeTemporaries(dir); // what a killed run left
        List<String> units = new ArrayList<>();
        List<String> departments = new ArrayList<>();
        List<String> kept = new ArrayList<>();
        for (String u : model.units()) {
            write(ws, model, u, ReporterType.UNIT, month, dir, force, units, kept);
        }
        for (String d : model.departments()) {
            write(ws, model, d, ReporterType.DEPARTMENT, month, dir, force, departments, kept);
        }
        return new Result(month, ws.show(dir), units, departments, kept);
    }

    /** The form's file name: {@code 2026-05_归义街道.xlsx}. */
    public static String fileName(YearMonth month, String reporter) {
        return month + "_" + AtomicFile.safeName(reporter) + ".xlsx";
    }

    private static void write(Workspace ws, IndicatorModel model, String reporter, ReporterType type, YearMonth month,
                              Path dir, boolean force, List<String> written, List<String> kept) {
        Path file = dir.resolve(fileName(month, reporter));
        if (!file.normalize().startsWith(dir.normalize())) {
            throw new IllegalStateException("form path escapes its folder: " + file);
        }
        if (Files.exists(file) && !force) {
            kept.add(file.getFileName().toString());
            return;
        }
        AtomicFile.write(file, ws.show(file),
                out -> FormWriter.write(model, reporter, type, month, ws.config().deadline(), out));
        written.add(reporter);
    }
}
