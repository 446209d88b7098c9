package bulletin.cli;

import bulletin.diag.ExitCode;
import bulletin.report.ValidationReport;
import bulletin.service.ValidateService;
import bulletin.validate.ValidationResult;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

@Command(name = "validate",
        header = "检查各单位报来的工作簿（或指标表本身），列出所有问题及其单元格。",
        synopsisHeading = "%n用法：",
        descriptionHeading = "%n说明：%n",
        optionListHeading = "%n选项：%n",
        parameterListHeading = "%n参数：%n",
        footerHeading = "%n",
        description = {"每个问题都写明文件、工作表!单元格、指标、填的是什么和应该是什么，",
            "一次列出全部问题。--month 检查 progress/YYYY-MM/ 中的全部报表，以及",
            "是否每个单位都报了、有没有重复；也可以直接给出要检查的文件；",
            "--targets 检查指标表本身。各问题代码的含义见 docs/reference.md。"},
        footer = {"示例：",
            "  bulletin -w D:\\岳阳2026 validate --month 6",
            "  bulletin -w D:\\岳阳2026 validate D:\\收到的\\归义街道6月.xlsx",
            "  bulletin -w D:\\岳阳2026 validate --targets",
            "  bulletin -w D:\\岳阳2026 validate --month 6 --format json",
            "退出码：0 合格；1 有错误（加 --strict 时警告也算）；2 命令行或配置有误。"})
final class ValidateCommand implements Callable<Integer> {

    @ParentCommand
    BulletinCommand parent;

    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "文件", arity = "0..*", description = "要检查的工作簿（.xlsx）")
    List<Path> files = new ArrayList<>();

    @Option(names = {"-m", "--month"}, paramLabel = "月份",
            description = "检查 progress/YYYY-MM/ 中的全部工作簿，以及是否每个单位都报了、有没有重复")
    String month;

    @Option(names = "--targets", description = "检查 targets/ 中的指标表本身（合计、名称中的目标数等）")
    boolean targets;

    @Option(names = "--strict", description = "警告也算不合格")
    boolean strict;

    @Option(names = "--format", paramLabel = "格式", description = "text（默认）或 json")
    String format = "text";

    @Override
    public Integer call() {
        if (!format.equals("text") && !format.equals("json")) {
            throw bulletin.diag.BulletinException.usage("--format 只能是 text 或 json");
        }
        ValidationResult r = ValidateService.validate(parent.workspace, month, targets, files, strict);
        var out = spec.commandLine().getOut();
        out.print(format.equals("json") ? ValidationReport.json(r) : ValidationReport.text(r));
        out.flush();
        return r.valid() ? ExitCode.OK : ExitCode.INVALID_INPUT;
    }
}
