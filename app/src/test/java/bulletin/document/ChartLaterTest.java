package bulletin.document;

import static org.assertj.core.api.Assertions.assertThat;

import bulletin.ingest.SnapshotReader;
import bulletin.model.Notes;
import bulletin.model.Snapshot;
import bulletin.testing.GeneratedSamples;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.junit.jupiter.api.Test;

/**
 * A chart placed by its size before it is drawn ({@link Chart.Later}) makes the same .docx as one drawn first: every
 * part the same bytes, the picture the chart's own, asked for once, after {@code document.xml} is written.
 */
class ChartLaterTest {

    @Test
    void theSamePartsWhetherTheChartIsDrawnFirstOrTakenLast() throws Exception {
        Snapshot s = SnapshotReader.kept(GeneratedSamples.may().workspace().resolve("out/2026-05/bulletin.json"), null);
        Optional<String> font = Chart.chineseFont();
        byte[] png = font.isPresent() ? Chart.render(s, font.get(), 156).orElseThrow()
                : StripPng.placeholder(1843, 1822); // no Chinese font here: any picture of a known size will do
        int[] size = font.isPresent() ? Chart.size(s, 156).orElseThrow() : new int[] {1843, 1822};
        List<Wording.Block> blocks = Wording.render(s, Notes.EMPTY, null, Map.of());
        DocxWriter.Look look = new DocxWriter.Look(false, "FFC000", "FF0000", null);

        ByteArrayOutputStream first = new ByteArrayOutputStream();
        DocxWriter.write(s, blocks, DocxWriter.reference(null), look.withChart(() -> png), first);
        AtomicInteger asked = new AtomicInteger();
        ByteArrayOutputStream last = new ByteArrayOutputStream();
        DocxWriter.write(s, blocks, DocxWriter.reference(null), look.withChart(new Chart.Later(size[0], size[1], () -> {
            asked.incrementAndGet();
            return png;
        })), last);

        Map<String, byte[]> a = parts(first.toByteArray());
        Map<String, byte[]> b = parts(last.toByteArray());
        assertThat(b.keySet()).containsExactlyElementsOf(a.keySet());
        assertThat(a.keySet()).anyMatch(n -> n.startsWith("word/media/"));
        a.forEach((name, bytes) -> assertThat(b.get(name)).as(name).isEqualTo(bytes));
        assertThat(b.entrySet()).filteredOn(e -> e.getKey().startsWith("word/media/"))
                .allSatisfy(e -> assertThat(e.getValue()).isEqualTo(png));
        assertThat(asked).hasValue(1);
        assertThat(font.isEmpty() || size[1] == javax.imageio.ImageIO.read(new ByteArrayInputStream(png)).getHeight())
                .as("Chart.size is the size render draws").isTrue();
    }

    private static Map<String, byte[]> parts(byte[] docx) throws Exception {
        Map<String, byte[]> out = new LinkedHashMap<>();
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(docx))) {
            for (ZipEntry e = in.getNextEntry(); e != null; e = in.getNextEntry()) {
                out.put(e.getName(), in.readAllBytes());
            }
        }
        return out;
    }
}
