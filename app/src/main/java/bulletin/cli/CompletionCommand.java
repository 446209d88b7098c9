package bulletin.cli;

import picocli.AutoComplete;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

@Command(name = "completion",
        header = "打印 bash（及 zsh）的命令补全脚本：按 Tab 键补全命令和选项。",
        synopsisHeading = "%n用法：",
        descriptionHeading = "%n说明：%n",
        footerHeading = "%n",
        description = {"只用于 Linux 等使用 bash 的系统；Windows 不需要。"},
        footer = {"安装（bash）：", "  bulletin completion > ~/.local/share/bash-completion/completions/bulletin",
            "或只在当前终端生效：", "  source <(bulletin completion)"})
final class CompletionCommand implements Runnable {

    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        CommandLine root = spec.root().commandLine();
        var out = spec.commandLine().getOut();
        out.print(AutoComplete.bash(root.getCommandName(), root));
        out.flush();
    }
}
