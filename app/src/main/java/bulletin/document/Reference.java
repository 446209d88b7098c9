package bulletin.document;

import java.math.BigInteger;
import java.util.List;
import org.docx4j.jaxb.Context;
import org.docx4j.openpackaging.exceptions.Docx4JException;
import org.docx4j.openpackaging.exceptions.InvalidFormatException;
import org.docx4j.openpackaging.packages.WordprocessingMLPackage;
import org.docx4j.openpackaging.parts.WordprocessingML.DocumentSettingsPart;
import org.docx4j.openpackaging.parts.WordprocessingML.FooterPart;
import org.docx4j.openpackaging.parts.WordprocessingML.MainDocumentPart;
import org.docx4j.relationships.Relationship;
import org.docx4j.wml.BooleanDefaultTrue;
import org.docx4j.wml.CTBorder;
import org.docx4j.wml.CTDocGrid;
import org.docx4j.wml.CTLanguage;
import org.docx4j.wml.CTSettings;
import org.docx4j.wml.CTSimpleField;
import org.docx4j.wml.CTTabStop;
import org.docx4j.wml.Color;
import org.docx4j.wml.DocDefaults;
import org.docx4j.wml.Fonts;
import org.docx4j.wml.FooterReference;
import org.docx4j.wml.Ftr;
import org.docx4j.wml.HdrFtrRef;
import org.docx4j.wml.HpsMeasure;
import org.docx4j.wml.Jc;
import org.docx4j.wml.JcEnumeration;
import org.docx4j.wml.ObjectFactory;
import org.docx4j.wml.P;
import org.docx4j.wml.PPr;
import org.docx4j.wml.PPrBase;
import org.docx4j.wml.R;
import org.docx4j.wml.RFonts;
import org.docx4j.wml.RPr;
import org.docx4j.wml.STBorder;
import org.docx4j.wml.STDocGrid;
import org.docx4j.wml.STHint;
import org.docx4j.wml.STLineSpacingRule;
import org.docx4j.wml.STTabJc;
import org.docx4j.wml.SectPr;
import org.docx4j.wml.Style;
import org.docx4j.wml.Styles;
import org.docx4j.wml.Tabs;
import org.docx4j.wml.Text;

/**
 * The bulletin's default reference document: the page of GB/T 9704-2012 (A4; top 37 mm, binding side 28 mm,
 * text block 156 × 225 mm; 22 lines of 3号仿宋, 28 characters a line), the paragraph styles the writer uses, the
 * "— 1 —" page numbers (4号宋体, odd pages right and even pages left, one character in), and the Chinese office
 * fonts with the fonts to use where they are missing. {@code templates/reference.docx} is this document saved;
 * a clerk may restyle that file in Word or WPS, and the writer takes its styles, page and footers from it.
 */
public final class Reference {

    public static final String FANGSONG = "仿宋_GB2312";
    public static final String HEITI = "黑体";
    public static final String KAITI = "楷体_GB2312";
    public static final String XIAOBIAOSONG = "方正小标宋简体";
    public static final String SONG = "宋体";

    /** Paragraph style ids the writer uses; each has a Chinese name a clerk sees in Word's style list. */
    public static final String BODY = "Normal";
    public static final String MASTHEAD = "BMasthead";
    public static final String MASTHEAD_NAME = "BMastheadName";
    public static final String ISSUE = "BIssue";
    public static final String ISSUER = "BIssuer";
    /** One character of the body's 三号 (16 pt) in twips: the masthead line's indent from each margin. */
    public static final int ISSUER_EM = 320;
    public static final String H1 = "Heading1";
    public static final String H2 = "Heading2";
    public static final String H3 = "Heading3";
    public static final String ATTACH = "BAttach";
    public static final String ATTACH_MORE = "BAttachMore";
    public static final String SIGN = "BSign";
    public static final String APPENDIX_LABEL = "BAppendixLabel";
    public static final String APPENDIX_TITLE = "BAppendixTitle";
    public static final String TABLE = "BTable";
    public static final String TABLE_HEAD = "BTableHead";
    public static final String FIGURE = "BFigure";
    public static final String FOOTER_ODD = "BFooterOdd";
    public static final String FOOTER_EVEN = "BFooterEven";

    public static final List<String> STYLE_IDS = List.of(BODY, MASTHEAD, MASTHEAD_NAME, ISSUE, ISSUER, H1, H2, H3,
            ATTACH, ATTACH_MORE, SIGN, APPENDIX_LABEL, APPENDIX_TITLE, TABLE, TABLE_HEAD, FIGURE, FOOTER_ODD,
            FOOTER_EVEN);

