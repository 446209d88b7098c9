package bulletin.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import bulletin.diag.Place;
import bulletin.testing.Cli;
import bulletin.testing.SampleWorkspace;
import bulletin.text.Text;
import bulletin.workspace.InputDigest;
import bulletin.workspace.Workspace;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.function.UnaryOperator;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;
import org.apache.poi.ss.util.CellRangeAddress;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Reading is bounded whatever a file declares or holds: a workbook that unpacks to more than any form, takes too
 * long, or holds more cells or merged regions than any form is refused with the reason, and the rest of the month
 * is still read; files in a month's folder that are no workbook are named and never opened, nor is anything that is
 * no regular file; the input digest streams only what the bulletin is made from.
 */
class BoundedReadTest {

    static final Path FORM = SampleWorkspace.DIR.resolve("progress/2026-05/2026-05_归义街道.xlsx");
    static final YearMonth MAY = YearMonth.of(2026, 5);

    @TempDir
    static Path shared;

    @TempDir
    Path dir;

    /** A zip bomb inside every limit a part has: three sheets of 12 MB each, at a ratio below 100. */
    static Path bomb;

    @BeforeAll
    static void bomb() throws IOException {
        bomb = shared.resolve("bomb.xlsx");
        byte[] block = filler(1 << 20);
        Map<String, byte[]> e = entries(Files.readAllBytes(FORM));
        StringBuilder sheets = new StringBuilder();
        StringBuilder rels = new StringBuilder();
        for (int i = 0; i < 3; i++) {
            sheets.append("<sheet name=\"附表").append(i).append("\" r:id=\"rB").append(i).append("\" sheetId=\"")
                    .append(10 + i).append("\"/>");
            rels.append("<Relationship Id=\"rB").append(i).append("\" Type=\"http://schemas.openxmlformats.org/")
                    .append("officeDocument/2006/relationships/worksheet\" Target=\"worksheets/b").append(i)
                    .append(".xml\"/>");
        }
        edit(e, "xl/workbook.xml", x -> x.replace("</sheets>", sheets + "</sheets>"));
        edit(e, "xl/_rels/workbook.xml.rels", x -> x.replace("</Relationships>", rels + "</Relationships>"));
        try (ZipOutputStream z = new ZipOutputStream(Files.newOutputStream(bomb))) {
            for (var en : e.entrySet()) {
                z.putNextEntry(new ZipEntry(en.getKey()));
                z.write(en.getValue());
                z.closeEntry();
            }
            for (int i = 0; i < 3; i++) {
                z.putNextEntry(new ZipEntry("xl/worksheets/b" + i + ".xml"));
                z.write("<worksheet xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\"><!--"
                        .getBytes(StandardCharsets.UTF_8));
                for (int k = 0; k < 12; k++) {
                    z.write(block);
                }
                z.write("--><sheetData/></worksheet>".getBytes(StandardCharsets.UTF_8));
                z.closeEntry();
            }
        }
    }

    /** Spaces with a letter every 64 bytes: packs at a ratio of about 40, far below a zip bomb's thousands. */
    static byte[] filler(int size) {
        byte[] b = new byte[size];
        java.util.Arrays.fill(b, (byte) ' ');
        Random rnd = new Random(7);
        for (int i = 0; i < size; i += 64) {
            b[i] = (byte) ('a' + rnd.nextInt(26));
        }
        return b;
    }

