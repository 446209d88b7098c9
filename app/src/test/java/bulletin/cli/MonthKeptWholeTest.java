package bulletin.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import bulletin.ingest.SnapshotReader;
import bulletin.testing.Cli;
import bulletin.testing.Cli.Run;
import bulletin.testing.GeneratedSamples;
import bulletin.testing.TreeCopy;
import bulletin.text.Format;
import bulletin.workspace.Faults;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.parallel.Isolated;

/**
 * A month's bulletin is kept whole: whatever step of {@code generate} fails, or is killed, the month has a
 * complete bulletin (the earlier or the new) whose {@code bulletin.json} and .docx agree; "unchanged" means every
 * output, and a damaged output is rewritten; what a killed run leaves is cleaned up by the next.
 */
@Isolated("Faults: the fault is the program's one for every run in the JVM")
class MonthKeptWholeTest {

    private static final String DOCX = "工作专报（第3期）.docx";
    private static final String XLSX = "推进情况统计表（第3期）.xlsx";
    private static final String JSON = "bulletin.json";
    private static final String EARLIER = "2026-05-30";
    private static final String NEW = "2026-05-31";

    @TempDir
    static Path shared;

    /**
     * The samples with May's bulletin made on 2026-05-30: the earlier set every test starts from. Made on the
     * suite's samples with April generated (GeneratedSamples.april), so that none of this class's runs recomputes
     * April from its workbooks, without the chart (bulletin.yaml's {@code chart: false}) and with five of May's
     * workbooks: what these tests check is which files stand after a failure, not what the month or its picture says.
     */
    private static Path base;
    private static Map<String, byte[]> earlier;

    @TempDir
    Path ws;

    @BeforeAll
    static void earlierBulletin() throws IOException {
        base = GeneratedSamples.copyAprilTo(shared.resolve("base"));
        Files.writeString(base.resolve("bulletin.yaml"), "\nchart: false\n", java.nio.file.StandardOpenOption.APPEND);
        // Five of May's 30 workbooks: the others' units count as not reported (carried from April's bulletin), and
        // each of this class's 17 runs reads five workbooks instead of 30.
        try (Stream<Path> s = Files.list(base.resolve("progress/2026-05"))) {
            List<Path> workbooks = s.sorted().toList();
            assertThat(workbooks).hasSizeGreaterThan(5);
            for (Path p : workbooks.subList(5, workbooks.size())) {
                Files.delete(p);
            }
        }
        Run r = Cli.in(base, "generate", "--month", "5", "--date", EARLIER);
        assertThat(r.code()).as(r.toString()).isZero();
        assertThat(Files.readString(base.resolve("out/2026-05/bulletin.json"))).contains("\"" + EARLIER + "\"");
        earlier = files(base.resolve("out/2026-05"));
        assertThat(earlier.keySet()).containsExactlyInAnyOrder(DOCX, XLSX, JSON);
        assertThat(Cli.in(base, "template", "--month", "6").code()).isZero(); // so that later runs write no form
        startInspectToDevFull();
    }

    /** inspectJsonToDevFullIsExit3NamingIt's child JVM and what it printed on stderr (null without /dev/full). */
    private static Process devFull;
    private static java.util.concurrent.FutureTask<String> devFullErr;
    private static IOException devFullNotStarted;

