package bulletin.service;

import bulletin.diag.BulletinException;
import bulletin.diag.ExitCode;
import bulletin.diag.Place;
import bulletin.diag.Problem;
import bulletin.ingest.ModelLoader;
import bulletin.model.IndicatorModel;
import bulletin.model.MonthlyReport;
import bulletin.validate.MonthCheck;
import bulletin.validate.PlatformCheck;
import bulletin.validate.TargetChecks;
import bulletin.validate.ValidationResult;
import bulletin.validate.Validator;
import bulletin.workspace.Workspace;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** {@code bulletin validate}: checks workbooks (and the month's completeness, and the tables) and reports all. */
public final class ValidateService {

    private ValidateService() {
    }

    public static ValidationResult validate(Path workspace, String monthSpec, boolean targets, List<Path> files,
                                  boolean strict) {
        if (monthSpec == null && !targets && files.isEmpty()) {
            throw BulletinException.usage("请指定要检查的内容：文件名、--month 月份，或 --targets");
        }
        Workspace ws = Workspace.open(workspace);
        List<ValidationResult.FileResult> results = new ArrayList<>();
        List<Problem> general = new ArrayList<>();
        IndicatorModel model;
        try {
            model = ModelLoader.load(ws);
        } catch (BulletinException e) {
            if (targets && e.exitCode() == ExitCode.INVALID_INPUT) {
                results.addAll(byFile(e.problems()));
                return new ValidationResult(null, results, general, strict);
            }
            throw e;
        }
        if (targets) {
            List<Problem> found = TargetChecks.check(model);
            List<ValidationResult.FileResult> byFile = byFile(found);
            if (byFile.isEmpty()) {
                byFile = List.of(new ValidationResult.FileResult(ws.show(ws.targetsDir()) + "/", List.of()));
            }
            results.addAll(byFile);
        }
        YearMonth month = monthSpec == null ? null : Months.parse(monthSpec, model.year());
        if (month != null && files.isEmpty()) {
            if (!Files.isDirectory(ws.progressDir(month))) {
                throw BulletinException.usage("文件夹不存在：" + ws.show(ws.progressDir(month)) + "/（收回的报表应放在这里）");
            }
            MonthCheck check = new WorkspaceHistory(ws, model).check(month, true);
            ValidationResult verdict = check.verdict(strict);
            results.addAll(verdict.files());
            return new ValidationResult(month, results, verdict.general(), strict);
        }
        // Files named on their own: each is compared with last month's figures of its reporter, as generate would
        // (last month being the one before --month, or before the form's own month).
        WorkspaceHistory history = new WorkspaceHistory(ws, model);
        Map<YearMonth, Map<String, MonthlyReport>> previous = new LinkedHashMap<>();
        java.util.function.BiFunction<YearMonth, String, MonthlyReport> before = (m, who) -> previous
                .computeIfAbsent(m, history::lastMonth).get(who);
        Map<String, String> fileUnits = new LinkedHashMap<>();
        List<Validator.Checked> checked = new ArrayList<>();
        for (Path f : files) {
            Path abs = f.isAbsolute() ? f : Path.of("").toAbsolutePath().resolve(f);
            if (!Files.isRegularFile(abs)) {
                throw BulletinException.usage("文件不存在：" + f);
            }
            YearMonth platformMonth = platformMonth(abs);
            if (platformMonth != null) { // platform/YYYY-MM.xlsx: the month's platform counts
                PlatformCheck pc = PlatformCheck.check(abs, f.toString().replace('\\', '/'), model, platformMonth);
                results.add(new ValidationResult.FileResult(pc.file(), pc.problems()));
                continue;
            }
            // A file in progress/YYYY-MM/ belongs to that month, as generate would take it.
            YearMonth of = month != null ? month : folderMonth(abs);
            Validator.Checked c = Validator.workbook(abs, f.toString().replace('\\', '/'), model, of, before);
            YearMonth its = of != null ? of : c.form() == null ? null : formMonth(c);
            Map<String, MonthlyReport> last = its == null ? Map.of()
                    : previous.computeIfAbsent(its, history::lastMonth);
            c = MonthCheck.judge(List.of(c), model, last, List.of(abs), fileUnits).get(0);
            checked.add(c);
            results.add(new ValidationResult.FileResult(c.file(), c.problems()));
        }
        general.addAll(MonthCheck.duplicates(checked, fileUnits));
        return new ValidationResult(month, results, general, strict);
    }

    /**
     * Last month's figures by reporter as {@code validate --month M} compares a workbook of month M with (last
     * month's bulletin, or last month computed again through the gate); for tests that judge workbooks in-process.
     */
    public static Map<String, MonthlyReport> lastMonth(Path workspace, IndicatorModel model, YearMonth month) {
        return new WorkspaceHistory(Workspace.open(workspace), model).lastMonth(month);
    }

    /** The month in a form's hidden sheet, or null. */
    private static YearMonth formMonth(Validator.Checked c) {
        String m = c.form().meta().get(bulletin.model.FormContract.KEY_MONTH);
        try {
            return m == null ? null : YearMonth.parse(m);
        } catch (java.time.format.DateTimeParseException e) {
            return null;
        }
    }

    /** The month of a progress/YYYY-MM/ folder a file is in, or null. */
    private static YearMonth folderMonth(Path file) {
        Path dir = file.getParent();
        String name = dir == null ? "" : dir.getFileName().toString();
        try {
            return name.matches("\\d{4}-\\d{2}") ? YearMonth.parse(name) : null;
        } catch (java.time.format.DateTimeParseException e) {
            return null;
        }
    }

    /** The month of a platform workbook, {@code platform/2026-05.xlsx}, or null for any other file. */
    private static YearMonth platformMonth(Path file) {
        Path dir = file.getParent();
        String name = file.getFileName().toString();
        if (dir == null || !dir.getFileName().toString().equals("platform") || !name.matches("\\d{4}-\\d{2}\\.xlsx")) {
            return null;
        }
        try {
            return YearMonth.parse(name.substring(0, 7));
        } catch (java.time.format.DateTimeParseException e) {
            return null;
        }
    }

    /** Problems grouped by the file they name, in order of first appearance. */
    static List<ValidationResult.FileResult> byFile(List<Problem> problems) {
        Map<String, List<Problem>> m = new LinkedHashMap<>();
        for (Problem p : problems) {
            String f = p.file() == null ? Place.NOWHERE.format() : p.file();
            m.computeIfAbsent(f, k -> new ArrayList<>()).add(p);
        }
        List<ValidationResult.FileResult> out = new ArrayList<>();
        m.forEach((f, ps) -> out.add(new ValidationResult.FileResult(f, ps)));
        return out;
    }
}
