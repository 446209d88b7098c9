package bulletin.document;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import bulletin.ingest.SnapshotReader;
import bulletin.model.Level;
import bulletin.model.Notes;
import bulletin.model.Snapshot;
import bulletin.testing.GeneratedSamples;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.FutureTask;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.junit.jupiter.api.Test;

/**
 * The appendix layouts laid out once on another thread for both documents ({@link Appendices}) and the .docx's
 * tables made ahead ({@link TableXml.Ahead}) give the documents the layouts made on the spot give; layouts of
 * another look are not taken; a failure on the other thread is thrown where the table is asked for.
 */
class AppendicesTest {

    private static Snapshot may() throws Exception {
        return SnapshotReader.kept(GeneratedSamples.may().workspace().resolve("out/2026-05/bulletin.json"), null);
    }

    private static DocxWriter.Look themed(Snapshot s, String detail) {
        Map<String, String> details = new LinkedHashMap<>();
        s.indicators().forEach(i -> details.put(i.code(), detail));
        return new DocxWriter.Look(false, "FFC000", "FF0000", null, "民生实事", details);
    }

    @Test
    void layoutsMadeAheadGiveTheSameDocumentAndWorkbook() throws Exception {
        Snapshot s = may();
        DocxWriter.Look look = themed(s, "已完成八成");
        Appendices ahead = Appendices.start(s, look);
        List<Wording.Block> blocks = Wording.render(s, Notes.EMPTY, null, Map.of());

        byte[] shared = docx(s, blocks, look, ahead);
        byte[] alone = docx(s, blocks, look, null);
        String xml = new String(entry(shared, "word/document.xml"), StandardCharsets.UTF_8);
        assertThat(count(xml, "<w:tbl>")).as("附件1–3").isEqualTo(3);
        assertThat(xml).contains("已完成八成");
        assertThat(entry(shared, "word/document.xml")).isEqualTo(entry(alone, "word/document.xml"));

        ByteArrayOutputStream x1 = new ByteArrayOutputStream();
        AppendixXlsx.write(s, look, ahead, x1);
        ByteArrayOutputStream x2 = new ByteArrayOutputStream();
        AppendixXlsx.write(s, look, x2);
        Map<String, byte[]> e1 = entries(x1.toByteArray());
        Map<String, byte[]> e2 = entries(x2.toByteArray());
        assertThat(e1).containsKey("xl/worksheets/sheet1.xml");
        assertThat(e1.keySet()).containsExactlyElementsOf(e2.keySet());
        e1.forEach((name, bytes) -> assertThat(bytes).as(name).isEqualTo(e2.get(name)));

        // laid out once: both documents were given the same layouts
        assertThat(ahead.layout(Level.PROVINCE)).isSameAs(ahead.layout(Level.PROVINCE)).isNotNull();
        assertThat(ahead.platform()).isSameAs(ahead.platform()).isNotNull();
    }

    @Test
    void layoutsOfAnotherLookOrSnapshotAreNotTaken() throws Exception {
        Snapshot s = may();
        Appendices other = Appendices.of(s, themed(s, "甲的具体情况"));
        DocxWriter.Look look = themed(s, "乙的具体情况");
        assertThat(other.isFor(s, look)).isFalse();
        assertThat(other.isFor(may(), themed(s, "甲的具体情况"))).as("another snapshot").isFalse();
        List<Wording.Block> blocks = Wording.render(s, Notes.EMPTY, null, Map.of());
        String xml = new String(entry(docx(s, blocks, look, other), "word/document.xml"), StandardCharsets.UTF_8);
        assertThat(xml).contains("乙的具体情况").doesNotContain("甲的具体情况");
        ByteArrayOutputStream x = new ByteArrayOutputStream();
        AppendixXlsx.write(s, look, other, x);
        String strings = new String(entry(x.toByteArray(), "xl/sharedStrings.xml"), StandardCharsets.UTF_8);
        assertThat(strings).contains("乙的具体情况").doesNotContain("甲的具体情况");
    }

    @Test
    void aTableMadeAheadIsMadeOnceAndIsTheTablesXml() throws Exception {
        TableXml table = new TableXml(new int[] {100, 200}, List.of(new TableXml.Row(true, false, List.of(
                new TableXml.Cell("甲 & <乙>", 100, null, "T", "left", null, 1, false, 0),
                new TableXml.Cell("12.5%", 200, "restart", "T", "right", "FFC000", 1, true, 15)))));
        ByteArrayOutputStream direct = new ByteArrayOutputStream();
        table.write(direct);
        AtomicInteger made = new AtomicInteger();
        TableXml.Ahead started = new TableXml.Ahead(() -> {
            made.incrementAndGet();
            return table;
        }).start();
        ByteArrayOutputStream a = new ByteArrayOutputStream();
        started.write(a);
        started.write(a);
        assertThat(made).hasValue(1);
        assertThat(a.toByteArray()).isEqualTo(concat(direct.toByteArray(), direct.toByteArray()));
        // never started: made by the thread that writes it
        TableXml.Ahead notStarted = new TableXml.Ahead(() -> table);
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        notStarted.write(b);
        assertThat(b.toByteArray()).isEqualTo(direct.toByteArray());
        assertThat(new String(b.toByteArray(), StandardCharsets.UTF_8)).contains("甲 &amp; &lt;乙&gt;");
    }

