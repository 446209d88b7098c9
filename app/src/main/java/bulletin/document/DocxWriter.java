package bulletin.document;

import static bulletin.document.Reference.*;

import bulletin.model.Level;
import bulletin.model.Snapshot;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.docx4j.XmlUtils;
import org.docx4j.dml.wordprocessingDrawing.Inline;
import org.docx4j.jaxb.Context;
import org.docx4j.openpackaging.exceptions.Docx4JException;
import org.docx4j.openpackaging.packages.WordprocessingMLPackage;
import org.docx4j.openpackaging.parts.WordprocessingML.BinaryPartAbstractImage;
import org.docx4j.openpackaging.parts.WordprocessingML.MainDocumentPart;
import org.docx4j.wml.BooleanDefaultTrue;
import org.docx4j.wml.CTBorder;
import org.docx4j.wml.CTShd;
import org.docx4j.wml.CTTblCellMar;
import org.docx4j.wml.CTVerticalJc;
import org.docx4j.wml.Drawing;
import org.docx4j.wml.Jc;
import org.docx4j.wml.JcEnumeration;
import org.docx4j.wml.ObjectFactory;
import org.docx4j.wml.P;
import org.docx4j.wml.PPr;
import org.docx4j.wml.PPrBase;
import org.docx4j.wml.R;
import org.docx4j.wml.STBorder;
import org.docx4j.wml.STPageOrientation;
import org.docx4j.wml.STShd;
import org.docx4j.wml.STVerticalJc;
import org.docx4j.wml.SectPr;
import org.docx4j.wml.Tbl;
import org.docx4j.wml.TblBorders;
import org.docx4j.wml.TblGrid;
import org.docx4j.wml.TblGridCol;
import org.docx4j.wml.TblPr;
import org.docx4j.wml.TblWidth;
import org.docx4j.wml.Tc;
import org.docx4j.wml.TcPr;
import org.docx4j.wml.TcPrInner;
import org.docx4j.wml.Text;
import org.docx4j.wml.Tr;
import org.docx4j.wml.TrPr;

/**
 * Builds the bulletin .docx on the reference document ({@code templates/reference.docx}, the workspace's own
 * first): its page, styles and page-number footers; the wording blocks in its paragraph styles; the chart; then
 * the appendix tables in a landscape section. Objects come from docx4j's factory, not from XML strings, and
 * every figure comes from the snapshot.
 */
public final class DocxWriter {

    static {
        // The parts as JAXB writes them, without indentation: docx4j pretty-prints by default, which at province
        // size made the indenting writer, byte by byte through docx4j's filter stream, most of the document's save
        // (see docs/performance-findings.md). Word and LibreOffice read both alike.
        org.docx4j.Docx4jProperties.setProperty("docx4j.jaxb.formatted.output", false);
    }

    /**
     * How the document looks beyond the reference: appendix paper and card shading, and the chart. The chart is
     * asked for only once the rest of the document is built, so that it can be drawn on another core meanwhile;
     * a null chart, or one that yields null, leaves the picture out.
     */
    public record Look(boolean a3, String behindFill, String redFill, Supplier<byte[]> chart, String programme,
                       Map<String, String> details) {
        /** A look under the default programme name (重点民生实事). */
        public Look(boolean a3, String behindFill, String redFill, Supplier<byte[]> chart) {
            this(a3, behindFill, redFill, chart, AppendixLayout.PROGRAMME);
        }

        /** A look in the itemised style. */
        public Look(boolean a3, String behindFill, String redFill, Supplier<byte[]> chart, String programme) {
            this(a3, behindFill, redFill, chart, programme, Map.of());
        }

        /** The same look with this chart (null for none). */
        public Look withChart(Supplier<byte[]> chart) {
            return new Look(a3, behindFill, redFill, chart, programme, details);
        }

        /** The same look for a programme of this name (the appendix titles say it). */
        public Look withProgramme(String programme) {
            return new Look(a3, behindFill, redFill, chart, programme, details);
        }

        /** The same look in the themed style: the appendix carries these 具体情况 (by code, as the template words them). */
        public Look withDetails(Map<String, String> details) {
            return new Look(a3, behindFill, redFill, chart, programme, details);
        }
    }

    public static final String REFERENCE = "reference.docx";

    /** The longest paragraph of text kept with the 附件 list and the signature. */
    static final int SHORT = 4;

    /** The 落款's date ends four characters from the right margin (GB/T 9704 7.3.5.1). */
    static final int SIGN_DATE_RIGHT = 4 * CHAR;

    private final ObjectFactory f = Context.getWmlObjectFactory();
    private final Look look;
    /** Whether the appendix tables are docx4j objects (for the test that compares) rather than written directly. */
    private final boolean objects;
    /** The appendix tables written directly, by their placeholders' numbers. */
    private final List<TableSource> tables = new ArrayList<>();
    /** The appendix tables' layouts, shared with the xlsx copy where generate laid them out ahead. */
    private Appendices appendices;
    /** The chart's part (its name in the package) where it is placed before it is drawn ({@link Chart.Later}). */
    private PackageSave.Later later;

    private DocxWriter(Look look, boolean objects) {
        this.look = look;
        this.objects = objects;
    }

    /** Writes the document on a reference loaded beforehand (generate loads it while it reads the workbooks). */
    public static void write(Snapshot s, List<Wording.Block> blocks, WordprocessingMLPackage reference, Look look,
                             OutputStream out) throws IOException {
        write(s, blocks, reference, look, null, out);
    }

