package bulletin.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/**
 * A run builds picocli's model of the one subcommand it runs ({@link Main#commandLine(String[])}); what it prints
 * and returns is what the whole command line gives, for help, versions and lines that do not parse.
 */
class SubcommandAloneTest {

    @Test
    void theSubcommandIsTheFirstArgumentThatIsNoOptionOfBulletinNorTheWorkspace() {
        assertThat(Main.subcommandOf(new String[] {"generate", "--month", "5"})).isEqualTo("generate");
        assertThat(Main.subcommandOf(new String[] {"-w", "validate", "inspect"})).isEqualTo("inspect");
        assertThat(Main.subcommandOf(new String[] {"--workspace", "d", "validate"})).isEqualTo("validate");
        assertThat(Main.subcommandOf(new String[] {"-wd", "--workspace=e", "-h", "template"})).isEqualTo("template");
        assertThat(Main.subcommandOf(new String[] {"--help"})).isNull();
        assertThat(Main.subcommandOf(new String[] {"-w"})).isNull();
    }

    @Test
    void aLineWithOneSubcommandBuildsThatOneAlone() {
        CommandLine cl = Main.commandLine(new String[] {"-w", "x", "generate", "--month", "5"});
        assertThat(cl.getSubcommands().keySet()).containsExactly("generate");
        assertThat(Main.commandLine(new String[] {"completion"}).getSubcommands()).hasSize(6);
        assertThat(Main.commandLine(new String[] {"genrate"}).getSubcommands()).hasSize(6);
        assertThat(Main.commandLine(new String[] {"--help"}).getSubcommands().keySet())
                .containsExactly("init", "inspect", "template", "generate", "validate", "completion");
    }

    @Test
    void whatALinePrintsIsWhatTheWholeCommandLinePrints() {
        for (List<String> line : List.of(List.of("generate", "--help"), List.of("-w", "d", "validate", "-h"),
                List.of("init", "--help"), List.of("inspect", "--help"), List.of("template", "--help"),
                List.of("generate"), List.of("generate", "--month"), List.of("generate", "--month", "5", "--bogus"),
                List.of("generate", "--month", "5", "validate"), List.of("validate", "--mnth", "5"),
                List.of("genrate", "--month", "5"), List.of("-V", "inspect"), List.of("--help"))) {
            String[] args = line.toArray(String[]::new);
            StringWriter out = new StringWriter();
            StringWriter err = new StringWriter();
            int code = Main.run(args, new PrintWriter(out, true), new PrintWriter(err, true));
            StringWriter wholeOut = new StringWriter();
            StringWriter wholeErr = new StringWriter();
            CommandLine whole = Main.commandLine();
            whole.setOut(new PrintWriter(wholeOut, true));
            whole.setErr(new PrintWriter(wholeErr, true));
            int wholeCode = whole.execute(args);
            assertThat(code).as(String.join(" ", line)).isEqualTo(wholeCode);
            assertThat(out.toString()).as(String.join(" ", line)).isEqualTo(wholeOut.toString());
            assertThat(err.toString()).as(String.join(" ", line)).isEqualTo(wholeErr.toString());
            assertThat(out.toString() + err.toString()).as(String.join(" ", line)).isNotBlank();
        }
    }
}