    @Test
    void aLargeTableMadeAheadIsTheSameBytesAcrossItsBlocks() throws Exception {
        List<TableXml.Row> rows = new java.util.ArrayList<>();
        for (int r = 0; r < 1500; r++) {
            rows.add(new TableXml.Row(r == 0, r % 3 != 2, List.of(
                    new TableXml.Cell("第" + r + "行 市第" + r % 7 + "局", 100, null, "T", "left", null, 1, false, 0),
                    new TableXml.Cell(r % 100 + ".25%", 200, null, "T", "right", r % 5 == 0 ? "FFC000" : null, 1,
                            r % 11 == 0, 15))));
        }
        TableXml table = new TableXml(new int[] {100, 200}, rows);
        ByteArrayOutputStream direct = new ByteArrayOutputStream();
        table.write(direct);
        assertThat(direct.size()).as("several blocks of 64 KB").isGreaterThan(3 << 16);
        ByteArrayOutputStream ahead = new ByteArrayOutputStream();
        new TableXml.Ahead(() -> table).start().write(ahead);
        assertThat(ahead.toByteArray()).isEqualTo(direct.toByteArray());

        // bytes one at a time and in runs of every length, across the blocks' ends
        java.util.Random random = new java.util.Random(7);
        byte[] all = new byte[300_000];
        random.nextBytes(all);
        TableXml.Chunks chunks = new TableXml.Chunks();
        for (int i = 0; i < all.length; ) {
            int len = Math.min(all.length - i, random.nextInt(3) == 0 ? 1 : random.nextInt(70_000));
            if (len == 1) {
                chunks.write(all[i]);
            } else {
                chunks.write(all, i, len);
            }
            i += len;
        }
        ByteArrayOutputStream back = new ByteArrayOutputStream();
        chunks.writeTo(back);
        assertThat(back.toByteArray()).isEqualTo(all);
    }

    @Test
    void aFailureOnTheOtherThreadIsThrownAsItWas() {
        FutureTask<Optional<Object>> fails = new FutureTask<>(() -> {
            throw new IllegalArgumentException("布局失败");
        });
        Thread t = new Thread(fails);
        t.start();
        assertThatThrownBy(() -> Appendices.take(fails)).isExactlyInstanceOf(IllegalArgumentException.class)
                .hasMessage("布局失败");
        FutureTask<Optional<Object>> outOfMemory = new FutureTask<>(() -> {
            throw new OutOfMemoryError("模拟");
        });
        assertThatThrownBy(() -> Appendices.take(outOfMemory)).isExactlyInstanceOf(OutOfMemoryError.class);
        TableXml.Ahead ahead = new TableXml.Ahead(() -> {
            throw new IllegalStateException("表格失败");
        });
        assertThatThrownBy(() -> ahead.write(new ByteArrayOutputStream()))
                .isExactlyInstanceOf(IllegalStateException.class).hasMessage("表格失败");
    }

    private static byte[] docx(Snapshot s, List<Wording.Block> blocks, DocxWriter.Look look, Appendices a)
            throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        if (a == null) {
            DocxWriter.write(s, blocks, DocxWriter.reference(null), look, out);
        } else {
            DocxWriter.write(s, blocks, DocxWriter.reference(null), look, a, out);
        }
        return out.toByteArray();
    }

    private static byte[] entry(byte[] zip, String name) throws Exception {
        byte[] found = entries(zip).get(name);
        assertThat(found).as(name).isNotNull();
        return found;
    }

    private static Map<String, byte[]> entries(byte[] zip) throws Exception {
        Map<String, byte[]> out = new LinkedHashMap<>();
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip))) {
            for (ZipEntry e = in.getNextEntry(); e != null; e = in.getNextEntry()) {
                out.put(e.getName(), in.readAllBytes());
            }
        }
        return out;
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] c = java.util.Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, c, a.length, b.length);
        return c;
    }

    private static int count(String s, String what) {
        int n = 0;
        for (int i = s.indexOf(what); i >= 0; i = s.indexOf(what, i + 1)) {
            n++;
        }
        return n;
    }
}
