package bulletin.cli;

import static org.assertj.core.api.Assertions.assertThat;

import bulletin.testing.Cli;
import bulletin.testing.Cli.Run;
import bulletin.testing.GeneratedSamples;
import bulletin.testing.SampleWorkspace;
import bulletin.testing.SecondCity;
import bulletin.testing.TreeCopy;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.UnaryOperator;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;
import org.junit.jupiter.api.parallel.ResourceLock;

/**
 * Issue 21 point 8, the smaller holes: a workbook missing a part is "文件不完整", not a form without its sheet;
 * standard output lost on a full disk after the files were written is exit 0 with a line on stderr (exit 3 only
 * where nothing was written); an issue number beyond 999, given or counted on, is refused before anything is
 * written; a defect of the program's own is exit 70 with "请报告此问题", never blamed on the user's file; the
 * chart leaves no temporary file in the system's folder.
 */
@ResourceLock("system property bulletin.soffice")
class SmallHolesTest {

    @TempDir
    static Path shared;

    private static Path base;

    @TempDir
    Path ws;

    /** Beside the workspace, not in it: the LibreOffice stand-in and what it saw (gone with the test). */
    @TempDir
    Path beside;

    @BeforeAll
    static void samples() throws IOException {
        base = SampleWorkspace.copyTo(shared.resolve("base"));
    }

    @BeforeEach
    void copy() throws IOException {
        TreeCopy.copy(base, ws);
    }

    /** Rewrites a zip package entry by entry: {@code edit} returns an entry's new content, or null to leave it out. */
    private static void rewrite(Path file, java.util.function.BiFunction<String, byte[], byte[]> edit)
            throws IOException {
        Path tmp = file.resolveSibling("rewritten.zip");
        try (ZipInputStream in = new ZipInputStream(Files.newInputStream(file));
             ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(tmp))) {
            for (ZipEntry e = in.getNextEntry(); e != null; e = in.getNextEntry()) {
                byte[] content = edit.apply(e.getName(), in.readAllBytes());
                if (content != null) {
                    out.putNextEntry(new ZipEntry(e.getName()));
                    out.write(content);
                    out.closeEntry();
                }
            }
        }
        Files.move(tmp, file, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
    }

    private static void withoutSharedStrings(Path file) throws IOException {
        rewrite(file, (name, content) -> name.equals("xl/sharedStrings.xml") ? null : content);
    }

    @Test
    void aFormMissingItsSharedStringsIsIncompleteNotAFormWithoutItsSheet() throws IOException {
        withoutSharedStrings(ws.resolve("progress/2026-05/2026-05_三江镇.xlsx"));
        Run r = Cli.in(ws, "validate", "--month", "5");
        assertThat(r.code()).as(r.toString()).isEqualTo(1);
        assertThat(r.out() + r.err()).contains("2026-05_三江镇.xlsx", "文件不完整：缺少 xl/sharedStrings.xml")
                .doesNotContain("no-form-sheet", "找不到填报表");
    }

    @Test
    void aFormMissingItsStylesIsIncompleteSinceAPercentageCouldNotBeTold() throws IOException {
        rewrite(ws.resolve("progress/2026-05/2026-05_三江镇.xlsx"), (name, content) -> name.equals("xl/styles.xml") ? null
                : content);
        Run r = Cli.in(ws, "validate", "--month", "5");
        assertThat(r.code()).as(r.toString()).isEqualTo(1);
        assertThat(r.out() + r.err()).contains("2026-05_三江镇.xlsx", "文件不完整：缺少 xl/styles.xml", "百分比");
    }

    @Test
    void theSecondCitysTargetTableMissingItsSharedStringsIsIncompleteToo() throws IOException {
        Path city = shared.resolve("临江-" + System.nanoTime());
        SecondCity.writeWorkspace(city);
        withoutSharedStrings(city.resolve("targets/临江市2026年重点民生实事项目指标任务分解表.xlsx"));
        Run r = Cli.in(city, "validate", "--targets");
        assertThat(r.code()).as(r.toString()).isEqualTo(1);
        assertThat(r.out() + r.err()).contains("临江市2026年重点民生实事项目指标任务分解表.xlsx", "文件不完整：缺少 xl/sharedStrings.xml");
    }

