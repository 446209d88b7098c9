package bulletin.testing;

import bulletin.cli.Main;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Runs the whole program in-process, as a user would from a terminal, and captures what it says. */
public final class Cli {

    /** The exit code and what was printed on stdout and stderr. */
    public record Run(int code, String out, String err) {
        @Override
        public String toString() {
            return "exit " + code + "\n--- stdout\n" + out + "--- stderr\n" + err;
        }
    }

    private Cli() {
    }

    public static Run run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Main.run(args, new PrintWriter(out, true), new PrintWriter(err, true));
        return new Run(code, out.toString(), err.toString());
    }

    /** {@code bulletin -w WORKSPACE args…}. */
    public static Run in(Path workspace, String... args) {
        List<String> all = new ArrayList<>(List.of("-w", workspace.toString()));
        all.addAll(List.of(args));
        return run(all.toArray(new String[0]));
    }
}