    static Map<String, byte[]> entries(byte[] zip) throws IOException {
        Map<String, byte[]> out = new LinkedHashMap<>();
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip))) {
            for (ZipEntry e; (e = in.getNextEntry()) != null; ) {
                out.put(e.getName(), in.readAllBytes());
            }
        }
        return out;
    }

    static void edit(Map<String, byte[]> e, String name, UnaryOperator<String> edit) {
        String before = new String(e.get(name), StandardCharsets.UTF_8);
        String after = edit.apply(before);
        assertThat(after).as("the edit of %s", name).isNotEqualTo(before);
        e.put(name, after.getBytes(StandardCharsets.UTF_8));
    }

    static byte[] zip(Map<String, byte[]> entries) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ZipOutputStream z = new ZipOutputStream(out)) {
            for (var e : entries.entrySet()) {
                z.putNextEntry(new ZipEntry(e.getKey()));
                z.write(e.getValue());
                z.closeEntry();
            }
        }
        return out.toByteArray();
    }

    /** The sample form with its sheet ("进度填报") edited. */
    static byte[] form(UnaryOperator<String> sheet) throws IOException {
        Map<String, byte[]> e = entries(Files.readAllBytes(FORM));
        edit(e, "xl/worksheets/sheet1.xml", sheet);
        return zip(e);
    }

    Path write(String name, byte[] bytes) throws IOException {
        Path f = dir.resolve(name);
        Files.write(f, bytes);
        return f;
    }

    static String unreadable(Path f) {
        try {
            Workbooks.sheets(f, f.getFileName().toString());
        } catch (Workbooks.Unreadable e) {
            return e.getMessage();
        }
        throw new AssertionError(f + " was read");
    }

    // --- the budget of a workbook -------------------------------------------------------------------------------

    @Test
    void aZipBombInsideEveryPartsLimitIsRefusedByTheWorkbooksTotal() throws IOException {
        long total = 0;
        try (ZipFile z = new ZipFile(bomb.toFile())) {
            for (ZipEntry e : java.util.Collections.list(z.entries())) {
                assertThat(e.getSize()).as(e.getName()).isLessThan(XlsxReader.MAX_TOTAL);
                assertThat(e.getSize() / Math.max(1, e.getCompressedSize())).as(e.getName())
                        .isLessThan(XlsxReader.MAX_RATIO);
                total += e.getSize();
            }
        }
        assertThat(total).isGreaterThan(XlsxReader.MAX_TOTAL);
        assertThat(Files.size(bomb)).isLessThan(Workbooks.MAX_BYTES);

        assertThat(unreadable(bomb)).isEqualTo("文件解压后的内容异常庞大（疑似“压缩炸弹”），拒绝读取");
    }

    /** The zip's directory may lie about a part's size: what is unpacked is counted, not what is declared. */
    @Test
    void aPartThatUnpacksToMoreThanItsDeclaredSizeIsRefused() throws IOException {
        byte[] b = Files.readAllBytes(FORM);
        byte[] name = "xl/worksheets/sheet1.xml".getBytes(StandardCharsets.UTF_8);
        int patched = 0;
        for (int i = 0; i + 46 + name.length <= b.length; i++) {
            if (b[i] == 0x50 && b[i + 1] == 0x4b && b[i + 2] == 0x01 && b[i + 3] == 0x02
                    && java.util.Arrays.equals(b, i + 46, i + 46 + name.length, name, 0, name.length)) {
                b[i + 24] = 100; // uncompressed size: 100 bytes
                b[i + 25] = 0;
                b[i + 26] = 0;
                b[i + 27] = 0;
                patched++;
            }
        }
        assertThat(patched).isEqualTo(1);
        assertThat(unreadable(write("lies.xlsx", b))).contains("压缩炸弹");
    }

    /** The time is checked as the parts are read: a workbook that takes longer than its budget is refused. */
    @Test
    void aWorkbookOverItsTimeIsRefused() throws Exception {
        assertThat(XlsxReader.read(FORM, "form.xlsx", XlsxReader.Limits.DEFAULT)).hasSize(2);
        assertThatThrownBy(() -> XlsxReader.read(FORM, "form.xlsx", new XlsxReader.Limits(XlsxReader.MAX_TOTAL, 0)))
                .isInstanceOf(Workbooks.Unreadable.class)
                .hasMessage("读取超过 0 秒仍未完成（一份报表通常不到 1 秒），文件内容异常，已停止读取");
        assertThat(XlsxReader.Limits.DEFAULT.nanos()).isEqualTo(TimeUnit.SECONDS.toNanos(XlsxReader.MAX_SECONDS));
    }

    @Test
    void moreCellsThanAnyFormHasAreRefused() throws IOException {
        StringBuilder rows = new StringBuilder();
        for (int r = 100; r < 100 + XlsxReader.MAX_CELLS / 100 + 1; r++) {
            rows.append("<row r=\"").append(r).append("\">");
            for (int c = 0; c < 100; c++) {
                rows.append("<c r=\"").append(Text.a1(r - 1, 20 + c)).append("\"><v>1</v></c>");
            }
            rows.append("</row>");
        }
        Path f = write("cells.xlsx", form(x -> x.replace("</sheetData>", rows + "</sheetData>")));
        assertThat(unreadable(f)).isEqualTo("有内容的单元格超过 200000 个（到工作表“进度填报”为止），远超一份表格的规模，拒绝读取");
    }

    @Test
    void moreSheetsThanAnyWorkbookHasAreRefused() throws IOException {
        Map<String, byte[]> e = entries(Files.readAllBytes(FORM));
        StringBuilder sheets = new StringBuilder();
        for (int i = 0; i < XlsxReader.MAX_SHEETS; i++) {
            sheets.append("<sheet name=\"S").append(i).append("\" r:id=\"rId3\" sheetId=\"").append(10 + i).append("\"/>");
        }
        edit(e, "xl/workbook.xml", x -> x.replace("</sheets>", sheets + "</sheets>"));
        assertThat(unreadable(write("sheets.xlsx", zip(e)))).isEqualTo("工作簿中的工作表超过 1000 张，远超一份表格所需，拒绝读取");
    }

    /** Merged regions up to the limit are read, and each cell finds its region by an index, not by a search. */
    @Test
    void asManyMergedRegionsAsAllowedAreReadAndFound() throws Exception {
        StringBuilder merges = new StringBuilder();
        for (int r = 1; r <= XlsxReader.MAX_MERGES - 5; r++) {
            merges.append("<mergeCell ref=\"K").append(r).append(":M").append(r).append("\"/>");
        }
        Path f = write("merges.xlsx", form(x -> x.replace("<mergeCells count=\"5\">", "<mergeCells count=\"20000\">"
                + merges).replace("</sheetData>", "<row r=\"19995\"><c r=\"K19995\" t=\"inlineStr\"><is><t>末行</t></is>"
                + "</c></row></sheetData>")));
        Grid g = XlsxReader.read(f, "merges.xlsx").get(0).grid();
        assertThat(g.rows()).isEqualTo(XlsxReader.MAX_MERGES - 5);
        assertThat(g.region(19_994, 12)).hasToString(new CellRangeAddress(19_994, 19_994, 10, 12).toString());
        assertThat(g.text(19_994, 12)).isEqualTo("末行");
        assertThat(g.texts(19_994)).containsExactly("末行");
        assertThat(g.region(0, 0).formatAsString()).isEqualTo("A1:K1"); // the form's own title, over its helper columns too
        assertThat(g.text(0, 5)).isEqualTo(g.text(0, 0)).isNotEmpty();
    }

    // --- the grid ------------------------------------------------------------------------------------------------

    /**
     * The sparse grid reads exactly as a dense rectangle did, merged regions (overlapping ones too: the later wins)
     * included: value, region, texts and blank rows, on random sheets.
     */
    @Test
    void theSparseGridReadsAsTheDenseRectangleDid() {
        Random rnd = new Random(16);
        for (int round = 0; round < 300; round++) {
            int rows = 1 + rnd.nextInt(25);
            int cols = 1 + rnd.nextInt(12);
            Map<Long, Grid.Value> cells = new HashMap<>();
            for (int i = 0; i < rnd.nextInt(rows * cols + 1); i++) {
                int r = rnd.nextInt(rows);
                int c = rnd.nextInt(cols);
                String t = rnd.nextInt(5) == 0 ? "" : "v" + r + "," + c;
                cells.put(Grid.key(r, c), new Grid.Value(t, null, false, t.isEmpty() ? Grid.Kind.BLANK : Grid.Kind.TEXT,
                        false));
            }
            List<CellRangeAddress> regions = new ArrayList<>();
            for (int i = 0; i < rnd.nextInt(8); i++) {
                int r = rnd.nextInt(rows);
                int c = rnd.nextInt(cols);
                regions.add(new CellRangeAddress(r, r + rnd.nextInt(4), c, c + rnd.nextInt(5)));
            }
            Grid g = Grid.of(Place.file("t.xlsx").sheet("S"), cells, regions, new BitSet(), new BitSet());
            Dense d = new Dense(cells, regions);
            assertThat(g.rows()).isEqualTo(d.rows);
            assertThat(g.cols()).isEqualTo(d.cols);
            for (int r = -1; r <= d.rows; r++) {
                assertThat(g.texts(r)).as("round %d, texts of row %d", round, r).isEqualTo(d.texts(r));
                assertThat(g.isBlankRow(r)).isEqualTo(d.texts(r).isEmpty());
                for (int c = -1; c <= d.cols; c++) {
                    assertThat(g.text(r, c)).as("round %d, %d,%d", round, r, c).isEqualTo(d.text(r, c));
                    assertThat(String.valueOf(g.region(r, c))).isEqualTo(String.valueOf(d.region(r, c)));
                }
            }
        }
    }

    /** The grid as it was: a dense rectangle, each merged region painted over the ones before it. */
    static final class Dense {
        final int rows;
        final int cols;
        final String[][] values;
        final int[][] region;
        final List<CellRangeAddress> regions;

        Dense(Map<Long, Grid.Value> cells, List<CellRangeAddress> regions) {
            int rs = 0;
            int cs = 0;
            for (long k : cells.keySet()) {
                rs = Math.max(rs, (int) (k >> 20) + 1);
                cs = Math.max(cs, (int) (k & 0xFFFFF) + 1);
            }
            for (CellRangeAddress r : regions) {
                rs = Math.max(rs, r.getLastRow() + 1);
                cs = Math.max(cs, r.getLastColumn() + 1);
            }
            rows = rs;
            cols = cs;
            this.regions = regions;
            values = new String[rows][cols];
            cells.forEach((k, v) -> values[(int) (k >> 20)][(int) (k & 0xFFFFF)] = v.text());
            region = new int[rows][cols];
            for (int[] line : region) {
                java.util.Arrays.fill(line, -1);
            }
            for (int i = 0; i < regions.size(); i++) {
                CellRangeAddress a = regions.get(i);
                for (int y = a.getFirstRow(); y <= a.getLastRow(); y++) {
                    for (int x = a.getFirstColumn(); x <= a.getLastColumn(); x++) {
                        region[y][x] = i;
                    }
                }
            }
        }

        CellRangeAddress region(int r, int c) {
            return r < 0 || c < 0 || r >= rows || c >= cols || region[r][c] < 0 ? null : regions.get(region[r][c]);
        }

        String text(int r, int c) {
            if (r < 0 || c < 0 || r >= rows || c >= cols) {
                return "";
            }
            CellRangeAddress a = region(r, c);
            String v = a == null ? values[r][c] : values[a.getFirstRow()][a.getFirstColumn()];
            return v == null ? "" : v;
        }

        List<String> texts(int r) {
            List<String> out = new ArrayList<>();
            for (int c = 0; c < cols; c++) {
                CellRangeAddress a = region(r, c);
                if (!text(r, c).isEmpty() && (a == null || a.getFirstColumn() == c)) {
                    out.add(text(r, c));
                }
            }
            return out;
        }
    }

    // --- a month's folder, and what is no regular file --------------------------------------------------------------

    /** Makes a FIFO (which blocks whoever opens it for reading); false where the system has no mkfifo. */
    static boolean fifo(Path p) {
        try {
            return new ProcessBuilder("mkfifo", p.toString()).start().waitFor() == 0 && Files.exists(p);
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** A 3 GB file that takes no room: its length set, nothing written. */
    static void sparse(Path p, long length) throws IOException {
        try (RandomAccessFile f = new RandomAccessFile(p.toFile(), "rw")) {
            f.setLength(length);
        }
    }

    /**
     * A month's folder with a meeting's 3 GB video, a Word and a PDF file, a FIFO and a sub-folder beside the
     * workbooks, and workbooks that are no regular file (a folder, a link to nothing, a loop of links, a FIFO), a
     * far-away cell, a merge over the whole hidden sheet and a zip bomb: {@code validate}, {@code inspect --month}
     * and {@code generate} each name every one of them and read the rest. The FIFOs prove that nothing opens what
     * it should not: opening one for reading would never return. (The timeout only guards against that hang.)
     */
    @Test
    @Timeout(value = 10, unit = TimeUnit.MINUTES, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
    void aHostileMonthFolderIsNamedFileByFileAndTheRestIsRead() throws IOException {
        Path ws = SampleWorkspace.copyTo(dir.resolve("ws"));
        // April's bulletin, so that May's runs read its snapshot rather than recompute April, and no chart: neither
        // is what this test looks at (May's folder is).
        bulletin.testing.GeneratedSamples.addAprilTo(ws);
        Files.writeString(ws.resolve("bulletin.yaml"), "\nchart: false\n", java.nio.file.StandardOpenOption.APPEND);
        Path may = ws.resolve("progress/2026-05");
        sparse(may.resolve("会议录像.mp4"), 3L << 30);
        Files.writeString(may.resolve("说明.docx"), "not a workbook");
        Files.writeString(may.resolve("通知.pdf"), "%PDF-1.4");
        Files.createDirectories(may.resolve("附件"));
        Files.createDirectories(may.resolve("文件夹.xlsx"));
        Files.createSymbolicLink(may.resolve("断链.xlsx"), may.resolve("不存在.xlsx"));
        Files.createSymbolicLink(may.resolve("环1.xlsx"), may.resolve("环2.xlsx"));
        Files.createSymbolicLink(may.resolve("环2.xlsx"), may.resolve("环1.xlsx"));
        boolean fifos = fifo(may.resolve("管道.xlsx")) && fifo(may.resolve("录像.mov"));
        Files.write(may.resolve("2026-05_归义街道.xlsx"), form(x -> x.replace("</sheetData>",
                "<row r=\"1048576\"><c r=\"XFD1048576\" t=\"inlineStr\"><is><t>x</t></is></c></row></sheetData>")));
        Map<String, byte[]> xinshi = entries(Files.readAllBytes(may.resolve("2026-05_新市街道.xlsx")));
        edit(xinshi, "xl/worksheets/sheet2.xml", x -> x.replace("<pageMargins",
                "<mergeCells count=\"1\"><mergeCell ref=\"D1:XFD1048576\"/></mergeCells><pageMargins"));
        Files.write(may.resolve("2026-05_新市街道.xlsx"), zip(xinshi));
        Files.copy(bomb, may.resolve("2026-05_白水镇.xlsx"), java.nio.file.StandardCopyOption.REPLACE_EXISTING);

        List<String> named = new ArrayList<>(List.of("会议录像.mp4", "说明.docx", "通知.pdf", "附件", "文件夹.xlsx",
                "断链.xlsx", "环1.xlsx", "环2.xlsx", "2026-05_归义街道.xlsx", "2026-05_白水镇.xlsx"));
        if (fifos) {
            named.addAll(List.of("管道.xlsx", "录像.mov"));
        }
        List<String> reasons = List.of("不是 Excel 工作簿（.xlsx），未读取", "这是一个文件夹，其中的文件不读取",
                "这是一个文件夹（名字像 Excel 文件）", "链接（快捷方式），但它指向的文件不存在", "一圈互相指向的链接",
                "单元格 XFD1048576 有内容", "疑似“压缩炸弹”");

        // validate and inspect only read the workspace: both run at once, on both cores.
        List<Cli.Run> reads = bulletin.testing.Parallel.map(List.of(List.of("validate", "--month", "5"),
                List.of("inspect", "--month", "5")), args -> Cli.in(ws, args.toArray(new String[0])));
        Cli.Run validate = reads.get(0);
        assertThat(validate.code()).as(validate.toString()).isEqualTo(1);
        assertThat(validate.out()).contains(named).contains(reasons)
                .contains("✓ 合格  progress/2026-05/2026-05_新市街道.xlsx", "✓ 合格  progress/2026-05/2026-05_三江镇.xlsx")
                .contains("警告 not-a-workbook", "错误 unreadable-workbook");
        if (fifos) {
            assertThat(validate.out()).contains("progress/2026-05/管道.xlsx\n  错误 unreadable-workbook：不是普通文件");
        }
        // 28 of the 30 workbooks are read and pass: 新市街道's, with its merge over the whole hidden sheet, among them;
        // and the platform's counts (platform/2026-05.xlsx).
        assertThat(validate.out()).contains("29 个合格", "✓ 合格  platform/2026-05.xlsx");

        Cli.Run inspect = reads.get(1);
        assertThat(inspect.code()).as(inspect.toString()).isZero();
        assertThat(inspect.out()).contains(named).contains(reasons).contains("新市街道：", "三江镇：")
                .doesNotContain("  归义街道：", "  白水镇：");

        Cli.Run refused = Cli.in(ws, "generate", "--month", "5", "--date", "2026-05-30");
        assertThat(refused.code()).as(refused.toString()).isEqualTo(1);
        assertThat(refused.out() + refused.err()).contains(named).contains(reasons);
        assertThat(ws.resolve("out/2026-05")).doesNotExist();

        Cli.Run generate = Cli.in(ws, "generate", "--month", "5", "--date", "2026-05-30", "--skip-invalid");
        assertThat(generate.code()).as(generate.toString()).isZero();
        assertThat(generate.out()).contains("2026-05_归义街道.xlsx 整份未采用", "2026-05_白水镇.xlsx 整份未采用",
                "文件夹.xlsx 整份未采用");
        assertThat(ws.resolve("out/2026-05/工作专报（第3期）.docx")).isRegularFile();
        for (Cli.Run r : List.of(validate, inspect, refused, generate)) {
            assertThat(r.out() + r.err()).doesNotContain("Exception", "\tat ", "内部出错");
        }
    }

    /**
     * The input digest counts the workbooks, templates, notes and bulletin.yaml, streamed: a video, a document,
     * a FIFO beside the workbooks change nothing (and are never opened); a changed workbook changes it.
     */
    @Test
    @Timeout(value = 10, unit = TimeUnit.MINUTES, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
    void theInputDigestReadsOnlyWhatTheBulletinIsMadeFrom() throws IOException {
        Path ws = SampleWorkspace.copyTo(dir.resolve("ws"));
        Workspace w = Workspace.open(ws);
        String before = InputDigest.of(w, MAY, List.of());
        assertThat(before).isNotNull().hasSize(24);
        Path may = ws.resolve("progress/2026-05");
        sparse(may.resolve("会议录像.mp4"), 3L << 30);
        Files.writeString(may.resolve("说明.docx"), "not a workbook");
        Files.createDirectories(may.resolve("附件"));
        Files.writeString(may.resolve("附件/a.xlsx"), "in a sub-folder: not the month's");
        fifo(may.resolve("录像.mov"));
        fifo(ws.resolve("targets/管道.txt"));
        assertThat(InputDigest.of(w, MAY, List.of())).isEqualTo(before);

        // A FIFO, a folder or a far larger file named like a workbook counts by its name, unopened.
        if (fifo(may.resolve("管道.xlsx"))) {
            assertThat(InputDigest.of(w, MAY, List.of())).isNotEqualTo(before);
            Files.delete(may.resolve("管道.xlsx"));
        }
        sparse(may.resolve("巨大.xlsx"), 3L << 30);
        String withLarge = InputDigest.of(w, MAY, List.of());
        assertThat(withLarge).isNotNull().isNotEqualTo(before);
        Files.delete(may.resolve("巨大.xlsx"));
        assertThat(InputDigest.of(w, MAY, List.of())).isEqualTo(before);

        Path xinshi = may.resolve("2026-05_新市街道.xlsx");
        byte[] b = Files.readAllBytes(xinshi);
        b[b.length / 2] ^= 1;
        Files.write(xinshi, b);
        assertThat(InputDigest.of(w, MAY, List.of())).isNotEqualTo(before);
    }
}
