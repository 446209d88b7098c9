package bulletin.service;

import bulletin.diag.BulletinException;
import bulletin.ingest.ModelLoader;
import bulletin.model.Indicator;
import bulletin.model.IndicatorModel;
import bulletin.model.Level;
import bulletin.workspace.AtomicFile;
import bulletin.workspace.Workspace;
import bulletin.workspace.WorkspaceConfig;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * {@code bulletin init [DIR]}: a workspace's folders and a commented {@code bulletin.yaml}. Where the notice's
 * tables are already in {@code targets/}, the file records what was read (year, units, levels, each indicator's
 * kind and why) for the clerk to check; {@code title} and {@code office} are left as lines to fill in. An
 * existing {@code bulletin.yaml} is never touched.
 */
public final class InitService {

    static final List<String> FOLDERS = List.of("targets", "progress", "notes", "forms", "out");

    private InitService() {
    }

    /**
     * What was done.
     *
     * @param created       the folders made (as the user names them)
     * @param configWritten true where bulletin.yaml was written; false where one was there already
     * @param tablesRead    what the tables gave, in a sentence, or null where there were none (or unreadable)
     * @param tablesProblem why the tables could not be read, or null
     */
    public record Result(Path dir, List<String> created, boolean configWritten, String tablesRead,
                         String tablesProblem, boolean recordUpdated) {

        /** The terminal summary, ending with the next three steps, each with {@code -w} and the folder. */
        public String summary() {
            String w = "bulletin -w " + quoted(dir) + " ";
            StringBuilder sb = new StringBuilder();
            sb.append(created.isEmpty() ? "工作目录 " + dir + " 的文件夹都已存在。\n"
                    : "已在 " + dir + " 中建立文件夹：" + String.join("、", created) + "\n");
            if (recordUpdated) {
                sb.append("已更新 bulletin.yaml 中“从指标表中读到的内容”这段注释，其余设置未改动。\n");
            } else {
                sb.append(configWritten ? "已写入 bulletin.yaml（带说明，请打开填写标题和发文单位）。\n"
                        : "bulletin.yaml 已存在，未改动（要把读到的内容记入其注释，运行 " + w + "init --update）。\n");
            }
            if (tablesRead != null) {
                sb.append("已读取 targets/ 中的指标表：").append(tablesRead).append("。")
                        .append(configWritten || recordUpdated ? "各指标的类型及依据已写在 bulletin.yaml 的说明中，请核对。" : "")
                        .append('\n');
            } else if (tablesProblem != null) {
                sb.append("targets/ 中的指标表读取时有问题：").append(tablesProblem).append('\n');
            } else {
                sb.append("targets/ 中还没有指标表（.xlsx），所以 bulletin.yaml 中还没有记下读到的内容。\n");
            }
            sb.append("下一步：\n");
            if (tablesRead == null) {
                sb.append("  1. 把通知的两张表（指标任务分解表、责任分解表，.xlsx）放进 ")
                        .append(quoted(dir.resolve("targets"))).append("，再运行 ").append(w).append("init --update\n");
            } else {
                sb.append("  1. 运行 ").append(w).append("inspect 核对读到的指标和各单位的目标（inspect --indicator 编码 看单个指标）\n");
            }
            sb.append("  2. 在 bulletin.yaml 中填写 title（专报标题）和 office（发文单位），运行 ").append(w)
                    .append("template --month 月份 生成填报表，发给各单位\n");
            sb.append("  3. 把收回的填报表放进 progress/YYYY-MM/，运行 ").append(w).append("validate --month 月份 检查，再运行 ")
                    .append(w).append("generate --month 月份\n");
            return sb.toString();
        }

        private static String quoted(Path p) {
            String s = p.toString();
            return s.contains(" ") || s.isEmpty() ? "\"" + s + "\"" : s;
        }
    }

    /** The first line of the record of what the tables gave, in bulletin.yaml's comments. */
    static final String RECORD_BEGIN = "# ---- 以下是从 targets/ 的指标表中读到的内容，供核对 ----";

    /** Its last line: {@code init --update} rewrites what is between the two, and nothing else. */
    static final String RECORD_END = "# ---- 以上是读到的内容（bulletin init --update 会重写这一段，其余各行不变）----";

    public static Result init(Path dir) {
        return init(dir, false);
    }

    /**
     * Makes the folders and, where there is none, bulletin.yaml. With {@code update}, an existing bulletin.yaml
     * gets the record of what the tables gave now, between {@link #RECORD_BEGIN} and {@link #RECORD_END}
     * (appended where it has none); every other line is kept as it is.
     */
    public static Result init(Path dir, boolean update) {
        Path root = dir.toAbsolutePath().normalize();
        if (Files.exists(root) && !Files.isDirectory(root)) {
            throw BulletinException.usage(dir + " 不是文件夹");
        }
        List<String> created = new ArrayList<>();
        for (String f : FOLDERS) {
            Path p = root.resolve(f);
            if (!Files.isDirectory(p)) {
                try {
                    Files.createDirectories(p);
                } catch (IOException e) {
                    throw BulletinException.output("无法建立文件夹 " + p + "（" + e.getMessage() + "）", e);
                }
                created.add(f + "/");
            }
        }
        Workspace ws = Workspace.open(root);
        IndicatorModel model = null;
        String problem = null;
        if (hasTables(ws)) {
            try {
                model = ModelLoader.load(ws);
            } catch (BulletinException e) {
                problem = e.getMessage();
            }
        }
        Path config = root.resolve(Workspace.CONFIG_FILE);
        boolean write = !Files.exists(config);
        boolean updated = false;
        if (write) {
            String text = config(model, ws.config());
            AtomicFile.write(config, Workspace.CONFIG_FILE, out -> out.write(text.getBytes(StandardCharsets.UTF_8)));
        } else if (update && model != null) {
            String text = withRecord(readConfig(config), record(model));
            AtomicFile.write(config, Workspace.CONFIG_FILE, out -> out.write(text.getBytes(StandardCharsets.UTF_8)));
            updated = true;
        }
        return new Result(root, created, write, model == null ? null : read(model), problem, updated);
    }