    /**
     * The child JVM of {@link #inspectJsonToDevFullIsExit3NamingIt}, started here on its own copy of the earlier
     * set (what that test's workspace is when it starts): about a second of a JVM's start that runs on the other
     * core beside the class's other tests, instead of the class waiting for it. The test waits for it and asserts
     * on it.
     */
    private static void startInspectToDevFull() throws IOException {
        Path full = Path.of("/dev/full");
        if (!Files.exists(full)) {
            return;
        }
        Path copy = shared.resolve("dev-full");
        TreeCopy.copy(base, copy);
        List<String> cmd = List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-Xshare:auto", "-cp", System.getProperty("java.class.path"),
                Main.class.getName(), "-w", copy.toString(), "inspect", "--json");
        Process p;
        try {
            p = new ProcessBuilder(cmd).redirectOutput(full.toFile()).start();
        } catch (IOException e) {
            devFullNotStarted = e; // that test fails with it, not the whole class
            return;
        }
        devFullErr = new java.util.concurrent.FutureTask<>(() -> {
            try (InputStream in = p.getErrorStream()) {
                return new String(in.readAllBytes(), StandardCharsets.UTF_8);
            }
        });
        Thread reader = new Thread(devFullErr, "dev-full-stderr");
        reader.setDaemon(true);
        reader.start();
        devFull = p;
    }

    @AfterAll
    static void noChildLeft() {
        if (devFull != null) {
            devFull.destroy();
        }
    }

    @BeforeEach
    void copy() throws IOException {
        TreeCopy.copy(base, ws);
    }

    private Path out() {
        return ws.resolve("out/2026-05");
    }

    private Run generate(String date, String... more) {
        List<String> args = new ArrayList<>(List.of("generate", "--month", "5", "--date", date));
        args.addAll(List.of(more));
        return Cli.in(ws, args.toArray(new String[0]));
    }

    /** Every entry of a folder (hidden ones too) by name, with a regular file's bytes (a folder's: empty). */
    private static Map<String, byte[]> files(Path dir) throws IOException {
        Map<String, byte[]> all = new TreeMap<>();
        try (Stream<Path> s = Files.list(dir)) {
            for (Path p : s.toList()) {
                all.put(p.getFileName().toString(),
                        Files.isRegularFile(p, LinkOption.NOFOLLOW_LINKS) ? Files.readAllBytes(p) : new byte[0]);
            }
        }
        return all;
    }

    /** The month's current bulletin: its json and its .docx carry the same date, which is returned. */
    private String currentBulletin() throws IOException {
        String date = SnapshotReader.read(out().resolve(JSON), JSON).date();
        assertThat(documentXml(out().resolve(DOCX))).contains(Format.chineseDate(LocalDate.parse(date)));
        assertThat(out().resolve(XLSX)).isRegularFile();
        return date;
    }

    private static String documentXml(Path docx) throws IOException {
        try (ZipInputStream z = new ZipInputStream(Files.newInputStream(docx))) {
            for (ZipEntry e = z.getNextEntry(); e != null; e = z.getNextEntry()) {
                if (e.getName().equals("word/document.xml")) {
                    return new String(z.readAllBytes(), StandardCharsets.UTF_8);
                }
            }
        }
        throw new AssertionError("no word/document.xml in " + docx);
    }

    /** The earlier set, exactly: the same names, the same bytes, nothing hidden left over. */
    private void assertEarlierSetIntact() throws IOException {
        assertEarlierSetIntact(earlier);
    }

    private void assertEarlierSetIntact(Map<String, byte[]> expected) throws IOException {
        Map<String, byte[]> now = files(out());
        assertThat(now.keySet()).isEqualTo(expected.keySet());
        expected.forEach((k, v) -> assertThat(now.get(k)).as(k).isEqualTo(v));
        assertThat(currentBulletin()).isEqualTo(EARLIER);
    }

    /**
     * The two cases: an earlier file that cannot be kept (held open in WPS on Windows), and with --force
     * the last file failing. Every step on its own, failed or killed, is in {@code AtomicFileTest}.
     */
    @ParameterizedTest(name = "{0} {1} fails (--force: {2})")
    @CsvSource({
        "keep,    工作专报（第3期）.docx, false",
        "replace, bulletin.json,         true",
    })
    void aFailureAtAnyStepLeavesTheEarlierSetInPlaceAndCurrent(String step, String file, boolean force)
            throws IOException {
        Run r;
        try (Faults f = Faults.failAt(step, file, "设备上没有空间")) {
            r = force ? generate(NEW, "--force") : generate(NEW);
        }
        assertThat(r.code()).as(r.toString()).isEqualTo(3);
        assertThat(r.err()).contains("out/2026-05/" + file, "设备上没有空间", "原有文件未改动")
                .doesNotContain("\tat ", "内部出错");
        assertEarlierSetIntact();
    }

    @Test
    void aFileThatCannotBeReplacedLeavesTheEarlierSetAndTheNextRunWritesTheNew() throws IOException {
        Run r;
        try (Faults f = Faults.failAt("replace", JSON, "另一个程序正在使用此文件，进程无法访问")) {
            r = generate(NEW);
        }
        assertThat(r.code()).as(r.toString()).isEqualTo(3);
        assertThat(r.err()).contains("out/2026-05/bulletin.json: 错误: 无法写入（另一个程序正在使用此文件", "原有文件未改动");
        assertEarlierSetIntact();

        Run again = generate(NEW);
        assertThat(again.code()).as(again.toString()).isZero();
        assertThat(currentBulletin()).isEqualTo(NEW);
        assertThat(Files.readAllBytes(out().resolve("bulletin-旧1.json"))).isEqualTo(earlier.get(JSON));
        assertThat(Files.readAllBytes(out().resolve("工作专报（第3期）-旧1.docx"))).isEqualTo(earlier.get(DOCX));
        assertThat(Files.readAllBytes(out().resolve("推进情况统计表（第3期）-旧1.xlsx"))).isEqualTo(earlier.get(XLSX));
    }

    @Test
    void aFileOfTheEarlierSetThatCannotBeRemovedLeavesTheWholeEarlierSet() throws IOException {
        Path pdf = out().resolve("工作专报（第3期）.pdf");
        Files.writeString(pdf, "%PDF-1.7 the earlier copy");
        Map<String, byte[]> withPdf = new TreeMap<>(earlier);
        withPdf.put(pdf.getFileName().toString(), Files.readAllBytes(pdf));
        Run r;
        try (Faults f = Faults.failAt("retire", pdf.getFileName().toString(), "文件正被 WPS 打开")) {
            r = generate(NEW);
        }
        assertThat(r.code()).as(r.toString()).isEqualTo(3);
        assertThat(r.err()).contains("out/2026-05/工作专报（第3期）.pdf: 错误: 无法移走旧文件", "原有文件未改动");
        assertEarlierSetIntact(withPdf);
        // Without the fault, the PDF of the earlier bulletin leaves with it (kept as -旧1): it no longer matches.
        assertThat(generate(NEW).code()).isZero();
        assertThat(pdf).doesNotExist();
        assertThat(out().resolve("工作专报（第3期）-旧1.pdf")).hasContent("%PDF-1.7 the earlier copy");
    }

    @Test
    void aRunKilledWhileReplacingIsUndoneByTheNextRun() throws IOException {
        assertThatThrownBy(() -> {
            try (Faults f = Faults.killAt("replace", JSON)) {
                generate(NEW);
            }
        }).isInstanceOf(Faults.Killed.class);
        // Killed half way: the .docx and .xlsx are new, the json is not; the earlier set is whole as -旧1.
        assertThat(Files.readAllBytes(out().resolve("bulletin-旧1.json"))).isEqualTo(earlier.get(JSON));
        assertThat(Files.readAllBytes(out().resolve("工作专报（第3期）-旧1.docx"))).isEqualTo(earlier.get(DOCX));
        assertThat(Files.readAllBytes(out().resolve("推进情况统计表（第3期）-旧1.xlsx"))).isEqualTo(earlier.get(XLSX));
        assertThat(out().resolve(".bulletin.undo")).isRegularFile();

        Run next = generate(NEW);
        assertThat(next.code()).as(next.toString()).isZero();
        assertThat(next.out()).contains("上次运行在替换 out/2026-05/ 中的文件时中断，已先恢复原有的专报");
        assertThat(currentBulletin()).isEqualTo(NEW);
        assertThat(files(out()).keySet()).containsExactlyInAnyOrder(JSON, DOCX, XLSX, "bulletin-旧1.json",
                "工作专报（第3期）-旧1.docx", "推进情况统计表（第3期）-旧1.xlsx");
        assertThat(Files.readAllBytes(out().resolve("bulletin-旧1.json"))).isEqualTo(earlier.get(JSON));
        assertThat(Files.readAllBytes(out().resolve("工作专报（第3期）-旧1.docx"))).isEqualTo(earlier.get(DOCX));
    }

    @Test
    void aDamagedDocxOrAFolderForTheXlsxIsNotTakenForUnchangedAndIsRewritten() throws IOException {
        Files.writeString(out().resolve(DOCX), "not a document any more");
        Path xlsx = out().resolve(XLSX);
        Files.delete(xlsx);
        Files.createDirectories(xlsx);
        Files.writeString(xlsx.resolve("内容.txt"), "somebody's notes");

        Run r = generate(EARLIER);
        assertThat(r.code()).as(r.toString()).isZero();
        assertThat(r.out()).doesNotContain("完全相同")
                .contains("out/2026-05/" + DOCX + "、out/2026-05/" + XLSX + " 缺少或已损坏，已重新生成");
        assertThat(out().resolve("工作专报（第3期）-旧1.docx")).hasContent("not a document any more");
        assertThat(out().resolve("推进情况统计表（第3期）-旧1.xlsx/内容.txt")).hasContent("somebody's notes");
        assertThat(Files.readAllBytes(xlsx)).isEqualTo(earlier.get(XLSX));
        assertThat(out().resolve("bulletin-旧1.json")).doesNotExist(); // the snapshot was right: left alone
        assertThat(Files.readAllBytes(out().resolve(JSON))).isEqualTo(earlier.get(JSON));
        assertThat(currentBulletin()).isEqualTo(EARLIER);

        Run same = generate(EARLIER);
        assertThat(same.out()).contains("与已有的专报完全相同，未改动文件");
    }

    @Test
    void aKilledRunsTemporariesAreRemovedAndNothingElseAndALeftoverLockIsNoLock() throws IOException {
        Path forms = ws.resolve("forms/2026-06");
        List<Path> ours = List.of(out().resolve(".bulletin.json.8146028712.tmp"),
                out().resolve(".工作专报（第3期）.docx.42.tmp"), out().resolve(".bulletin.undo.77.tmp"),
                forms.resolve(".2026-06_三江镇.xlsx.123456789.tmp"));
        List<Path> others = List.of(out().resolve(".备忘.txt.1.tmp"), out().resolve("草稿.docx.tmp"),
                forms.resolve(".2026-06_三江镇.xlsx.tmp"));
        for (Path p : ours) {
            Files.writeString(p, "left by a killed run");
        }
        for (Path p : others) {
            Files.writeString(p, "the clerk's");
        }
        Path folder = Files.createDirectories(out().resolve(".工作专报（第3期）.docx.5.tmp"));
        // A leftover lock file means nothing: the lock is the system's, released when a run ends however it ends.
        Files.writeString(ws.resolve(".bulletin.lock"), "pid=1\nleft over from a crash\n");

        Run r = generate(EARLIER);
        assertThat(r.code()).as(r.toString()).isZero();
        assertThat(r.out()).contains("完全相同");
        assertThat(Files.readString(ws.resolve(".bulletin.lock"))).contains("pid=" + ProcessHandle.current().pid())
                .doesNotContain("crash");
        Run t = Cli.in(ws, "template", "--month", "6");
        assertThat(t.code()).isZero();
        assertThat(t.out()).contains("已存在、未覆盖");
        ours.forEach(p -> assertThat(p).doesNotExist());
        others.forEach(p -> assertThat(p).hasContent("the clerk's"));
        assertThat(folder).isDirectory();
    }

    @Test
    void aLockFileThatIsALinkIsRefusedAndNothingOutsideIsWritten() throws IOException {
        Path outside = shared.resolve("outside-" + System.nanoTime() + ".txt");
        Files.writeString(outside, "not the workspace's");
        Files.deleteIfExists(ws.resolve(".bulletin.lock"));
        Files.createSymbolicLink(ws.resolve(".bulletin.lock"), outside);
        Run r = generate(NEW);
        assertThat(r.code()).as(r.toString()).isEqualTo(3);
        assertThat(r.err()).contains(".bulletin.lock", "是一个链接").doesNotContain("\tat ");
        assertThat(outside).hasContent("not the workspace's");
        assertEarlierSetIntact();

        Files.delete(ws.resolve(".bulletin.lock"));
        Files.createDirectory(ws.resolve(".bulletin.lock"));
        Run folder = Cli.in(ws, "template", "--month", "6");
        assertThat(folder.code()).isEqualTo(3);
        assertThat(folder.err()).contains(".bulletin.lock", "是一个文件夹");
    }

    @Test
    void aLockFileThatIsAPipeIsRefusedAtOnce() throws Exception {
        Path lock = ws.resolve(".bulletin.lock");
        Files.deleteIfExists(lock);
        Process mkfifo;
        try {
            mkfifo = new ProcessBuilder("mkfifo", lock.toString()).redirectErrorStream(true).start();
        } catch (IOException e) {
            org.junit.jupiter.api.Assumptions.abort("no mkfifo on this machine");
            return;
        }
        org.junit.jupiter.api.Assumptions.assumeTrue(mkfifo.waitFor() == 0 && Files.exists(lock), "mkfifo failed");
        Run r = generate(NEW);
        assertThat(r.code()).isEqualTo(3);
        assertThat(r.err()).contains(".bulletin.lock", "不是普通文件");
        assertEarlierSetIntact();
    }

    @Test
    void standardOutputThatCannotBeWrittenIsExit3() throws IOException {
        // A closed pipe (or a full disk): every write fails.
        java.io.OutputStream closed = new java.io.OutputStream() {
            @Override
            public void write(int b) throws IOException {
                throw new IOException("Broken pipe");
            }
        };
        java.io.StringWriter err = new java.io.StringWriter();
        int code = Main.run(new String[] {"-w", ws.toString(), "inspect", "--json"},
                new java.io.PrintWriter(new java.io.OutputStreamWriter(closed, StandardCharsets.UTF_8), true),
                new java.io.PrintWriter(err, true));
        assertThat(code).isEqualTo(3);
        assertThat(err.toString()).contains("错误: 无法写入标准输出");
        // validate's report that never arrived is no "errors found" (1) either
        java.io.StringWriter err2 = new java.io.StringWriter();
        int validate = Main.run(new String[] {"-w", ws.toString(), "validate", "--month", "6"},
                new java.io.PrintWriter(new java.io.OutputStreamWriter(closed, StandardCharsets.UTF_8), true),
                new java.io.PrintWriter(err2, true));
        assertThat(validate).isEqualTo(3);
    }

    @Test
    void inspectJsonToDevFullIsExit3NamingIt() throws Exception {
        Path full = Path.of("/dev/full");
        org.junit.jupiter.api.Assumptions.assumeTrue(Files.exists(full), "no /dev/full on this machine");
        // `bulletin -w <the earlier set> inspect --json > /dev/full` in a JVM of its own, started by the class's
        // @BeforeAll (startInspectToDevFull) on its copy of the earlier set.
        if (devFullNotStarted != null) {
            throw devFullNotStarted;
        }
        Process p = devFull;
        String err = devFullErr.get();
        assertThat(p.waitFor()).as(err).isEqualTo(3);
        assertThat(err).contains("错误: 无法写入标准输出", "/dev/full").doesNotContain("\tat ");
    }

    @Test
    void templateOnAFullDiskIsExit3WithTheFormNotAnInternalError() throws IOException {
        Files.delete(ws.resolve("forms/2026-06/2026-06_三江镇.xlsx"));
        Run r;
        try (Faults f = Faults.failAt("write", "2026-06_三江镇.xlsx", "No space left on device")) {
            r = Cli.in(ws, "template", "--month", "6");
        }
        assertThat(r.code()).as(r.toString()).isEqualTo(3);
        assertThat(r.err()).contains("forms/2026-06/2026-06_三江镇.xlsx: 错误: 无法写入（磁盘已满")
                .doesNotContain("内部出错", "\tat ");
        try (Stream<Path> s = Files.list(ws.resolve("forms/2026-06"))) {
            assertThat(s.map(p -> p.getFileName().toString())).noneMatch(n -> n.contains("三江镇"));
        }
    }
}
