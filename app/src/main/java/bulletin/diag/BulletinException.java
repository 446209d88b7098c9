package bulletin.diag;

import java.util.List;

/**
 * The one exception type that ends a command: it carries the exit code and a message for the user,
 * plus any problems that explain it. The CLI prints them and exits with {@link #exitCode()}.
 */
public class BulletinException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final int exitCode;
    private final transient List<Problem> problems;
    private String report = "";

    public BulletinException(int exitCode, String message) {
        this(exitCode, message, List.of(), null);
    }

    public BulletinException(int exitCode, String message, Throwable cause) {
        this(exitCode, message, List.of(), cause);
    }

    public BulletinException(int exitCode, String message, List<Problem> problems) {
        this(exitCode, message, problems, null);
    }

    public BulletinException(int exitCode, String message, List<Problem> problems, Throwable cause) {
        super(message, cause);
        this.exitCode = exitCode;
        this.problems = List.copyOf(problems);
    }

    public static BulletinException usage(String message) {
        return new BulletinException(ExitCode.USAGE, message);
    }

    public static BulletinException invalid(String message, List<Problem> problems) {
        return new BulletinException(ExitCode.INVALID_INPUT, message, problems);
    }

    public static BulletinException output(String message, Throwable cause) {
        return new BulletinException(ExitCode.OUTPUT, message, cause);
    }

    /** The same exception, with a report printed before its problems and message (e.g. a month's verdict). */
    public BulletinException withReport(String text) {
        this.report = text == null ? "" : text;
        return this;
    }

    /** What to print before the problems and the message; empty where there is nothing. */
    public String report() {
        return report;
    }

    public int exitCode() {
        return exitCode;
    }

    public List<Problem> problems() {
        return problems;
    }
}
