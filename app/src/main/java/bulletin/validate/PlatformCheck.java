package bulletin.validate;

import bulletin.diag.Place;
import bulletin.diag.Problem;
import bulletin.diag.Problems;
import bulletin.diag.Severity;
import bulletin.ingest.PlatformReader;
import bulletin.model.Indicator;
import bulletin.model.IndicatorModel;
import bulletin.model.Platform;
import bulletin.model.Source;
import bulletin.text.Text;
import bulletin.workspace.InputFiles;
import bulletin.workspace.Workspace;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The month's platform counts ({@code platform/YYYY-MM.xlsx}, 附件3) judged by the one rule set of {@code validate}
 * and {@code generate}: what {@link PlatformReader} finds in the cells, then the rows against the tables' units
 * (each unit once; a name that is no unit is reported and kept after the units, unless it is a department or a
 * 本级 the tables know).
 *
 * @param file     the workbook, as the user sees it
 * @param problems what is wrong with it
 * @param platform the counts, or null where the file could not be read as the table
 */
public record PlatformCheck(String file, List<Problem> problems, Platform platform) {

    /** The month's platform workbook checked, or null where the workspace has none for the month. */
    public static PlatformCheck run(Workspace ws, IndicatorModel model, YearMonth month) {
        Optional<Path> file = find(ws, month);
        return file.map(f -> check(f, ws.show(f), model, month)).orElse(null);
    }

    /**
     * {@code platform/YYYY-MM.xlsx}; where it is not there, a workbook of the same name in another form
     * ({@code 2026-05.xls}), so that the reader can say why it cannot be read.
     */
    static Optional<Path> find(Workspace ws, YearMonth month) {
        Path xlsx = ws.platformFile(month);
        if (Files.exists(xlsx, LinkOption.NOFOLLOW_LINKS)) {
            return Optional.of(xlsx); // whatever it is: the reader names a folder or a broken link it refuses
        }
        Path dir = xlsx.getParent();
        if (!Files.isDirectory(dir)) {
            return Optional.empty();
        }
        try {
            return InputFiles.list(dir).workbooks().stream()
                    .filter(p -> p.getFileName().toString().startsWith(month + ".")).findFirst();
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    /** Checks one platform workbook of {@code month}. */
    public static PlatformCheck check(Path path, String shown, IndicatorModel model, YearMonth month) {
        Problems problems = new Problems();
        Optional<PlatformReader.Table> table = PlatformReader.read(path, shown, month, problems);
        Platform platform = table.map(t -> match(t, shown, model, problems)).orElse(null);
        return new PlatformCheck(shown, problems.all(), platform);
    }

    public boolean hasErrors() {
        return problems.stream().anyMatch(p -> p.severity() == Severity.ERROR);
    }

    /** The counts to publish: none where an error (or, with {@code strict}, a warning) was found. */
    public Platform usable(boolean strict) {
        boolean wrong = problems.stream().anyMatch(p -> p.severity() == Severity.ERROR
                || (strict && p.severity() == Severity.WARNING));
        return wrong ? null : platform;
    }

    /** The rows matched to the tables' units, units first in the tables' order; every unit must be there once. */
    private static Platform match(PlatformReader.Table t, String shown, IndicatorModel model, Problems problems) {
        Map<String, String> unitByKey = new LinkedHashMap<>();
        model.units().forEach(u -> unitByKey.put(Text.unitKey(u), u));
        Set<String> known = knownOthers(model);
        Map<String, PlatformReader.Row> units = new LinkedHashMap<>();
        List<PlatformReader.Row> others = new ArrayList<>();
        for (PlatformReader.Row r : t.rows()) {
            String key = Text.unitKey(r.name());
            String unit = unitByKey.get(key);
            if (unit != null) {
                PlatformReader.Row first = units.putIfAbsent(unit, r);
                if (first != null) {
                    problems.add(Problem.error("platform-duplicate-unit", r.place(), unit + "在表中出现了两次（另一行在 "
                            + first.place().cell() + "）：每个单位只能有一行").with(r.name(), "每个单位一行"));
                }
                continue;
            }
            if (others.stream().anyMatch(o -> Text.unitKey(o.name()).equals(key))) {
                problems.add(Problem.error("platform-duplicate-unit", r.place(), "“" + r.name() + "”在表中出现了两次")
                        .with(r.name(), "每个单位一行"));
                continue;
            }
            if (!known.contains(key) && !key.endsWith("本级")) {
                problems.add(Problem.warning("platform-unknown-unit", r.place(), "“" + Text.visible(r.name())
                        + "”不是指标表中的填报单位，也不是牵头或责任单位：附件3中列在各单位之后，不参与排名；如果是填报单位，"
                        + "请改为指标表中的名称").with(r.name(), String.join("、", model.units())));
            }
            others.add(r);
        }
        List<String> missing = model.units().stream().filter(u -> !units.containsKey(u)).toList();
        if (!missing.isEmpty()) {
            problems.add(new Problem(Severity.ERROR, "platform-missing-unit", shown, t.place().sheet(), null,
                    "表中没有以下单位：" + String.join("、", missing) + "（每个填报单位应有一行，没有上传数据的各模块填 0）",
                    null, String.join("、", missing)));
        }
        return platform(t, shown, model, units, others);
    }

    /** The departments and other units the tables name (牵头单位, 相关责任单位), by {@link Text#unitKey}. */
    private static Set<String> knownOthers(IndicatorModel model) {
        Set<String> out = new LinkedHashSet<>();
        model.departments().forEach(d -> out.add(Text.unitKey(d)));
        for (Indicator i : model.indicators()) {
            if (i.responsibility().leadUnit() != null) {
                out.add(Text.unitKey(i.responsibility().leadUnit()));
            }
            i.responsibility().relatedUnits().forEach(u -> out.add(Text.unitKey(u)));
        }
        return out;
    }

    private static Platform platform(PlatformReader.Table t, String shown, IndicatorModel model,
                                     Map<String, PlatformReader.Row> units, List<PlatformReader.Row> others) {
        List<Platform.Module> modules = new ArrayList<>();
        for (int k = 0; k < t.modules().size(); k++) {
            modules.add(new Platform.Module(t.modules().get(k), t.groups() == null ? null : t.groups().get(k)));
        }
        List<Platform.Row> rows = new ArrayList<>();
        for (String u : model.units()) {
            if (units.containsKey(u)) {
                rows.add(row(u, true, units.get(u), t.modules()));
            }
        }
        others.forEach(r -> rows.add(row(r.name(), false, r, t.modules())));
        Map<String, Long> totals = new LinkedHashMap<>();
        t.modules().forEach(m -> totals.put(m, rows.stream().mapToLong(r -> r.counts().get(m)).sum()));
        long total = totals.values().stream().mapToLong(Long::longValue).sum();
        return new Platform(shown, t.title(), modules, rows, totals, total);
    }

    /** A row as published; a count that could not be read counts 0 (the file has an error then, and is not used). */
    private static Platform.Row row(String name, boolean unit, PlatformReader.Row r, List<String> modules) {
        Map<String, Long> counts = new LinkedHashMap<>();
        for (int k = 0; k < modules.size(); k++) {
            Long v = r.counts().get(k).value();
            counts.merge(modules.get(k), v == null ? 0L : v, Long::sum);
        }
        Place p = r.place();
        return new Platform.Row(name, unit, counts, counts.values().stream().mapToLong(Long::longValue).sum(),
                new Source(p.file(), p.sheet(), p.cell()));
    }
}
