package bulletin.document;

import static org.assertj.core.api.Assertions.assertThat;

import bulletin.testing.GeneratedSamples;
import java.util.ArrayList;
import java.util.List;
import org.docx4j.XmlUtils;
import org.docx4j.openpackaging.packages.WordprocessingMLPackage;
import org.docx4j.wml.P;
import org.docx4j.wml.Style;
import org.docx4j.wml.Tbl;
import org.docx4j.wml.Tc;
import org.docx4j.wml.Tr;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Issue 23 point 8 in the .docx itself, without LibreOffice: the keep and flow properties that decide where the
 * samples' May breaks its pages (RenderedPagesIT looks at the pages they make). Each assertion fails if its rule
 * is taken out of DocxWriter or PageFit.
 */
class KeepTogetherTest {

    static WordprocessingMLPackage doc;
    static List<Object> body;

    @BeforeAll
    static void load() throws Exception {
        doc = WordprocessingMLPackage.load(GeneratedSamples.may().workspace()
                .resolve("out/2026-05/工作专报（第3期）.docx").toFile());
        body = doc.getMainDocumentPart().getContent();
    }

    private static boolean keepNext(P p) {
        return p.getPPr() != null && p.getPPr().getKeepNext() != null && p.getPPr().getKeepNext().isVal();
    }

    private static boolean heading(Object o) {
        return o instanceof P p && PageFit.style(p).startsWith("Heading");
    }

    @Test
    void headingsKeepWithTheirTextAndTheFirstShortParagraphUnderEachFlowsOverAPagesEnd() {
        for (String id : List.of(Reference.H1, Reference.H2, Reference.H3)) {
            Style s = doc.getMainDocumentPart().getStyleDefinitionsPart().getStyleById(id);
            assertThat(s.getPPr().getKeepNext()).as(id).isNotNull();
            assertThat(s.getPPr().getKeepNext().isVal()).as(id).isTrue();
        }
        int under = 0;
        for (int i = 0; i + 1 < body.size(); i++) {
            if (heading(body.get(i)) && body.get(i + 1) instanceof P text && !heading(text)
                    && PageFit.lines(text) <= PageFit.FLOWS) {
                under++;
                assertThat(PageFit.flows(text)).as(PageFit.text(text)).isTrue();
                assertThat(text.getPPr().getWidowControl().isVal()).isFalse();
            } else if (body.get(i + 1) instanceof P other && !heading(body.get(i))) {
                // Only there: elsewhere (and in a longer paragraph under a heading) two lines of a paragraph stay
                // together at a page's end.
                assertThat(PageFit.flows(other)).as(PageFit.text(other)).isFalse();
            }
        }
        assertThat(under).as("paragraphs under a heading").isGreaterThan(15);
    }

    @Test
    void theEstimateLetsAHeadingEndItsPageAboveALineOfTextThatFlows() {
        // 19 lines used, a heading and a three-line paragraph: with widow control the paragraph cannot leave one
        // line alone, so the heading and all three lines go over and three lines stay empty; flowing, they fit.
        List<Object> lines = new ArrayList<>(List.of(PageFitTest.lines(10), PageFitTest.lines(9),
                PageFitTest.para(Reference.H3, "4. 病有所医"), PageFitTest.lines(3), PageFitTest.lines(3)));
        PageFit.Flow stiff = new PageFit.Flow();
        for (int i = 0; i < 4; i++) {
            stiff.add(lines, i);
        }
        assertThat(stiff.page).isEqualTo(2);
        assertThat(stiff.used).isEqualTo(4.0);
        PageFit.flowUnderHeadings(lines);
        assertThat(PageFit.flows((P) lines.get(3))).isTrue();
        assertThat(PageFit.flows((P) lines.get(4))).isFalse();
        PageFit.Flow flowing = new PageFit.Flow();
        for (int i = 0; i < 4; i++) {
            flowing.add(lines, i);
        }
        assertThat(flowing.page).isEqualTo(2);
        assertThat(flowing.used).as("one line of the paragraph over on the next page").isEqualTo(1.0);
    }

    @Test
    void theChartKeepsWithItsCaption() {
        int pictures = 0;
        for (int i = 0; i + 1 < body.size(); i++) {
            if (body.get(i) instanceof P p && PageFit.drawing(p) > 0) {
                pictures++;
                assertThat(keepNext(p)).isTrue();
                assertThat(PageFit.style((P) body.get(i + 1))).isEqualTo(Reference.FIGURE);
                // The estimate counts the picture by its height, a dozen lines and more, not as a line of text.
                assertThat(PageFit.lines(p)).isGreaterThan(8);
            }
        }
        assertThat(pictures).isEqualTo(1);
    }

    @Test
    void theAttachmentsAndTheSignatureKeepTogether() {
        List<P> end = new ArrayList<>();
        boolean started = false;
        for (Object o : body) {
            if (o instanceof P p && PageFit.style(p).equals(Reference.ATTACH)) {
                started = true;
            }
            if (started && o instanceof P p) {
                end.add(p);
            }
            if (started && o instanceof P p && p.getPPr() != null && p.getPPr().getSectPr() != null) {
                break;
            }
        }
        List<P> signature = end.stream().filter(p -> PageFit.style(p).equals(Reference.SIGN)).toList();
        assertThat(signature).hasSizeGreaterThanOrEqualTo(2);
        P date = signature.get(signature.size() - 1);
        for (P p : end.subList(0, end.indexOf(date))) {
            assertThat(keepNext(p)).as(PageFit.text(p)).isTrue();
        }
        int first = body.indexOf(end.get(0));
        assertThat(keepNext((P) body.get(first - 1))).as("the blank line above 附件").isTrue();
    }

    @Test
    void anAppendixTablesLastRowsKeepWithItsNotesAndTheNotesWithOneAnother() {
        int tables = 0;
        for (int i = 0; i + 1 < body.size(); i++) {
            Object o = XmlUtils.unwrap(body.get(i));
            if (!(o instanceof Tbl tbl) || !(body.get(i + 1) instanceof P note)
                    || !PageFit.text(note).startsWith("注")) {
                continue;
            }
            tables++;
            Tr last = (Tr) XmlUtils.unwrap(tbl.getContent().get(tbl.getContent().size() - 1));
            for (Object c : last.getContent()) {
                if (XmlUtils.unwrap(c) instanceof Tc tc) {
                    for (Object cp : tc.getContent()) {
                        assertThat(keepNext((P) cp)).as("the last row keeps with the notes").isTrue();
                    }
                }
            }
            for (int k = i + 1; k + 1 < body.size() && body.get(k + 1) instanceof P next
                    && PageFit.text(next).startsWith("注"); k++) {
                assertThat(keepNext((P) body.get(k))).as(PageFit.text((P) body.get(k))).isTrue();
            }
        }
        assertThat(tables).as("appendix tables with notes").isGreaterThanOrEqualTo(2);
    }
}
