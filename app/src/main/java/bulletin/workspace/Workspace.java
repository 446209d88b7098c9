package bulletin.workspace;

import bulletin.diag.BulletinException;
import bulletin.diag.ExitCode;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.YearMonth;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * A workspace folder: {@code bulletin.yaml} (optional), {@code targets/}, {@code forms/YYYY-MM/},
 * {@code progress/YYYY-MM/}, {@code notes/YYYY-MM.md}, {@code platform/YYYY-MM.xlsx}, {@code out/YYYY-MM/}.
 */
public final class Workspace {

    public static final String CONFIG_FILE = "bulletin.yaml";

    /** A month's snapshot, in its out/ folder: every figure the month's bulletin was made from. */
    public static final String SNAPSHOT_FILE = "bulletin.json";

    private final Path root;
    private final WorkspaceConfig config;

    private Workspace(Path root, WorkspaceConfig config) {
        this.root = root;
        this.config = config;
    }

    /** Opens the workspace at {@code root}; a missing folder or a bad bulletin.yaml is a usage error. */
    public static Workspace open(Path root) {
        Path abs = root.toAbsolutePath().normalize();
        if (!Files.isDirectory(abs)) {
            throw BulletinException.usage("工作目录不存在：" + root + "（用 -w 指定工作目录）");
        }
        return new Workspace(abs, readConfig(abs.resolve(CONFIG_FILE)));
    }

    static WorkspaceConfig readConfig(Path file) {
        if (!Files.exists(file)) {
            return WorkspaceConfig.EMPTY;
        }
        ObjectMapper yaml = new ObjectMapper(new YAMLFactory())
                .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
        try {
            String text = Files.readString(file);
            if (text.lines().allMatch(l -> l.isBlank() || l.strip().startsWith("#"))) {
                return WorkspaceConfig.EMPTY; // blank, or comments only (as bulletin init writes it)
            }
            WorkspaceConfig c = yaml.readValue(text, WorkspaceConfig.class);
            if (c == null) {
                return WorkspaceConfig.EMPTY;
            }
            checkAppendix(file, c.appendix());
            return c;
        } catch (UnrecognizedPropertyException e) {
            String known = e.getKnownPropertyIds() == null ? ""
                    : e.getKnownPropertyIds().stream().map(Object::toString).sorted()
                            .collect(Collectors.joining("、"));
            throw new BulletinException(ExitCode.USAGE, CONFIG_FILE + lineOf(file, e.getPropertyName(), e.getLocation())
                    + ": 错误: 未知的设置项“"
                    + e.getPropertyName() + "”" + (known.isEmpty() ? "" : "（可用的设置项：" + known + "）"));
        } catch (JsonProcessingException e) {
            throw new BulletinException(ExitCode.USAGE, CONFIG_FILE + where(e.getLocation()) + ": 错误: 格式不正确（"
                    + e.getOriginalMessage() + "）");
        } catch (IOException e) {
            throw new BulletinException(ExitCode.USAGE, CONFIG_FILE + ": 错误: 无法读取（" + e.getMessage() + "）");
        }
    }

    private static final Pattern RGB = Pattern.compile("[0-9A-Fa-f]{6}|none");

    /** The appendix look is checked here, where the settings are read, so every command refuses it alike. */
    private static void checkAppendix(Path file, WorkspaceConfig.Appendix a) {
        if (a.paper() != null && !a.paper().trim().equalsIgnoreCase("A4") && !a.a3()) {
            throw BulletinException.usage(CONFIG_FILE + lineOf(file, "paper", null) + ": 错误: appendix.paper 只能是 A4 或 A3，"
                    + "而不是“" + a.paper() + "”");
        }
        for (String key : List.of("behind", "red")) {
            String c = key.equals("behind") ? a.behindOrDefault() : a.redOrDefault();
            if (!RGB.matcher(c).matches()) {
                throw BulletinException.usage(CONFIG_FILE + lineOf(file, key, null) + ": 错误: appendix." + key
                        + " 的颜色应写成 6 位十六进制（如 FFFF00）或 none，而不是“" + c + "”");
            }
        }
    }

    /** The line a key stands on: YAML parsers report the position after the key's value. */
    private static String lineOf(Path file, String key, JsonLocation loc) {
        try {
            List<String> lines = Files.readAllLines(file);
            Pattern p = Pattern.compile("^\\s*[\"']?" + Pattern.quote(key) + "[\"']?\\s*:");
            for (int i = 0; i < lines.size(); i++) {
                if (p.matcher(lines.get(i)).find()) {
                    return ":" + (i + 1);
                }
            }
        } catch (IOException ignored) {
            // fall back to the parser's position
        }
        return where(loc);
    }

    private static String where(JsonLocation loc) {
        return loc == null || loc.getLineNr() < 1 ? "" : ":" + loc.getLineNr();
    }

    public Path root() {
        return root;
    }

    public WorkspaceConfig config() {
        return config;
    }

    public Path targetsDir() {
        return root.resolve("targets");
    }

    /** The workspace's own templates, which override the built-in ones. */
    public Path templatesDir() {
        return root.resolve("templates");
    }

    public Path formsDir(YearMonth month) {
        return root.resolve("forms").resolve(month.toString());
    }

    public Path progressDir(YearMonth month) {
        return root.resolve("progress").resolve(month.toString());
    }

    /** The provincial platform's upload counts, one workbook a month: {@code platform/2026-05.xlsx} (optional). */
    public Path platformFile(YearMonth month) {
        return root.resolve("platform").resolve(month + ".xlsx");
    }

    public Path notesFile(YearMonth month) {
        return root.resolve("notes").resolve(month + ".md");
    }

    public Path outDir(YearMonth month) {
        return root.resolve("out").resolve(month.toString());
    }

    /** The month's {@code bulletin.json}, whether or not it exists. */
    public Path snapshotFile(YearMonth month) {
        return outDir(month).resolve(SNAPSHOT_FILE);
    }

    /** A path as users see it in messages: relative to the workspace, with forward slashes. */
    public String show(Path p) {
        Path abs = p.toAbsolutePath().normalize();
        String s = abs.startsWith(root) ? root.relativize(abs).toString() : abs.toString();
        return s.replace('\\', '/');
    }
}
