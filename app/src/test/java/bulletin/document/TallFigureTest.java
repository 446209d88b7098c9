package bulletin.document;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.util.List;
import javax.imageio.ImageIO;
import org.docx4j.dml.wordprocessingDrawing.Inline;
import org.docx4j.jaxb.Context;
import org.docx4j.openpackaging.packages.WordprocessingMLPackage;
import org.docx4j.openpackaging.parts.WordprocessingML.BinaryPartAbstractImage;
import org.docx4j.wml.Drawing;
import org.docx4j.wml.P;
import org.docx4j.wml.R;
import org.junit.jupiter.api.Test;

/**
 * Issue 23's "a page holding two lines before the chart": a chart nearly a page tall placed after the paragraph
 * that runs over into the next page would not fit there under the lines carried over, and would go on to the page
 * after, leaving them alone. The chart is set smaller to fit under two lines, and placed before a paragraph that
 * carries more.
 */
class TallFigureTest {

    @Test
    void aFigureThatWouldNotFitUnderTheLinesCarriedOverGoesBeforeTheParagraph() {
        // 10 lines used; 5 and 4 make 19; the next 4-line paragraph puts 2 lines here and carries 2 over.
        List<Object> body = PageFitTest.body(PageFitTest.lines(5), PageFitTest.lines(4), PageFitTest.lines(4),
                PageFitTest.lines(3));
        assertThat(PageFit.place(body, 3, 20)).as("2 + 20 lines fit on the next page").isEqualTo(6);
        assertThat(PageFit.place(body, 3, 21)).as("2 + 21 do not").isEqualTo(5);
    }

    @Test
    void aChartTallerThanAPageLessTwoLinesIsSetSmaller() throws Exception {
        BufferedImage img = new BufferedImage(2000, 4000, BufferedImage.TYPE_BYTE_BINARY);
        ByteArrayOutputStream png = new ByteArrayOutputStream();
        ImageIO.write(img, "png", png);
        WordprocessingMLPackage pkg = WordprocessingMLPackage.createPackage();
        Inline inline = BinaryPartAbstractImage.createImagePart(pkg, png.toByteArray())
                .createImageInline("chart.png", "图", 1, 2, false, Reference.TEXT_WIDTH);
        P p = Context.getWmlObjectFactory().createP();
        R r = Context.getWmlObjectFactory().createR();
        Drawing d = Context.getWmlObjectFactory().createDrawing();
        d.getAnchorOrInline().add(inline);
        r.getContent().add(d);
        p.getContent().add(r);
        // Twice as tall as wide across the text block: 30 lines and more.
        assertThat(PageFit.drawing(p)).isGreaterThan(PageFit.PAGE);
        long width = inline.getExtent().getCx();

        DocxWriter.fitOnAPage(p, 18 * Reference.LINE);
        assertThat(PageFit.drawing(p)).isEqualTo(18.0);
        assertThat(inline.getExtent().getCx()).as("the width shrinks with the height").isLessThan(width * 2 / 3);
        assertThat(inline.getGraphic().getGraphicData().getPic().getSpPr().getXfrm().getExt().getCy())
                .isEqualTo(inline.getExtent().getCy());

        // A chart that fits is left as it is.
        long height = inline.getExtent().getCy();
        DocxWriter.fitOnAPage(p, 20 * Reference.LINE);
        assertThat(inline.getExtent().getCy()).isEqualTo(height);
    }
}
