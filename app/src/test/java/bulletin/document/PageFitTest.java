package bulletin.document;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.docx4j.jaxb.Context;
import org.docx4j.wml.ObjectFactory;
import org.docx4j.wml.P;
import org.docx4j.wml.PPr;
import org.docx4j.wml.PPrBase;
import org.docx4j.wml.R;
import org.docx4j.wml.Text;
import org.junit.jupiter.api.Test;

/** The page estimate that places the chart: lines of text, and where a figure too tall for its page goes. */
class PageFitTest {

    private static final ObjectFactory F = Context.getWmlObjectFactory();

    static P para(String style, String text) {
        P p = F.createP();
        PPr ppr = F.createPPr();
        PPrBase.PStyle ps = F.createPPrBasePStyle();
        ps.setVal(style);
        ppr.setPStyle(ps);
        p.setPPr(ppr);
        R r = F.createR();
        Text t = F.createText();
        t.setValue(text);
        r.getContent().add(t);
        p.getContent().add(r);
        return p;
    }

    /** A body paragraph of {@code lines} full lines: 25 characters after the indent, then 27 a line. */
    static P lines(int lines) {
        return para(Reference.BODY, "字".repeat(25 + 27 * (lines - 1)));
    }

    @Test
    void linesOfChineseTextWithTheFirstLineIndented() {
        assertThat(PageFit.lines("", 2, PageFit.LINE_CHARS)).isEqualTo(1);
        assertThat(PageFit.lines("字".repeat(25), 2, PageFit.LINE_CHARS)).isEqualTo(1);
        assertThat(PageFit.lines("字".repeat(26), 2, PageFit.LINE_CHARS)).isEqualTo(2);
        assertThat(PageFit.lines("字".repeat(27), 0, PageFit.LINE_CHARS)).isEqualTo(1);
        // A full stop at the end of a full line hangs in the margin rather than taking a line of its own.
        assertThat(PageFit.lines("字".repeat(25) + "。", 2, PageFit.LINE_CHARS)).isEqualTo(1);
        // Figures are narrower than characters: "2026" is about two and a half of them with the spaces around.
        assertThat(PageFit.lines("截至5月底，已完成28839人，完成全年任务的48.88%，较上月增加", 2, PageFit.LINE_CHARS))
                .isEqualTo(2);
        assertThat(PageFit.lines("截至5月底，已完成28839人，完成全年任务的48.88%", 2, PageFit.LINE_CHARS)).isEqualTo(1);
        assertThat(PageFit.lines(lines(3))).isEqualTo(3);
        // The masthead: the programme's name over two grid lines, 工 作 专 报 over three, the issuer's line and rule.
        assertThat(PageFit.lines(para(Reference.MASTHEAD_NAME, "汨罗市实现好惠民生增福祉的期盼"))).isEqualTo(2);
        assertThat(PageFit.lines(para(Reference.MASTHEAD, "工 作 专 报"))).isEqualTo(3);
    }

    /** A page of 10 lines used, then the given paragraphs. */
    static List<Object> body(P... after) {
        List<Object> body = new ArrayList<>(List.of(lines(4), lines(3), lines(3)));
        body.addAll(List.of(after));
        return body;
    }

    @Test
    void aFigureThatFitsStaysWhereTheTemplatePutsIt() {
        assertThat(PageFit.place(body(lines(3), lines(3)), 3, 12)).isEqualTo(3);
    }

    @Test
    void aFigureTooTallForThePageGoesAfterTheParagraphThatRunsOverIntoTheNext() {
        // 10 lines used, 13 wanted: the paragraphs of 5, 4 and 4 lines fill the page, the last one running over.
        List<Object> body = body(lines(5), lines(4), lines(4), lines(3));
        assertThat(PageFit.place(body, 3, 13)).isEqualTo(6);
    }

    @Test
    void aFigureTooTallGoesBeforeAParagraphThatStartsTheNextPage() {
        // 10 + 6 + 6 = 22 lines: the page is full after the second paragraph.
        assertThat(PageFit.place(body(lines(6), lines(6), lines(3)), 3, 13)).isEqualTo(5);
        // A heading that would end the page moves to the next with its paragraph: the figure goes before it.
        List<Object> body = body(lines(6), lines(5), para(Reference.H3, "1. 幼有所育"), lines(3));
        assertThat(PageFit.place(body, 3, 13)).isEqualTo(5);
        // So do two headings, one over the other, with room for themselves but not for a line of their text.
        body = body(lines(6), lines(4), para(Reference.H2, "（一）省级重点民生实事"), para(Reference.H3, "1. 幼有所育"),
                lines(3));
        assertThat(PageFit.place(body, 3, 13)).isEqualTo(5);
    }

    @Test
    void aFigureNeverMovesIntoTheNextSection() {
        List<Object> body = body(lines(3), para(Reference.H1, "三、突出问题"), lines(6), lines(6));
        assertThat(PageFit.place(body, 3, 13)).isEqualTo(4);
    }
}
