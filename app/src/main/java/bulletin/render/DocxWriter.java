package bulletin.render;

import bulletin.model.Level;
import bulletin.model.Snapshot;
import java.io.IOException;
import java.io.OutputStream;
import java.math.BigInteger;
import java.util.List;
import org.docx4j.jaxb.Context;
import org.docx4j.openpackaging.exceptions.Docx4JException;
import org.docx4j.openpackaging.packages.WordprocessingMLPackage;
import org.docx4j.openpackaging.parts.WordprocessingML.MainDocumentPart;
import org.docx4j.wml.BooleanDefaultTrue;
import org.docx4j.wml.Br;
import org.docx4j.wml.CTBorder;
import org.docx4j.wml.CTVerticalJc;
import org.docx4j.wml.Color;
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
import org.docx4j.wml.STBrType;
import org.docx4j.wml.STPageOrientation;
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
 * Builds the bulletin .docx with docx4j's object factory (no XML strings): the wording blocks from the
 * templates, then the appendix tables on landscape pages. Every figure comes from the snapshot.
 */
public final class DocxWriter {

    static final String FANGSONG = "仿宋_GB2312";
    static final String HEITI = "黑体";
    static final String KAITI = "楷体_GB2312";
    static final String XIAOBIAOSONG = "方正小标宋简体";
    static final String SONG = "宋体";

    /** A4 in twips. */
    static final int A4_W = 11906;
    static final int A4_H = 16838;

    private final ObjectFactory f = Context.getWmlObjectFactory();

    private DocxWriter() {
    }

    public static void write(Snapshot s, List<Wording.Block> blocks, OutputStream out) throws IOException {
        new DocxWriter().build(s, blocks, out);
    }

    private void build(Snapshot s, List<Wording.Block> blocks, OutputStream out) throws IOException {
        try {
            WordprocessingMLPackage pkg = WordprocessingMLPackage.createPackage();
            MainDocumentPart main = pkg.getMainDocumentPart();
            boolean appendixStarted = false;
            for (Wording.Block b : blocks) {
                switch (b.kind()) {
                    case "title" -> main.getContent().add(para(b.text(), XIAOBIAOSONG, 44, false, "FF0000",
                            JcEnumeration.CENTER));
                    case "issue" -> main.getContent().add(para(b.text(), FANGSONG, 32, false, null,
                            JcEnumeration.CENTER));
                    case "office" -> main.getContent().add(para(b.text(), FANGSONG, 32, false, null,
                            JcEnumeration.LEFT));
                    case "date" -> main.getContent().add(para(b.text(), FANGSONG, 32, false, null,
                            JcEnumeration.RIGHT));
                    case "h1" -> main.getContent().add(para(b.text(), HEITI, 32, false, null, JcEnumeration.LEFT));
                    case "h2" -> main.getContent().add(para(b.text(), KAITI, 32, false, null, JcEnumeration.LEFT));
                    case "h3" -> main.getContent().add(para(b.text(), FANGSONG, 32, true, null, JcEnumeration.LEFT));
                    case "attach" -> main.getContent().add(para(b.text(), FANGSONG, 32, false, null,
                            JcEnumeration.LEFT));
                    case "sign" -> main.getContent().add(para(b.text(), FANGSONG, 32, false, null,
                            JcEnumeration.RIGHT));
                    case "appendix" -> {
                        Level level = b.text().trim().equals("2") ? Level.CITY : Level.PROVINCE;
                        if (!appendixStarted) {
                            main.getContent().add(sectionEnd(false));
                            appendixStarted = true;
                        } else {
                            main.getContent().add(pageBreak());
                        }
                        appendix(main, s, level);
                    }
                    default -> main.getContent().add(bodyPara(b.text()));
                }
            }
            main.getJaxbElement().getBody().setSectPr(section(appendixStarted));
            pkg.save(out);
        } catch (Docx4JException e) {
            throw new IOException("docx4j: " + e.getMessage(), e);
        }
    }

