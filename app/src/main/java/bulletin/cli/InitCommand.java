package bulletin.cli;

import bulletin.service.InitService;
import java.nio.file.Path;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

@Command(name = "init",
        header = "建立工作目录：targets/、progress/、notes/、forms/、out/ 和带说明的 bulletin.yaml（已有的不改动）。",
        synopsisHeading = "%n用法：",
        parameterListHeading = "%n参数：%n",
        footerHeading = "%n",
        footer = {"示例：", "  bulletin init 岳阳2026", "  bulletin -w 岳阳2026 init"})
final class InitCommand implements Runnable {

    @ParentCommand
    BulletinCommand parent;

    @Spec
    CommandSpec spec;

    @Parameters(index = "0", arity = "0..1", paramLabel = "目录", description = "工作目录（默认用 -w 指定的，或当前文件夹）")
    Path dir;

    @Override
    public void run() {
        InitService.Result r = InitService.init(dir != null ? dir : parent.workspace);
        var out = spec.commandLine().getOut();
        out.print(r.summary());
        out.flush();
    }
}