    /**
     * The same, on the appendix layouts {@code appendices} holds (laid out ahead, shared with the xlsx copy) where
     * they are this snapshot's under this look; the appendix tables' XML is made on other threads meanwhile.
     */
    public static void write(Snapshot s, List<Wording.Block> blocks, WordprocessingMLPackage reference, Look look,
                             Appendices appendices, OutputStream out) throws IOException {
        DocxWriter w = new DocxWriter(look, false);
        w.appendices = appendices;
        w.build(s, blocks, reference, out);
    }

    /** The same document with its appendix tables built as docx4j objects and marshalled by JAXB (TableXmlTest). */
    static void writeWithObjects(Snapshot s, List<Wording.Block> blocks, WordprocessingMLPackage reference, Look look,
                                 OutputStream out) throws IOException {
        new DocxWriter(look, true).build(s, blocks, reference, out);
    }

    /**
     * Builds docx4j's JAXB contexts (the bulk of loading any document, about a second), so that a process which
     * will write a bulletin can start it before it has even read its command line ({@code GenerateService.warmUp}).
     */
    public static void warmUp() {
        Context.getWmlObjectFactory();
    }

    /** The reference document: the workspace's {@code templates/reference.docx}, else the built-in one. */
    public static WordprocessingMLPackage reference(Path workspaceTemplates) throws IOException {
        try {
            if (workspaceTemplates != null && Files.isRegularFile(workspaceTemplates.resolve(REFERENCE))) {
                return WordprocessingMLPackage.load(workspaceTemplates.resolve(REFERENCE).toFile());
            }
            try (InputStream in = DocxWriter.class.getResourceAsStream("/templates/" + REFERENCE)) {
                if (in != null) {
                    return WordprocessingMLPackage.load(in);
                }
            }
        } catch (Docx4JException e) {
            throw new IOException("templates/" + REFERENCE + " 无法读取（" + e.getMessage() + "）", e);
        }
        return Reference.build();
    }

    private void build(Snapshot s, List<Wording.Block> blocks, WordprocessingMLPackage pkg, OutputStream out)
            throws IOException {
        if (appendices == null || !appendices.isFor(s, look)) {
            appendices = Appendices.of(s, look);
        }
        try {
            MainDocumentPart main = pkg.getMainDocumentPart();
            SectPr page = main.getJaxbElement().getBody().getSectPr();
            if (page == null) {
                page = Reference.build().getMainDocumentPart().getJaxbElement().getBody().getSectPr();
            }
            main.getContent().clear();
            List<Object> body = main.getContent();
            boolean appendixStarted = false;
            boolean attachStarted = false;
            P chartAt = null;
            String chartAlt = "";
            for (int k = 0; k < blocks.size(); k++) {
                Wording.Block b = blocks.get(k);
                switch (b.kind()) {
                    case "title" -> masthead(body, b.text());
                    case "issue" -> body.add(para(b.text(), ISSUE));
                    case "office" -> {
                        String date = k + 1 < blocks.size() && blocks.get(k + 1).kind().equals("date")
                                ? blocks.get(++k).text() : "";
                        body.add(issuer(b.text(), date));
                    }
                    case "date" -> body.add(issuer("", b.text()));
                    case "h1" -> body.add(para(b.text(), H1));
                    case "h2" -> body.add(para(b.text(), H2));
                    case "h3" -> body.add(para(b.text(), H3));
                    case "attach" -> {
                        if (!attachStarted) {
                            body.add(para(null, BODY)); // GB/T 9704 7.3.4: one blank line after the text
                        }
                        body.add(para(b.text(), attachStarted ? ATTACH_MORE : ATTACH));
                        attachStarted = true;
                    }
                    case "sign" -> {
                        int last = k;
                        while (last + 1 < blocks.size() && blocks.get(last + 1).kind().equals("sign")) {
                            last++;
                        }
                        signature(body, blocks.subList(k, last + 1).stream().map(Wording.Block::text).toList());
                        k = last;
                    }
                    case "chart" -> {
                        if (look.chart() != null && chartAt == null) {
                            chartAt = f.createP();
                            chartAlt = b.text();
                            body.add(chartAt);
                        }
                    }
                    case "detail" -> { } // the appendix's 具体情况: in look.details()
                    case "appendix" -> appendixStarted |= appendixBlock(body, s, b.text().trim(), page, appendixStarted);
                    default -> body.add(bold(para("", BODY), b.text()));
                }
            }
            main.getJaxbElement().getBody().setSectPr(appendixStarted ? landscapeFooters(pkg, landscape(page)) : page);
            keepTheEndTogether(body);
            PageFit.flowUnderHeadings(body);
            if (chartAt != null) {
                chart(pkg, body, body.indexOf(chartAt), chartAlt);
            }
            // the parts as pkg.save(out) writes them, faster (see PackageSave)
            PackageSave.save(pkg, out, tables, later);
        } catch (Docx4JException e) {
            throw new IOException("docx4j: " + e.getMessage(), e);
        }
    }

