package bulletin.document;

import static org.assertj.core.api.Assertions.assertThat;

import bulletin.testing.GeneratedSamples;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.docx4j.XmlUtils;
import org.docx4j.openpackaging.packages.WordprocessingMLPackage;
import org.docx4j.wml.JcEnumeration;
import org.docx4j.wml.P;
import org.docx4j.wml.Tbl;
import org.docx4j.wml.Tc;
import org.docx4j.wml.Tr;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * GB/T 9704 finishing and pagination (issue 23, points 8 and 9), read back from the samples' May: the 落款's
 * date four characters from the right margin with the office centred over it, the 附件 title on the third line,
 * the appendix notes kept with their table. The rendered pages (LibreOffice) are {@link FinishingIT}'s.
 */
class FinishingTest {

    static WordprocessingMLPackage doc;
    static Path docx;

    @BeforeAll
    static void load() throws Exception {
        Path ws = GeneratedSamples.may().workspace();
        docx = ws.resolve("out/2026-05/工作专报（第3期）.docx");
        doc = WordprocessingMLPackage.load(docx.toFile());
    }

    static List<P> paragraphs() {
        return doc.getMainDocumentPart().getContent().stream().filter(o -> o instanceof P).map(o -> (P) o).toList();
    }

    @Test
    void theDateEndsFourCharactersFromTheRightMarginAndAShortOfficeIsCentredOverIt() {
        List<DocxWriter.SignLine> placed = DocxWriter.signLines(List.of("汨罗市民政局", "2026年5月30日"));
        DocxWriter.SignLine office = placed.get(0);
        DocxWriter.SignLine date = placed.get(1);
        assertThat(date).isEqualTo(new DocxWriter.SignLine(0, 4 * Reference.CHAR, true));
        // The date's centre, from its right end four characters in and its width.
        int dateCentre = Reference.TEXT_WIDTH - 4 * Reference.CHAR - DocxWriter.textWidth("2026年5月30日") / 2;
        assertThat(office.flushRight()).isFalse();
        assertThat((office.left() + Reference.TEXT_WIDTH - office.right()) / 2).isEqualTo(dateCentre);
        // The box the office is centred in holds it on one line and stays within the margins.
        assertThat(Reference.TEXT_WIDTH - office.left() - office.right())
                .isGreaterThanOrEqualTo(DocxWriter.textWidth("汨罗市民政局"));
        assertThat(office.left()).isNotNegative();
        assertThat(office.right()).isNotNegative();
    }

    @Test
    void anOfficeTooLongToCentreOverTheDateEndsTwoCharactersFromTheMargin() {
        String longOffice = "市“实现好惠民生增福祉的期盼”工作专班";
        List<DocxWriter.SignLine> placed = DocxWriter.signLines(List.of(longOffice, "2026年5月30日"));
        assertThat(placed.get(0)).isEqualTo(new DocxWriter.SignLine(0, 2 * Reference.CHAR, true));
        assertThat(placed.get(1)).isEqualTo(new DocxWriter.SignLine(0, 4 * Reference.CHAR, true));
        // A line of the whole text width is never pushed past the left margin.
        String full = "一".repeat(28);
        assertThat(DocxWriter.signLines(List.of(full, "2026年5月30日")).get(0).right()).isZero();
    }

    @Test
    void theSamplesSignatureIsPlacedInTheDocument() {
        List<P> sign = paragraphs().stream().filter(p -> Reference.SIGN.equals(PageFit.style(p))).toList();
        assertThat(sign).extracting(PageFit::text).containsExactly("市“实现好惠民生增福祉的期盼”工作专班", "2026年5月30日");
        List<DocxWriter.SignLine> expected = DocxWriter.signLines(sign.stream().map(PageFit::text).toList());
        for (int i = 0; i < sign.size(); i++) {
            var ppr = sign.get(i).getPPr();
            assertThat(ppr.getInd().getLeft().intValue()).isEqualTo(expected.get(i).left());
            assertThat(ppr.getInd().getRight().intValue()).isEqualTo(expected.get(i).right());
            assertThat(ppr.getInd().getLeftChars()).isNull();
            assertThat(ppr.getJc().getVal())
                    .isEqualTo(expected.get(i).flushRight() ? JcEnumeration.RIGHT : JcEnumeration.CENTER);
        }
        assertThat(sign.get(1).getPPr().getInd().getRight().intValue()).isEqualTo(4 * Reference.CHAR);
        assertThat(sign.get(1).getPPr().getJc().getVal()).isEqualTo(JcEnumeration.RIGHT);
    }

    /** Bug (render): the issuer's line inherited the body's first-line indent, and the date wrapped to a 2nd line. */
    @Test
    void theIssuersLineHasNoFirstLineIndent() {
        P issuer = paragraphs().stream().filter(p -> Reference.ISSUER.equals(PageFit.style(p))).findFirst()
                .orElseThrow();
        var ind = issuer.getPPr().getInd();
        assertThat(ind.getFirstLine().intValue()).isZero();
        assertThat(ind.getFirstLineChars().intValue()).isZero();
        assertThat(ind.getLeft().intValue()).isEqualTo(Reference.ISSUER_EM);
        assertThat(ind.getRight().intValue()).isEqualTo(Reference.ISSUER_EM);
    }

