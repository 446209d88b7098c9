package bulletin.service;

import bulletin.forms.FormWriter.ReporterType;
import bulletin.forms.FormWriter;
import bulletin.ingest.ModelLoader;
import bulletin.model.IndicatorModel;
import bulletin.model.MonthlyReport;
import bulletin.model.ReportEntry;
import java.math.BigDecimal;
import bulletin.text.Text;
import bulletin.workspace.AtomicFile;
import bulletin.workspace.Workspace;
import bulletin.workspace.WorkspaceLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.YearMonth;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/** {@code bulletin template}: one blank monthly form per reporting unit, and per lead department. */
public final class TemplateService {

    private TemplateService() {
    }

    /** What was written and what was kept. Paths are as users see them, relative to the workspace. */
    public record Result(YearMonth month, String folder, List<String> unitForms, List<String> departmentForms,
                         List<String> kept, List<String> renamed, String lastFrom) {

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
            if (lastFrom != null) {
                sb.append("  “上月累计”一列：").append(lastFrom).append('\n');
            }
            for (String r : renamed) {
                sb.append("注意：").append(r).append('\n');
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
        bulletin.diag.Timing.mark("start");
        IndicatorModel model = ModelLoader.load(ws);
        bulletin.diag.Timing.mark("tables read");
        YearMonth month = Months.parse(monthSpec, model.year());
        Path dir = ws.formsDir(month);
        AtomicFile.removeTemporaries(dir); // what a killed run left
        List<String> units = new ArrayList<>();
        List<String> departments = new ArrayList<>();
        List<String> kept = new ArrayList<>();
        List<String> reporters = new ArrayList<>(model.reporters());
        reporters.addAll(model.departments());
        List<String> renamed = new ArrayList<>();
        Map<String, String> names = fileNames(month, reporters, renamed);
        Map<String, MonthlyReport> before = new WorkspaceHistory(ws, model).lastMonth(month);
        bulletin.diag.Timing.mark("last month");
        // The forms are written on every core (one workbook each); the lists keep the reporters' order.
        int unitCount = model.reporters().size();
        Boolean[] wrote = new Boolean[reporters.size()];
        java.util.stream.IntStream.range(0, reporters.size()).parallel().forEach(k -> {
            String r = reporters.get(k);
            wrote[k] = write(ws, model, r, k < unitCount ? ReporterType.UNIT : ReporterType.DEPARTMENT, month,
                    dir.resolve(names.get(r)), force, lastFigures(model, before.get(r)));
        });
        bulletin.diag.Timing.mark(reporters.size() + " forms written");
        for (int k = 0; k < reporters.size(); k++) {
            String r = reporters.get(k);
            if (!wrote[k]) {
                kept.add(dir.resolve(names.get(r)).getFileName().toString());
            } else {
                (k < unitCount ? units : departments).add(r);
            }
        }
        return new Result(month, ws.show(dir), units, departments, kept, renamed, lastFrom(ws, month, before));
    }

    /** Names longer than this (in characters) are shortened, with a stable suffix. */
    static final int MAX_NAME = 60;
    /** Nor more than this in UTF-8 bytes: most file systems allow 255 for a whole name, temporary suffix included. */
    static final int MAX_NAME_BYTES = 150;

    /**
     * The form's file name for one reporter: {@code 2026-05_归义街道.xlsx}. Where several reporters are written
     * together, {@link #fileNames} makes the names distinct.
     */
    public static String fileName(YearMonth month, String reporter) {
        return month + "_" + namePart(reporter) + ".xlsx";
    }

    /**
     * One file name per reporter, one-to-one: two names that make the same file name ("甲/乙镇" and "甲_乙镇", or
     * two that differ only in letter case, as Windows and macOS compare names) are told apart by a short hash of
     * the reporter's name, "2026-05_甲_乙镇-3f1c9a2b.xlsx", kept by a name that needed no change; each such case is
     * added to {@code renamed} for the terminal. Returned forms are recognised by their hidden sheet, never by
     * their file name.
     */
    static Map<String, String> fileNames(YearMonth month, List<String> reporters, List<String> renamed) {
        Map<String, List<String>> byKey = new LinkedHashMap<>();
        for (String r : reporters) {
            byKey.computeIfAbsent(key(fileName(month, r)), k -> new ArrayList<>()).add(r);
        }
        Map<String, String> names = new LinkedHashMap<>();
        Set<String> taken = new HashSet<>();
        for (List<String> same : byKey.values()) {
            // Kept by a name that needed no change (the first in sort order where letter case alone differs), so
            // that the names do not depend on the order of the units.
            String keeper = same.stream().filter(r -> namePart(r).equals(r)).sorted().findFirst().orElse(null);
            for (String r : same) {
                String name = same.size() == 1 || r.equals(keeper) ? fileName(month, r)
                        : month + "_" + namePart(r) + "-" + hash(r) + ".xlsx";
                for (int n = 2; !taken.add(key(name)); n++) {
                    name = month + "_" + namePart(r) + "-" + hash(r) + "-" + n + ".xlsx";
                }
                names.put(r, name);
            }
            if (same.size() > 1) {
                renamed.add(String.join("、", same.stream().map(r -> "“" + Text.oneLine(r) + "”").toList())
                        + " 作文件名时相同，已分别命名为 " + String.join("、", same.stream().map(names::get).toList()));
            }
        }
        return names;
    }

    /** File names as Windows and macOS compare them: letter case and Unicode composition aside. */
    private static String key(String fileName) {
        return Normalizer.normalize(fileName, Normalizer.Form.NFC).toLowerCase(Locale.ROOT);
    }

    /**
     * A reporter's name as part of a file name: without control, format and bidi characters (an RTL override
     * would show the name reversed), with the characters Windows forbids as "_", no leading dot or trailing dot
     * or space, and a name over {@link #MAX_NAME} characters (or {@link #MAX_NAME_BYTES} bytes) cut, with a short
     * hash of the whole name so that two long names stay apart.
     */
    static String namePart(String reporter) {
        String t = Text.stripInvisible(reporter).strip().replaceAll("[\\\\/:*?\"<>|\\p{Cntrl}\\p{Zl}\\p{Zp}]", "_");
        t = t.replaceAll("^\\.+", "_").replaceAll("[. ]+$", "");
        if (t.isEmpty()) {
            t = "_";
        }
        if (t.codePointCount(0, t.length()) <= MAX_NAME && t.getBytes(StandardCharsets.UTF_8).length <= MAX_NAME_BYTES) {
            return t;
        }
        StringBuilder cut = new StringBuilder();
        int bytes = 0;
        for (int i = 0, n = 0; i < t.length() && n < MAX_NAME - 9; n++) { // room for "…" and the hash
            int cp = t.codePointAt(i);
            int b = new String(Character.toChars(cp)).getBytes(StandardCharsets.UTF_8).length;
            if (bytes + b > MAX_NAME_BYTES - 11) {
                break;
            }
            cut.appendCodePoint(cp);
            bytes += b;
            i += Character.charCount(cp);
        }
        return cut.toString().strip() + "…" + hash(reporter);
    }

    /** Eight hexadecimal digits of the name's SHA-256: the same name always gives the same suffix. */
    private static String hash(String name) {
        try {
            byte[] d = MessageDigest.getInstance("SHA-256").digest(name.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(d, 0, 4);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Where the forms' 上月累计 came from, for the terminal: last month's bulletin, its workbooks, or nothing. */
    private static String lastFrom(Workspace ws, YearMonth month, Map<String, MonthlyReport> before) {
        if (month.getMonthValue() == 1) {
            return "1月没有上月数字，为空";
        }
        YearMonth pm = month.minusMonths(1);
        if (before.isEmpty()) {
            return "没有 " + pm.getMonthValue() + "月的专报或报表，为空";
        }
        String file = before.values().iterator().next().file();
        return file.contains("bulletin.json") ? "取自 " + pm.getMonthValue() + "月专报（" + ws.show(ws.snapshotFile(pm)) + "）"
                : "还没有 " + pm.getMonthValue() + "月专报，取自 " + ws.show(ws.progressDir(pm)) + "/ 中各单位的报表";
    }

    /**
     * A reporter's figures of last month, by indicator code, as {@code validate} compares with them: what last
     * month's bulletin published ({@code bulletin.json}, carried figures included), else last month's workbook;
     * the 形象进度 for a percent kind, the cumulative figure otherwise. Empty in January or with neither.
     */
    static Map<String, BigDecimal> lastFigures(IndicatorModel model, MonthlyReport before) {
        Map<String, BigDecimal> out = new LinkedHashMap<>();
        if (before == null) {
            return out;
        }
        for (ReportEntry e : before.entries().values()) {
            model.indicator(e.code()).ifPresent(i -> {
                BigDecimal v = i.kind().reportsPercent() ? e.percent() : e.done();
                if (v != null) {
                    out.put(e.code(), v);
                }
            });
        }
        return out;
    }

    /** Writes one form; false where it exists and is kept (no {@code force}). */
    private static boolean write(Workspace ws, IndicatorModel model, String reporter, ReporterType type,
                                 YearMonth month, Path file, boolean force, Map<String, BigDecimal> last) {
        Path dir = file.getParent();
        if (!file.normalize().startsWith(dir.normalize()) || !file.normalize().getParent().equals(dir.normalize())) {
            throw new IllegalStateException("form path escapes its folder: " + file);
        }
        if (Files.exists(file) && !force) {
            return false;
        }
        AtomicFile.write(file, ws.show(file),
                out -> FormWriter.write(model, reporter, type, month, ws.config().deadline(), last, out));
        return true;
    }
}