    /** Page geometry in twips (1 mm = 56.7 twips). */
    public static final int A4_W = 11906;
    public static final int A4_H = 16838;
    public static final int A3_W = 16838;
    public static final int A3_H = 23811;
    public static final int TOP = 2098;       // 37 mm
    public static final int BINDING = 1588;   // 28 mm
    public static final int OUTER = 1474;     // 26 mm: 210 − 28 − 156
    public static final int BOTTOM = 1984;    // 35 mm: 297 − 37 − 225
    public static final int FOOTER = 1304;    // 23 mm: the page number's line sits 7 mm below the text block
    public static final int TEXT_WIDTH = A4_W - BINDING - OUTER;  // 156 mm
    public static final int LINE = 579;       // 225 mm / 22 lines

    /** One character of 3号 text in twips: the unit of every indent GB/T 9704 gives in characters. */
    public static final int CHAR = 320;

    public static final String ZH_CN = "zh-CN";
    /** The language of Latin text, figures included: never broken inside a number. */
    public static final String LATIN_LANG = "en-US";

    /**
     * Where an attachment's name starts, in characters from the margin: "附件：" two characters in, then "1."
     * (one character in 仿宋: two half-width glyphs).
     */
    public static final int ATTACH_TEXT_CHARS = 6;

    private static final String RED = "FF0000";

    private final ObjectFactory f = Context.getWmlObjectFactory();

    private Reference() {
    }

    /** The default reference document, built in code. */
    public static WordprocessingMLPackage build() {
        try {
            return new Reference().make();
        } catch (Docx4JException e) {
            throw new IllegalStateException("cannot build the reference document", e);
        }
    }

    private WordprocessingMLPackage make() throws Docx4JException {
        WordprocessingMLPackage pkg = WordprocessingMLPackage.createPackage();
        MainDocumentPart main = pkg.getMainDocumentPart();
        main.getStyleDefinitionsPart().setJaxbElement(styles());
        settings(main);
        fonts(pkg);
        SectPr sect = portrait();
        footers(pkg, sect);
        main.getJaxbElement().getBody().setSectPr(sect);
        P sample = f.createP();
        main.getContent().add(sample);
        return pkg;
    }

    private void settings(MainDocumentPart main) throws InvalidFormatException {
        DocumentSettingsPart dsp = main.getDocumentSettingsPart();
        if (dsp == null) {
            dsp = new DocumentSettingsPart();
            dsp.setJaxbElement(f.createCTSettings());
            main.addTargetPart(dsp);
        }
        CTSettings s = dsp.getJaxbElement();
        s.setEvenAndOddHeaders(new BooleanDefaultTrue());
        s.setMirrorMargins(new BooleanDefaultTrue());
    }

    /** The office fonts, with the fonts Word and WPS should use where they are missing. */
    private void fonts(WordprocessingMLPackage pkg) throws InvalidFormatException {
        var part = pkg.getMainDocumentPart().getFontTablePart();
        if (part == null) {
            part = new org.docx4j.openpackaging.parts.WordprocessingML.FontTablePart();
            part.setJaxbElement(f.createFonts());
            pkg.getMainDocumentPart().addTargetPart(part);
        }
        Fonts fonts = part.getJaxbElement();
        String[][] table = {{FANGSONG, "仿宋"}, {KAITI, "楷体"}, {XIAOBIAOSONG, "华文中宋"}, {HEITI, "SimHei"},
            {SONG, "SimSun"}};
        for (String[] t : table) {
            fonts.getFont().removeIf(x -> x.getName().equals(t[0]));
            Fonts.Font font = f.createFontsFont();
            font.setName(t[0]);
            Fonts.Font.AltName alt = f.createFontsFontAltName();
            alt.setVal(t[1]);
            font.setAltName(alt);
            org.docx4j.wml.FontFamily fam = f.createFontFamily();
            fam.setVal(t[0].equals(HEITI) ? "modern" : "roman");
            font.setFamily(fam);
            org.docx4j.wml.FontPitch pitch = f.createFontPitch();
            pitch.setVal(org.docx4j.wml.STPitch.VARIABLE);
            font.setPitch(pitch);
            org.docx4j.wml.CTUcharHexNumber cs = f.createCTUcharHexNumber();
            cs.setVal("86");
            font.setCharset(cs);
            fonts.getFont().add(font);
        }
    }

