package bulletin.document;

import static org.assertj.core.api.Assertions.assertThat;

import bulletin.testing.GeneratedSamples;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.docx4j.openpackaging.packages.WordprocessingMLPackage;
import org.junit.jupiter.api.Test;

/**
 * {@link PackageSave} writes every part of the package byte for byte as docx4j's own {@code save} does, the main
 * document part included (its namespaces, mc:Ignorable and docx4j's version comment after {@code <w:body>}), in
 * the same order: only the zip around them differs.
 */
class PackageSaveTest {

    @Test
    void aGeneratedBulletinSavesToTheSamePartsAsDocx4jSavesIt() throws Exception {
        WordprocessingMLPackage pkg = WordprocessingMLPackage.load(GeneratedSamples.may().workspace()
                .resolve("out/2026-05/工作专报（第3期）.docx").toFile());
        int paragraphs = pkg.getMainDocumentPart().getContent().size();
        Map<String, byte[]> docx4j = parts(docx4jSave(pkg));
        Map<String, byte[]> ours = parts(packageSave(pkg));
        assertThat(pkg.getMainDocumentPart().getContent()).as("the body is left as it was").hasSize(paragraphs);
        assertThat(ours.keySet()).containsExactlyElementsOf(docx4j.keySet());
        assertThat(ours.keySet()).contains("word/document.xml", "word/styles.xml");
        docx4j.forEach((name, bytes) -> assertThat(ours.get(name)).as(name).isEqualTo(bytes));
        String xml = new String(ours.get("word/document.xml"), java.nio.charset.StandardCharsets.UTF_8);
        assertThat(xml).contains("<w:body><!--").contains("<w:tbl>").contains("附件1");
        assertThat(xml.length()).isGreaterThan(100_000);
    }

    @Test
    void aNewPackageToo() throws Exception {
        WordprocessingMLPackage pkg = WordprocessingMLPackage.createPackage();
        pkg.getMainDocumentPart().addParagraphOfText("一是**重点群体**保障");
        Map<String, byte[]> docx4j = parts(docx4jSave(pkg));
        Map<String, byte[]> ours = parts(packageSave(pkg));
        assertThat(ours.keySet()).containsExactlyElementsOf(docx4j.keySet());
        docx4j.forEach((name, bytes) -> assertThat(ours.get(name)).as(name).isEqualTo(bytes));
        assertThat(new String(ours.get("word/document.xml"), java.nio.charset.StandardCharsets.UTF_8))
                .contains("一是**重点群体**保障");
    }

    private static byte[] docx4jSave(WordprocessingMLPackage pkg) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        pkg.save(out);
        return out.toByteArray();
    }

    private static byte[] packageSave(WordprocessingMLPackage pkg) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        PackageSave.save(pkg, out);
        return out.toByteArray();
    }

    private static Map<String, byte[]> parts(byte[] zip) throws IOException {
        Map<String, byte[]> parts = new LinkedHashMap<>();
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip))) {
            for (ZipEntry e = in.getNextEntry(); e != null; e = in.getNextEntry()) {
                parts.put(e.getName(), in.readAllBytes());
            }
        }
        return parts;
    }
}
