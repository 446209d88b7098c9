package bulletin.workspace;

import java.io.IOException;
import java.nio.file.Path;

/**
 * A test's way to make one step of writing outputs fail ({@link #failAt}: an IOException there, as a file held
 * open in Excel or a full disk gives) or stop dead ({@link #killAt}: an Error that nothing catches, so nothing
 * is undone, as when the process is killed). Close it to end the fault.
 */
public final class Faults implements AutoCloseable {

    /** What a killed run leaves behind: thrown through everything, undoing nothing. */
    public static final class Killed extends Error {
        private static final long serialVersionUID = 1L;

        Killed(String where) {
            super("killed at " + where);
        }
    }

    private Faults(AtomicFile.Fault f) {
        AtomicFile.fault = f;
    }

    /**
     * The step {@code step} ({@code write}, {@code stage}, {@code journal}, {@code keep}, {@code replace},
     * {@code retire}, {@code done}) fails on the file named {@code name} (any file where null).
     */
    public static Faults failAt(String step, String name, String message) {
        return new Faults((s, file) -> {
            if (matches(step, name, s, file)) {
                throw new IOException(message);
            }
        });
    }

    /** The run stops dead at that step, as if killed. */
    public static Faults killAt(String step, String name) {
        return new Faults((s, file) -> {
            if (matches(step, name, s, file)) {
                throw new Killed(s + " " + file.getFileName());
            }
        });
    }

    private static boolean matches(String step, String name, String s, Path file) {
        return s.equals(step) && (name == null || file.getFileName().toString().equals(name));
    }

    @Override
    public void close() {
        AtomicFile.fault = (s, f) -> { };
    }
}
