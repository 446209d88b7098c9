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
                         String tablesProblem) {

        /** The terminal summary, ending with the next three steps. */
        public String summary() {
            StringBuilder sb = new StringBuilder();
            sb.append(created.isEmpty() ? "工作目录 " + dir + " 的文件夹都已存在。\n"
                    : "已在 " + dir + " 中建立文件夹：" + String.join("、", created) + "\n");
            sb.append(configWritten ? "已写入 bulletin.yaml（带说明，请打开填写标题和发文单位）。\n"
                    : "bulletin.yaml 已存在，未改动（要重新生成，请先把它改名或删除）。\n");
            if (tablesRead != null) {
                sb.append("已读取 targets/ 中的指标表：").append(tablesRead).append("。各指标的类型及依据已写在 bulletin.yaml 的说明中，请核对。\n");
            } else if (tablesProblem != null) {
                sb.append("targets/ 中的指标表读取时有问题：").append(tablesProblem).append('\n');
            }
            sb.append("下一步：\n");
            sb.append(tablesRead == null ? "  1. 把通知的两张表（指标任务分解表、责任分解表）放进 targets/，运行 bulletin inspect 核对读到的指标\n"
                    : "  1. 运行 bulletin inspect 核对读到的指标和各单位的目标（inspect --indicator 编码 看单个指标）\n");
            sb.append("  2. 在 bulletin.yaml 中填写 title（专报标题）和 office（发文单位），运行 bulletin template --month 月份 生成填报表，发给各单位\n");
            sb.append("  3. 把收回的填报表放进 progress/YYYY-MM/，运行 bulletin validate --month 月份 检查，再运行 bulletin generate --month 月份\n");
            return sb.toString();
        }
    }

    public static Result init(Path dir) {
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
        if (write) {
            String text = config(model, ws.config());
            AtomicFile.write(config, Workspace.CONFIG_FILE, out -> out.write(text.getBytes(StandardCharsets.UTF_8)));
        }
        return new Result(dir, created, write, model == null ? null : read(model), problem);
    }

    private static boolean hasTables(Workspace ws) {
        try (var s = Files.list(ws.targetsDir())) {
            return s.anyMatch(p -> p.getFileName().toString().toLowerCase(java.util.Locale.ROOT).endsWith(".xlsx"));
        } catch (IOException e) {
            return false;
        }
    }

    private static String read(IndicatorModel m) {
        return m.year() + "年，" + m.units().size() + " 个填报单位，" + m.items().size() + " 个项目，"
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
        if (m == null) {
            sb.append("#\n# 把指标表放进 targets/ 后，运行 bulletin inspect 查看读到的指标；指标类型不对时，可在这里改：\n");
            sb.append("# indicators:\n#   \"01-04\": {kind: progress}   # quantity 数量、progress 形象进度、standard 提标、rate 比率、text 文字\n");
            return sb.toString();
        }
        sb.append("#\n# ---- 以下是从 targets/ 的指标表中读到的内容，供核对 ----\n");
        sb.append("# 年度：").append(m.year()).append('\n');
        sb.append("# 填报单位（").append(m.units().size()).append(" 个，按表中顺序）：").append(String.join("、", m.units()))
                .append('\n');
        for (Level level : Level.values()) {
            String items = m.items().stream().filter(i -> i.level() == level).map(i -> String.valueOf(i.number()))
                    .collect(Collectors.joining("、"));
            sb.append("# ").append(level.label()).append("项目：").append(items.isEmpty() ? "无" : items).append('\n');
        }
        sb.append("# 各指标的类型（依据）。不对的，在下面的 indicators 中写明正确的类型：\n");
        for (Indicator i : m.indicators()) {
            String name = i.name().length() > 30 ? i.name().substring(0, 29) + "…" : i.name();
            sb.append("#   ").append(i.code()).append(' ').append(i.kind().label()).append("（")
                    .append(i.kindReason()).append("） ").append(name).append('\n');
        }
        sb.append("# indicators:\n#   \"").append(m.indicators().get(0).code())
                .append("\": {kind: progress}   # quantity 数量、progress 形象进度、standard 提标、rate 比率、text 文字\n");
        return sb.toString();
    }
}