    SectPr portrait() {
        SectPr sp = f.createSectPr();
        SectPr.PgSz size = f.createSectPrPgSz();
        size.setW(BigInteger.valueOf(A4_W));
        size.setH(BigInteger.valueOf(A4_H));
        sp.setPgSz(size);
        SectPr.PgMar mar = f.createSectPrPgMar();
        mar.setTop(BigInteger.valueOf(TOP));
        mar.setBottom(BigInteger.valueOf(BOTTOM));
        mar.setLeft(BigInteger.valueOf(BINDING));
        mar.setRight(BigInteger.valueOf(OUTER));
        mar.setHeader(BigInteger.valueOf(851));
        mar.setFooter(BigInteger.valueOf(FOOTER));
        mar.setGutter(BigInteger.ZERO);
        sp.setPgMar(mar);
        // A line grid of 22 lines. A character grid (linesAndChars) would force 28 characters a line, but
        // LibreOffice spaces such a grid twice as wide; 156 mm of 16 pt text is 28 characters anyway.
        CTDocGrid grid = f.createCTDocGrid();
        grid.setType(STDocGrid.LINES);
        grid.setLinePitch(BigInteger.valueOf(LINE));
        sp.setDocGrid(grid);
        return sp;
    }

    /** "— 1 —" footers: odd pages right, even pages left, one character in. */
    private void footers(WordprocessingMLPackage pkg, SectPr sect) throws InvalidFormatException {
        sect.getEGHdrFtrReferences().add(footer(pkg, FOOTER_ODD, HdrFtrRef.DEFAULT));
        sect.getEGHdrFtrReferences().add(footer(pkg, FOOTER_EVEN, HdrFtrRef.EVEN));
    }

    private FooterReference footer(WordprocessingMLPackage pkg, String style, HdrFtrRef type)
            throws InvalidFormatException {
        FooterPart part = new FooterPart(new org.docx4j.openpackaging.parts.PartName(
                "/word/footer" + (type == HdrFtrRef.DEFAULT ? 1 : 2) + ".xml"));
        Ftr ftr = f.createFtr();
        P p = f.createP();
        PPr ppr = f.createPPr();
        PPrBase.PStyle ps = f.createPPrBasePStyle();
        ps.setVal(style);
        ppr.setPStyle(ps);
        p.setPPr(ppr);
        p.getContent().add(dashRun("— "));
        CTSimpleField page = f.createCTSimpleField();
        page.setInstr(" PAGE ");
        R num = f.createR();
        Text t = f.createText();
        t.setValue("1");
        num.getContent().add(t);
        page.getContent().add(num);
        p.getContent().add(f.createPFldSimple(page));
        p.getContent().add(dashRun(" —"));
        ftr.getContent().add(p);
        part.setJaxbElement(ftr);
        Relationship rel = pkg.getMainDocumentPart().addTargetPart(part);
        FooterReference ref = f.createFooterReference();
        ref.setId(rel.getId());
        ref.setType(type);
        return ref;
    }

    /** The dashes of a page number are East Asian text: without the hint Word draws them as short dashes. */
    private R dashRun(String text) {
        R r = f.createR();
        RPr rpr = f.createRPr();
        RFonts fonts = f.createRFonts();
        fonts.setHint(STHint.EAST_ASIA);
        fonts.setAscii(SONG);
        fonts.setHAnsi(SONG);
        fonts.setEastAsia(SONG);
        rpr.setRFonts(fonts);
        r.setRPr(rpr);
        Text t = f.createText();
        t.setValue(text);
        t.setSpace("preserve");
        r.getContent().add(t);
        return r;
    }

