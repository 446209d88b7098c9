package bulletin.diag;

/** The process exit codes, documented in the README. */
public final class ExitCode {
    /** The command did what was asked. */
    public static final int OK = 0;
    /** The inputs (tables, workbooks) have errors; nothing or not everything could be done. */
    public static final int INVALID_INPUT = 1;
    /** Wrong options, a missing workspace, or a bad bulletin.yaml. */
    public static final int USAGE = 2;
    /** An output could not be written (permissions, disk, a file locked by another program). */
    public static final int OUTPUT = 3;
    /** A defect in bulletin itself. */
    public static final int INTERNAL = 70;

    private ExitCode() {
    }
}
