package bulletin.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@link DocxText} reads a run's text and tab, a table's cells joined as POI joins them, and refuses what it does not
 * read as POI does rather than read it some other way. That its words are POI's on the generated months (March to
 * June) is checked where those months' POI documents are already read: {@code SentencesTest}.
 */
class DocxTextTest {

    @Test
    void whatItDoesNotReadAsPoiDoesIsRefused(@TempDir Path dir) throws IOException {
        Path docx = docx(dir.resolve("a.docx"), "<w:p><w:r><w:t>甲</w:t><w:tab/><w:t>乙</w:t></w:r></w:p>"
                + "<w:tbl><w:tr><w:tc><w:p/></w:tc><w:tc><w:p><w:r><w:t>丙</w:t></w:r></w:p><w:p/></w:tc></w:tr>"
                + "<w:tr><w:tc><w:p/></w:tc></w:tr></w:tbl>");
        assertThat(DocxText.of(docx).paragraphs()).containsExactly("甲\t乙");
        assertThat(DocxText.of(docx).tables()).containsExactly("丙\t\n");
        try (var in = Files.newInputStream(docx); XWPFDocument poi = new XWPFDocument(in)) {
            assertThat(poi.getParagraphs().get(0).getText()).isEqualTo("甲\t乙");
            assertThat(poi.getTables().get(0).getText()).isEqualTo("丙\t\n");
        }
        for (String body : List.of("<w:p><w:r><w:br/></w:r></w:p>", "<w:p><w:hyperlink><w:r><w:t>x</w:t></w:r></w:hyperlink></w:p>",
                "<w:sdt/>", "<w:p><w:r><w:instrText>PAGE</w:instrText></w:r></w:p>")) {
            Path bad = docx(dir.resolve("bad.docx"), body);
            assertThatThrownBy(() -> DocxText.of(bad)).as(body).isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("read this document with POI");
            Files.delete(bad);
        }
    }

    /** A minimal .docx whose body is {@code body}. */
    private static Path docx(Path file, String body) throws IOException {
        try (OutputStream out = Files.newOutputStream(file); ZipOutputStream z = new ZipOutputStream(out)) {
            z.putNextEntry(new ZipEntry("[Content_Types].xml"));
            z.write(("<?xml version=\"1.0\" encoding=\"UTF-8\"?><Types xmlns=\"http://schemas.openxmlformats.org/"
                    + "package/2006/content-types\"><Default Extension=\"rels\" ContentType=\"application/"
                    + "vnd.openxmlformats-package.relationships+xml\"/><Default Extension=\"xml\" ContentType=\""
                    + "application/xml\"/><Override PartName=\"/word/document.xml\" ContentType=\"application/"
                    + "vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml\"/></Types>")
                    .getBytes(StandardCharsets.UTF_8));
            z.putNextEntry(new ZipEntry("_rels/.rels"));
            z.write(("<?xml version=\"1.0\" encoding=\"UTF-8\"?><Relationships xmlns=\"http://schemas.openxmlformats"
                    + ".org/package/2006/relationships\"><Relationship Id=\"rId1\" Type=\"http://schemas."
                    + "openxmlformats.org/officeDocument/2006/relationships/officeDocument\" Target=\"word/"
                    + "document.xml\"/></Relationships>").getBytes(StandardCharsets.UTF_8));
            z.putNextEntry(new ZipEntry("word/document.xml"));
            z.write(("<?xml version=\"1.0\" encoding=\"UTF-8\"?><w:document xmlns:w=\"" + DocxText.W + "\"><w:body>"
                    + body + "</w:body></w:document>").getBytes(StandardCharsets.UTF_8));
        }
        return file;
    }
}
