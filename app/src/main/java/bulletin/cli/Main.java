package bulletin.cli;

import bulletin.diag.BulletinException;
import bulletin.diag.ExitCode;
import bulletin.diag.Problem;
import bulletin.service.GenerateService;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.function.Supplier;
import picocli.CommandLine;

/**
 * Entry point. {@link #run} is the testable whole program: it takes the arguments and the two writers and
 * returns the exit code. Only {@link #main} calls {@code System.exit}.
 */
public final class Main {

    static {
        // picocli looks for Groovy's closure class when its factory starts: a class that is not there is searched
        // for in every jar of the class path (about 30 ms of a run's start, measured on --help). No command here
        // is written in Groovy.
        if (System.getProperty("picocli.disable.closures") == null) {
            System.setProperty("picocli.disable.closures", "true");
        }
    }

    private Main() {
    }

    public static void main(String[] args) {
        bulletin.diag.Timing.mark("main");
        // Not System.out: a PrintStream swallows a failed write, and an output that cannot be written must be told.
        PrintWriter out = new PrintWriter(new OutputStreamWriter(new FileOutputStream(FileDescriptor.out),
                StandardCharsets.UTF_8), true);
        PrintWriter err = new PrintWriter(new OutputStreamWriter(System.err, StandardCharsets.UTF_8), true);
        OutOfMemory.guard(err);
        Thread.setDefaultUncaughtExceptionHandler(new Untaken(err));
        if (writesABulletin(args)) {
            GenerateService.warmUp();
        }
        int code;
        try {
            code = run(args, out, err, Main::stdoutName);
        } catch (Throwable e) { // an error of the JVM's own that picocli hands on: never Java's stack trace, exit 1
            code = escaped(e, err);
        }
        out.flush();
        err.flush();
        System.exit(code);
    }

    /**
     * What a thread of the program's own does with an error it did not hand on: never Java's stack trace. Memory
     * that ran out is said by {@code main} (the work a thread started ahead fails again where it is taken, or the
     * watch ends the run); anything else is a defect, said in one line.
     */
    private static final class Untaken implements Thread.UncaughtExceptionHandler {
        private final PrintWriter err;

        Untaken(PrintWriter err) {
            this.err = err;
        }

        @Override
        public void uncaughtException(Thread t, Throwable e) {
            try {
                if (!OutOfMemory.explains(e)) {
                    defect(e, err);
                }
            } catch (Throwable again) {
                // nothing more can be said
            }
        }
    }

    /**
     * The exit code for an error that no handler took: memory that ran out (a class that could not be loaded once
     * the heap was full, say) is exit 2 with the memory message, anything else a defect (exit 70). Where even the
     * message cannot be written, the code still is.
     */
    private static int escaped(Throwable e, PrintWriter err) {
        try {
            if (OutOfMemory.explains(e)) {
                return outOfMemory(e, err);
            }
            defect(e, err);
            return ExitCode.INTERNAL;
        } catch (Throwable again) {
            return OutOfMemory.explains(e) ? ExitCode.USAGE : ExitCode.INTERNAL;
        }
    }

    /**
     * Whether the command line asks {@code generate} for a bulletin (not its help): then docx4j's start may begin
     * before the line is parsed. A wrong guess costs only that start, on a thread of its own.
     */
    static boolean writesABulletin(String[] args) {
        List<String> a = Arrays.asList(args);
        return a.contains("generate") && a.stream().noneMatch(x -> x.equals("-h") || x.equals("--help")
                || x.equals("-V") || x.equals("--version") || x.equals("help"));
    }

    /** Runs one command line; never throws for bad input. */
    public static int run(String[] args, PrintWriter out, PrintWriter err) {
        return run(args, out, err, () -> "标准输出");
    }

    /**
     * Runs one command line. What could not be written to {@code out} (a full disk, {@code /dev/full}, a closed
     * pipe) makes a done run, or a report of errors that never arrived, an exit 3 that names the output.
     */
    static int run(String[] args, PrintWriter out, PrintWriter err, Supplier<String> outName) {
        CommandLine cl = commandLine(args);
        cl.setOut(out);
        cl.setErr(err);
        int code;
        try {
            code = cl.execute(args);
            if (code == NOT_ALONE) {
                // The line did not parse with its one subcommand: the whole command line parses it again and
                // tells what is wrong exactly as it always did (suggestions among all commands included).
                cl = commandLine();
                cl.setOut(out);
                cl.setErr(err);
                code = cl.execute(args);
            }
        } catch (Error e) {
            if (!OutOfMemory.explains(e)) {
                throw e;
            }
            code = outOfMemory(e, err);
        }
        if (out.checkError()) { // flushes first
            if (code == ExitCode.OK && madeFiles(cl)) {
                // The command's work is done and in its files: only its summary was lost. A scheduled run that
                // logs to a full disk must not take a written bulletin for a failure.
                err.println("注意: 无法写入" + outName.get() + "（磁盘已满、管道已关闭，或重定向到的文件不可写），"
                        + "运行摘要没有显示；文件已正常写入");
            } else {
                err.println("错误: 无法写入" + outName.get() + "（磁盘已满、管道已关闭，或重定向到的文件不可写），输出不完整");
                if (code == ExitCode.OK || code == ExitCode.INVALID_INPUT) {
                    code = ExitCode.OUTPUT;
                }
            }
        }
        err.flush();
        return code;
    }