    /**
     * The chart and its caption in place of the marker at {@code at}: kept together, and moved down to the top of
     * the next page (after the paragraph that fills this one) where it does not fit in what is left of the page.
     */
    private void chart(WordprocessingMLPackage pkg, List<Object> body, int at, String alt) throws Docx4JException {
        body.remove(at);
        // A chart of known size is placed now by a header of that size and its bytes are taken as the package is
        // written, after document.xml: the same XML, and the chart drawn on the other core meanwhile.
        Chart.Later size = look.chart() instanceof Chart.Later l ? l : null;
        byte[] png = size != null ? StripPng.placeholder(size.width(), size.height()) : look.chart().get();
        if (png == null) {
            return;
        }
        P picture = image(pkg, png, alt, size);
        picture.getPPr().setKeepNext(new BooleanDefaultTrue());
        List<Object> figure = new ArrayList<>(List.of(picture));
        if (!alt.isEmpty()) {
            figure.add(para(alt, FIGURE));
        }
        double caption = alt.isEmpty() ? 0 : PageFit.lines(para(alt, FIGURE));
        fitOnAPage(picture, (PageFit.PAGE - 2 - caption) * LINE);
        body.addAll(PageFit.place(body, at, PageFit.drawing(picture) + caption), figure);
    }

    /**
     * A chart of many bars is set smaller where, with its caption, it would not fit on a page under the two lines
     * a paragraph carries over from the page before: else it would go over to the page after, and leave a page
     * with those two lines alone (issue 23).
     */
    static void fitOnAPage(P picture, double twips) {
        for (Object o : picture.getContent()) {
            if (o instanceof R r && !r.getContent().isEmpty()
                    && XmlUtils.unwrap(r.getContent().get(0)) instanceof Drawing d
                    && d.getAnchorOrInline().get(0) instanceof Inline in) {
                double height = in.getExtent().getCy() / 635.0;
                if (height > twips) {
                    double k = twips / height;
                    long cx = Math.round(in.getExtent().getCx() * k);
                    long cy = Math.round(in.getExtent().getCy() * k);
                    in.getExtent().setCx(cx);
                    in.getExtent().setCy(cy);
                    var xfrm = in.getGraphic().getGraphicData().getPic().getSpPr().getXfrm();
                    xfrm.getExt().setCx(cx);
                    xfrm.getExt().setCy(cy);
                }
            }
        }
    }

    /** The picture's height in twips, set the width of the text block. */
    static double pictureHeight(byte[] png) {
        java.nio.ByteBuffer ihdr = java.nio.ByteBuffer.wrap(png, 16, 8);
        int width = ihdr.getInt();
        int height = ihdr.getInt();
        return (double) TEXT_WIDTH * height / width;
    }

    /**
     * The 落款 (GB/T 9704 7.3.5.1), a blank line under the text: the date with its last character four characters
     * from the right margin, and the office (and the stamp's line where there is one) centred over the date. The
     * date is set flush right against a right indent of four characters; each other line is centred between
     * indents symmetric about the date's centre (measured on the text), so that Word, WPS and LibreOffice agree
     * whatever the exact width of the digits.
     */
    private void signature(List<Object> body, List<String> lines) {
        body.add(para(null, BODY));
        List<SignLine> placed = signLines(lines);
        for (int i = 0; i < lines.size(); i++) {
            SignLine at = placed.get(i);
            P p = para(lines.get(i), SIGN);
            PPrBase.Ind ind = f.createPPrBaseInd();
            ind.setLeft(BigInteger.valueOf(at.left()));
            ind.setRight(BigInteger.valueOf(at.right()));
            ind.setFirstLine(BigInteger.ZERO);
            p.getPPr().setInd(ind);
            Jc jc = f.createJc();
            jc.setVal(at.flushRight() ? JcEnumeration.RIGHT : JcEnumeration.CENTER);
            p.getPPr().setJc(jc);
            body.add(p);
        }
    }

    /** Where a line of the 落款 stands: its absolute indents (twips) and whether it is set flush right. */
    record SignLine(int left, int right, boolean flushRight) {
    }

