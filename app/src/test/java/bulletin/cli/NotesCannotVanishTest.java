package bulletin.cli;

import static org.assertj.core.api.Assertions.assertThat;

import bulletin.testing.Cli;
import bulletin.testing.Cli.Run;
import bulletin.testing.GeneratedSamples;
import bulletin.testing.SampleWorkspace;
import bulletin.testing.TreeCopy;
import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 21 point 6: the clerk's notes that cannot be read stop {@code generate} with exit 2 and their name, as
 * {@code bulletin.yaml} does, and nothing is written; a GBK file is named as GBK. Before, such a month's bulletin
 * was published without its 工作动态 and 下一步工作安排.
 */
class NotesCannotVanishTest {

    @TempDir
    static Path shared;

    private static Path base;

    @TempDir
    Path ws;

    @BeforeAll
    static void samples() throws IOException {
        base = SampleWorkspace.copyTo(shared.resolve("base"));
    }

    @BeforeEach
    void copy() throws IOException {
        TreeCopy.copy(base, ws);
    }

    private Path notes() {
        return ws.resolve("notes/2026-05.md");
    }

    @Test
    void notesSavedAsGbkStopGenerateWithExit2NamingTheFileAndItsEncoding() throws IOException {
        GeneratedSamples.addAprilTo(ws); // April's bulletin: May's run need not compute April again (not tested)
        String text = Files.readString(notes());
        assertThat(text).contains("# 工作动态");
        Files.write(notes(), text.getBytes(Charset.forName("GBK")));
        Run r = Cli.in(ws, "generate", "--month", "5", "--date", "2026-05-30");
        assertThat(r.code()).as(r.toString()).isEqualTo(2);
        assertThat(r.err()).contains("notes/2026-05.md: 错误: 文件是 GBK 编码，请另存为 UTF-8").doesNotContain("\tat ");
        assertThat(ws.resolve("out/2026-05")).doesNotExist();
        // saved again as UTF-8, the same notes make the bulletin
        Files.writeString(notes(), text);
        Files.writeString(ws.resolve("bulletin.yaml"), "\nchart: false\n", java.nio.file.StandardOpenOption.APPEND); // quicker; not about the picture
        Run again = Cli.in(ws, "generate", "--month", "5", "--date", "2026-05-30");
        assertThat(again.code()).as(again.toString()).isZero();
        assertThat(again.out()).doesNotContain("略去了“工作动态”");
    }

    @Test
    void notesThatAreAFolderStopGenerateWithExit2() throws IOException {
        Files.delete(notes());
        Files.createDirectories(notes());
        Run r = Cli.in(ws, "generate", "--month", "5", "--date", "2026-05-30");
        assertThat(r.code()).as(r.toString()).isEqualTo(2);
        assertThat(r.err()).contains("notes/2026-05.md: 错误: 这是一个文件夹");
        assertThat(ws.resolve("out/2026-05")).doesNotExist();
    }

    @Test
    void aBulletinYamlSavedAsGbkIsNamedAsGbkToo() throws IOException {
        Path yaml = ws.resolve("bulletin.yaml");
        Files.write(yaml, Files.readString(yaml).getBytes(Charset.forName("GBK")));
        Run r = Cli.in(ws, "validate", "--month", "5");
        assertThat(r.code()).as(r.toString()).isEqualTo(2);
        assertThat(r.err()).contains("bulletin.yaml: 错误: 文件是 GBK 编码，请另存为 UTF-8");
    }
}