    private static String readConfig(Path config) {
        try {
            return Files.readString(config, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw BulletinException.usage("无法读取 " + config + "（" + e.getMessage() + "）");
        }
    }

    /** {@code text} with its record replaced by {@code record}, or with {@code record} appended. */
    static String withRecord(String text, String record) {
        int begin = text.indexOf(RECORD_BEGIN);
        int end = begin < 0 ? -1 : text.indexOf(RECORD_END, begin);
        if (begin >= 0 && end >= 0) {
            int after = text.indexOf('\n', end);
            return text.substring(0, begin) + record + (after < 0 ? "" : text.substring(after + 1));
        }
        return text + (text.isEmpty() || text.endsWith("\n") ? "" : "\n") + "#\n" + record;
    }

    private static boolean hasTables(Workspace ws) {
        try (var s = Files.list(ws.targetsDir())) {
            return s.anyMatch(p -> p.getFileName().toString().toLowerCase(java.util.Locale.ROOT).endsWith(".xlsx"));
        } catch (IOException e) {
            return false;
        }
    }

    private static String read(IndicatorModel m) {
        return m.year() + "年，" + (m.layout() == null ? "" : "表格为" + m.layout() + "，") + m.reporters().size()
                + " 个填报单位" + (m.idleUnits().isEmpty() ? "" : "（另有 " + m.idleUnits().size() + " 个地区没有任务："
                + String.join("、", m.idleUnits()) + "，不发填报表）") + "，" + m.items().size() + " 个项目，"
                + m.indicators().size() + " 个指标";
    }

    /** The commented bulletin.yaml: settings to fill in, and what the tables gave, for the clerk to check. */
    static String config(IndicatorModel m, WorkspaceConfig current) {
        StringBuilder sb = new StringBuilder();
        sb.append("# bulletin.yaml：本工作目录的设置（由 bulletin init 生成）。以 # 开头的行是说明，不起作用。\n");
        sb.append("# 填写下面两行后删去行首的 “# ”。不填时专报用默认的标题和发文单位，generate 会提醒。\n");
        sb.append("# title: 某市实现好惠民生增福祉的期盼工作专报\n");
        sb.append("# office: 某市“实现好惠民生增福祉的期盼”工作专班\n");
        sb.append("#\n# 各单位每月报送的截止日（如 25 日）：\n# deadline: 25\n");
        sb.append("#\n# 专报落款下的代章行（没有可不填）：\n# stamp: （某某局代章）\n");
        sb.append("#\n# 指标类型不对时，在这里写明正确的类型（删去行首的 “# ”）：\n");
        sb.append("# indicators:\n#   \"").append(m == null ? "01-04" : m.indicators().get(0).code())
                .append("\": {kind: progress}   # quantity 数量、progress 形象进度、standard 提标、rate 比率、text 文字\n");
        sb.append("#\n");
        if (m == null) {
            sb.append(RECORD_BEGIN).append('\n');
            sb.append("# （targets/ 中还没有指标表：放入后运行 bulletin init --update，读到的内容会记在这里）\n");
            return sb.append(RECORD_END).append('\n').toString();
        }
        return sb.append(record(m)).toString();
    }

    /** What the tables gave, between the record's two marker lines. */
    static String record(IndicatorModel m) {
        StringBuilder sb = new StringBuilder(RECORD_BEGIN).append('\n');
        sb.append("# 年度：").append(m.year()).append('\n');
        sb.append("# 填报单位（").append(m.units().size()).append(" 个，按表中顺序）：").append(String.join("、", m.units()))
                .append('\n');
        if (!m.idleUnits().isEmpty()) {
            sb.append("# 没有任务的地区（不发填报表，不要求报送）：").append(String.join("、", m.idleUnits())).append('\n');
        }
        for (Level level : Level.values()) {
            String items = m.items().stream().filter(i -> i.level() == level).map(i -> String.valueOf(i.number()))
                    .collect(Collectors.joining("、"));
            sb.append("# ").append(level.label()).append("项目：").append(items.isEmpty() ? "无" : items).append('\n');
        }
        sb.append("# 各指标的类型（依据）。不对的，在上面的 indicators 中写明正确的类型：\n");
        for (Indicator i : m.indicators()) {
            String name = i.name().length() > 30 ? i.name().substring(0, 29) + "…" : i.name();
            sb.append("#   ").append(i.code()).append(' ').append(i.kind().label()).append("（")
                    .append(i.kindReason()).append("） ").append(name).append('\n');
        }
        return sb.append(RECORD_END).append('\n').toString();
    }
}