    private void appendix(MainDocumentPart main, Snapshot s, Level level) {
        int n = level == Level.PROVINCE ? 1 : 2;
        main.getContent().add(para("附件" + n, HEITI, 32, false, null, JcEnumeration.LEFT));
        main.getContent().add(para(Appendix.title(level, s.month()), XIAOBIAOSONG, 36, false, null,
                JcEnumeration.CENTER));
        List<Appendix.Block> blocks = Appendix.blocks(s, level);
        List<String> header = Appendix.header(s);
        int textWidth = A4_H - 2 * 1134;
        int[] fixed = {480, 760, 1000, 1700, 560, 600, 800};
        int unitW = Math.max(420, (textWidth - java.util.Arrays.stream(fixed).sum()) / Math.max(1, s.units().size()));
        int[] widths = new int[header.size()];
        for (int c = 0; c < widths.length; c++) {
            widths[c] = c < fixed.length ? fixed[c] : unitW;
        }
        Tbl tbl = table(widths);
        Tr head = f.createTr();
        repeatHeader(head);
        for (int c = 0; c < header.size(); c++) {
            head.getContent().add(cell(header.get(c), widths[c], null, true, false));
        }
        tbl.getContent().add(head);
        int lastItem = -1;
        String lastTask = null;
        int itemNo = 0;
        for (Appendix.Block b : blocks) {
            boolean newItem = b.indicator().item() != lastItem;
            if (newItem) {
                itemNo++;
            }
            boolean newTask = newItem || !b.task().equals(lastTask);
            String[] labels = {"指标", "数量", "进度"};
            List<List<String>> rows = List.of(b.targets(), b.done(), b.progress());
            for (int r = 0; r < 3; r++) {
                Tr tr = f.createTr();
                cantSplit(tr);
                boolean first = r == 0;
                tr.getContent().add(cell(first && newItem ? String.valueOf(itemNo) : "", widths[0],
                        first && newItem ? "restart" : "continue", false, false));
                tr.getContent().add(cell(first && newItem ? b.indicator().itemName() : "", widths[1],
                        first && newItem ? "restart" : "continue", false, false));
                tr.getContent().add(cell(first && newTask ? b.task() : "", widths[2],
                        first && newTask ? "restart" : "continue", false, false));
                tr.getContent().add(cell(first ? b.indicator().name() : "", widths[3], first ? "restart" : "continue",
                        false, false));
                tr.getContent().add(cell(first ? b.indicator().unit() : "", widths[4], first ? "restart" : "continue",
                        false, false));
                tr.getContent().add(cell(labels[r], widths[5], null, false, false));
                List<String> values = rows.get(r);
                for (int c = 0; c < values.size(); c++) {
                    tr.getContent().add(cell(values.get(c), widths[6 + c], null, false, r == 2 && b.behind().get(c)));
                }
                tbl.getContent().add(tr);
            }
            lastItem = b.indicator().item();
            lastTask = b.task();
        }
        main.getContent().add(tbl);
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

    private void repeatHeader(Tr tr) {
        TrPr pr = tr.getTrPr() == null ? f.createTrPr() : tr.getTrPr();
        pr.getCnfStyleOrDivIdOrGridBefore().add(f.createCTTrPrBaseTblHeader(new BooleanDefaultTrue()));
        tr.setTrPr(pr);
    }

    private void cantSplit(Tr tr) {
        TrPr pr = tr.getTrPr() == null ? f.createTrPr() : tr.getTrPr();
        pr.getCnfStyleOrDivIdOrGridBefore().add(f.createCTTrPrBaseCantSplit(new BooleanDefaultTrue()));
        tr.setTrPr(pr);
    }

    /** A table cell; {@code vMerge} is "restart", "continue" or null. */
    private Tc cell(String text, int width, String vMerge, boolean bold, boolean shaded) {
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
        if (shaded) {
            org.docx4j.wml.CTShd shd = f.createCTShd();
            shd.setVal(org.docx4j.wml.STShd.CLEAR);
            shd.setColor("auto");
            shd.setFill("FFFF00");
            pr.setShd(shd);
        }
        tc.setTcPr(pr);
        P p = para(text, SONG, 14, bold, null, JcEnumeration.CENTER);
        PPrBase.Spacing sp = f.createPPrBaseSpacing();
        sp.setBefore(BigInteger.ZERO);
        sp.setAfter(BigInteger.ZERO);
        p.getPPr().setSpacing(sp);
        tc.getContent().add(p);
        return tc;
    }

    private P bodyPara(String text) {
        P p = para(text, FANGSONG, 32, false, null, JcEnumeration.BOTH);
        PPrBase.Ind ind = f.createPPrBaseInd();
        ind.setFirstLineChars(BigInteger.valueOf(200));
        p.getPPr().setInd(ind);
        return p;
    }

    private P para(String text, String font, int halfPoints, boolean bold, String color, JcEnumeration align) {
        P p = f.createP();
        PPr ppr = f.createPPr();
        Jc jc = f.createJc();
        jc.setVal(align);
        ppr.setJc(jc);
        p.setPPr(ppr);
        if (text == null || text.isEmpty()) {
            return p;
        }
        R r = f.createR();
        RPr rpr = f.createRPr();
        RFonts fonts = f.createRFonts();
        fonts.setEastAsia(font);
        fonts.setAscii(font);
        fonts.setHAnsi(font);
        rpr.setRFonts(fonts);
        HpsMeasure sz = f.createHpsMeasure();
        sz.setVal(BigInteger.valueOf(halfPoints));
        rpr.setSz(sz);
        rpr.setSzCs(sz);
        if (bold) {
            rpr.setB(new BooleanDefaultTrue());
        }
        if (color != null) {
            Color c = f.createColor();
            c.setVal(color);
            rpr.setColor(c);
        }
        r.setRPr(rpr);
        Text t = f.createText();
        t.setValue(text);
        t.setSpace("preserve");
        r.getContent().add(t);
        p.getContent().add(r);
        return p;
    }

    private P pageBreak() {
        P p = f.createP();
        R r = f.createR();
        Br br = f.createBr();
        br.setType(STBrType.PAGE);
        r.getContent().add(br);
        p.getContent().add(r);
        return p;
    }

    /** The paragraph that ends the portrait body section. */
    private P sectionEnd(boolean landscape) {
        P p = f.createP();
        PPr ppr = f.createPPr();
        ppr.setSectPr(section(landscape));
        p.setPPr(ppr);
        return p;
    }

    private SectPr section(boolean landscape) {
        SectPr sp = f.createSectPr();
        SectPr.PgSz size = f.createSectPrPgSz();
        size.setW(BigInteger.valueOf(landscape ? A4_H : A4_W));
        size.setH(BigInteger.valueOf(landscape ? A4_W : A4_H));
        if (landscape) {
            size.setOrient(STPageOrientation.LANDSCAPE);
        }
        sp.setPgSz(size);
        SectPr.PgMar mar = f.createSectPrPgMar();
        if (landscape) {
            mar.setTop(BigInteger.valueOf(1134));
            mar.setBottom(BigInteger.valueOf(1134));
            mar.setLeft(BigInteger.valueOf(1134));
            mar.setRight(BigInteger.valueOf(1134));
        } else {
            mar.setTop(BigInteger.valueOf(2098));
            mar.setBottom(BigInteger.valueOf(1984));
            mar.setLeft(BigInteger.valueOf(1588));
            mar.setRight(BigInteger.valueOf(1474));
        }
        sp.setPgMar(mar);
        return sp;
    }
}
