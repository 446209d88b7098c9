package bulletin.cli;

import static org.assertj.core.api.Assertions.assertThat;

import bulletin.testing.Cli;
import bulletin.testing.GeneratedSamples;
import bulletin.testing.SampleWorkspace;
import bulletin.testing.TreeCopy;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.HashMap;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Outputs are safe: a failed run changes nothing, a second run waits its turn, inputs are never changed. */
class SafetyTest {

    @TempDir
    Path ws;

    @BeforeEach
    void samples() throws IOException {
        SampleWorkspace.copyTo(ws);
    }

    private Cli.Run generate(String... more) {
        String[] args = Stream.concat(Stream.of("generate", "--month", "5", "--date", "2026-05-30"), Stream.of(more))
                .toArray(String[]::new);
        return Cli.in(ws, args);
    }

    private Map<String, byte[]> snapshotOf(Path dir) throws IOException {
        Map<String, byte[]> out = new HashMap<>();
        try (Stream<Path> s = Files.walk(dir)) {
            for (Path p : s.filter(Files::isRegularFile).toList()) {
                out.put(dir.relativize(p).toString(), Files.readAllBytes(p));
            }
        }
        return out;
    }

    @Test
    void aFailedRunLeavesEarlierOutputsByteIdentical() throws IOException {
        // The earlier outputs: the suite's one generated May (the same inputs and arguments as generate()).
        assertThat(GeneratedSamples.may().run().code()).isZero();
        TreeCopy.copy(GeneratedSamples.may().workspace().resolve("out"), ws.resolve("out"));
        Map<String, byte[]> before = snapshotOf(ws.resolve("out"));
        Files.writeString(ws.resolve("notes/2026-05.md"), "\n新的一段。\n", StandardOpenOption.APPEND);
        Files.createDirectories(ws.resolve("templates"));
        Files.writeString(ws.resolve("templates/bulletin.ftl"), "@title ${title\n");
        Cli.Run broken = generate();
        assertThat(broken.code()).isEqualTo(2);
        assertThat(broken.err()).contains("templates/bulletin.ftl:1");
        Map<String, byte[]> after = snapshotOf(ws.resolve("out"));
        assertThat(after.keySet()).isEqualTo(before.keySet());
        before.forEach((k, v) -> assertThat(after.get(k)).as(k).isEqualTo(v));
    }

    @Test
    void anOutputThatCannotBeWrittenIsNamedAndNothingElseChanges() throws IOException {
        GeneratedSamples.addAprilTo(ws); // April's bulletin: May's run need not recompute April (not tested here)
        Files.writeString(ws.resolve("bulletin.yaml"), "\nchart: false\n", StandardOpenOption.APPEND); // nor the chart
        Files.createDirectories(ws.resolve("out"));
        Files.writeString(ws.resolve("out/2026-05"), "a file where the month's folder should be");
        Cli.Run r = generate();
        assertThat(r.code()).isEqualTo(3);
        assertThat(r.err()).contains("错误: 无法写入").doesNotContain("\tat ");
        assertThat(Files.readString(ws.resolve("out/2026-05"))).startsWith("a file");
    }

    @Test
    void aSecondRunOnTheSameWorkspaceIsToldToWait() throws IOException {
        // The run after the lock is let go only has to succeed: no chart (quicker).
        Files.writeString(ws.resolve("bulletin.yaml"), "\nchart: false\n", StandardOpenOption.APPEND);
        try (FileChannel ch = FileChannel.open(ws.resolve(".bulletin.lock"), StandardOpenOption.CREATE,
                StandardOpenOption.WRITE); FileLock held = ch.lock()) {
            assertThat(held.isValid()).isTrue();
            Cli.Run r = generate();
            assertThat(r.code()).isEqualTo(3);
            assertThat(r.err()).contains("另一个 bulletin 正在使用这个工作目录");
            assertThat(ws.resolve("out")).doesNotExist();
            Cli.Run forms = Cli.in(ws, "template", "--month", "6");
            assertThat(forms.code()).isEqualTo(3);
        }
        assertThat(generate().code()).isZero();
    }

    @Test
    void inputsAreNeverChanged() throws IOException {
        Map<String, byte[]> before = snapshotOf(ws.resolve("progress"));
        before.putAll(snapshotOf(ws.resolve("targets")));
        assertThat(generate().code()).isZero();
        assertThat(Cli.in(ws, "validate", "--month", "5").code()).isIn(0, 1);
        Map<String, byte[]> after = snapshotOf(ws.resolve("progress"));
        after.putAll(snapshotOf(ws.resolve("targets")));
        assertThat(after.keySet()).isEqualTo(before.keySet());
        before.forEach((k, v) -> assertThat(after.get(k)).as(k).isEqualTo(v));
    }

    @Test
    void anOversizedFileIsRefusedBeforeParsing() throws IOException {
        GeneratedSamples.addAprilTo(ws); // April's bulletin: May's runs need not recompute April (not tested here)
        Files.writeString(ws.resolve("bulletin.yaml"), "\nchart: false\n", StandardOpenOption.APPEND); // nor the chart
        Path big = ws.resolve("progress/2026-05/大文件.xlsx");
        try (RandomAccessFile f = new RandomAccessFile(big.toFile(), "rw")) {
            f.write(new byte[] {'P', 'K', 3, 4});
            f.setLength(21L * 1024 * 1024);
        }
        Cli.Run r = Cli.in(ws, "validate", "--month", "5");
        assertThat(r.code()).isEqualTo(1);
        assertThat(r.out()).contains("大文件.xlsx", "文件过大");
        // An unreadable workbook is an error of the month: generate refuses it as validate does …
        Cli.Run g = generate();
        assertThat(g.code()).isEqualTo(1);
        assertThat(g.err()).contains("大文件.xlsx", "文件过大", "--skip-invalid");
        // … and with --skip-invalid leaves it out and says so.
        Cli.Run skip = generate("--skip-invalid");
        assertThat(skip.code()).as(skip.toString()).isZero();
        assertThat(skip.err()).contains("大文件.xlsx: 错误: 文件过大");
        assertThat(skip.out()).contains("大文件.xlsx 整份未采用");
    }
}