    private Styles styles() {
        Styles styles = f.createStyles();
        DocDefaults dd = f.createDocDefaults();
        DocDefaults.RPrDefault rd = f.createDocDefaultsRPrDefault();
        RPr defaults = rpr(FANGSONG, 32, false, null);
        // East Asian text is Chinese: without it LibreOffice (and so --pdf) may take a Japanese face for the fonts
        // it lacks, and East Asian line breaking and punctuation follow the wrong rules. Latin text (figures) stays
        // English, as Word sets a Chinese document: marked Chinese, LibreOffice breaks a line inside "100.00%".
        CTLanguage lang = f.createCTLanguage();
        lang.setVal(LATIN_LANG);
        lang.setEastAsia(ZH_CN);
        defaults.setLang(lang);
        rd.setRPr(defaults);
        dd.setRPrDefault(rd);
        DocDefaults.PPrDefault pd = f.createDocDefaultsPPrDefault();
        PPr paragraphs = f.createPPr();
        // At least two lines of a paragraph at the foot and at the head of a page, in Word as in LibreOffice.
        paragraphs.setWidowControl(new BooleanDefaultTrue());
        pd.setPPr(paragraphs);
        dd.setPPrDefault(pd);
        styles.setDocDefaults(dd);

        styles.getStyle().add(paragraph(BODY, "正文", null, FANGSONG, 32, false, null, JcEnumeration.BOTH, 200, true));
        styles.getStyle().add(paragraph(MASTHEAD_NAME, "专报名称", BODY, XIAOBIAOSONG, 44, false, RED,
                JcEnumeration.CENTER, 0, false));
        styles.getStyle().add(paragraph(MASTHEAD, "专报版头", BODY, XIAOBIAOSONG, 84, false, RED,
                JcEnumeration.CENTER, 0, false));
        styles.getStyle().add(paragraph(ISSUE, "期号", BODY, FANGSONG, 32, false, null, JcEnumeration.CENTER, 0, true));
        styles.getStyle().add(issuer());
        styles.getStyle().add(paragraph(H1, "一级标题（一、）", BODY, HEITI, 32, false, null, JcEnumeration.BOTH, 200,
                true));
        styles.getStyle().add(paragraph(H2, "二级标题（（一））", BODY, KAITI, 32, false, null, JcEnumeration.BOTH, 200,
                true));
        styles.getStyle().add(paragraph(H3, "三级标题（1.）", BODY, FANGSONG, 32, true, null, JcEnumeration.BOTH, 200,
                true));
        // 附件说明 (GB/T 9704 7.3.4): "附件：" two characters in, "1." after it, a long name wrapping under its own
        // first character; each further item's "2." under "1.". Absolute indents beside the character ones, which
        // LibreOffice ignores.
        Style attach = paragraph(ATTACH, "附件说明", BODY, FANGSONG, 32, false, null, JcEnumeration.LEFT, 0, true);
        attach.getPPr().setInd(hanging(ATTACH_TEXT_CHARS, ATTACH_TEXT_CHARS - 2));
        styles.getStyle().add(attach);
        Style more = paragraph(ATTACH_MORE, "附件说明（续）", BODY, FANGSONG, 32, false, null, JcEnumeration.LEFT, 0,
                true);
        more.getPPr().setInd(hanging(ATTACH_TEXT_CHARS, 1));
        styles.getStyle().add(more);
        // 落款: centred lines; the writer sets each one's absolute indents so that the office (and the stamp's
        // line) stand centred over the date (GB/T 9704 7.3.5).
        styles.getStyle().add(paragraph(SIGN, "落款", BODY, FANGSONG, 32, false, null, JcEnumeration.CENTER, 0, true));
        styles.getStyle().add(paragraph(APPENDIX_LABEL, "附件标识", BODY, HEITI, 32, false, null, JcEnumeration.LEFT, 0,
                true));
        styles.getStyle().add(paragraph(APPENDIX_TITLE, "附件标题", BODY, XIAOBIAOSONG, 44, false, null,
                JcEnumeration.CENTER, 0, false));
        styles.getStyle().add(paragraph(TABLE, "表格文字", BODY, SONG, 15, false, null, JcEnumeration.CENTER, 0, false));
        styles.getStyle().add(paragraph(TABLE_HEAD, "表头文字", TABLE, HEITI, 15, false, null, JcEnumeration.CENTER, 0,
                false));
        styles.getStyle().add(paragraph(FIGURE, "图", BODY, FANGSONG, 32, false, null, JcEnumeration.CENTER, 0, false));
        Style odd = paragraph(FOOTER_ODD, "页码（奇数页）", null, SONG, 28, false, null, JcEnumeration.RIGHT, 0, false);
        PPrBase.Ind oddInd = f.createPPrBaseInd();
        oddInd.setRight(BigInteger.valueOf(280));
        odd.getPPr().setInd(oddInd);
        styles.getStyle().add(odd);
        Style even = paragraph(FOOTER_EVEN, "页码（偶数页）", null, SONG, 28, false, null, JcEnumeration.LEFT, 0, false);
        PPrBase.Ind evenInd = f.createPPrBaseInd();
        evenInd.setLeft(BigInteger.valueOf(280));
        even.getPPr().setInd(evenInd);
        styles.getStyle().add(even);
        return styles;
    }

