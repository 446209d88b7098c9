package bulletin.cli;

import bulletin.diag.BulletinException;
import bulletin.diag.ExitCode;
import bulletin.diag.Problem;
import bulletin.service.GenerateService;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

@Command(name = "generate",
        header = "计算当月进度，生成工作专报（.docx）和数据快照（bulletin.json），放在 out/YYYY-MM/。",
        synopsisHeading = "%n用法：",
        descriptionHeading = "%n说明：%n",
        optionListHeading = "%n选项：%n",
        footerHeading = "%n",
        description = {"先按 validate 的规则检查当月的报表：有错误时不写任何文件，列出错误，",
            "退出码 1（加 --skip-invalid 则略过有误的数据照常生成，并在专报中说明）。",
            "同样的输入再运行一次不会改写专报；输入变了，旧专报改名为“-旧1”保留。",
            "定时任务用 --require-all（有单位未报送也不生成）和 --log（日志每行带时间）。"},
        footer = {"示例：", "  bulletin -w D:\\岳阳2026 generate --month 5",
            "  bulletin -w D:\\岳阳2026 generate --month 5 --date 2026-05-30 --pdf",
            "  bulletin -w D:\\岳阳2026 generate --month 6 --skip-invalid",
            "  bulletin -w D:\\岳阳2026 generate -m 6 --require-all --log D:\\岳阳2026\\日志.log",
            "退出码：0 已生成（或与上次相同）；1 报表有错误或单位未报齐，未生成；",
            "        2 命令行或配置有误；3 无法写出文件。",
            "定时任务的设置见 docs/clerk.md“定时运行”。"})
final class GenerateCommand implements Runnable {

    @ParentCommand
    BulletinCommand parent;

    @Spec
    CommandSpec spec;

    @Option(names = {"-m", "--month"}, required = true, paramLabel = "月份",
            description = "月份：1–12（年份取自指标表），或 2026-05")
    String month;

    @Option(names = "--date", paramLabel = "日期", description = "专报落款日期，如 2026-05-30（默认今天）")
    String date;

    @Option(names = "--issue", paramLabel = "期号", description = "第几期（默认上月期号加一）")
    Integer issue;

    @Option(names = "--force", description = "直接覆盖本月已有的专报（默认把内容不同的旧文件改名保留）")
    boolean force;

    @Option(names = "--require-all", description = "有单位未报送时不生成专报并以退出码 1 结束（供定时任务使用）")
    boolean requireAll;

    @Option(names = "--pdf", description = "同时用 LibreOffice 生成 PDF（需已安装 LibreOffice；找不到时其余文件照常写出，退出码 3）")
    boolean pdf;

    @Option(names = "--skip-invalid", description = "报表有错误时仍生成专报：略过有误的数据（沿用上月）和整份有误的报表，"
            + "并在专报中说明（默认有错误时不生成）")
    boolean skipInvalid;

    @Option(names = "--strict", description = "警告也视为错误，与 validate --strict 相同")
    boolean strict;

    @Option(names = "--log", paramLabel = "日志文件",
            description = "把本次运行的全部输出追加到该文件，每行前加日期和时间（供定时任务使用；屏幕上不再显示）")
    java.nio.file.Path log;

    @Override
    public void run() {
        if (log != null) {
            // The handler of Main prints a refusal to this command's writers: they go to the log as well.
            String run = "bulletin " + String.join(" ", spec.commandLine().getParseResult().originalArgs());
            java.io.PrintWriter w = TimestampedLog.open(log, run);
            spec.commandLine().setOut(w);
            spec.commandLine().setErr(w);
        }
        GenerateService.Result r = GenerateService.generate(
                new GenerateService.Options(parent.workspace, month, date, issue, force, requireAll, pdf,
                        skipInvalid, strict));
        var err = spec.commandLine().getErr();
        for (Problem p : r.problems()) {
            err.println(p.format());
        }
        err.flush();
        var out = spec.commandLine().getOut();
        out.print(r.summary());
        out.flush();
        if (r.pdfError() != null) {
            throw new BulletinException(ExitCode.OUTPUT, r.pdfError());
        }
    }
}