    /**
     * The landscape section has footers of its own, odd and even, whose "— N —" stands in a text box on the page's
     * left edge turned a quarter (the upright sheet's foot); the portrait section keeps the reference's footers.
     */
    @Test
    void landscapePagesNumberedAtTheUprightSheetsFoot() throws Exception {
        List<org.docx4j.wml.SectPr> sections = new ArrayList<>();
        for (Object o : doc.getMainDocumentPart().getContent()) {
            if (o instanceof P p && p.getPPr() != null && p.getPPr().getSectPr() != null) {
                sections.add(p.getPPr().getSectPr());
            }
        }
        sections.add(doc.getMainDocumentPart().getJaxbElement().getBody().getSectPr());
        assertThat(sections).hasSize(2);
        org.docx4j.wml.SectPr portrait = sections.get(0);
        org.docx4j.wml.SectPr landscape = sections.get(1);
        assertThat(landscape.getPgSz().getOrient()).isEqualTo(org.docx4j.wml.STPageOrientation.LANDSCAPE);
        var rels = doc.getMainDocumentPart().getRelationshipsPart();
        List<String> landscapeTargets = new ArrayList<>();
        for (Object o : landscape.getEGHdrFtrReferences()) {
            if (o instanceof org.docx4j.wml.FooterReference ref) {
                var part = (org.docx4j.openpackaging.parts.WordprocessingML.FooterPart) rels.getPart(ref.getId());
                String xml = XmlUtils.marshaltoString(part.getJaxbElement());
                assertThat(xml).contains("layout-flow:vertical").contains("PAGE").contains("— ")
                        .contains("mso-position-horizontal-relative:page");
                // In the left margin, clear of the table.
                double left = Double.parseDouble(xml.replaceAll("(?s).*margin-left:([0-9.]+)pt.*", "$1"));
                double width = Double.parseDouble(xml.replaceAll("(?s).*;width:([0-9.]+)pt.*", "$1"));
                assertThat((left + width) * 20).isLessThan(landscape.getPgMar().getLeft().intValue());
                double top = Double.parseDouble(xml.replaceAll("(?s).*margin-top:([0-9.]+)pt.*", "$1"));
                boolean nearFoot = top * 20 > landscape.getPgSz().getH().intValue() / 2.0;
                assertThat(nearFoot).as(ref.getType().toString())
                        .isEqualTo(ref.getType() == org.docx4j.wml.HdrFtrRef.DEFAULT);
                landscapeTargets.add(ref.getId());
            }
        }
        assertThat(landscapeTargets).hasSize(2);
        for (Object o : portrait.getEGHdrFtrReferences()) {
            if (o instanceof org.docx4j.wml.FooterReference ref) {
                assertThat(landscapeTargets).doesNotContain(ref.getId());
                assertThat(XmlUtils.marshaltoString(((org.docx4j.openpackaging.parts.WordprocessingML.FooterPart)
                        rels.getPart(ref.getId())).getJaxbElement())).doesNotContain("layout-flow");
            }
        }
    }

    @Test
    void eachAppendixTitleIsOnTheThirdLineOfItsPage() {
        List<P> ps = paragraphs();
        List<P> labels = ps.stream().filter(p -> PageFit.text(p).matches("附件\\d")).toList();
        assertThat(labels).hasSize(3);
        for (P label : labels) {
            int at = ps.indexOf(label);
            P blank = ps.get(at + 1);
            P title = ps.get(at + 2);
            assertThat(PageFit.style(label)).isEqualTo(Reference.APPENDIX_LABEL);
            assertThat(PageFit.text(blank)).as("the second line after " + PageFit.text(label)).isEmpty();
            assertThat(PageFit.style(blank)).isEqualTo(Reference.APPENDIX_LABEL);
            assertThat(blank.getPPr().getKeepNext().isVal()).isTrue();
            assertThat(PageFit.style(title)).isEqualTo(Reference.APPENDIX_TITLE);
            assertThat(PageFit.text(title)).contains("表");
        }
    }

    @Test
    void theAppendixNotesKeepWithTheirTable() {
        List<Object> body = doc.getMainDocumentPart().getContent();
        int notes = 0;
        for (int i = 0; i < body.size(); i++) {
            if (!(body.get(i) instanceof P p) || !PageFit.text(p).startsWith("注：")) {
                continue;
            }
            notes++;
            Object before = XmlUtils.unwrap(body.get(i - 1));
            if (before instanceof Tbl tbl) {
                // The table's last row keeps with the first note.
                Tr last = (Tr) XmlUtils.unwrap(tbl.getContent().get(tbl.getContent().size() - 1));
                for (Object c : last.getContent()) {
                    Tc tc = (Tc) XmlUtils.unwrap(c);
                    for (Object o : tc.getContent()) {
                        assertThat(((P) o).getPPr().getKeepNext()).as("last row before " + PageFit.text(p)).isNotNull();
                    }
                }
            } else {
                // A note after another note: the one before keeps with it.
                assertThat(before).isInstanceOf(P.class);
                assertThat(PageFit.text((P) before)).startsWith("注：");
                assertThat(((P) before).getPPr().getKeepNext()).isNotNull();
            }
            boolean lastNote = i + 1 >= body.size() || !(body.get(i + 1) instanceof P next)
                    || !PageFit.text(next).startsWith("注：");
            if (lastNote) {
                assertThat(p.getPPr().getKeepNext()).as("the last note keeps with nothing").isNull();
            }
        }
        assertThat(notes).as("the samples' May has notes under 附件1 and 附件2").isGreaterThanOrEqualTo(2);
    }
}
