package bulletin.cli;

import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ScopeType;
import picocli.CommandLine.Spec;

@Command(name = "bulletin",
        header = "重点民生实事工作专报：读入指标表和各单位月报，生成填报表和工作专报。",
        synopsisHeading = "%n用法：",
        descriptionHeading = "%n说明：%n",
        optionListHeading = "%n选项：%n",
        commandListHeading = "%n命令：%n",
        footerHeading = "%n",
        description = {"每月：用 template 生成填报表发给各单位；收回的报表放进工作目录的",
            "progress/YYYY-MM/，用 validate 检查，用 generate 生成工作专报。",
            "第一次使用：把通知中的指标任务分解表和责任分解表放进工作目录的 targets/，",
            "再用 init 建立其余文件夹。用 -w 指定工作目录，可以在任何文件夹中运行。"},
        footer = {"示例（Linux 上把 D:\\岳阳2026 写成 ~/岳阳2026 等路径）：",
            "  bulletin init D:\\岳阳2026",
            "  bulletin -w D:\\岳阳2026 validate --month 5",
            "  bulletin -w D:\\岳阳2026 generate --month 5",
            "  bulletin generate --help              每个命令的说明",
            "退出码：0 成功；1 输入数据有错误（专报未生成）；2 命令行、配置或 Java 有误；",
            "        3 无法写出文件；70 程序缺陷（请报告此问题）。",
            "使用说明：安装目录中的 使用说明.html（即 docs/clerk.md）；",
            "全部命令、选项和问题代码：docs/reference.md。"},
        versionProvider = VersionProvider.class)
public final class BulletinCommand implements Runnable {

    /**
     * The subcommands, in the order {@code --help} lists them. They are added by {@link #withAllCommands} (or one
     * of them alone, {@code Main}), not named in the annotation: picocli reads each command's annotations by
     * reflection when it is added, and a run needs only the one it runs.
     */
    static final Map<String, Supplier<Object>> SUBCOMMANDS = subcommands();

    private static Map<String, Supplier<Object>> subcommands() {
        Map<String, Supplier<Object>> m = new LinkedHashMap<>();
        m.put("init", InitCommand::new);
        m.put("inspect", InspectCommand::new);
        m.put("template", TemplateCommand::new);
        m.put("generate", GenerateCommand::new);
        m.put("validate", ValidateCommand::new);
        m.put("completion", CompletionCommand::new);
        return Collections.unmodifiableMap(m);
    }

    /** The whole command line: this command and every subcommand (for --help, the reference and completion). */
    public static CommandLine withAllCommands() {
        CommandLine cl = new CommandLine(new BulletinCommand());
        SUBCOMMANDS.values().forEach(c -> cl.addSubcommand(c.get()));
        return cl;
    }

    @Spec
    CommandSpec spec;

    @Option(names = {"-w", "--workspace"}, scope = ScopeType.INHERIT, paramLabel = "目录",
            description = "工作目录（含 targets/、progress/ 等），默认为当前目录")
    Path workspace = Path.of(".");

    @Option(names = {"-h", "--help"}, usageHelp = true, scope = ScopeType.INHERIT, description = "显示帮助并退出")
    boolean help;

    @Option(names = {"-V", "--version"}, versionHelp = true, description = "显示版本并退出")
    boolean version;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }
}
