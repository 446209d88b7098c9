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
        optionListHeading = "%n选项：%n",
        footerHeading = "%n",
        footer = {"示例：", "  bulletin -w samples/miluo-2026 generate --month 5",
            "  bulletin generate --month 5 --date 2026-05-30 --require-all"})
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

    @Option(names = "--pdf", description = "同时用 LibreOffice 生成 PDF（需已安装 LibreOffice）")
    boolean pdf;

    @Option(names = "--skip-invalid", description = "报表有错误时仍生成专报：略过有误的数据（沿用上月）和整份有误的报表，"
            + "并在专报中说明（默认有错误时不生成）")
    boolean skipInvalid;

    @Option(names = "--strict", description = "警告也视为错误，与 validate --strict 相同")
    boolean strict;

    @Override
    public void run() {
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
