package bulletin.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import bulletin.testing.Cli;
import bulletin.testing.GeneratedSamples;
import bulletin.testing.SampleWorkspace;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Wrong and hostile input in a workspace (issue 16): each case is refused with the exit code of the README's table
 * and a Chinese message naming the file (and line, where there is one), never with a stack trace, and ends by
 * itself. The timeout only guards against a hang (a FIFO read would block for ever); it asserts no speed.
 */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class HostileWorkspaceTest {

    @TempDir
    Path ws;

    /** The samples copied once for the class: each test's workspace is made from it. */
    @TempDir
    static Path pristine;

    @BeforeAll
    static void pristineSamples() throws IOException {
        SampleWorkspace.copyTo(pristine);
    }

    /**
     * The test's own workspace: what a test here changes or adds to (bulletin.yaml, notes/, targets/, templates/,
     * out/) copied, the month folders of progress/ and platform/, which no test here writes to and the program only
     * reads, hard-linked to the class's one copy (about 110 files a test, 40 tests); copied where links fail.
     */
    @BeforeEach
    void samples() throws IOException {
        try (Stream<Path> s = Files.walk(pristine)) {
            for (Path p : s.toList()) {
                Path rel = pristine.relativize(p);
                Path target = ws.resolve(rel.toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(target);
                } else if (rel.startsWith("progress") || rel.startsWith("platform")) {
                    try {
                        Files.createLink(target, p);
                    } catch (IOException | UnsupportedOperationException e) {
                        Files.copy(p, target);
                    }
                } else {
                    Files.copy(p, target);
                }
            }
        }
    }

    private Cli.Run generate(String... more) {
        String[] args = Stream.concat(Stream.of("generate", "--month", "5", "--date", "2026-05-30"), Stream.of(more))
                .toArray(String[]::new);
        return Cli.in(ws, args);
    }

    private static void refused(Cli.Run r, int code, String... words) {
        assertThat(r.code()).as(r.toString()).isEqualTo(code);
        assertThat(r.err()).as(r.toString()).contains(words).doesNotContain("\tat ", "Exception");
    }

    private void appendToConfig(String... lines) throws IOException {
        Files.writeString(ws.resolve("bulletin.yaml"), "\n" + String.join("\n", lines) + "\n", StandardOpenOption.APPEND);
    }

    private int lineOf(String text) throws IOException {
        var lines = Files.readAllLines(ws.resolve("bulletin.yaml"));
        for (int i = lines.size() - 1; i >= 0; i--) {
            if (lines.get(i).contains(text)) {
                return i + 1;
            }
        }
        throw new AssertionError(text);
    }

    // --- bulletin.yaml

    @Test
    void aKeyGivenTwiceInBulletinYamlIsRefusedWithBothLines() throws IOException {
        appendToConfig("deadline: 20");
        Cli.Run r = Cli.in(ws, "inspect");
        refused(r, 2, "bulletin.yaml:" + lineOf("deadline: 20"), "deadline", "写了两次", "第 5 行");
    }

    @Test
    void anIndicatorGivenTwiceInBulletinYamlIsRefused() throws IOException {
        appendToConfig("  \"03-01\": {target: 7000}");
        refused(Cli.in(ws, "inspect"), 2, "bulletin.yaml:" + lineOf("7000"), "indicators.03-01", "写了两次");
    }

    @Test
    void aDeadlineOutOfTheMonthIsRefusedWithItsLine() throws IOException {
        Path yaml = ws.resolve("bulletin.yaml");
        Files.writeString(yaml, Files.readString(yaml).replace("deadline: 25", "deadline: 99"));
        refused(Cli.in(ws, "inspect"), 2, "bulletin.yaml:5: 错误: deadline", "1 到 31", "99");
    }

    @Test
    void aNegativeTargetIsRefusedWithItsLine() throws IOException {
        Path yaml = ws.resolve("bulletin.yaml");
        Files.writeString(yaml, Files.readString(yaml).replace("{target: 6000}", "{target: -6000}"));
        refused(Cli.in(ws, "validate", "--targets"), 2, "bulletin.yaml:" + lineOf("-6000") + ": 错误: 指标 03-01 的 target",
                "负数", "-6000");
    }

    @Test
    void aFirstMonthOrAYearOutOfRangeIsRefusedWithItsLine() throws IOException {
        appendToConfig("  \"03-02\":", "    from: 13");
        refused(Cli.in(ws, "inspect"), 2, "bulletin.yaml:" + lineOf("from: 13") + ": 错误: 指标 03-02 的 from", "1 到 12");
        Path yaml = ws.resolve("bulletin.yaml");
        Files.writeString(yaml, "year: 20026\n");
        refused(Cli.in(ws, "inspect"), 2, "bulletin.yaml:1: 错误: year", "20026");
    }

    @Test
    void anIndicatorCodeTheTablesDoNotHaveIsRefusedWithTheNearestOne() throws IOException {
        appendToConfig("  \"16-2\": {kind: progress}", "  \"99-99\": {target: 1}");
        Cli.Run r = generate();
        refused(r, 2, "bulletin.yaml:" + lineOf("16-2") + ": 错误: indicators 中的编码“16-2”", "是不是“16-02”",
                "bulletin.yaml:" + lineOf("99-99") + ": 错误: indicators 中的编码“99-99”不是任何指标的编码");
        assertThat(r.err()).doesNotContain("“99-99”不是任何指标的编码，是不是");
        assertThat(ws.resolve("out/2026-05")).doesNotExist();
    }

    @ParameterizedTest
    @ValueSource(strings = {"devZero", "fifo", "oversized"})
    void bulletinYamlMustBeARegularFileOfModestSize(String kind) throws IOException {
        hostile(ws.resolve("bulletin.yaml"), kind, InputSize.TEXT);
        refused(Cli.in(ws, "inspect"), 2, "bulletin.yaml: 错误:");
    }

    // --- the command line

    @ParameterizedTest
    @ValueSource(strings = {"0", "1000", "2147483647", "-5"})
    void anIssueNumberOutOfRangeIsRefused(String issue) {
        refused(generate("--issue", issue), 2, "--issue", "1 到 999");
        assertThat(ws.resolve("out/2026-05")).doesNotExist();
    }

    @ParameterizedTest
    @ValueSource(strings = {"0000-01-01", "2099-05-30", "2024-12-31"})
    void aDateFarFromTheTablesYearIsRefused(String date) {
        refused(Cli.in(ws, "generate", "--month", "5", "--date", date), 2, "--date 的值“" + date + "”", "2025 年到 2027 年");
        assertThat(ws.resolve("out/2026-05")).doesNotExist();
    }

    // --- an earlier snapshot

    @ParameterizedTest
    @ValueSource(strings = {"{}", "other-year", "not-json", "no-figures", "devZero", "folder"})
    void aDamagedOrForeignEarlierSnapshotIsNamedAndLastMonthComputedAgain(String kind) throws IOException {
        Path april = ws.resolve("out/2026-04/bulletin.json");
        Files.createDirectories(april.getParent());
        switch (kind) {
            case "{}" -> Files.writeString(april, "{}");
            case "not-json" -> Files.writeString(april, "<html>保存失败</html>");
            case "no-figures" -> Files.writeString(april, "{\"year\": 2026, \"month\": 4, \"issue\": 2}");
            case "other-year" -> {
                // April's bulletin as generate --month 4 --date 2026-04-30 makes it on the samples (the suite's one)
                assertThat(GeneratedSamples.april().run().code()).isZero();
                Files.copy(GeneratedSamples.april().workspace().resolve("out/2026-04/bulletin.json"), april);
                String json = Files.readString(april);
                Files.writeString(april, json.replaceFirst("\"year\"\\s*:\\s*2026", "\"year\": 2025"));
            }
            default -> hostile(april, kind, InputSize.TEXT);
        }
        appendToConfig("chart: false"); // quicker; what is checked here is how April's snapshot is judged
        Cli.Run r = generate();
        assertThat(r.code()).as(r.toString()).isZero();
        assertThat(r.out() + r.err()).contains("out/2026-04/bulletin.json ", "不能作为4月的快照")
                .doesNotContain("\tat ", "Exception");
        assertThat(Files.readString(ws.resolve("out/2026-05/bulletin.json"))).contains("\"previous\" : \"computed\"");
    }

    // --- two copies of the target table

    @Test
    void aSecondIdenticalCopyOfTheTargetTableIsRefusedNamingBoth() throws IOException {
        Path table = targetTable();
        Files.copy(table, ws.resolve("targets/指标表（副本）.xlsx"));
        Cli.Run r = Cli.in(ws, "validate", "--targets");
        refused(r, 2, "targets/" + table.getFileName(), "targets/指标表（副本）.xlsx", "是同一张指标任务分解表的两份",
                "完全相同");
    }

    @Test
    void aSecondCopyWithOtherFiguresIsRefusedNamingTheFirstCellThatDiffers() throws IOException {
        Path table = targetTable();
        Path copy = ws.resolve("targets/指标表（修改）.xlsx");
        String cell;
        try (InputStream in = Files.newInputStream(table); XSSFWorkbook wb = new XSSFWorkbook(in)) {
            cell = changeFirstNumber(wb);
            try (OutputStream out = Files.newOutputStream(copy)) {
                wb.write(out);
            }
        }
        Cli.Run r = generate();
        refused(r, 2, "targets/" + table.getFileName(), "targets/指标表（修改）.xlsx", "两份内容不同",
                "!" + cell + "（");
        assertThat(ws.resolve("out/2026-05")).doesNotExist();
    }

    private Path targetTable() throws IOException {
        try (Stream<Path> s = Files.list(ws.resolve("targets"))) {
            return s.filter(p -> p.getFileName().toString().contains("指标任务")).findFirst().orElseThrow();
        }
    }

    /** Adds one to the first numeric cell below the header of the first sheet; its reference. */
    private static String changeFirstNumber(XSSFWorkbook wb) {
        for (Row row : wb.getSheetAt(0)) {
            for (Cell c : row) {
                if (row.getRowNum() > 3 && c.getCellType() == CellType.NUMERIC) {
                    c.setCellValue(c.getNumericCellValue() + 1);
                    return c.getAddress().formatAsString();
                }
            }
        }
        throw new AssertionError("no number in the target table");
    }

    @Test
    void whatIsNoWorkbookInTargetsIsNamed() throws IOException {
        Files.createDirectories(ws.resolve("targets/旧表.xlsx"));
        Files.writeString(ws.resolve("targets/通知.pdf"), "%PDF-1.4");
        Files.createSymbolicLink(ws.resolve("targets/链接.xlsx"), ws.resolve("targets/不存在.xlsx"));
        Cli.Run r = Cli.in(ws, "inspect");
        refused(r, 1, "targets/旧表.xlsx: 错误:", "文件夹", "targets/链接.xlsx: 错误:", "链接");
        Files.delete(ws.resolve("targets/旧表.xlsx"));
        Files.delete(ws.resolve("targets/链接.xlsx"));
        Cli.Run ok = Cli.in(ws, "inspect");
        assertThat(ok.code()).as(ok.toString()).isZero();
        assertThat(ok.out() + ok.err()).contains("targets/通知.pdf: 警告: 不是 Excel 工作簿");
    }

    // --- only regular files, with a cap

    @ParameterizedTest
    @ValueSource(strings = {"devZero", "fifo", "folder", "brokenLink", "oversized", "outsideLink"})
    void theNotesMustBeARegularFileOfModestSize(String kind) throws IOException {
        Path notes = ws.resolve("notes/2026-05.md");
        Files.delete(notes);
        hostile(notes, kind, InputSize.TEXT);
        refused(generate(), 2, "notes/2026-05.md: 错误:");
        assertThat(ws.resolve("out/2026-05")).doesNotExist();
    }

    @ParameterizedTest
    @ValueSource(strings = {"devZero", "fifo", "folder", "brokenLink", "oversized", "outsideLink"})
    void aWorkspaceTemplateMustBeARegularFileOfModestSize(String kind) throws IOException {
        Files.createDirectories(ws.resolve("templates"));
        hostile(ws.resolve("templates/bulletin.ftl"), kind, InputSize.TEXT);
        refused(generate(), 2, "templates/bulletin.ftl: 错误:");
        assertThat(ws.resolve("out/2026-05")).doesNotExist();
    }

    @ParameterizedTest
    @ValueSource(strings = {"fifo", "folder", "oversized"})
    void theReferenceDocumentMustBeARegularFileOfModestSize(String kind) throws IOException {
        Files.createDirectories(ws.resolve("templates"));
        hostile(ws.resolve("templates/reference.docx"), kind, InputSize.DOCX);
        refused(generate(), 2, "templates/reference.docx: 错误:");
        assertThat(ws.resolve("out/2026-05")).doesNotExist();
    }

    private enum InputSize {
        TEXT(8L * 1024 * 1024 + 1), DOCX(64L * 1024 * 1024 + 1);

        final long over;

        InputSize(long over) {
            this.over = over;
        }
    }

    /** Puts something that is no regular file of modest size where an input is read from. */
    private static void hostile(Path p, String kind, InputSize size) throws IOException {
        Files.deleteIfExists(p);
        switch (kind) {
            case "devZero" -> {
                assumeTrue(Files.exists(Path.of("/dev/zero")), "no /dev/zero here");
                Files.createSymbolicLink(p, Path.of("/dev/zero"));
            }
            case "fifo" -> {
                try {
                    Process mk = new ProcessBuilder("mkfifo", p.toString()).start();
                    assumeTrue(mk.waitFor(10, TimeUnit.SECONDS) && mk.exitValue() == 0, "mkfifo failed");
                } catch (IOException | InterruptedException e) {
                    assumeTrue(false, "no mkfifo here: " + e);
                }
            }
            case "folder" -> Files.createDirectories(p);
            case "brokenLink" -> Files.createSymbolicLink(p, p.resolveSibling("nowhere"));
            case "outsideLink" -> {
                // A link to a readable regular file outside the workspace: its inputs are the workspace's files.
                Path outside = Files.createTempFile("bulletin-outside", ".txt");
                Files.writeString(outside, "# 工作动态\n来自工作目录之外的文字\n");
                outside.toFile().deleteOnExit();
                Files.createSymbolicLink(p, outside);
            }
            case "oversized" -> {
                try (RandomAccessFile f = new RandomAccessFile(p.toFile(), "rw")) {
                    f.setLength(size.over); // sparse: costs no disk
                }
            }
            default -> throw new IllegalArgumentException(kind);
        }
    }
}
