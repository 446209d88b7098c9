package bulletin.document;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.FutureTask;
import java.util.function.Supplier;
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
record TableXml(int[] widths, List<Row> rows) implements TableSource {

    /**
     * A table whose XML is made on a thread of its own ({@link #start}) while the rest of the document is built
     * and marshalled: at province size the appendix tables are most of the document's bytes. Where that thread
     * has not begun it when the placeholder is reached, the thread writing the document makes it.
     */
    static final class Ahead implements TableSource {
        private final FutureTask<Optional<Chunks>> task;

        Ahead(Supplier<TableXml> table) {
            task = new FutureTask<>(() -> {
                Chunks xml = new Chunks();
                table.get().write(xml);
                return Optional.of(xml);
            });
        }

        Ahead start() {
            bulletin.diag.Tasks.ahead("appendix table", task);
            return this;
        }

        @Override
        public void write(OutputStream out) throws IOException {
            Appendices.take(task).writeTo(out);
        }
    }

    /**
     * Bytes kept in blocks of 64 KB as they are written: at province size 7 MB of table XML, which a growing
     * array would have copied over and over and then once more whole.
     */
    static final class Chunks extends OutputStream {
        private static final int BLOCK = 1 << 16;
        private final List<byte[]> full = new java.util.ArrayList<>();
        private byte[] block = new byte[BLOCK];
        private int n;

        @Override
        public void write(int b) {
            if (n == BLOCK) {
                full.add(block);
                block = new byte[BLOCK];
                n = 0;
            }
            block[n++] = (byte) b;
        }

        @Override
        public void write(byte[] b, int off, int len) {
            while (len > 0) {
                if (n == BLOCK) {
                    full.add(block);
                    block = new byte[BLOCK];
                    n = 0;
                }
                int k = Math.min(len, BLOCK - n);
                System.arraycopy(b, off, block, n, k);
                n += k;
                off += k;
                len -= k;
            }
        }

        void writeTo(OutputStream out) throws IOException {
            for (byte[] b : full) {
                out.write(b);
            }
            out.write(block, 0, n);
        }
    }

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

    /** Writes the table's XML (UTF-8) to {@code out}, a row at a time. */
    @Override
    public void write(OutputStream out) throws IOException {
        Utf8 u = new Utf8();
        StringBuilder b = u.markup;
        int sum = 0;
        for (int width : widths) {
            sum += width;
        }
        b.append("<w:tbl><w:tblPr><w:tblW w:w=\"").append(sum).append("\" w:type=\"dxa\"/><w:jc w:val=\"center\"/>")
                .append("<w:tblBorders>");
        for (String side : List.of("top", "left", "bottom", "right", "insideH", "insideV")) {
            b.append("<w:").append(side).append(" w:val=\"single\" w:color=\"000000\" w:sz=\"4\"/>");
        }
        b.append("</w:tblBorders><w:tblCellMar><w:left w:w=\"30\" w:type=\"dxa\"/><w:right w:w=\"30\" w:type=\"dxa\"/>"
                + "</w:tblCellMar></w:tblPr><w:tblGrid>");
        for (int width : widths) {
            b.append("<w:gridCol w:w=\"").append(width).append("\"/>");
        }
        b.append("</w:tblGrid>");
        for (Row row : rows) {
            b.append(row.header() ? "<w:tr><w:trPr><w:cantSplit/><w:tblHeader/></w:trPr>" : "<w:tr><w:trPr><w:cantSplit/></w:trPr>");
            for (Cell c : row.cells()) {
                cell(u, c, row.keepNext());
            }
            b.append("</w:tr>");
            u.writeTo(out);
        }
        b.append("</w:tbl>");
        u.writeTo(out);
    }

    /**
     * A row's XML on its way out: the markup in a builder that stays Latin-1, the cells' text escaped and encoded
     * straight to UTF-8 beside it. (One builder for both turned UTF-16 at the first Chinese character and stayed
     * so: every later tag was widened, copied by toString and encoded again, most of the province's appendix.)
     */
    private static final class Utf8 {
        final StringBuilder markup = new StringBuilder(1 << 12);
        private byte[] bytes = new byte[1 << 15];
        private int n;

        /** The markup so far, moved to the bytes (UTF-8 too: an attribute might hold any character). */
        private void flush() {
            if (markup.length() > 0) {
                byte[] m = markup.toString().getBytes(StandardCharsets.UTF_8);
                room(m.length);
                System.arraycopy(m, 0, bytes, n, m.length);
                n += m.length;
                markup.setLength(0);
            }
        }

        private void room(int more) {
            if (n + more > bytes.length) {
                bytes = java.util.Arrays.copyOf(bytes, Math.max(bytes.length * 2, n + more));
            }
        }

