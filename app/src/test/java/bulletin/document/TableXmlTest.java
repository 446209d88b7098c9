package bulletin.document;

import static org.assertj.core.api.Assertions.assertThat;

import bulletin.ingest.SnapshotReader;
import bulletin.model.Notes;
import bulletin.model.Snapshot;
import bulletin.testing.GeneratedSamples;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.junit.jupiter.api.Test;

/**
 * The appendix tables written directly ({@link TableXml}) are byte for byte the XML JAXB marshals for the docx4j
 * objects DocxWriter builds for the same rows: the samples' May (附件1–3, marks, shading, merges) on A4 and A3, in
 * the themed look with 具体情况 across the figure columns, and a second set of units whose names carry what XML
 * escapes ({@code & < > "}, line breaks).
 */
class TableXmlTest {

    private static Snapshot may() throws Exception {
        return SnapshotReader.kept(GeneratedSamples.may().workspace().resolve("out/2026-05/bulletin.json"), null);
    }

    @Test
    void theSamplesMayOnA4AndA3() throws Exception {
        Snapshot s = may();
        assertThat(s.platform()).as("附件3 is in the comparison").isNotNull();
        String a4 = sameBothWays(s, new DocxWriter.Look(false, "FFC000", "FF0000", null));
        assertThat(a4).contains("<w:tblHeader/>").contains("<w:gridSpan").contains("<w:vMerge w:val=\"restart\"/>")
                .contains("w:fill=\"FFC000\"").contains("<w:vertAlign w:val=\"superscript\"/>")
                .doesNotContain(TableXml.MARK);
        assertThat(count(a4, "<w:tbl>")).isEqualTo(3);
        sameBothWays(s, new DocxWriter.Look(true, "none", "FF9999", null));
    }

    @Test
    void theThemedLookWithDetailsAcrossTheFigures() throws Exception {
        Snapshot s = may();
        Map<String, String> details = new HashMap<>();
        s.indicators().stream().limit(6).forEach(i -> details.put(i.code(), "已完成 <80%> & 正在\"推进\"\r\n第二行"));
        String xml = sameBothWays(s, new DocxWriter.Look(false, "FFC000", "FF0000", null, "民生实事", details));
        assertThat(xml).contains("已完成 &lt;80%&gt; &amp; 正在\"推进\"&#13;\n第二行");
    }

    @Test
    void unitsWhoseNamesXmlEscapes() throws Exception {
        ObjectMapper json = SnapshotReader.mapper();
        ObjectNode root = (ObjectNode) json.readTree(Files.readString(GeneratedSamples.may().workspace()
                .resolve("out/2026-05/bulletin.json")));
        Map<String, String> renamed = new HashMap<>();
        ArrayNode units = (ArrayNode) root.get("units");
        for (int k = 0; k < units.size(); k++) {
            String name = units.get(k).asText();
            String hostile = k == 0 ? "A&B<镇>" : k == 1 ? "\"乙\"\r\n街道" : "第" + k + "单位";
            renamed.put(name, hostile);
            units.set(k, hostile);
        }
        for (JsonNode i : root.get("indicators")) {
            ObjectNode byUnit = (ObjectNode) i.get("units");
            ObjectNode copy = json.createObjectNode();
            for (Iterator<Map.Entry<String, JsonNode>> it = byUnit.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> e = it.next();
                copy.set(renamed.getOrDefault(e.getKey(), e.getKey()), e.getValue());
            }
            ((ObjectNode) i).set("units", copy);
        }
        Snapshot s = SnapshotReader.parse(json.writeValueAsString(root));
        String xml = sameBothWays(s, new DocxWriter.Look(false, "FFC000", "FF0000", null));
        assertThat(xml).contains("A&amp;B&lt;镇&gt;").contains("\"乙\"&#13;\n街道");
    }

    /** The document.xml of both ways, which must be the same bytes; returned as text. */
    private static String sameBothWays(Snapshot s, DocxWriter.Look look) throws Exception {
        List<Wording.Block> blocks = Wording.render(s, Notes.EMPTY, null, Map.of());
        ByteArrayOutputStream direct = new ByteArrayOutputStream();
        DocxWriter.write(s, blocks, DocxWriter.reference(null), look, direct);
        ByteArrayOutputStream objects = new ByteArrayOutputStream();
        DocxWriter.writeWithObjects(s, blocks, DocxWriter.reference(null), look, objects);
        byte[] a = part(direct.toByteArray());
        byte[] b = part(objects.toByteArray());
        String xml = new String(a, StandardCharsets.UTF_8);
        assertThat(xml).contains("<w:tbl>");
        assertThat(xml).isEqualTo(new String(b, StandardCharsets.UTF_8));
        assertThat(a).isEqualTo(b);
        return xml;
    }

    private static byte[] part(byte[] docx) throws Exception {
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(docx))) {
            for (ZipEntry e = in.getNextEntry(); e != null; e = in.getNextEntry()) {
                if (e.getName().equals("word/document.xml")) {
                    return in.readAllBytes();
                }
            }
        }
        throw new AssertionError("no word/document.xml");
    }

    private static int count(String s, String what) {
        int n = 0;
        for (int i = s.indexOf(what); i >= 0; i = s.indexOf(what, i + 1)) {
            n++;
        }
        return n;
    }
}
