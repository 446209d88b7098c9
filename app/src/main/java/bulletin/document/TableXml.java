package bulletin.document;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.docx4j.jaxb.Context;
import org.docx4j.wml.CTTblPrBase;
import org.docx4j.wml.Tbl;
import org.docx4j.wml.TblPr;

/**
 * An appendix table (附件1–3) as its WordprocessingML, written directly: at province size the three tables are
 * 27,000 cells, 7 of the 7.7 MB of {@code word/document.xml}, and building a docx4j object for every cell, its
 * paragraph, run and properties, then having JAXB marshal them, was the document's largest cost. The body holds a
 * placeholder table in its place ({@link #placeholder}); when the document is saved ({@link PackageSave}) the
 * placeholder's XML is replaced by this table's. The XML is byte for byte what JAXB writes for the docx4j objects
 * {@link DocxWriter} builds for the same rows ({@code TableXmlTest} compares them): the same elements in the
 * schema's order, the same attributes in JAXB's order, the same escaping.
 *
 * @param widths the grid's column widths (twips)
 * @param rows   the rows, in order
 */
record TableXml(int[] widths, List<Row> rows) {

    /**
     * One cell: its text (null or empty for none), width, vertical merge ("restart", "continue" or null), paragraph
     * style, alignment ("left", "center", "right"), fill (RRGGBB or null), the columns it spans, whether a
     * superscript mark follows the text, and the size of its runs in half-points (0 for the style's).
     */
    record Cell(String text, int width, String vMerge, String style, String align, String fill, int span,
                boolean mark, int size) {
    }

    /** One row: a header row repeats on every page; a row that keeps with the next keeps each paragraph so. */
    record Row(boolean header, boolean keepNext, List<Cell> cells) {
    }

    /** What marks a placeholder table in the marshalled document: its style's id, then the table's number. */
    static final String MARK = "bulletin-appendix-table-";

    /** The placeholder's XML as JAXB writes it, up to the number. */
    static final byte[] OPEN = ("<w:tbl><w:tblPr><w:tblStyle w:val=\"" + MARK).getBytes(StandardCharsets.US_ASCII);

    /** The placeholder's XML after the number. */
    static final byte[] CLOSE = "\"/></w:tblPr></w:tbl>".getBytes(StandardCharsets.US_ASCII);

    /** The placeholder for table {@code k} of the document: an empty table that only names it. */
    static Tbl placeholder(int k) {
        Tbl tbl = Context.getWmlObjectFactory().createTbl();
        TblPr pr = Context.getWmlObjectFactory().createTblPr();
        CTTblPrBase.TblStyle style = Context.getWmlObjectFactory().createCTTblPrBaseTblStyle();
        style.setVal(MARK + k);
        pr.setTblStyle(style);
        tbl.setTblPr(pr);
        return tbl;
    }

    /** Writes the table's XML (UTF-8) to {@code out}. */
    void write(OutputStream out) throws IOException {
        Writer w = new OutputStreamWriter(new NonClosing(out), StandardCharsets.UTF_8);
        int sum = 0;
        for (int width : widths) {
            sum += width;
        }
        w.write("<w:tbl><w:tblPr><w:tblW w:w=\"" + sum + "\" w:type=\"dxa\"/><w:jc w:val=\"center\"/><w:tblBorders>");
        for (String side : List.of("top", "left", "bottom", "right", "insideH", "insideV")) {
            w.write("<w:" + side + " w:val=\"single\" w:color=\"000000\" w:sz=\"4\"/>");
        }
        w.write("</w:tblBorders><w:tblCellMar><w:left w:w=\"30\" w:type=\"dxa\"/><w:right w:w=\"30\" w:type=\"dxa\"/>"
                + "</w:tblCellMar></w:tblPr><w:tblGrid>");
        for (int width : widths) {
            w.write("<w:gridCol w:w=\"" + width + "\"/>");
        }
        w.write("</w:tblGrid>");
        for (Row row : rows) {
            w.write(row.header() ? "<w:tr><w:trPr><w:cantSplit/><w:tblHeader/></w:trPr>" : "<w:tr><w:trPr><w:cantSplit/></w:trPr>");
            for (Cell c : row.cells()) {
                cell(w, c, row.keepNext());
            }
            w.write("</w:tr>");
        }
        w.write("</w:tbl>");
        w.flush();
    }

    private static void cell(Writer w, Cell c, boolean keepNext) throws IOException {
        w.write("<w:tc><w:tcPr><w:tcW w:w=\"" + c.width() + "\" w:type=\"dxa\"/>");
        if (c.span() > 1) {
            w.write("<w:gridSpan w:val=\"" + c.span() + "\"/>");
        }
        if (c.vMerge() != null) {
            w.write(c.vMerge().equals("restart") ? "<w:vMerge w:val=\"restart\"/>" : "<w:vMerge/>");
        }
        if (c.fill() != null) {
            w.write("<w:shd w:val=\"clear\" w:color=\"auto\" w:fill=\"");
            escape(w, c.fill(), true);
            w.write("\"/>");
        }
        w.write("<w:vAlign w:val=\"center\"/></w:tcPr><w:p><w:pPr><w:pStyle w:val=\"");
        escape(w, c.style(), true);
        w.write(keepNext ? "\"/><w:keepNext/><w:jc w:val=\"" : "\"/><w:jc w:val=\"");
        w.write(c.align());
        w.write("\"/></w:pPr>");
        String size = c.size() > 0 ? "<w:sz w:val=\"" + c.size() + "\"/><w:szCs w:val=\"" + c.size() + "\"/>" : "";
        if (c.text() != null && !c.text().isEmpty()) {
            w.write(size.isEmpty() ? "<w:r>" : "<w:r><w:rPr>" + size + "</w:rPr>");
            text(w, c.text());
        }
        if (c.mark()) {
            w.write("<w:r><w:rPr>" + size + "<w:vertAlign w:val=\"superscript\"/></w:rPr>");
            text(w, AppendixLayout.MARK);
        }
        w.write("</w:p></w:tc>");
    }