    /** Runs the program in-process with a standard output on which every write fails, as on a full disk. */
    private static int withFullStdout(StringWriter err, String... args) {
        OutputStream full = new OutputStream() {
            @Override
            public void write(int b) throws IOException {
                throw new IOException("No space left on device");
            }
        };
        return Main.run(args, new PrintWriter(new OutputStreamWriter(full, StandardCharsets.UTF_8), true),
                new PrintWriter(err, true));
    }

    /** A LibreOffice stand-in: writes a PDF where it is asked to, and tells in {@code seen} its TMPDIR. */
    private Path fakeSoffice(Path seen) throws IOException {
        Path soffice = beside.resolve("soffice");
        Files.writeString(soffice, "#!/bin/sh\nout=\"\"; last=\"\"\n"
                + "while [ $# -gt 0 ]; do if [ \"$1\" = \"--outdir\" ]; then out=\"$2\"; shift; fi; last=\"$1\"; shift; done\n"
                + "printf '%%PDF-1.4 fake' > \"$out/$(basename \"$last\" .docx).pdf\"\n"
                + "echo \"$TMPDIR\" > '" + seen + "'\n");
        Files.setPosixFilePermissions(soffice, java.nio.file.attribute.PosixFilePermissions.fromString("rwx------"));
        return soffice;
    }

    /**
     * One run for three holes (a bulletin costs seconds): the summary lost on a full disk after the files were
     * written, the PDF made in the workspace's own temporary folder (gone afterwards), the chart drawn in memory.
     */
    @Test
    void generateWhoseSummaryCannotBeWrittenIsStill0WhenTheBulletinWasWritten() throws IOException {
        org.junit.jupiter.api.Assumptions.assumeTrue(Files.isExecutable(Path.of("/bin/sh")), "no /bin/sh");
        GeneratedSamples.addAprilTo(ws); // April's bulletin: May's run need not recompute April (not tested here)
        Path seen = beside.resolve("tmpdir.txt");
        System.setProperty("bulletin.soffice", fakeSoffice(seen).toString());
        StringWriter err = new StringWriter();
        int code;
        try {
            code = withFullStdout(err, "-w", ws.toString(), "generate", "--month", "5", "--date", "2026-05-30", "--pdf");
        } finally {
            System.clearProperty("bulletin.soffice");
        }
        assertThat(code).as(err.toString()).isZero();
        assertThat(err.toString()).contains("无法写入标准输出", "文件已正常写入").doesNotContain("错误");
        assertThat(ws.resolve("out/2026-05/bulletin.json")).isRegularFile();
        assertThat(ws.resolve("out/2026-05/工作专报（第3期）.docx")).isRegularFile();
        // The PDF was converted in the workspace's own temporary folder, which is gone.
        assertThat(ws.resolve("out/2026-05/工作专报（第3期）.pdf")).hasContent("%PDF-1.4 fake");
        assertThat(Path.of(Files.readString(seen).strip()).toAbsolutePath().normalize())
                .startsWithRaw(ws.resolve(".bulletin.tmp").toAbsolutePath().normalize());
        assertThat(ws.resolve(".bulletin.tmp")).doesNotExist();
        // The chart is drawn in memory: nothing of the program uses ImageIO, whose cache would put a file in the
        // system's temporary folder.
        assertThat(com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses().should().dependOnClassesThat()
                .belongToAnyOf(javax.imageio.ImageIO.class)
                .evaluate(bulletin.testing.MainClasses.get()).hasViolation()).isFalse();

        // inspect's output is its standard output: lost, it is exit 3
        StringWriter err2 = new StringWriter();
        assertThat(withFullStdout(err2, "-w", ws.toString(), "inspect", "--month", "5")).isEqualTo(3);
        assertThat(err2.toString()).contains("错误: 无法写入标准输出");
    }

