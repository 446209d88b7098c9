package bulletin.docs;

import static org.assertj.core.api.Assertions.assertThat;

import bulletin.diag.ProblemCodes;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import picocli.CommandLine;
import picocli.CommandLine.Model.OptionSpec;
import org.junit.jupiter.api.Test;

/**
 * {@code docs/reference.md} is what the picocli model and the problem registry give. After changing a command's
 * options or texts, or {@code ProblemCodes}, regenerate it:
 * {@code mvn -B test -Dtest=ReferenceDocTest -Dbulletin.writeDocs=true} (and review the diff).
 */
class ReferenceDocTest {

    @Test
    void theCommittedReferenceIsWhatTheModelGives() throws IOException {
        String committed = Files.readString(ReferenceDoc.FILE, StandardCharsets.UTF_8);
        String generated = ReferenceDoc.regenerate(committed);
        if (Boolean.getBoolean("bulletin.writeDocs") && !generated.equals(committed)) {
            Files.writeString(ReferenceDoc.FILE, generated, StandardCharsets.UTF_8);
            committed = generated;
        }
        assertThat(committed).as("docs/reference.md is out of date: run mvn -B test -Dtest=ReferenceDocTest "
                + "-Dbulletin.writeDocs=true").isEqualTo(generated);
        assertThat(committed).contains("<!-- BEGIN GENERATED: commands", "<!-- BEGIN GENERATED: problem-codes");
    }

    @Test
    void everyCommandOptionAndProblemCodeIsInTheReference() throws IOException {
        String ref = Files.readString(ReferenceDoc.FILE, StandardCharsets.UTF_8);
        int options = 0;
        for (CommandLine cl : ReferenceDoc.all()) {
            assertThat(ref).contains("### `" + cl.getCommandSpec().qualifiedName() + "`");
            for (OptionSpec o : cl.getCommandSpec().options()) {
                for (String name : o.names()) {
                    assertThat(ref).as(cl.getCommandName() + " " + name).contains("`" + name);
                    options++;
                }
            }
        }
        assertThat(options).isGreaterThan(20);
        for (ProblemCodes.Code c : ProblemCodes.ALL) {
            assertThat(ref).contains("| `" + c.code() + "` |");
        }
    }
}
