package bulletin.cli;

import static org.assertj.core.api.Assertions.assertThat;

import bulletin.testing.Cli;
import bulletin.testing.Cli.Run;
import bulletin.testing.SampleWorkspace;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** generate --log (issue 25, point 5): every line of a scheduled run in its log, with the date and time first. */
class ScheduledRunLogTest {

    @TempDir
    static Path tmp;

    static Path ws;

    @BeforeAll
    static void samples() throws IOException {
        ws = SampleWorkspace.copyTo(tmp.resolve("岳阳 2026"));
    }

    @Test
    void aRefusedMonthAndAWrittenOneAreLoggedLineByLineWithTheirTime() throws IOException {
        Path log = ws.resolve("定时任务.log");
        Run june = Cli.in(ws, "generate", "--month", "6", "--require-all", "--log", log.toString());
        assertThat(june.code()).isEqualTo(1);
        assertThat(june.out() + june.err()).as("nothing on the terminal").isEmpty();
        Files.writeString(ws.resolve("bulletin.yaml"), "\nchart: false\n", java.nio.file.StandardOpenOption.APPEND); // quicker; not about the picture
        Run may = Cli.in(ws, "generate", "--month", "5", "--date", "2026-05-30", "--log", log.toString());
        assertThat(may.code()).as(may.toString()).isZero();
        assertThat(may.out() + may.err()).isEmpty();

        List<String> lines = Files.readAllLines(log);
        assertThat(lines).hasSizeGreaterThan(6).allSatisfy(l ->
                assertThat(l).matches("\\d{4}-\\d{2}-\\d{2} \\d{2}:\\d{2}:\\d{2} .*"));
        String text = String.join("\n", lines);
        assertThat(text).contains("—— bulletin -w", "generate --month 6 --require-all", "type-error",
                "generate --month 5", "工作专报（第3期）.docx");
        assertThat(text.indexOf("generate --month 6")).isLessThan(text.indexOf("generate --month 5"));
        assertThat(ws.resolve("out/2026-06")).doesNotExist();
    }

    @Test
    void aLogThatCannotBeWrittenIsExitThreeOnTheTerminal() throws IOException {
        Path folder = ws.resolve("日志是文件夹");
        Files.createDirectories(folder);
        Run r = Cli.in(ws, "generate", "--month", "5", "--log", folder.toString());
        assertThat(r.code()).isEqualTo(3);
        assertThat(r.err()).contains("无法写入日志文件", folder.toString());
    }
}
