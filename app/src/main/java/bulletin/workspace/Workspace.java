package bulletin.workspace;

import bulletin.diag.BulletinException;
import bulletin.diag.ExitCode;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.CharacterCodingException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.time.YearMonth;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.Locale;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

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
    private final ConfigLines configLines;

    private Workspace(Path root, WorkspaceConfig config, ConfigLines configLines) {
        this.root = root;
        this.config = config;
        this.configLines = configLines;
    }

    /** Opens the workspace at {@code root}; a missing folder or a bad bulletin.yaml is a usage error. */
    public static Workspace open(Path root) {
        Path abs = root.toAbsolutePath().normalize();
        if (!Files.isDirectory(abs)) {
            throw BulletinException.usage("工作目录不存在：" + root + "（用 -w 指定工作目录）");
        }
        Path file = abs.resolve(CONFIG_FILE);
        if (!InputFiles.present(file)) {
            return new Workspace(abs, WorkspaceConfig.EMPTY, ConfigLines.NONE);
        }
        String text;
        try {
            text = InputFiles.readText(file, InputFiles.TEXT_CAP);
        } catch (CharacterCodingException e) {
            throw BulletinException.usage(CONFIG_FILE + ": 错误: " + e.getMessage());
        } catch (IOException e) {
            throw BulletinException.usage(CONFIG_FILE + ": 错误: " + (e instanceof InputFiles.Refused ? e.getMessage()
                    : "无法读取（" + e.getMessage() + "）"));
        }
        ConfigLines lines = ConfigLines.of(text);
        return new Workspace(abs, readConfig(text, lines), lines);
    }

    /**
     * The YAML reader of bulletin.yaml, made once per process (a mapper and its look at WorkspaceConfig cost more
     * than reading the file); an ObjectReader is immutable and safe to share between threads.
     */
    static final class Yaml {
        static final ObjectReader READER = new ObjectMapper(new YAMLFactory())
                .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
                .disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT) // 25.5 for a day is refused, not cut to 25
                .readerFor(WorkspaceConfig.class);
    }

    static WorkspaceConfig readConfig(String text, ConfigLines lines) {
        try {
            if (text.lines().allMatch(l -> l.isBlank() || l.strip().startsWith("#"))) {
                return WorkspaceConfig.EMPTY; // blank, or comments only (as bulletin init writes it)
            }
            WorkspaceConfig c = Yaml.READER.readValue(text);
            if (c == null) {
                return WorkspaceConfig.EMPTY;
            }
            checkAppendix(lines, c.appendix());
            checkRanges(lines, c);
            checkLevels(lines, c);
            return c;
        } catch (UnrecognizedPropertyException e) {
            String known = e.getKnownPropertyIds() == null ? ""
                    : e.getKnownPropertyIds().stream().map(Object::toString).sorted()
                            .collect(Collectors.joining("、"));
            throw new BulletinException(ExitCode.USAGE, CONFIG_FILE + lineOf(text, e.getPropertyName(), e.getLocation())
                    + ": 错误: 未知的设置项“"
                    + e.getPropertyName() + "”" + (known.isEmpty() ? "" : "（可用的设置项：" + known + "）"));
        } catch (com.fasterxml.jackson.databind.exc.MismatchedInputException e) {
            String key = e.getPath().stream().map(r -> r.getFieldName() != null ? r.getFieldName()
                    : String.valueOf(r.getIndex())).collect(Collectors.joining("."));
            String[] keys = e.getPath().stream().map(r -> r.getFieldName()).filter(k -> k != null).toArray(String[]::new);
            String at = keys.length == 0 ? CONFIG_FILE + where(e.getLocation()) : lines.place(keys);
            Class<?> type = e.getTargetType();
            boolean whole = type == Integer.class || type == int.class;
            boolean number = whole || type == BigDecimal.class || type == Double.class;
            if (!key.isEmpty() && number) {
                Object value = e instanceof com.fasterxml.jackson.databind.exc.InvalidFormatException f ? f.getValue() : null;
                throw BulletinException.usage(at + ": 错误: " + key + " 应是" + (whole ? "整数" : "数字")
                        + (value == null ? "" : "，而不是“" + value + "”"));
            }
            // the shape the setting takes, in a clerk's words: never Jackson's message with its Java types
            throw BulletinException.usage(at + ": 错误: " + (key.isEmpty() ? "" : key + " ") + shape(type));
        } catch (JsonProcessingException e) {
            throw new BulletinException(ExitCode.USAGE, CONFIG_FILE + where(e.getLocation()) + ": 错误: 格式不正确（"
                    + e.getOriginalMessage() + "）");
        }
    }

    /** What a setting of Java type {@code type} is written as in bulletin.yaml. */
    static String shape(Class<?> type) {
        if (type == null) {
            return "格式不正确";
        }
        if (java.util.Collection.class.isAssignableFrom(type) || type.isArray()) {
            return "应是一个列表，写在方括号中，如 [1, 5, 7]";
        }
        if (java.util.Map.class.isAssignableFrom(type)) {
            return "应是下一行起缩进的若干行“名称: 值”";
        }
        if (type == String.class) {
            return "应是一段文字";
        }
        if (type == Boolean.class || type == boolean.class) {
            return "应是 true 或 false";
        }
        return "格式不正确";
    }

    /** Values a setting cannot take, each refused with its line: a day of the month, a year, a target, a month. */
    private static void checkRanges(ConfigLines lines, WorkspaceConfig c) {
        if (c.style() != null && !c.themed() && !c.style().trim().equalsIgnoreCase(WorkspaceConfig.ITEMISED)
                && !c.style().trim().equals("逐项")) {
            throw BulletinException.usage(lines.place("style") + ": 错误: style（工作进展的写法）应是 itemised（逐项）或 "
                    + "themed（主题），而不是 " + c.style());
        }
        if (c.deadline() != null && (c.deadline() < 1 || c.deadline() > 31)) {
            throw BulletinException.usage(lines.place("deadline") + ": 错误: deadline（每月报送截止日）应是 1 到 31 之间的"
                    + "日子，而不是 " + c.deadline());
        }
        if (c.year() != null && (c.year() < MIN_YEAR || c.year() > MAX_YEAR)) {
            throw BulletinException.usage(lines.place("year") + ": 错误: year 应是 " + MIN_YEAR + " 到 " + MAX_YEAR
                    + " 之间的年份，而不是 " + c.year());
        }
        for (var e : c.indicators().entrySet()) {
            WorkspaceConfig.IndicatorOverride o = e.getValue();
            if (o == null) {
                continue;
            }
            if (o.target() != null && o.target().signum() < 0) {
                throw BulletinException.usage(lines.place("indicators", e.getKey(), "target") + ": 错误: 指标 "
                        + e.getKey() + " 的 target（目标数）不能是负数（" + o.target().toPlainString() + "）");
            }
            if (o.target() != null && !ordinary(o.target())) {
                throw BulletinException.usage(lines.place("indicators", e.getKey(), "target") + ": 错误: 指标 "
                        + e.getKey() + " 的 target（目标数）“" + o.target() + "”不是一个可用的目标数（应在 "
                        + MAX_FIGURE.toPlainString() + " 以内，至多 " + MAX_DECIMALS + " 位小数）");
            }
            for (BigDecimal v : o.schedule() == null ? List.<BigDecimal>of() : o.schedule()) {
                if (v == null || !ordinary(v)) {
                    throw BulletinException.usage(lines.place("indicators", e.getKey(), "schedule") + ": 错误: 指标 "
                            + e.getKey() + " 的 schedule 中的“" + v + "”不是 0 到 1（或 0 到 100）之间的比例");
                }
            }
            if (o.from() != null && (o.from() < 1 || o.from() > 12)) {
                throw BulletinException.usage(lines.place("indicators", e.getKey(), "from") + ": 错误: 指标 "
                        + e.getKey() + " 的 from 应是 1 到 12 的月份，而不是 " + o.from());
            }
        }
    }

    /** The largest figure a setting can hold (far above any target: 1e400 is a slip, not a target). */
    static final BigDecimal MAX_FIGURE = new BigDecimal("1000000000000");
    static final int MAX_DECIMALS = 6;

    private static boolean ordinary(BigDecimal v) {
        return v.abs().compareTo(MAX_FIGURE) <= 0 && v.stripTrailingZeros().scale() <= MAX_DECIMALS;
    }

    /**
     * The levels of {@code levels:} may not share an item: an item both provincial and city-level would be counted
     * in both (or silently in the first). Items are written as in the tables' note ("1-10", "11-18", "1,3,5-7");
     * what cannot be read as numbers is left for the tables' reader to refuse.
     */
    private static void checkLevels(ConfigLines lines, WorkspaceConfig c) {
        Map<Integer, String> owner = new java.util.TreeMap<>();
        // provincial first, whatever order the map keeps: the second level is the one told to change
        for (var e : c.levels().entrySet().stream().sorted(java.util.Comparator.comparing(
                (Map.Entry<String, String> x) -> !(x.getKey().equals("province") || x.getKey().equals("省级")))
                .thenComparing(Map.Entry::getKey)).toList()) {
            if (e.getValue() == null) {
                continue;
            }
            for (String part : bulletin.text.Text.halfWidth(e.getValue()).split("[,，、\\s]+")) {
                if (part.isBlank()) {
                    continue;
                }
                String[] ends = part.split("[—\\-－–~～]+");
                int from;
                int to;
                try {
                    from = Integer.parseInt(ends[0].trim());
                    to = ends.length > 1 ? Integer.parseInt(ends[1].trim()) : from;
                } catch (NumberFormatException | ArrayIndexOutOfBoundsException x) {
                    continue;
                }
                if (Math.abs((long) to - from) > 10_000) {
                    throw BulletinException.usage(lines.place("levels", e.getKey()) + ": 错误: levels 中的“" + part
                            + "”不是项目序号的范围");
                }
                for (int i = Math.min(from, to); i <= Math.max(from, to); i++) {
                    String level = e.getKey().equals("province") ? "省级" : e.getKey().equals("city") ? "市级" : e.getKey();
                    String before = owner.putIfAbsent(i, level);
                    if (before != null && !before.equals(level)) {
                        throw BulletinException.usage(lines.place("levels", e.getKey()) + ": 错误: levels 的" + before
                                + "和" + level + "都含有第 " + i + " 项：每个项目只能属于一个层级，请改正范围");
                    }
                }
            }
        }
    }

    /** Years a workspace can be about: the tables of a year this tool serves. */
    public static final int MIN_YEAR = 2000;
    public static final int MAX_YEAR = 2100;

    private static final Pattern RGB = Pattern.compile("[0-9A-Fa-f]{6}|none");

    /** The appendix look is checked here, where the settings are read, so every command refuses it alike. */
    private static void checkAppendix(ConfigLines lines, WorkspaceConfig.Appendix a) {
        if (a.paper() != null && !a.paper().trim().equalsIgnoreCase("A4") && !a.a3()) {
            throw BulletinException.usage(lines.place("appendix", "paper") + ": 错误: appendix.paper 只能是 A4 或 A3，"
                    + "而不是“" + a.paper() + "”");
        }
        for (String key : List.of("behind", "red")) {
            String c = key.equals("behind") ? a.behindOrDefault() : a.redOrDefault();
            if (!RGB.matcher(c).matches()) {
                throw BulletinException.usage(lines.place("appendix", key) + ": 错误: appendix." + key
                        + " 的颜色应写成 6 位十六进制（如 FFFF00）或 none，而不是“" + c + "”");
            }
        }
    }

    /** The line a key stands on: YAML parsers report the position after the key's value. */
    private static String lineOf(String text, String key, JsonLocation loc) {
        List<String> lines = text.lines().toList();
        Pattern p = Pattern.compile("^\\s*[\"']?" + Pattern.quote(key) + "[\"']?\\s*:");
        for (int i = 0; i < lines.size(); i++) {
            if (p.matcher(lines.get(i)).find()) {
                return ":" + (i + 1);
            }
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

    /** Where a setting of {@code bulletin.yaml} stands: {@code bulletin.yaml:12}, or the file's name alone. */
    public String configPlace(String... keys) {
        return configLines.place(keys);
    }

    public Path targetsDir() {
        return root.resolve("targets");
    }

    /** The workspace's own templates, which override the built-in ones. */
    public Path templatesDir() {
        return root.resolve("templates");
    }

    /**
     * {@link #templatesDir()}, after checking what the document is made from there: the reference .docx and every
     * FreeMarker template ({@code *.ftl}, which a template may include) must be a regular file within its cap; a
     * link to {@code /dev/zero}, a FIFO, a folder or an oversized file is refused by its name, never read.
     */
    public Path templatesDirChecked() {
        Path dir = templatesDir();
        if (!Files.isDirectory(dir)) {
            return dir;
        }
        List<Path> files;
        try (Stream<Path> s = Files.walk(dir, 4)) {
            files = s.filter(p -> !p.equals(dir)).sorted().toList();
        } catch (IOException | UncheckedIOException e) {
            throw BulletinException.usage(show(dir) + "/: 错误: 无法读取文件夹（" + e.getMessage() + "）");
        }
        for (Path p : files) {
            String n = p.getFileName().toString().toLowerCase(Locale.ROOT);
            long cap = n.endsWith(".docx") ? InputFiles.DOCX_CAP : n.endsWith(".ftl") ? InputFiles.TEXT_CAP : -1;
            if (cap < 0 || InputFiles.ignored(p)
                    || Files.isDirectory(p, LinkOption.NOFOLLOW_LINKS) && !p.getParent().equals(dir)) {
                continue;
            }
            try {
                InputFiles.regularFile(p, cap);
            } catch (InputFiles.Refused e) {
                throw BulletinException.usage(show(p) + ": 错误: " + e.getMessage() + "（模板文件须是普通文件）");
            }
        }
        return dir;
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

    /**
     * The workspace's own temporary folder ({@code .bulletin.tmp}), for what a run makes on its way (the PDF
     * converter's files): inside the workspace, not in the system's shared temporary folder, removed when the run
     * ends, and emptied by the next run that takes the workspace's lock where a killed run left anything there.
     */
    public Path tempDir() {
        return root.resolve(TEMP_DIR);
    }

    static final String TEMP_DIR = ".bulletin.tmp";

    /**
     * A new, private folder inside {@link #tempDir()}; the caller removes it ({@link #deleteTree}). Anything but a
     * folder at {@link #tempDir()} (a link, a file) is removed first, never followed.
     */
    public Path newTempDir(String prefix) throws IOException {
        Path dir = tempDir();
        if (Files.exists(dir, LinkOption.NOFOLLOW_LINKS) && !Files.isDirectory(dir, LinkOption.NOFOLLOW_LINKS)) {
            Files.delete(dir);
        }
        Files.createDirectories(dir);
        return Files.createTempDirectory(dir, prefix);
    }

    /**
     * Deletes {@code dir} and everything in it, never following a link (a link is removed, not what it names);
     * what cannot be deleted stays, harmlessly, for the next run.
     */
    public static void deleteTree(Path dir) {
        if (!Files.exists(dir, LinkOption.NOFOLLOW_LINKS)) {
            return;
        }
        try (Stream<Path> s = Files.walk(dir)) {
            for (Path p : s.sorted(java.util.Comparator.comparingInt(Path::getNameCount).reversed()).toList()) {
                try {
                    Files.deleteIfExists(p);
                } catch (IOException ignored) {
                    // left for the next run
                }
            }
        } catch (IOException | UncheckedIOException ignored) {
            // left for the next run
        }
    }

    /** A path as users see it in messages: relative to the workspace, with forward slashes. */
    public String show(Path p) {
        Path abs = p.toAbsolutePath().normalize();
        String s = abs.startsWith(root) ? root.relativize(abs).toString() : abs.toString();
        return s.replace('\\', '/');
    }
}
