package bulletin.cli;

import static org.assertj.core.api.Assertions.assertThat;

import bulletin.testing.Cli;
import bulletin.testing.Cli.Run;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * {@code --help} stands alone (issue 25, point 3): a 说明 for every command, examples that run from any folder
 * ({@code -w D:\岳阳2026}), a pointer to the shipped guide, and no file the release archive lacks.
 */
class StandAloneHelpTest {

    static final List<String> COMMANDS = List.of("init", "inspect", "template", "generate", "validate", "completion");

    /** Files a help text may name: the docs the archive ships (docs/ as it is, and the guide made from it). */
    static boolean shipped(String name) {
        return name.equals("使用说明.html") || Files.isRegularFile(Path.of(name));
    }

    @Test
    void everyCommandHasADescriptionAndExamplesThatRunFromAnyFolder() {
        Run root = Cli.run("--help");
        assertThat(root.code()).isZero();
        assertThat(root.out()).contains("说明：", "示例", "bulletin -w D:\\岳阳2026 generate --month 5",
                "docs/clerk.md", "使用说明.html", "docs/reference.md", "退出码", "70");
        for (String c : COMMANDS) {
            Run r = Cli.run(c, "--help");
            assertThat(r.code()).isZero();
            assertThat(r.out()).as(c).contains("说明：", "用法：");
            if (!c.equals("completion")) {
                assertThat(r.out()).as(c).contains("bulletin -w D:\\岳阳2026 ");
            }
        }
    }

    @Test
    void helpNamesNoFileTheArchiveLacksAndNoPathOfTheSourceTree() {
        Pattern named = Pattern.compile("(docs/[\\w.-]+\\.\\w+|[\\w.-]+\\.(?:md|txt|html|pdf))");
        int checked = 0;
        for (String c : List.of("", "init", "inspect", "template", "generate", "validate", "completion")) {
            Run r = c.isEmpty() ? Cli.run("--help") : Cli.run(c, "--help");
            assertThat(r.out()).as(c).doesNotContain("README", "samples/miluo-2026");
            Matcher m = named.matcher(r.out());
            while (m.find()) {
                assertThat(shipped(m.group(1))).as(c + " --help names " + m.group(1)).isTrue();
                checked++;
            }
        }
        assertThat(checked).isGreaterThan(4);
    }
}
