package bulletin.service;

import bulletin.model.MonthReports;
import bulletin.diag.BulletinException;
import bulletin.diag.ExitCode;
import bulletin.diag.Place;
import bulletin.diag.Problem;
import bulletin.diag.Severity;
import bulletin.ingest.ModelLoader;
import bulletin.ingest.ProgressReader;
import bulletin.ingest.Workbooks;
import bulletin.workspace.Workspace;
import bulletin.model.IndicatorModel;
import bulletin.model.MonthlyReport;
import bulletin.validate.TargetChecks;
import bulletin.validate.ValidationResult;
import bulletin.validate.Validator;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

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
        Map<String, MonthlyReport> previous = month == null ? Map.of() : previousReports(ws, model, month);
        for (Path f : files) {
            Path abs = f.isAbsolute() ? f : Path.of("").toAbsolutePath().resolve(f);
            if (!Files.isRegularFile(abs)) {
                throw BulletinException.usage("文件不存在：" + f);
            }
            results.add(check(abs, f.toString().replace('\\', '/'), model, month, previous));
        }
        if (month != null && files.isEmpty()) {
            Path dir = ws.progressDir(month);
            List<Path> inDir = list(ws, dir);
            Map<String, String> reporters = new LinkedHashMap<>();
            // Workbooks are independent: checked on every core, reported in file order.
            List<Validator.Checked> checked = inDir.parallelStream()
                    .map(p -> Validator.workbook(p, ws.show(p), model, month, previous::get)).toList();
            for (Validator.Checked c : checked) {
                results.add(new ValidationResult.FileResult(c.file(), c.problems()));
                if (c.reporter() != null) {
                    String first = reporters.putIfAbsent(c.reporter(), c.file());
                    if (first != null) {
                        general.add(new Problem(Severity.ERROR, "unique-error", c.file(), null, null,
                                "与 " + first + " 是同一单位（" + c.reporter() + "）的报表：一个单位只能有一份", c.reporter(),
                                "每个单位一份"));
                    }
                }
            }
            List<String> missing = model.units().stream().filter(u -> !reporters.containsKey(u)).toList();
            if (!missing.isEmpty()) {
                general.add(new Problem(Severity.WARNING, "missing-unit", ws.show(dir) + "/", null, null,
                        month.getMonthValue() + "月还没有收到 " + missing.size() + " 个单位的报表：" + String.join("、", missing),
                        null, String.join("、", missing)));
            }
            List<String> missingDepts = model.departments().stream().filter(u -> !reporters.containsKey(u)).toList();
            if (!missingDepts.isEmpty()) {
                general.add(new Problem(Severity.WARNING, "missing-unit", ws.show(dir) + "/", null, null,
                        "还没有收到牵头单位的报表：" + String.join("、", missingDepts), null, String.join("、", missingDepts)));
            }
        }
        return new ValidationResult(month, results, general, strict);
    }

    private static ValidationResult.FileResult check(Path file, String shown, IndicatorModel model, YearMonth month,
                                    Map<String, MonthlyReport> previous) {
        Validator.Checked c = Validator.workbook(file, shown, model, month, previous::get);
        return new ValidationResult.FileResult(shown, c.problems());
    }

    private static List<Path> list(Workspace ws, Path dir) {
        if (!Files.isDirectory(dir)) {
            throw BulletinException.usage("文件夹不存在：" + ws.show(dir) + "/（收回的报表应放在这里）");
        }
        try (Stream<Path> s = Files.list(dir)) {
            return s.filter(Files::isRegularFile).filter(Workbooks::looksLikeWorkbook).sorted().toList();
        } catch (IOException e) {
            throw BulletinException.usage(ws.show(dir) + ": 错误: 无法读取文件夹（" + e.getMessage() + "）");
        }
    }

    /** Last month's reports by reporter, for the cumulative-decrease check; empty where there are none. */
    private static Map<String, MonthlyReport> previousReports(Workspace ws, IndicatorModel model, YearMonth month) {
        Map<String, MonthlyReport> out = new LinkedHashMap<>();
        if (month.getMonthValue() == 1) {
            return out;
        }
        MonthReports r = ProgressReader.read(ws, model, month.minusMonths(1));
        r.reports().forEach(rep -> out.putIfAbsent(rep.reporter(), rep));
        return out;
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
