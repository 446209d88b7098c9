package bulletin.document;

import jakarta.xml.bind.JAXBElement;
import java.util.List;
import org.docx4j.dml.wordprocessingDrawing.Inline;
import org.docx4j.wml.BooleanDefaultTrue;
import org.docx4j.wml.Br;
import org.docx4j.wml.Drawing;
import org.docx4j.wml.P;
import org.docx4j.wml.R;
import org.docx4j.wml.STBrType;
import org.docx4j.wml.Text;

/**
 * Where the chart goes: an estimate of how the body's paragraphs fill the 22 lines of a page, so that a figure
 * too tall for what is left of its page is moved down to the top of the next one instead of leaving the rest of
 * the page empty (as a typesetter floats a figure). The estimate counts lines as LibreOffice and Word set the
 * reference document's styles: 28 characters of 3号 a line (a Latin letter or digit a little over half of one,
 * with a quarter of space where it meets Chinese), punctuation allowed to hang at the end of a line, the
 * masthead's larger type over several grid lines. It is only an estimate; a line or two either way costs at most
 * that much white space, which is why a figure is placed right after the paragraph that crosses the page's end.
 */
final class PageFit {

    /** Lines of the grid on a page (GB/T 9704: 22). */
    static final double PAGE = 22.0;
    /** Characters of 3号 in a line of the text block. */
    static final double LINE_CHARS = (double) Reference.TEXT_WIDTH / Reference.CHAR;

    private static final double LATIN = 0.55;
    private static final double AUTOSPACE = 0.25;
    /** The red rule under the issuer's line takes a third of a line. */
    private static final double RULE = 0.3;
    private static final String CLOSING = "，。、；：！？）》」』”’〕】%,.;:!?)";

    private PageFit() {
    }

    /**
     * The index in {@code body} at which a figure of {@code figureLines} lines goes: {@code at} if it fits in what
     * is left of the page there; else right after the paragraph that runs over into the next page (before it
     * where the lines it carries over and the figure would not fit there together), or before the first one that
     * starts there, but never past the next first-level heading, a table or a section's end.
     */
    static int place(List<Object> body, int at, double figureLines) {
        Flow flow = new Flow();
        for (int i = 0; i < at; i++) {
            flow.add(body, i);
        }
        if (flow.used + figureLines <= PAGE + 0.01) {
            return at;
        }
        int page = flow.page;
        for (int i = at; i < body.size(); i++) {
            Object o = body.get(i);
            if (!(o instanceof P p) || stops(p)) {
                return i;
            }
            boolean split = flow.add(body, i);
            if (flow.page > page) {
                // Where the lines carried over and the figure do not fit on the next page together, the figure
                // goes before the paragraph: else it would go on to the page after and leave those lines alone.
                return split && flow.used + figureLines <= PAGE + 0.01 ? i + 1 : i;
            }
        }
        return body.size();
    }

    /**
     * The body set line by line: the page and the lines used on it. Two lines at least stay together at either
     * side of a page's end (widow and orphan control, which the reference document turns on); a heading moves to
     * the next page with the first lines of the paragraph it heads.
     */
    static final class Flow {
        int page = 1;
        double used;

        /** Sets element {@code i}; true where it runs over from one page into the next. */
        boolean add(List<Object> body, int i) {
            if (!(body.get(i) instanceof P p)) {
                return false;
            }
            if (pageBreak(p) || p.getPPr() != null && p.getPPr().getSectPr() != null) {
                page++;
                used = 0;
                return false;
            }
            double n = lines(p);
            double after = n;
            // A heading needs the headings under it and two lines of the text they head on the same page (one
            // where that text flows).
            for (int k = i + 1; heading(p) && k < body.size() && body.get(k) instanceof P next; k++) {
                if (!heading(next)) {
                    // A paragraph too short to leave that many lines at either side goes over whole.
                    double lines = lines(next);
                    after += lines < 2 * keep(next) ? lines : keep(next);
                    break;
                }
                after += lines(next);
            }
            double free = PAGE - used;
            if (after <= free + 0.01) {
                used += n;
                return false;
            }
            double fit = Math.min(Math.floor(free + 0.01), n - keep(p));
            page++;
            if (heading(p) || fit < keep(p) || !Reference.BODY.equals(style(p)) || drawing(p) > 0) {
                used = n;
                return false;
            }
            used = n - fit;
            return true;
        }
    }

