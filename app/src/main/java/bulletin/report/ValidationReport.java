package bulletin.report;

import bulletin.diag.Problem;
import bulletin.diag.Severity;
import bulletin.text.Text;
import bulletin.validate.ValidationResult;
import com.fasterxml.jackson.core.JsonProcessingException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** {@code bulletin validate}'s report: readable, grouped by file, errors first; or JSON with the same content. */
public final class ValidationReport {

    private ValidationReport() {
    }

    private static List<Problem> ordered(List<Problem> ps) {
        List<Problem> out = new ArrayList<>(ps);
        out.sort(Comparator.comparingInt(p -> p.severity().ordinal()));
        return out;
    }

    public static String text(ValidationResult r) {
        StringBuilder sb = new StringBuilder();
        int ok = 0;
        for (ValidationResult.FileResult f : r.files()) {
            if (f.problems().isEmpty()) {
                sb.append("✓ 合格  ").append(Text.oneLine(f.file())).append('\n');
                ok++;
                continue;
            }
            sb.append(Text.oneLine(f.file())).append('\n');
            for (Problem p : ordered(f.problems())) {
                sb.append("  ").append(line(p)).append('\n');
            }
            boolean valid = f.valid(r.strict());
            if (valid) {
                ok++;
            }
            sb.append("  ").append(valid ? "✓ 合格" : "✗ 不合格");
            if (f.errors() + f.warnings() > 0) {
                sb.append("：").append(f.errors()).append(" 个错误，").append(f.warnings()).append(" 个警告");
            }
            sb.append('\n');
        }
        if (!r.general().isEmpty()) {
            sb.append(r.month() == null ? "整体" : r.month().getMonthValue() + "月整体").append('\n');
            for (Problem p : ordered(r.general())) {
                sb.append("  ").append(line(p)).append(p.file() == null ? "" : "（" + Text.oneLine(p.file()) + "）").append('\n');
            }
        }
        sb.append("共检查 ").append(r.files().size()).append(" 个文件：").append(ok).append(" 个合格，")
                .append(r.files().size() - ok).append(" 个不合格")
                .append(r.strict() ? "（--strict：警告也算不合格）" : "").append("。")
                .append(r.valid() ? "结论：可以使用。" : "结论：请先改正上面的错误。").append('\n');
        return sb.toString();
    }

    /**
     * Only the files with problems and the month's general findings, as {@code generate} prints them when it
     * refuses a month: the same lines as {@link #text}, without the list of good files or the verdict.
     */
    public static String problemsOnly(ValidationResult r) {
        StringBuilder sb = new StringBuilder();
        for (ValidationResult.FileResult f : r.files()) {
            if (f.problems().isEmpty()) {
                continue;
            }
            sb.append(Text.oneLine(f.file())).append('\n');
            for (Problem p : ordered(f.problems())) {
                sb.append("  ").append(line(p)).append('\n');
            }
        }
        if (!r.general().isEmpty()) {
            sb.append(r.month() == null ? "整体" : r.month().getMonthValue() + "月整体").append('\n');
            for (Problem p : ordered(r.general())) {
                sb.append("  ").append(line(p)).append(p.file() == null ? "" : "（" + Text.oneLine(p.file()) + "）").append('\n');
            }
        }
        return sb.toString();
    }

    private static String line(Problem p) {
        StringBuilder sb = new StringBuilder();
        sb.append(p.severity().label()).append(' ').append(p.code());
        String where = p.sheet() == null ? "" : p.sheet() + (p.cell() == null ? "" : "!" + p.cell());
        if (!where.isEmpty()) {
            sb.append(' ').append(where);
        }
        if (p.indicator() != null) {
            sb.append(" [").append(p.indicator()).append(p.indicatorName() == null ? "" : " " + shortName(p.indicatorName()))
                    .append(']');
        }
        sb.append("：").append(p.message());
        if (p.found() != null && !p.message().contains(p.found())) {
            sb.append("（填的是“").append(p.found()).append("”");
            if (p.expected() != null && !p.message().contains(p.expected())) {
                sb.append("，应为").append(p.expected());
            }
            sb.append("）");
        }
        // A file name or a cell's text with a line break or a bidi override cannot forge or reorder a line.
        return Text.oneLine(sb.toString());
    }

    /** An indicator's name as a reader scans it: its first 16 characters. */
    static String shortName(String name) {
        return name.length() <= 16 ? name : name.substring(0, 15) + "…";
    }

    public static String json(ValidationResult r) {
        Map<String, Object> root = new LinkedHashMap<>();
        root.put("valid", r.valid());
        root.put("strict", r.strict());
        root.put("month", r.month() == null ? null : r.month().toString());
        List<Object> files = new ArrayList<>();
        for (ValidationResult.FileResult f : r.files()) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("file", f.file());
            m.put("valid", f.valid(r.strict()));
            m.put("errors", f.errors());
            m.put("warnings", f.warnings());
            m.put("problems", problems(f.problems()));
            files.add(m);
        }
        root.put("files", files);
        root.put("general", problems(r.general()));
        try {
            return ModelJson.mapper().writeValueAsString(root) + "\n";
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static List<Object> problems(List<Problem> ps) {
        List<Object> out = new ArrayList<>();
        for (Problem p : ordered(ps)) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("severity", p.severity() == Severity.ERROR ? "error" : p.severity().name().toLowerCase(Locale.ROOT));
            m.put("code", p.code());
            m.put("file", p.file());
            m.put("sheet", p.sheet());
            m.put("cell", p.cell());
            m.put("found", p.found());
            // A month's missing units are a list, not a sentence.
            m.put("expected", p.code().equals("missing-unit") && p.expected() != null
                    ? List.of(p.expected().split("、")) : p.expected());
            m.put("indicatorCode", p.indicator());
            m.put("indicator", p.indicatorName());
            m.put("message", p.message());
            out.add(m);
        }
        return out;
    }
}
