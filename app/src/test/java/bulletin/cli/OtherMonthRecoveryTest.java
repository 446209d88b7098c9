package bulletin.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import bulletin.testing.Cli;
import bulletin.testing.Cli.Run;
import bulletin.testing.GeneratedSamples;
import bulletin.testing.TreeCopy;
import bulletin.workspace.Faults;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.api.parallel.Isolated;

/**
 * Issue 21 point 5: a run of any month first undoes an interrupted replacement of any other month. A kill while
 * May's bulletin is being replaced, followed by a run for June (or a template run), never leaves May's .docx and
 * bulletin.json from different runs, and June never reads a May that is half replaced.
 */
@Isolated("Faults: the fault is the program's one for every run in the JVM")
class OtherMonthRecoveryTest {

    private static final String JSON = "bulletin.json";
    private static final String DOCX = "工作专报（第3期）.docx";
    private static final String XLSX = "推进情况统计表（第3期）.xlsx";

    @TempDir
    static Path shared;

    /** The samples with May's bulletin made on 2026-05-30, then a run for 05-31 killed half way through. */
    private static Path killed;
    private static Map<String, byte[]> earlier;

    @TempDir
    Path ws;

    @BeforeAll
    static void mayKilledWhileReplaced() throws IOException {
        // The suite's one generated May (generate --month 5 --date 2026-05-30 on the samples), copied.
        killed = GeneratedSamples.copyTo(shared.resolve("base"));
        Run first = GeneratedSamples.may().run();
        assertThat(first.code()).as(first.toString()).isZero();
        earlier = files(killed.resolve("out/2026-05"));
        assertThat(earlier).containsKeys(JSON, DOCX, XLSX);
        // The interrupted run and every later one without the chart: no picture is looked at here (quicker).
        Files.writeString(killed.resolve("bulletin.yaml"), "\nchart: false\n", java.nio.file.StandardOpenOption.APPEND);
        assertThatThrownBy(() -> {
            try (Faults f = Faults.killAt("replace", JSON)) {
                Cli.in(killed, "generate", "--month", "5", "--date", "2026-05-31");
            }
        }).isInstanceOf(Faults.Killed.class);
        // Killed half way: May's .docx is the new one, its json the earlier one; the journal says how to undo it.
        Path may = killed.resolve("out/2026-05");
        assertThat(may.resolve(".bulletin.undo")).isRegularFile();
        assertThat(Files.readAllBytes(may.resolve(JSON))).isEqualTo(earlier.get(JSON));
        assertThat(Files.readAllBytes(may.resolve(DOCX))).isNotEqualTo(earlier.get(DOCX));
    }

    @BeforeEach
    void copy() throws IOException {
        TreeCopy.copy(killed, ws);
    }

    @Test
    void aRunForJuneFirstUndoesMaysInterruptedReplacement() throws IOException {
        Run june = Cli.in(ws, "generate", "--month", "6", "--date", "2026-06-30", "--skip-invalid");
        assertThat(june.code()).as(june.toString()).isZero();
        assertThat(june.out()).contains("上次运行在替换 out/2026-05/ 中的文件时中断，已先恢复原有的专报");
        assertMayIsTheEarlierSetWhole();
        // June's bulletin was made on the whole May: its issue follows May's.
        assertThat(ws.resolve("out/2026-06/工作专报（第4期）.docx")).isRegularFile();
    }

    @Test
    void aJuneRunRefusedForItsOwnInputsStillLeavesMayWhole() throws IOException {
        Run june = Cli.in(ws, "generate", "--month", "6", "--date", "2026-06-30");
        assertThat(june.code()).as(june.toString()).isEqualTo(1); // June's deliberate mistakes
        assertMayIsTheEarlierSetWhole();
        assertThat(ws.resolve("out/2026-06")).doesNotExist();
    }

    @Test
    void aTemplateRunUndoesItTooAndEmptiesTheWorkspacesTemporaryFolder() throws IOException {
        Path left = Files.createDirectories(ws.resolve(".bulletin.tmp/pdf123/profile"));
        Files.writeString(left.resolve("registrymodifications.xcu"), "left by a killed conversion");
        Run t = Cli.in(ws, "template", "--month", "7");
        assertThat(t.code()).as(t.toString()).isZero();
        assertMayIsTheEarlierSetWhole();
        assertThat(ws.resolve(".bulletin.tmp")).doesNotExist();
    }

    @Test
    void validateWhichWritesNothingLeavesTheJournalForTheNextWriter() throws IOException {
        Run v = Cli.in(ws, "validate", "--month", "5");
        assertThat(v.code()).as(v.toString()).isZero();
        assertThat(ws.resolve("out/2026-05/.bulletin.undo")).isRegularFile();
    }

    private void assertMayIsTheEarlierSetWhole() throws IOException {
        Map<String, byte[]> may = files(ws.resolve("out/2026-05"));
        assertThat(may.keySet()).containsExactlyInAnyOrder(JSON, DOCX, XLSX);
        assertThat(may.get(JSON)).isEqualTo(earlier.get(JSON));
        assertThat(may.get(DOCX)).isEqualTo(earlier.get(DOCX));
        assertThat(may.get(XLSX)).isEqualTo(earlier.get(XLSX));
    }

    /** The regular files of a folder by name (hidden ones left out), with their bytes. */
    private static Map<String, byte[]> files(Path dir) throws IOException {
        Map<String, byte[]> out = new TreeMap<>();
        try (Stream<Path> s = Files.list(dir)) {
            for (Path p : s.toList()) {
                String n = p.getFileName().toString();
                if (!n.startsWith(".") && Files.isRegularFile(p)) {
                    out.put(n, Files.readAllBytes(p));
                }
            }
        }
        return out;
    }
}