    /** The commands whose product is files (standard output only carries their summary). */
    private static final java.util.Set<String> FILE_COMMANDS = java.util.Set.of("generate", "template", "init");

    /** Whether the command that ran writes files, so that what it was for was done without standard output. */
    private static boolean madeFiles(CommandLine cl) {
        CommandLine.ParseResult parsed = cl.getParseResult();
        if (parsed == null || !parsed.hasSubcommand()) {
            return false;
        }
        CommandLine.ParseResult sub = parsed.subcommand();
        return FILE_COMMANDS.contains(sub.commandSpec().name()) && !sub.isUsageHelpRequested()
                && !sub.isVersionHelpRequested();
    }

    /** Standard output, with the file it goes to where the system tells (Linux: {@code /dev/full}). */
    private static String stdoutName() {
        try {
            Path target = Files.readSymbolicLink(Path.of("/proc/self/fd/1"));
            return target.isAbsolute() ? "标准输出（" + target + "）" : "标准输出";
        } catch (IOException | UnsupportedOperationException | SecurityException e) {
            return "标准输出";
        }
    }

    static CommandLine commandLine() {
        return configured(BulletinCommand.withAllCommands(), Main::handleParameter);
    }

    /** What the command line of one subcommand returns where the line does not parse with it alone. */
    private static final int NOT_ALONE = Integer.MIN_VALUE;

    /**
     * The command line for these arguments: where they name one subcommand (other than {@code completion}, which
     * prints them all), only that one is added, so that picocli reads the annotations of one command, not six
     * (about a third of its start); else, and where the line does not parse so, the whole one.
     */
    static CommandLine commandLine(String[] args) {
        String sub = subcommandOf(args);
        if (sub == null || sub.equals("completion") || !BulletinCommand.SUBCOMMANDS.containsKey(sub)) {
            return commandLine();
        }
        CommandLine cl = new CommandLine(new BulletinCommand());
        cl.addSubcommand(BulletinCommand.SUBCOMMANDS.get(sub).get());
        return configured(cl, (e, a) -> NOT_ALONE);
    }

    /**
     * The first argument that is neither an option of {@code bulletin} itself nor the value of {@code -w}: the
     * subcommand the line runs, or null.
     */
    static String subcommandOf(String[] args) {
        for (int i = 0; i < args.length; i++) {
            String a = args[i];
            if (a.equals("-w") || a.equals("--workspace")) {
                i++;
            } else if (!a.startsWith("-")) {
                return a;
            }
        }
        return null;
    }

    private static CommandLine configured(CommandLine cl, CommandLine.IParameterExceptionHandler onBadLine) {
        cl.setExecutionExceptionHandler(Main::handleExecution);
        cl.setParameterExceptionHandler(onBadLine);
        cl.setUsageHelpAutoWidth(true);
        return cl;
    }

    /** The one place that turns an exception into a message and an exit code. */
    private static int handleExecution(Exception e, CommandLine cl, CommandLine.ParseResult parsed) {
        PrintWriter err = cl.getErr();
        if (OutOfMemory.explains(e)) {
            return outOfMemory(e, err);
        }
        if (e instanceof BulletinException be) {
            err.print(be.report());
            for (Problem p : be.problems()) {
                err.println(p.format());
            }
            err.println(be.getMessage().startsWith("错误") || be.getMessage().contains(": 错误: ")
                    ? be.getMessage() : "错误: " + be.getMessage());
            return be.exitCode();
        }
        defect(e, err);
        return ExitCode.INTERNAL;
    }

    /** Says {@code e} is a defect of the tool's own: one line, the stack trace only with BULLETIN_DEBUG. */
    private static void defect(Throwable e, PrintWriter err) {
        err.println(internal(e));
        debug(e, err);
    }

    /**
     * Says that memory ran out ({@code e} is how it showed) and returns its exit code: the message once, the stack
     * trace only with BULLETIN_DEBUG.
     */
    private static int outOfMemory(Throwable e, PrintWriter err) {
        int code = OutOfMemory.report(err);
        debug(e, err);
        return code;
    }

    /** {@code e}'s stack trace, where BULLETIN_DEBUG asks for it. */
    private static void debug(Throwable e, PrintWriter err) {
        if (System.getenv("BULLETIN_DEBUG") != null) {
            e.printStackTrace(err);
        }
    }

    /**
     * The message for a bug in the tool's own code: an exception no stage turned into a problem. It is never the
     * user's file that is blamed (exit 70, "请报告此问题").
     */
    static String internal(Throwable e) {
        return "错误: bulletin 内部出错（" + e.getClass().getSimpleName()
                + (e.getMessage() == null ? "" : ": " + e.getMessage()) + "）。这是程序的缺陷，不是您的数据的问题，"
                + "请报告此问题：把这条信息和所用的文件交给维护者（退出码 " + ExitCode.INTERNAL
                + "）。设置环境变量 BULLETIN_DEBUG=1 可以看到详细信息。";
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
