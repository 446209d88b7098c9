package bulletin.cli;

import bulletin.service.TemplateService;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

@Command(name = "template",
        header = "为每个填报单位生成当月的空白进度填报表（.xlsx），放在 forms/YYYY-MM/。",
        synopsisHeading = "%n用法：",
        descriptionHeading = "%n说明：%n",
        optionListHeading = "%n选项：%n",
        footerHeading = "%n",
        description = {"每个填报单位（指标表中的单位列）一份，另为统筹全市数字的牵头单位各一份。",
            "单位名、月份、各指标的全年目标已填好并锁定；单位只填累计完成（或形象",
            "进度）、进展情况和存在问题。已有的填报表不会被覆盖，除非加 --force。"},
        footer = {"示例：", "  bulletin -w D:\\岳阳2026 template --month 6"})
final class TemplateCommand implements Runnable {

    @ParentCommand
    BulletinCommand parent;

    @Spec
    CommandSpec spec;

    @Option(names = {"-m", "--month"}, required = true, paramLabel = "月份",
            description = "月份：1–12（年份取自指标表），或 2026-05")
    String month;

    @Option(names = "--force", description = "覆盖 forms/ 中已有的同名填报表（默认保留已有文件并跳过）")
    boolean force;

    @Override
    public void run() {
        TemplateService.Result r = TemplateService.writeForms(parent.workspace, month, force);
        var out = spec.commandLine().getOut();
        out.print(r.summary());
        out.flush();
    }
}