    private static void text(Writer w, String text) throws IOException {
        w.write("<w:t xml:space=\"preserve\">");
        escape(w, bulletin.text.Text.xmlSafe(text), false);
        w.write("</w:t></w:r>");
    }

    /**
     * Escapes as JAXB's UTF-8 output does: {@code & < >} and a carriage return everywhere, and in an attribute
     * also {@code "} and a line feed; a tab stays as it is (and, in text, a line feed and quotes).
     */
    static void escape(Writer w, String s, boolean attribute) throws IOException {
        int from = 0;
        for (int i = 0; i < s.length(); i++) {
            char ch = s.charAt(i);
            String e = switch (ch) {
                case '&' -> "&amp;";
                case '<' -> "&lt;";
                case '>' -> "&gt;";
                case '\r' -> "&#13;";
                case '"' -> attribute ? "&quot;" : null;
                case '\n' -> attribute ? "&#10;" : null;
                default -> null;
            };
            if (e != null) {
                w.write(s, from, i - from);
                w.write(e);
                from = i + 1;
            }
        }
        w.write(s, from, s.length() - from);
    }

    /** The buffered stream the tables are written to stays open for the rest of the document. */
    private static final class NonClosing extends java.io.FilterOutputStream {
        NonClosing(OutputStream out) {
            super(out);
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            out.write(b, off, len);
        }

        @Override
        public void close() throws IOException {
            out.flush();
        }
    }

    /**
     * Passes the marshalled document on, but each placeholder table's XML is replaced by its table's: a search for
     * {@link #OPEN} (Knuth–Morris–Pratt, holding back only the bytes of a partial match), then the number up to
     * {@link #CLOSE}. Every table must be placed exactly once ({@link #finish}).
     */
    static final class Splice extends OutputStream {
        private final OutputStream out;
        private final List<TableXml> tables;
        private final boolean[] placed;
        private final int[] fail = failure(OPEN);
        private final ByteArrayOutputStream tail = new ByteArrayOutputStream();
        private int matched;
        private boolean inTail;

        Splice(OutputStream out, List<TableXml> tables) {
            this.out = out;
            this.tables = tables;
            this.placed = new boolean[tables.size()];
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            if (tables.isEmpty()) {
                out.write(b, off, len);
                return;
            }
            for (int i = off; i < off + len; i++) {
                write(b[i]);
            }
        }

        @Override
        public void write(int b) throws IOException {
            byte x = (byte) b;
            if (inTail) {
                tail.write(x);
                if (tail.size() > 12 + CLOSE.length) {
                    throw new IOException("appendix table placeholder not closed");
                }
                if (endsWithClose()) {
                    place();
                }
                return;
            }
            while (true) {
                if (x == OPEN[matched]) {
                    matched++;
                    if (matched == OPEN.length) {
                        matched = 0;
                        inTail = true;
                    }
                    return;
                }
                if (matched == 0) {
                    out.write(x);
                    return;
                }
                int k = fail[matched - 1];
                out.write(OPEN, 0, matched - k);
                matched = k;
            }
        }

        private boolean endsWithClose() {
            byte[] t = tail.toByteArray();
            if (t.length < CLOSE.length) {
                return false;
            }
            for (int i = 0; i < CLOSE.length; i++) {
                if (t[t.length - CLOSE.length + i] != CLOSE[i]) {
                    return false;
                }
            }
            return true;
        }

        private void place() throws IOException {
            String number = new String(tail.toByteArray(), 0, tail.size() - CLOSE.length, StandardCharsets.US_ASCII);
            int k;
            try {
                k = Integer.parseInt(number);
            } catch (NumberFormatException e) {
                throw new IOException("appendix table placeholder " + number, e);
            }
            if (k < 0 || k >= tables.size() || placed[k]) {
                throw new IOException("appendix table placeholder " + k + " unknown or placed twice");
            }
            placed[k] = true;
            tables.get(k).write(out);
            tail.reset();
            inTail = false;
        }

        /** After the document: every table was placed, and nothing is held back. */
        void finish() throws IOException {
            if (inTail) {
                throw new IOException("appendix table placeholder cut short");
            }
            out.write(OPEN, 0, matched);
            matched = 0;
            for (int k = 0; k < placed.length; k++) {
                if (!placed[k]) {
                    throw new IOException("appendix table " + k + " has no placeholder in the document");
                }
            }
        }

        @Override
        public void flush() throws IOException {
            out.flush();
        }

        private static int[] failure(byte[] p) {
            int[] f = new int[p.length];
            for (int i = 1, k = 0; i < p.length; i++) {
                while (k > 0 && p[i] != p[k]) {
                    k = f[k - 1];
                }
                if (p[i] == p[k]) {
                    k++;
                }
                f[i] = k;
            }
            return f;
        }
    }
}