    /**
     * The 落款's lines placed (the last is the date): the date flush right against a right indent of four
     * characters; each other line centred between indents symmetric about the date's centre, or, where it is too
     * long to stand centred over the date without crossing the right margin, ending two characters from the
     * margin (as 7.3.5.2 sets the longer line), or at the margin if even that is too long.
     */
    static List<SignLine> signLines(List<String> lines) {
        int centre = TEXT_WIDTH - SIGN_DATE_RIGHT - textWidth(lines.get(lines.size() - 1)) / 2;
        int half = Math.min(centre, TEXT_WIDTH - centre);
        List<SignLine> placed = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            int width = textWidth(lines.get(i));
            if (i == lines.size() - 1) {
                placed.add(new SignLine(0, SIGN_DATE_RIGHT, true));
            } else if (width > 2 * half) {
                placed.add(new SignLine(0, Math.max(0, Math.min(2 * CHAR, TEXT_WIDTH - width - CHAR)), true));
            } else {
                placed.add(new SignLine(centre - half, TEXT_WIDTH - centre - half, false));
            }
        }
        return placed;
    }

    /**
     * The 附件 list and the 落款 never stand on a page of their own (GB/T 9704 7.3.5.4: no page without text before
     * them): from the last paragraph of text (not a heading; if it is at most {@value #SHORT} lines) to the date,
     * each paragraph keeps with the next.
     */
    private static void keepTheEndTogether(List<Object> body) {
        int first = -1;
        int last = -1;
        for (int i = 0; i < body.size(); i++) {
            if (body.get(i) instanceof P p && List.of(ATTACH, ATTACH_MORE, SIGN).contains(PageFit.style(p))) {
                first = first < 0 ? i : first;
                last = i;
            }
        }
        // The blank line before the first of them, and the paragraph of text before that (past any heading) if it
        // is short: LibreOffice moves a whole paragraph that keeps with the next, however long.
        int from = first - 2;
        while (from > 0 && body.get(from) instanceof P p && PageFit.style(p).startsWith("Heading")) {
            from--;
        }
        if (from >= 0 && body.get(from) instanceof P p && PageFit.lines(p) > SHORT) {
            from++;
        }
        for (int i = Math.max(0, from); first >= 0 && i < last; i++) {
            if (body.get(i) instanceof P p) {
                if (p.getPPr() == null) {
                    p.setPPr(Context.getWmlObjectFactory().createPPr());
                }
                p.getPPr().setKeepNext(new BooleanDefaultTrue());
            }
        }
    }

    /** A line's width in twips of 3号 text: a Chinese character a full character, Latin ones half. */
    static int textWidth(String text) {
        int w = 0;
        for (int i = 0; i < text.length(); i++) {
            w += PageFit.latin(text.charAt(i)) ? CHAR / 2 : CHAR;
        }
        return w;
    }

    /**
     * The red masthead: a name ending in 工作专报 is set as the seeds set it, the place and programme on one line
     * and "工 作 专 报" large below; any other name on one line.
     */
    private void masthead(List<Object> body, String title) {
        if (title.endsWith("工作专报") && title.length() > 4) {
            body.add(para(title.substring(0, title.length() - 4), MASTHEAD_NAME));
            body.add(para("工 作 专 报", MASTHEAD));
        } else {
            body.add(para(title, MASTHEAD));
        }
    }

    /**
     * The office on the left and the date on the right of one line, over the red rule, each one character in from
     * its margin (GB/T 9704): the style's indents and right tab. Where the two at 三号 would meet (a long office
     * name), both are set at 四号, so that they stay apart.
     */
    private P issuer(String office, String date) {
        P p = para(null, ISSUER);
        // No first-line indent: the body's two characters (firstLineChars, which LibreOffice prefers) would
        // otherwise be inherited through the style and push the date onto a second line.
        PPrBase.Ind ind = f.createPPrBaseInd();
        ind.setLeft(BigInteger.valueOf(Reference.ISSUER_EM));
        ind.setRight(BigInteger.valueOf(Reference.ISSUER_EM));
        ind.setFirstLine(BigInteger.ZERO);
        ind.setFirstLineChars(BigInteger.ZERO);
        p.getPPr().setInd(ind);
        R left = run(office);
        p.getContent().add(left);
        if (!date.isEmpty()) {
            R tab = f.createR();
            tab.getContent().add(f.createRTab());
            p.getContent().add(tab);
            R right = run(date);
            p.getContent().add(right);
            if (issuerEms(office) + issuerEms(date) + 4 > Reference.TEXT_WIDTH / (double) Reference.ISSUER_EM) {
                // Off the character grid: on it, LibreOffice and Word set each character of 四号 in a cell of 三号,
                // and the date would still wrap under the office.
                BooleanDefaultTrue off = new BooleanDefaultTrue();
                off.setVal(false);
                p.getPPr().setSnapToGrid(off);
                for (R r : List.of(left, tab, right)) {
                    org.docx4j.wml.RPr rpr = f.createRPr();
                    org.docx4j.wml.HpsMeasure sz = f.createHpsMeasure();
                    sz.setVal(BigInteger.valueOf(28));
                    rpr.setSz(sz);
                    rpr.setSzCs(sz);
                    r.setRPr(rpr);
                }
            }
        }
        return p;
    }

    /** A text's width in characters of the body size: a Chinese character one, a digit or letter a half. */
    static double issuerEms(String s) {
        return s.codePoints().mapToDouble(cp -> cp < 0x2000 ? 0.5 : 1).sum();
    }

    private P image(WordprocessingMLPackage pkg, byte[] png, String alt, Chart.Later size) throws Docx4JException {
        try {
            BinaryPartAbstractImage part = BinaryPartAbstractImage.createImagePart(pkg, png);
            if (size != null) {
                later = new PackageSave.Later(part.getPartName().getName().substring(1), size);
            }
            Inline inline = part.createImageInline("chart.png", alt.isEmpty() ? "完成情况图" : alt, 1, 2, false,
                    TEXT_WIDTH);
            P p = para(null, FIGURE);
            R r = f.createR();
            Drawing d = f.createDrawing();
            d.getAnchorOrInline().add(inline);
            r.getContent().add(d);
            p.getContent().add(r);
            return p;
        } catch (Exception e) {
            throw new Docx4JException("chart image: " + e.getMessage(), e);
        }
    }

    /** The landscape section of the appendices: A4 (or A3), footers as in the body, no character grid. */
    private SectPr landscape(SectPr portrait) {
        SectPr sp = XmlUtils.deepCopy(portrait);
        SectPr.PgSz size = f.createSectPrPgSz();
        size.setW(BigInteger.valueOf(look.a3() ? A3_H : A4_H));
        size.setH(BigInteger.valueOf(look.a3() ? A3_W : A4_W));
        size.setOrient(STPageOrientation.LANDSCAPE);
        sp.setPgSz(size);
        SectPr.PgMar mar = f.createSectPrPgMar();
        mar.setTop(BigInteger.valueOf(1247));
        mar.setBottom(BigInteger.valueOf(1247));
        mar.setLeft(BigInteger.valueOf(1134));
        mar.setRight(BigInteger.valueOf(1134));
        mar.setHeader(BigInteger.valueOf(567));
        mar.setFooter(BigInteger.valueOf(567));
        mar.setGutter(BigInteger.ZERO);
        sp.setPgMar(mar);
        sp.setDocGrid(null);
        return sp;
    }

    /**
     * The landscape pages' numbers where the portrait pages have them (GB/T 9704: a landscape table is bound with
     * its head on the left of the upright sheet, and its page number stays at the sheet's foot): on the landscape
     * page's left edge, read turned a quarter clockwise, near its foot on odd pages (the sheet's lower right) and
     * near its head on even pages (the sheet's lower left), one character in from the sheet's side, as "— N —".
     * A VML text box (Word, WPS and LibreOffice all place and turn it) in two footers of the section's own.
     */
    private SectPr landscapeFooters(WordprocessingMLPackage pkg, SectPr sp) throws Docx4JException {
        int w = look.a3() ? A3_H : A4_H;
        int h = look.a3() ? A3_W : A4_W;
        sp.getEGHdrFtrReferences().removeIf(r -> r instanceof org.docx4j.wml.FooterReference);
        // The box: in the left margin, clear of the table (the portrait number stands in the bottom margin, under
        // the text block), one character of 4号 plus 26 mm from the sheet's side as on the portrait pages.
        int boxW = 400;
        int boxH = 2000;
        int fromEdge = 1134 - boxW - 120;
        int side = 1474 + 280;
        sp.getEGHdrFtrReferences().add(sideFooter(pkg, org.docx4j.wml.HdrFtrRef.DEFAULT, fromEdge, h - side - boxH,
                boxW, boxH, w));
        sp.getEGHdrFtrReferences().add(sideFooter(pkg, org.docx4j.wml.HdrFtrRef.EVEN, fromEdge, side, boxW, boxH,
                w));
        return sp;
    }

    private org.docx4j.wml.FooterReference sideFooter(WordprocessingMLPackage pkg, org.docx4j.wml.HdrFtrRef type,
                                                      int x, int y, int boxW, int boxH, int pageW)
            throws Docx4JException {
        try {
            var part = new org.docx4j.openpackaging.parts.WordprocessingML.FooterPart(
                    new org.docx4j.openpackaging.parts.PartName("/word/footer-landscape-"
                            + (type == org.docx4j.wml.HdrFtrRef.DEFAULT ? "odd" : "even") + ".xml"));
            org.docx4j.wml.Ftr ftr = f.createFtr();
            String pt = "pt;";
            String style = "position:absolute;margin-left:" + x / 20.0 + pt + "margin-top:" + y / 20.0 + pt
                    + "width:" + boxW / 20.0 + pt + "height:" + boxH / 20.0 + pt
                    + "z-index:1;mso-position-horizontal-relative:page;mso-position-vertical-relative:page";
            String jc = type == org.docx4j.wml.HdrFtrRef.DEFAULT ? "left" : "right";
            String xml = "<w:p xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\""
                    + " xmlns:v=\"urn:schemas-microsoft-com:vml\" xmlns:o=\"urn:schemas-microsoft-com:office:office\">"
                    + "<w:pPr><w:pStyle w:val=\"" + FOOTER_ODD + "\"/></w:pPr><w:r><w:pict>"
                    + "<v:shapetype id=\"_x0000_t202\" coordsize=\"21600,21600\" o:spt=\"202\""
                    + " path=\"m,l,21600r21600,l21600,xe\"><v:stroke joinstyle=\"miter\"/>"
                    + "<v:path gradientshapeok=\"t\" o:connecttype=\"rect\"/></v:shapetype>"
                    + "<v:shape id=\"landscapePage" + jc + "\" type=\"#_x0000_t202\" style=\"" + style
                    + "\" filled=\"f\" stroked=\"f\"><v:textbox style=\"layout-flow:vertical\" inset=\"0,0,0,0\">"
                    + "<w:txbxContent><w:p><w:pPr><w:jc w:val=\"" + jc + "\"/><w:ind w:left=\"0\" w:right=\"0\"/>"
                    + "</w:pPr><w:r><w:rPr><w:rFonts w:ascii=\"宋体\" w:hAnsi=\"宋体\" w:eastAsia=\"宋体\"/>"
                    + "<w:sz w:val=\"28\"/></w:rPr><w:t xml:space=\"preserve\">— </w:t></w:r>"
                    + "<w:fldSimple w:instr=\" PAGE \"><w:r><w:rPr><w:sz w:val=\"28\"/></w:rPr><w:t>1</w:t></w:r>"
                    + "</w:fldSimple><w:r><w:rPr><w:rFonts w:ascii=\"宋体\" w:hAnsi=\"宋体\" w:eastAsia=\"宋体\"/>"
                    + "<w:sz w:val=\"28\"/></w:rPr><w:t xml:space=\"preserve\"> —</w:t></w:r></w:p></w:txbxContent>"
                    + "</v:textbox></v:shape></w:pict></w:r></w:p>";
            ftr.getContent().add(XmlUtils.unmarshalString(xml));
            part.setJaxbElement(ftr);
            var rel = pkg.getMainDocumentPart().addTargetPart(part);
            org.docx4j.wml.FooterReference ref = f.createFooterReference();
            ref.setId(rel.getId());
            ref.setType(type);
            return ref;
        } catch (Exception e) {
            throw new Docx4JException("landscape footer: " + e.getMessage(), e);
        }
    }

    private int landscapeTextWidth() {
        return (look.a3() ? A3_H : A4_H) - 2 * 1134;
    }

    private void appendix(List<Object> body, Snapshot s, Level level) {
        AppendixLayout table = appendices.layout(level);
        if (table == null) {
            return;
        }
        appendixHead(body, table);
        int[] widths = appendixWidths(table.columns());
        // Figures get the largest size at which "100.00%" fits a unit column: 7.5 pt at most on A4, 10 pt on A3,
        // never under 6 pt.
        double points = (widths[widths.length - 1] - 60) / 20.0 / 4.4;
        int figureSize = (int) Math.max(12, Math.min(look.a3() ? 20 : 15, Math.floor(points * 2)));
        List<String> notes = table.notes();
        body.add(table(() -> {
            java.util.Set<Integer> starts = new java.util.HashSet<>(table.blocks());
            AppendixLayout.Merge[][] cover = table.coverage();
            List<TableXml.Row> rows = new ArrayList<>();
            for (int r = 0; r < table.rows().size(); r++) {
                // An indicator's block never splits across pages: each of its rows but the last keeps with the
                // next. The notes ("注：") stay on their table's page: the last indicator's rows keep with the first
                // note, each note but the last with the next (already, a block's rows keep with one another).
                boolean last = r + 1 == table.rows().size();
                boolean keep = last ? !notes.isEmpty() : !starts.contains(r + 1);
                rows.add(appendixRow(table, cover, r, widths, figureSize, r == 0, keep));
            }
            return new TableXml(widths, rows);
        }));
        for (int n = 0; n < notes.size(); n++) {
            P p = para(notes.get(n), TABLE);
            Jc jc = f.createJc();
            jc.setVal(JcEnumeration.LEFT);
            p.getPPr().setJc(jc);
            if (n + 1 < notes.size()) {
                p.getPPr().setKeepNext(new BooleanDefaultTrue());
            }
            body.add(p);
        }
    }

    /**
     * The table for the body: a placeholder whose XML is written directly when the document is saved
     * ({@link TableXml}), or (for the test that compares the two) the docx4j objects JAXB marshals.
     */
    private Tbl table(Supplier<TableXml> rows) {
        if (!objects) {
            tables.add(new TableXml.Ahead(rows).start()); // its rows and XML made on another core meanwhile
            return TableXml.placeholder(tables.size() - 1);
        }
        TableXml table = rows.get();
        Tbl tbl = table(table.widths());
        for (TableXml.Row row : table.rows()) {
            Tr tr = f.createTr();
            trPr(tr, row.header());
            for (TableXml.Cell c : row.cells()) {
                tr.getContent().add(cell(c));
            }
            if (row.keepNext()) {
                keepWithNext(tr);
            }
            tbl.getContent().add(tr);
        }
        return tbl;
    }

    /** A cell of an appendix table as docx4j objects. */
    private Tc cell(TableXml.Cell c) {
        Tc tc = cell(c.text(), c.width(), c.vMerge(), c.style(), JcEnumeration.fromValue(c.align()), c.fill());
        if (c.span() > 1) {
            TcPrInner.GridSpan gs = f.createTcPrInnerGridSpan();
            gs.setVal(BigInteger.valueOf(c.span()));
            tc.getTcPr().setGridSpan(gs);
        }
        if (c.mark()) {
            // The mark as a superscript after the figure, the figure a point smaller: "100.00%＊" still fits
            // the unit column sized for "100.00%".
            P p = (P) tc.getContent().get(0);
            R mark = run(AppendixLayout.MARK);
            org.docx4j.wml.RPr rpr = f.createRPr();
            org.docx4j.wml.CTVerticalAlignRun va = f.createCTVerticalAlignRun();
            va.setVal(org.docx4j.wml.STVerticalAlignRun.SUPERSCRIPT);
            rpr.setVertAlign(va);
            mark.setRPr(rpr);
            p.getContent().add(mark);
        }
        if (c.size() > 0) {
            size(tc, c.size());
        }
        return tc;
    }

    /**
     * The 附件 label on the page's first line and its title on the third (GB/T 9704: "附件" and its number at the
     * top left, the title on the third line, centred): a blank line in the label's style between them.
     */
    private void appendixHead(List<Object> body, AppendixLayout table) {
        body.add(para("附件" + table.number(), APPENDIX_LABEL));
        P blank = para(null, APPENDIX_LABEL);
        blank.getPPr().setKeepNext(new BooleanDefaultTrue());
        body.add(blank);
        body.add(para(table.title(), APPENDIX_TITLE));
    }

    /** The appendix an {@code @appendix} line names: 1 provincial, 2 city level, 3 the platform's counts. */
    private void appendixTable(List<Object> body, Snapshot s, String which) {
        if (which.equals("3")) {
            platformAppendix(body, s);
        } else {
            appendix(body, s, which.equals("2") ? Level.CITY : Level.PROVINCE);
        }
    }

    /** 附件3, the platform's upload counts ({@link PlatformLayout}), its header rows repeated on every page. */
    private void platformAppendix(List<Object> body, Snapshot s) {
        AppendixLayout table = appendices.platform();
        appendixHead(body, table);
        int name = look.a3() ? 2600 : 1900;
        int[] widths = new int[table.columns()];
        java.util.Arrays.fill(widths, (landscapeTextWidth() - name) / Math.max(1, table.columns() - 1));
        widths[0] = name;
        body.add(table(() -> {
            int head = PlatformLayout.headerRows(table);
            AppendixLayout.Merge[][] cover = table.coverage();
            List<TableXml.Row> rows = new ArrayList<>();
            for (int r = 0; r < table.rows().size(); r++) {
                rows.add(appendixRow(table, cover, r, widths, look.a3() ? 20 : 15, r == 0 || r < head, false));
            }
            return new TableXml(widths, rows);
        }));
    }

    /** The fixed columns' widths, then the units sharing what is left of the landscape page. */
    private int[] appendixWidths(int columns) {
        int[] fixed = look.a3() ? new int[] {560, 1000, 1300, 2600, 700, 700, 1100}
                : new int[] {420, 680, 820, 1420, 480, 520, 780};
        int units = columns - fixed.length;
        int rest = landscapeTextWidth() - java.util.Arrays.stream(fixed).sum();
        int unitW = Math.max(400, rest / Math.max(1, units));
        int[] widths = new int[columns];
        for (int c = 0; c < columns; c++) {
            widths[c] = c < fixed.length ? fixed[c] : unitW;
        }
        return widths;
    }

    /**
     * One row of the layout. A merged range becomes a cell spanning its columns ({@code gridSpan}) in each of its
     * rows, restarted in its first row and continued below ({@code vMerge}).
     */
    private TableXml.Row appendixRow(AppendixLayout table, AppendixLayout.Merge[][] cover, int r, int[] widths,
                                     int figureSize, boolean header, boolean keepNext) {
        List<TableXml.Cell> cells = new ArrayList<>();
        List<AppendixLayout.Cell> row = table.rows().get(r);
        for (int c = 0; c < row.size(); ) {
            AppendixLayout.Merge m = cover[r][c];
            int span = m == null ? 1 : m.c2() - m.c1() + 1;
            AppendixLayout.Cell cell = m == null ? row.get(c) : table.rows().get(m.r1()).get(m.c1());
            String vMerge = m == null || m.r1() == m.r2() ? null : m.r1() == r ? "restart" : "continue";
            int width = java.util.Arrays.stream(widths, c, c + span).sum();
            String fill = fill(cell.shade());
            cells.add(new TableXml.Cell(m == null || m.r1() == r ? cell.text() : "", width, vMerge,
                    cell.head() ? TABLE_HEAD : TABLE, align(cell.align()).value(),
                    fill == null || fill.equalsIgnoreCase("none") ? null : fill, span, cell.mark(),
                    cell.figure() ? (cell.mark() ? figureSize - 2 : figureSize) : 0));
            c += span;
        }
        return new TableXml.Row(header, keepNext, cells);
    }

    /** Every paragraph of the row keeps with the next: Word and LibreOffice then keep the row with the next row. */
    private static void keepWithNext(Tr tr) {
        for (Object o : tr.getContent()) {
            if (XmlUtils.unwrap(o) instanceof Tc tc) {
                for (Object c : tc.getContent()) {
                    if (c instanceof P p) {
                        p.getPPr().setKeepNext(new BooleanDefaultTrue());
                    }
                }
            }
        }
    }

    private static JcEnumeration align(AppendixLayout.Align a) {
        return switch (a) {
            case LEFT -> JcEnumeration.LEFT;
            case CENTER -> JcEnumeration.CENTER;
            case RIGHT -> JcEnumeration.RIGHT;
        };
    }

    private String fill(AppendixLayout.Shade shade) {
        return switch (shade) {
            case NONE -> null;
            case BEHIND -> look.behindFill();
            case RED -> look.redFill();
        };
    }

    /** Sets the text size (half-points) of every run in a cell. */
    private void size(Tc tc, int halfPoints) {
        for (Object o : tc.getContent()) {
            if (o instanceof P p) {
                for (Object c : p.getContent()) {
                    if (c instanceof R r) {
                        org.docx4j.wml.RPr rpr = r.getRPr() == null ? f.createRPr() : r.getRPr();
                        org.docx4j.wml.HpsMeasure sz = f.createHpsMeasure();
                        sz.setVal(BigInteger.valueOf(halfPoints));
                        rpr.setSz(sz);
                        rpr.setSzCs(sz);
                        r.setRPr(rpr);
                    }
                }
            }
        }
    }

    private static String merge(boolean restart) {
        return restart ? "restart" : "continue";
    }

    private Tbl table(int[] widths) {
        Tbl tbl = f.createTbl();
        TblPr pr = f.createTblPr();
        TblBorders borders = f.createTblBorders();
        borders.setTop(border());
        borders.setBottom(border());
        borders.setLeft(border());
        borders.setRight(border());
        borders.setInsideH(border());
        borders.setInsideV(border());
        pr.setTblBorders(borders);
        TblWidth w = f.createTblWidth();
        w.setType("dxa");
        w.setW(BigInteger.valueOf(java.util.Arrays.stream(widths).sum()));
        pr.setTblW(w);
        Jc jc = f.createJc();
        jc.setVal(JcEnumeration.CENTER);
        pr.setJc(jc);
        CTTblCellMar mar = f.createCTTblCellMar();
        TblWidth side = f.createTblWidth();
        side.setType("dxa");
        side.setW(BigInteger.valueOf(30));
        mar.setLeft(side);
        mar.setRight(side);
        pr.setTblCellMar(mar);
        tbl.setTblPr(pr);
        TblGrid grid = f.createTblGrid();
        for (int width : widths) {
            TblGridCol col = f.createTblGridCol();
            col.setW(BigInteger.valueOf(width));
            grid.getGridCol().add(col);
        }
        tbl.setTblGrid(grid);
        return tbl;
    }

    private CTBorder border() {
        CTBorder b = f.createCTBorder();
        b.setVal(STBorder.SINGLE);
        b.setSz(BigInteger.valueOf(4));
        b.setColor("000000");
        return b;
    }

    /** A row that never splits across pages; a header row repeats on every page. */
    private void trPr(Tr tr, boolean header) {
        TrPr pr = f.createTrPr();
        pr.getCnfStyleOrDivIdOrGridBefore().add(f.createCTTrPrBaseCantSplit(new BooleanDefaultTrue()));
        if (header) {
            pr.getCnfStyleOrDivIdOrGridBefore().add(f.createCTTrPrBaseTblHeader(new BooleanDefaultTrue()));
        }
        tr.setTrPr(pr);
    }

    /** A table cell; {@code vMerge} is "restart", "continue" or null; {@code fill} RRGGBB or null. */
    private Tc cell(String text, int width, String vMerge, String style, JcEnumeration align, String fill) {
        Tc tc = f.createTc();
        TcPr pr = f.createTcPr();
        TblWidth w = f.createTblWidth();
        w.setType("dxa");
        w.setW(BigInteger.valueOf(width));
        pr.setTcW(w);
        if (vMerge != null) {
            TcPrInner.VMerge vm = f.createTcPrInnerVMerge();
            if (vMerge.equals("restart")) {
                vm.setVal("restart");
            }
            pr.setVMerge(vm);
        }
        CTVerticalJc v = f.createCTVerticalJc();
        v.setVal(STVerticalJc.CENTER);
        pr.setVAlign(v);
        if (fill != null && !fill.equalsIgnoreCase("none")) {
            CTShd shd = f.createCTShd();
            shd.setVal(STShd.CLEAR);
            shd.setColor("auto");
            shd.setFill(fill);
            pr.setShd(shd);
        }
        tc.setTcPr(pr);
        P p = para(text, style);
        Jc jc = f.createJc();
        jc.setVal(align);
        p.getPPr().setJc(jc);
        tc.getContent().add(p);
        return tc;
    }

    /** A paragraph in a style of the reference document; the text's look comes from the style. */
    private P para(String text, String style) {
        P p = f.createP();
        PPr ppr = f.createPPr();
        PPrBase.PStyle ps = f.createPPrBasePStyle();
        ps.setVal(style);
        ppr.setPStyle(ps);
        p.setPPr(ppr);
        if (text != null && !text.isEmpty()) {
            p.getContent().add(run(text));
        }
        return p;
    }

    /**
     * A body paragraph's runs: text between a pair of "**" is bold ("一是**重点群体保障更加有力**。", the themed
     * style's lead-in, as seed 002 prints it); a line without a pair is one run, as before.
     */
    private P bold(P p, String text) {
        String[] parts = text.split("\\*\\*", -1);
        if (parts.length < 3) {
            if (!text.isEmpty()) {
                p.getContent().add(run(text));
            }
            return p;
        }
        for (int k = 0; k < parts.length; k++) {
            boolean on = k % 2 == 1 && k < parts.length - 1; // an unpaired last "**" stays text
            String part = k % 2 == 1 && k == parts.length - 1 ? "**" + parts[k] : parts[k];
            if (part.isEmpty()) {
                continue;
            }
            R r = run(part);
            if (on) {
                org.docx4j.wml.RPr rpr = f.createRPr();
                rpr.setB(new BooleanDefaultTrue());
                r.setRPr(rpr);
            }
            p.getContent().add(r);
        }
        return p;
    }

    private R run(String text) {
        R r = f.createR();
        Text t = f.createText();
        t.setValue(bulletin.text.Text.xmlSafe(text)); // the one sanitising point of the .docx
        t.setSpace("preserve");
        r.getContent().add(t);
        return r;
    }

    /**
     * One appendix: the section break before the first (the appendices are landscape), then its label, title and
     * table, each after the first on a new page by the label's own property: a break paragraph of its own would make
     * a blank page where the table before ends at the foot of one (seed 002 has none). Returns whether it was added.
     */
    private boolean appendixBlock(List<Object> body, Snapshot s, String which, SectPr page, boolean started) {
        if (which.equals("3") && s.platform() == null) {
            return false; // no platform counts this month: no 附件3
        }
        if (!started) {
            P end = f.createP();
            PPr ppr = f.createPPr();
            ppr.setSectPr(XmlUtils.deepCopy(page));
            end.setPPr(ppr);
            body.add(end);
        }
        int label = body.size();
        appendixTable(body, s, which);
        if (started && label < body.size() && body.get(label) instanceof P p) {
            newPageBefore(p);
        }
        return true;
    }

    private void newPageBefore(P p) {
        PPr ppr = p.getPPr() == null ? f.createPPr() : p.getPPr();
        ppr.setPageBreakBefore(new BooleanDefaultTrue());
        p.setPPr(ppr);
    }

    static List<String> styleIds(WordprocessingMLPackage pkg) {
        List<String> ids = new ArrayList<>();
        pkg.getMainDocumentPart().getStyleDefinitionsPart().getJaxbElement().getStyle()
                .forEach(st -> ids.add(st.getStyleId()));
        return ids;
    }
}
