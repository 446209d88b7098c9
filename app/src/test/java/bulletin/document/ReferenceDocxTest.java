package bulletin.document;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import org.docx4j.openpackaging.exceptions.Docx4JException;
import org.docx4j.openpackaging.packages.WordprocessingMLPackage;
import org.junit.jupiter.api.Test;

/**
 * {@code templates/reference.docx} is {@link Reference#build()} saved, so clerks have a file to restyle.
 * {@code -Dbulletin.writeReference=true} rewrites it from the code.
 */
class ReferenceDocxTest {

    static final Path FILE = Path.of("templates/reference.docx");

    @Test
    void theCommittedReferenceHasEveryStyleTheWriterUses() throws IOException, Docx4JException {
        if (Boolean.getBoolean("bulletin.writeReference")) {
            try (OutputStream out = Files.newOutputStream(FILE)) {
                Reference.build().save(out);
            }
        }
        WordprocessingMLPackage pkg = WordprocessingMLPackage.load(FILE.toFile());
        assertThat(DocxWriter.styleIds(pkg)).containsAll(Reference.STYLE_IDS);
        assertThat(DocxWriter.styleIds(Reference.build())).containsAll(Reference.STYLE_IDS);
        var page = pkg.getMainDocumentPart().getJaxbElement().getBody().getSectPr();
        assertThat(page.getPgSz().getW().intValue()).isEqualTo(Reference.A4_W);
        assertThat(page.getPgMar().getTop().intValue()).isEqualTo(Reference.TOP);
        assertThat(page.getEGHdrFtrReferences()).hasSize(2);
        // Heading 3 (1.) is bold, as the README and bulletin.ftl say.
        var h3 = pkg.getMainDocumentPart().getStyleDefinitionsPart().getJaxbElement().getStyle().stream()
                .filter(st -> st.getStyleId().equals(Reference.H3)).findFirst().orElseThrow();
        assertThat(h3.getRPr().getB()).isNotNull();
        assertThat(h3.getRPr().getB().isVal()).isTrue();
    }
}