        /** Text as {@link #escape} writes it (not in an attribute), in UTF-8 as String.getBytes makes it. */
        void text(String s) {
            flush();
            room(s.length() * 3 + 8 * 5);
            for (int i = 0; i < s.length(); i++) {
                char ch = s.charAt(i);
                if (ch < 0x80) {
                    switch (ch) {
                        case '&' -> ascii("&amp;");
                        case '<' -> ascii("&lt;");
                        case '>' -> ascii("&gt;");
                        case '\r' -> ascii("&#13;");
                        default -> bytes[n++] = (byte) ch;
                    }
                    if (n + (s.length() - i) * 3 + 8 > bytes.length) {
                        room((s.length() - i) * 3 + 8);
                    }
                } else if (ch < 0x800) {
                    bytes[n++] = (byte) (0xC0 | ch >> 6);
                    bytes[n++] = (byte) (0x80 | ch & 0x3F);
                } else if (Character.isHighSurrogate(ch) && i + 1 < s.length()
                        && Character.isLowSurrogate(s.charAt(i + 1))) {
                    int cp = Character.toCodePoint(ch, s.charAt(++i));
                    bytes[n++] = (byte) (0xF0 | cp >> 18);
                    bytes[n++] = (byte) (0x80 | cp >> 12 & 0x3F);
                    bytes[n++] = (byte) (0x80 | cp >> 6 & 0x3F);
                    bytes[n++] = (byte) (0x80 | cp & 0x3F);
                } else if (Character.isSurrogate(ch)) {
                    bytes[n++] = '?'; // as String.getBytes replaces a lone surrogate
                } else {
                    bytes[n++] = (byte) (0xE0 | ch >> 12);
                    bytes[n++] = (byte) (0x80 | ch >> 6 & 0x3F);
                    bytes[n++] = (byte) (0x80 | ch & 0x3F);
                }
            }
        }

        private void ascii(String s) {
            for (int k = 0; k < s.length(); k++) {
                bytes[n++] = (byte) s.charAt(k);
            }
        }

        void writeTo(OutputStream out) throws IOException {
            flush();
            out.write(bytes, 0, n);
            n = 0;
        }
    }

    private static void cell(Utf8 u, Cell c, boolean keepNext) {
        StringBuilder b = u.markup;
        b.append("<w:tc><w:tcPr><w:tcW w:w=\"").append(c.width()).append("\" w:type=\"dxa\"/>");
        if (c.span() > 1) {
            b.append("<w:gridSpan w:val=\"").append(c.span()).append("\"/>");
        }
        if (c.vMerge() != null) {
            b.append(c.vMerge().equals("restart") ? "<w:vMerge w:val=\"restart\"/>" : "<w:vMerge/>");
        }
        if (c.fill() != null) {
            b.append("<w:shd w:val=\"clear\" w:color=\"auto\" w:fill=\"");
            escape(b, c.fill(), true);
            b.append("\"/>");
        }
        b.append("<w:vAlign w:val=\"center\"/></w:tcPr><w:p><w:pPr><w:pStyle w:val=\"");
        escape(b, c.style(), true);
        b.append(keepNext ? "\"/><w:keepNext/><w:jc w:val=\"" : "\"/><w:jc w:val=\"").append(c.align()).append("\"/></w:pPr>");
        if (c.text() != null && !c.text().isEmpty()) {
            b.append("<w:r>");
            size(b, c.size(), false);
            text(u, c.text());
        }
        if (c.mark()) {
            b.append("<w:r>");
            size(b, c.size(), true);
            text(u, AppendixLayout.MARK);
        }
        b.append("</w:p></w:tc>");
    }

    /** A run's properties: its size (if any) and, for the mark, superscript; none at all for neither. */
    private static void size(StringBuilder b, int size, boolean superscript) {
        if (size <= 0 && !superscript) {
            return;
        }
        b.append("<w:rPr>");
        if (size > 0) {
            b.append("<w:sz w:val=\"").append(size).append("\"/><w:szCs w:val=\"").append(size).append("\"/>");
        }
        b.append(superscript ? "<w:vertAlign w:val=\"superscript\"/></w:rPr>" : "</w:rPr>");
    }

    private static void text(Utf8 u, String text) {
        u.markup.append("<w:t xml:space=\"preserve\">");
        u.text(bulletin.text.Text.xmlSafe(text));
        u.markup.append("</w:t></w:r>");
    }

    /**
     * Escapes as JAXB's UTF-8 output does: {@code & < >} and a carriage return everywhere, and in an attribute
     * also {@code "} and a line feed; a tab stays as it is (and, in text, a line feed and quotes).
     */
    static void escape(StringBuilder b, String s, boolean attribute) {
        for (int i = 0; i < s.length(); i++) {
            char ch = s.charAt(i);
            switch (ch) {
                case '&' -> b.append("&amp;");
                case '<' -> b.append("&lt;");
                case '>' -> b.append("&gt;");
                case '\r' -> b.append("&#13;");
                case '"' -> b.append(attribute ? "&quot;" : "\"");
                case '\n' -> b.append(attribute ? "&#10;" : "\n");
                default -> b.append(ch);
            }
        }
    }

    /**
     * Passes the marshalled document on, but each placeholder table's XML is replaced by its table's: a search for
     * {@link #OPEN} (Knuth–Morris–Pratt, holding back only the bytes of a partial match), then the number up to
     * {@link #CLOSE}. Every table must be placed exactly once ({@link #finish}).
     */
    static final class Splice extends OutputStream {
        private final OutputStream out;
        private final List<? extends TableSource> tables;
        private final boolean[] placed;
        private final int[] fail = failure(OPEN);
        private final ByteArrayOutputStream tail = new ByteArrayOutputStream();
        private int matched;
        private boolean inTail;

        Splice(OutputStream out, List<? extends TableSource> tables) {
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
