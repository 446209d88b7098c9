package bulletin.cli;

import bulletin.diag.BulletinException;
import bulletin.diag.ExitCode;
import bulletin.diag.Problem;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import picocli.CommandLine;

/**
 * Entry point. {@link #run} is the testable whole program: it takes the arguments and the two writers and
 * returns the exit code. Only {@link #main} calls {@code System.exit}.
 */
public final class Main {

    private Main() {
    }

    public static void main(String[] args) {
        PrintWriter out = new PrintWriter(new java.io.OutputStreamWriter(System.out, StandardCharsets.UTF_8), true);
        PrintWriter err = new PrintWriter(new java.io.OutputStreamWriter(System.err, StandardCharsets.UTF_8), true);
        int code = run(args, out, err);
        out.flush();
        err.flush();
        System.exit(code);
    }

    /** Runs one command line; never throws for bad input. */
    public static int run(String[] args, PrintWriter out, PrintWriter err) {
        CommandLine cl = commandLine();
        cl.setOut(out);
        cl.setErr(err);
        int code = cl.execute(args);
        out.flush();
        err.flush();
        return code;
    }

    static CommandLine commandLine() {
        CommandLine cl = new CommandLine(new BulletinCommand());
        cl.setExecutionExceptionHandler(Main::handleExecution);
        cl.setParameterExceptionHandler(Main::handleParameter);
        cl.setUsageHelpAutoWidth(true);
        return cl;
    }

    /** The one place that turns an exception into a message and an exit code. */
    private static int handleExecution(Exception e, CommandLine cl, CommandLine.ParseResult parsed) {
        PrintWriter err = cl.getErr();
        if (e instanceof BulletinException be) {
            err.print(be.report());
            for (Problem p : be.problems()) {
                err.println(p.format());
            }
            err.println(be.getMessage().startsWith("错误") || be.getMessage().contains(": 错误: ")
                    ? be.getMessage() : "错误: " + be.getMessage());
            return be.exitCode();
        }
        err.println("错误: bulletin 内部出错（" + e.getClass().getSimpleName()
                + (e.getMessage() == null ? "" : ": " + e.getMessage()) + "）。这是程序的缺陷，不是您的数据的问题；"
                + "请把这条信息和所用的文件交给维护者。设置环境变量 BULLETIN_DEBUG=1 可以看到详细信息。");
        if (System.getenv("BULLETIN_DEBUG") != null) {
            e.printStackTrace(err);
        }
        return ExitCode.INTERNAL;
    }

    private static int handleParameter(CommandLine.ParameterException e, String[] args) {
        CommandLine cl = e.getCommandLine();
        PrintWriter err = cl.getErr();
        err.println("错误: 命令行参数不正确：" + e.getMessage());
        err.println("运行 “bulletin " + (cl.getParent() == null ? "" : cl.getCommandName() + " ")
                + "--help” 查看用法。");
        return ExitCode.USAGE;
    }
}
