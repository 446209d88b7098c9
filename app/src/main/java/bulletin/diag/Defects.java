package bulletin.diag;

import java.util.ConcurrentModificationException;

/**
 * Tells a defect of the tool's own code from a damaged input. A reader turns what a malformed file makes the
 * parsers throw into a named problem ("文件已损坏"), but an exception that only a mistake in the program can
 * cause must not be blamed on the user's file: it goes up to {@code Main}, which ends with exit 70 and
 * "请报告此问题".
 */
public final class Defects {

    private Defects() {
    }

    /**
     * Whether {@code e} can only come from a mistake in the program, whatever file was read: a null where the
     * code expected a value, a wrong cast, a state or operation the code did not allow for. (A number that cannot
     * be parsed, an index out of range or an illegal argument may come from a file's bytes and stay the file's.)
     */
    public static boolean isDefect(Throwable e) {
        return e instanceof NullPointerException || e instanceof ClassCastException
                || e instanceof IllegalStateException || e instanceof UnsupportedOperationException
                || e instanceof ArithmeticException || e instanceof ConcurrentModificationException
                || e instanceof ArrayStoreException || e instanceof NegativeArraySizeException;
    }
}
