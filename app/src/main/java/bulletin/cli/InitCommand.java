package bulletin.cli;

import bulletin.service.InitService;
import java.nio.file.Path;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

@Command(name = "init",
        header = "建立工作目录：targets/、progress/、notes/、forms/、out/ 和带说明的 bulletin.yaml（已有的不改动）。",
        synopsisHeading = "%n用法：",
        descriptionHeading = "%n说明：%n",
        parameterListHeading = "%n参数：%n",
        optionListHeading = "%n选项：%n",
        footerHeading = "%n",
        description = {"先把通知中的指标任务分解表和责任分解表（.xlsx）放进 目录/targets/，",
            "再运行 init：它把读到的年份、单位、省级和市级项目、每个指标的类型",
            "记在 bulletin.yaml 的注释中，供核对。targets/ 中还没有表时，只建文件夹",
            "并说明下一步。已有的 bulletin.yaml 不会被改写；放入或更换指标表后，",
            "用 init --update 只更新其中“读到的内容”这段注释，您填写的设置不变。"},
        footer = {"示例：", "  bulletin init D:\\岳阳2026", "  bulletin -w D:\\岳阳2026 init --update",
            "详见 docs/clerk.md“建立工作目录”。"})
final class InitCommand implements Runnable {

    @ParentCommand
    BulletinCommand parent;

    @Spec
    CommandSpec spec;

    @Parameters(index = "0", arity = "0..1", paramLabel = "目录", description = "工作目录（默认用 -w 指定的，或当前文件夹）")
    Path dir;

    @Option(names = "--update", description = "把 targets/ 中指标表读到的内容重新记入已有 bulletin.yaml 的注释（其余各行不变）")
    boolean update;

    @Override
    public void run() {
        InitService.Result r = InitService.init(dir != null ? dir : parent.workspace, update);
        var out = spec.commandLine().getOut();
        out.print(r.summary());
        out.flush();
    }
}