    /** The office and the date on one line, the office left and the date right, over the red rule. */
    private Style issuer() {
        Style issuer = paragraph(ISSUER, "发文单位和日期", BODY, FANGSONG, 32, false, null, JcEnumeration.LEFT, 0, true);
        Tabs tabs = f.createTabs();
        CTTabStop stop = f.createCTTabStop();
        stop.setVal(STTabJc.RIGHT);
        stop.setPos(BigInteger.valueOf(TEXT_WIDTH - ISSUER_EM));
        tabs.getTab().add(stop);
        issuer.getPPr().setTabs(tabs);
        PPrBase.Ind ind = f.createPPrBaseInd(); // one character in from each margin (GB/T 9704)
        ind.setLeft(BigInteger.valueOf(ISSUER_EM));
        ind.setRight(BigInteger.valueOf(ISSUER_EM));
        issuer.getPPr().setInd(ind);
        PPrBase.PBdr bdr = f.createPPrBasePBdr();
        CTBorder line = f.createCTBorder();
        line.setVal(STBorder.SINGLE);
        line.setSz(BigInteger.valueOf(18));
        line.setSpace(BigInteger.valueOf(6));
        line.setColor(RED);
        bdr.setBottom(line);
        issuer.getPPr().setPBdr(bdr);
        return issuer;
    }

    /** A hanging indent: lines at {@code leftChars}, the first line {@code hangChars} further out. */
    private PPrBase.Ind hanging(int leftChars, int hangChars) {
        PPrBase.Ind ind = f.createPPrBaseInd();
        ind.setLeftChars(BigInteger.valueOf(leftChars * 100L));
        ind.setLeft(BigInteger.valueOf((long) leftChars * CHAR));
        ind.setHangingChars(BigInteger.valueOf(hangChars * 100L));
        ind.setHanging(BigInteger.valueOf((long) hangChars * CHAR));
        return ind;
    }

    private Style paragraph(String id, String name, String basedOn, String font, int halfPoints, boolean bold,
                            String color, JcEnumeration align, int firstLineChars, boolean gridLines) {
        Style s = f.createStyle();
        s.setType("paragraph");
        s.setStyleId(id);
        if (id.equals(BODY)) {
            s.setDefault(true);
        }
        Style.Name n = f.createStyleName();
        n.setVal(name);
        s.setName(n);
        if (basedOn != null) {
            Style.BasedOn b = f.createStyleBasedOn();
            b.setVal(basedOn);
            s.setBasedOn(b);
        }
        s.setQFormat(new BooleanDefaultTrue());
        PPr ppr = f.createPPr();
        Jc jc = f.createJc();
        jc.setVal(align);
        ppr.setJc(jc);
        PPrBase.Ind ind = f.createPPrBaseInd();
        ind.setFirstLineChars(BigInteger.valueOf(firstLineChars));
        // The same indent in twips for programs that ignore the character-based one (LibreOffice).
        ind.setFirstLine(BigInteger.valueOf((long) halfPoints * 10 * firstLineChars / 100));
        ppr.setInd(ind);
        PPrBase.Spacing sp = f.createPPrBaseSpacing();
        sp.setBefore(BigInteger.ZERO);
        sp.setAfter(BigInteger.ZERO);
        if (gridLines) {
            sp.setLine(BigInteger.valueOf(LINE));
            sp.setLineRule(STLineSpacingRule.EXACT);
        } else {
            sp.setLine(BigInteger.valueOf(240));
            sp.setLineRule(STLineSpacingRule.AUTO);
        }
        ppr.setSpacing(sp);
        if (id.startsWith("Heading")) {
            PPrBase.OutlineLvl lvl = f.createPPrBaseOutlineLvl();
            lvl.setVal(BigInteger.valueOf(Integer.parseInt(id.substring(7)) - 1));
            ppr.setOutlineLvl(lvl);
            // A heading never ends a page: it keeps with the paragraph it heads.
            ppr.setKeepNext(new BooleanDefaultTrue());
        }
        s.setPPr(ppr);
        s.setRPr(rpr(font, halfPoints, bold, color));
        return s;
    }

    private RPr rpr(String font, int halfPoints, boolean bold, String color) {
        RPr rpr = f.createRPr();
        RFonts fonts = f.createRFonts();
        fonts.setEastAsia(font);
        fonts.setAscii(font);
        fonts.setHAnsi(font);
        fonts.setCs(font);
        rpr.setRFonts(fonts);
        HpsMeasure sz = f.createHpsMeasure();
        sz.setVal(BigInteger.valueOf(halfPoints));
        rpr.setSz(sz);
        rpr.setSzCs(sz);
        if (bold) {
            rpr.setB(new BooleanDefaultTrue());
            rpr.setBCs(new BooleanDefaultTrue());
        }
        if (color != null) {
            Color c = f.createColor();
            c.setVal(color);
            rpr.setColor(c);
        }
        return rpr;
    }
}
