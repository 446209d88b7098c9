package bulletin.cli;

import java.nio.file.Path;
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
        footer = {"退出码：0 成功；1 输入数据有错误；2 命令行或配置有误；3 无法写出文件。",
            "详见 README.md。"},
        versionProvider = VersionProvider.class,
        subcommands = {InitCommand.class, InspectCommand.class, TemplateCommand.class, GenerateCommand.class,
            ValidateCommand.class, CompletionCommand.class})
public final class BulletinCommand implements Runnable {

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