    @Test
    void aGenerateThatWroteNothingWithItsReportLostIsNot0() {
        StringWriter err = new StringWriter();
        int code = withFullStdout(err, "-w", ws.toString(), "generate", "--month", "6", "--date", "2026-06-30");
        assertThat(code).as(err.toString()).isIn(1, 3);
        assertThat(ws.resolve("out/2026-06")).doesNotExist();
    }

    @Test
    void issueNumbersBeyond999AreRefusedBeforeAnythingIsWritten() throws IOException {
        Run given = Cli.in(ws, "generate", "--month", "5", "--issue", "1000");
        assertThat(given.code()).as(given.toString()).isEqualTo(2);
        assertThat(given.err()).contains("--issue", "1000");
        assertThat(ws.resolve("out/2026-05")).doesNotExist();

        // No chart: April's bulletin is only the issue number May would follow.
        Files.writeString(ws.resolve("bulletin.yaml"), "\nchart: false\n", java.nio.file.StandardOpenOption.APPEND);
        Run april = Cli.in(ws, "generate", "--month", "4", "--issue", "999", "--date", "2026-04-30");
        assertThat(april.code()).as(april.toString()).isZero();
        Run may = Cli.in(ws, "generate", "--month", "5", "--date", "2026-05-30");
        assertThat(may.code()).as(may.toString()).isEqualTo(2);
        assertThat(may.err()).contains("第1000期", "--issue").doesNotContain("\tat ");
        assertThat(ws.resolve("out/2026-05")).doesNotExist();
    }

    @Test
    void aDefectInTheReaderIsExit70AndNeverBlamedOnTheFile() throws IOException {
        // A shared-string cell without its index: a file Excel never writes, on which the reader once failed with a
        // NullPointerException that was reported as "文件已损坏". Whether the reader reads it or not, the file is
        // never called damaged for the program's own mistake.
        Path form = ws.resolve("progress/2026-05/2026-05_三江镇.xlsx");
        UnaryOperator<String> odd = xml -> xml.replaceFirst("<c r=\"([A-Z]+[0-9]+)\"([^>]*) t=\"s\"([^>]*)><v>[0-9]+</v></c>",
                "<c r=\"$1\"$2 t=\"s\"$3/>");
        rewrite(form, (name, content) -> name.startsWith("xl/worksheets/sheet")
                ? odd.apply(new String(content, StandardCharsets.UTF_8)).getBytes(StandardCharsets.UTF_8) : content);
        Run r = Cli.in(ws, "validate", "--month", "5");
        assertThat(r.out() + r.err()).doesNotContain("文件已损坏", "文件可能已损坏");
        if (r.code() == 70) {
            assertThat(r.err()).contains("请报告此问题", "内部出错");
        }
    }

    /** A command whose code has a bug. */
    @CommandLine.Command(name = "boom")
    static final class Boom implements Runnable {
        @Override
        public void run() {
            Object nothing = null;
            nothing.hashCode();
        }
    }

    @Test
    void anExceptionOfTheProgramsOwnIsExit70WithPleaseReport() {
        CommandLine cl = Main.commandLine();
        cl.addSubcommand("boom", new Boom());
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        cl.setOut(new PrintWriter(out, true));
        cl.setErr(new PrintWriter(err, true));
        int code = cl.execute("boom");
        assertThat(code).isEqualTo(70);
        assertThat(err.toString()).contains("内部出错（NullPointerException", "这是程序的缺陷，不是您的数据的问题", "请报告此问题")
                .doesNotContain("\tat ", "损坏");
    }

    @Test
    void defectsAreToldFromDamagedInput() {
        assertThat(bulletin.diag.Defects.isDefect(new NullPointerException())).isTrue();
        assertThat(bulletin.diag.Defects.isDefect(new ClassCastException())).isTrue();
        assertThat(bulletin.diag.Defects.isDefect(new IllegalStateException())).isTrue();
        assertThat(bulletin.diag.Defects.isDefect(new NumberFormatException("x"))).isFalse();
        assertThat(bulletin.diag.Defects.isDefect(new IndexOutOfBoundsException())).isFalse();
        assertThat(bulletin.diag.Defects.isDefect(new IllegalArgumentException())).isFalse();
    }

}