    /**
     * Lets the first paragraph of text under each heading flow over a page's end (its widow control off, as Word,
     * WPS and LibreOffice all read {@code w:widowControl w:val="0"}) where it is {@value #FLOWS} lines or shorter:
     * a heading keeps with the first line of such a paragraph, not two, so that a heading and a paragraph of two or
     * three lines never go over to the next page together leaving three lines of this one empty (issue 23: pages
     * ending 3–6 lines short). A longer paragraph leaves two lines under its heading and two over the page as
     * before (a heading and two lines of it fit where three are left), so that its last line never stands alone at
     * the head of a page. A heading still never ends a page. Elsewhere widow and orphan control stay as the
     * reference document sets them.
     */
    static void flowUnderHeadings(List<Object> body) {
        for (int i = 0; i + 1 < body.size(); i++) {
            if (body.get(i) instanceof P h && heading(h) && body.get(i + 1) instanceof P text
                    && Reference.BODY.equals(style(text)) && drawing(text) == 0 && !text(text).isEmpty()
                    && lines(text) <= FLOWS) {
                if (text.getPPr() == null) {
                    text.setPPr(new org.docx4j.wml.PPr());
                }
                BooleanDefaultTrue off = new BooleanDefaultTrue();
                off.setVal(false);
                text.getPPr().setWidowControl(off);
            }
        }
    }

    /** The longest paragraph under a heading that may leave a single line at either side of a page's end. */
    static final int FLOWS = 3;

    /** Lines of a paragraph kept together at either side of a page's end: two, or one where its lines flow. */
    static int keep(P p) {
        return flows(p) ? 1 : 2;
    }

    /** Whether the paragraph's own properties turn widow and orphan control off. */
    static boolean flows(P p) {
        return p.getPPr() != null && p.getPPr().getWidowControl() != null && !p.getPPr().getWidowControl().isVal();
    }

    /** The grid lines of the pictures in a paragraph (by their extent), 0 where it holds none. */
    static double drawing(P p) {
        double twips = 0;
        for (Object o : p.getContent()) {
            if (o instanceof R r) {
                for (Object c : r.getContent()) {
                    Object v = c instanceof JAXBElement<?> e ? e.getValue() : c;
                    if (v instanceof Drawing d) {
                        for (Object a : d.getAnchorOrInline()) {
                            if (a instanceof Inline in && in.getExtent() != null) {
                                twips += in.getExtent().getCy() / 635.0;
                            }
                        }
                    }
                }
            }
        }
        return twips == 0 ? 0 : Math.ceil(twips / Reference.LINE);
    }

    /** The grid lines a paragraph takes, by its style and text (a picture by its height). */
    static double lines(P p) {
        double picture = drawing(p);
        if (picture > 0) {
            return picture;
        }
        String style = style(p);
        String text = text(p);
        return switch (style) {
            case Reference.MASTHEAD_NAME -> 2 * lines(text, 0, LINE_CHARS * 32 / 44);
            case Reference.MASTHEAD -> 3 * lines(text, 0, LINE_CHARS * 32 / 84);
            case Reference.ISSUER -> 1 + RULE;
            case Reference.ISSUE, Reference.FIGURE -> lines(text, 0, LINE_CHARS);
            default -> lines(text, 2, LINE_CHARS);
        };
    }

    /** Lines of text set in {@code capacity} characters a line, the first line indented {@code indent}. */
    static int lines(String text, double indent, double capacity) {
        if (text.isEmpty()) {
            return 1;
        }
        int lines = 1;
        double x = indent;
        int i = 0;
        while (i < text.length()) {
            int j = i + 1;
            double w;
            if (latin(text.charAt(i))) {
                while (j < text.length() && latin(text.charAt(j))) {
                    j++;
                }
                w = (j - i) * LATIN + (i > 0 ? AUTOSPACE : 0) + (j < text.length() ? AUTOSPACE : 0);
            } else {
                w = 1;
            }
            boolean hangs = CLOSING.indexOf(text.charAt(i)) >= 0 && j == i + 1;
            if (x + w > capacity + 0.01 && x > 0 && !(hangs && x <= capacity + 0.01)) {
                lines++;
                x = 0;
            }
            x += w;
            i = j;
        }
        return lines;
    }

    /** A character set half-width: Latin letters, digits and their punctuation. */
    static boolean latin(char c) {
        return c < 0x2000 && c != '\u00B7';
    }

    private static boolean heading(P p) {
        return style(p).startsWith("Heading");
    }

    private static boolean stops(P p) {
        return Reference.H1.equals(style(p)) || pageBreak(p) || p.getPPr() != null && p.getPPr().getSectPr() != null
                || Reference.ATTACH.equals(style(p)) || Reference.SIGN.equals(style(p));
    }

    static String style(P p) {
        return p.getPPr() == null || p.getPPr().getPStyle() == null ? Reference.BODY : p.getPPr().getPStyle().getVal();
    }

    static String text(P p) {
        StringBuilder b = new StringBuilder();
        for (Object o : p.getContent()) {
            if (o instanceof R r) {
                for (Object c : r.getContent()) {
                    Object v = c instanceof JAXBElement<?> e ? e.getValue() : c;
                    if (v instanceof Text t) {
                        b.append(t.getValue());
                    }
                }
            }
        }
        return b.toString();
    }

    private static boolean pageBreak(P p) {
        for (Object o : p.getContent()) {
            if (o instanceof R r) {
                for (Object c : r.getContent()) {
                    Object v = c instanceof JAXBElement<?> e ? e.getValue() : c;
                    if (v instanceof Br br && br.getType() == STBrType.PAGE) {
                        return true;
                    }
                }
            }
        }
        return false;
    }
}
