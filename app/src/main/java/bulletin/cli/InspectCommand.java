package bulletin.cli;

import bulletin.diag.BulletinException;
import bulletin.model.Indicator;
import bulletin.model.IndicatorModel;
import bulletin.report.IndicatorMonthText;
import bulletin.report.ModelJson;
import bulletin.report.ModelText;
import bulletin.report.ReportsText;
import bulletin.service.InspectService;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

@Command(name = "inspect",
        header = "显示工具从指标表和责任表中读到的内容（单位、项目、指标、目标、牵头单位）。",
        synopsisHeading = "%n用法：",
        descriptionHeading = "%n说明：%n",
        optionListHeading = "%n选项：%n",
        footerHeading = "%n",
        description = {"用来核对工具是否读对了指标表：单位数、每个指标的全市目标、类型和牵头单位。",
            "加 --month 看某月谁已报送、谁未报送；",
            "加 --indicator 和 --month 看某个指标各单位的数字来自哪个单元格。"},
        footer = {"示例：", "  bulletin -w D:\\岳阳2026 inspect", "  bulletin -w D:\\岳阳2026 inspect --indicator 01-03",
            "  bulletin -w D:\\岳阳2026 inspect --month 5",
            "  bulletin -w D:\\岳阳2026 inspect --indicator 03-05 --month 5",
            "  bulletin -w D:\\岳阳2026 inspect --json > model.json"})
final class InspectCommand implements Runnable {

    @ParentCommand
    BulletinCommand parent;

    @Spec
    CommandSpec spec;

    @Option(names = "--json", description = "以 JSON 输出（结构见 docs/snapshot.md，供脚本使用）")
    boolean json;

    @Option(names = "--indicator", paramLabel = "编码", description = "只显示一个指标及各单位的目标，如 01-03")
    String indicator;

    @Option(names = {"-m", "--month"}, paramLabel = "月份",
            description = "显示该月 progress/ 中收到的报表：谁已报、谁未报、哪些文件读不了（1–12 或 2026-05）")
    String month;

    @Override
    public void run() {
        if (indicator != null && month != null) {
            var out = spec.commandLine().getOut();
            out.print(IndicatorMonthText.render(InspectService.month(parent.workspace, indicator, month), indicator));
            out.flush();
            return;
        }
        if (json && month != null) {
            var out = spec.commandLine().getOut();
            out.print(InspectService.facts(parent.workspace, month) + "\n"); // what the template is given
            out.flush();
            return;
        }
        InspectService.Result r = InspectService.load(parent.workspace, month);
        IndicatorModel model = r.model();
        var out = spec.commandLine().getOut();
        if (r.month() != null) {
            out.print(ReportsText.render(model, r.month()));
        } else if (indicator != null) {
            Indicator i = model.indicator(indicator).orElseThrow(() -> BulletinException.usage(
                    "没有编码为“" + indicator + "”的指标（运行 bulletin inspect 查看所有编码）"));
            out.print(json ? ModelJson.toJson(i) + "\n" : ModelText.renderOne(model, i));
        } else {
            out.print(json ? ModelJson.toJson(model) + "\n" : ModelText.render(model));
        }
        out.flush();
    }
}
