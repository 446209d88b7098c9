package bulletin.testing;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/**
 * The words of a generated .docx as POI gives them ({@code XWPFDocument.getParagraphs()} and {@code getTables()},
 * each paragraph's {@code getText()}, each table's {@code getText()}), read from {@code word/document.xml} alone:
 * a POI parse of a bulletin costs 0.15–0.2 s in a warm JVM (XMLBeans and the whole table model), this a few
 * milliseconds.
 *
 * <p>It reads only what the program's documents hold and POI's text is plain about: paragraphs and tables in the
 * body, runs in a paragraph, a run's {@code w:t} (its text) and {@code w:tab} (a tab), a picture without text. Any
 * other element in a body, paragraph, run, table, row or cell (a line break, a field, a hyperlink, a content
 * control, a tracked change, a text box…) is refused with an exception rather than read some other way than POI
 * would: a test that meets one must read that document with POI. {@code SentencesTest} holds the words equal to
 * POI's on the generated March to June, {@code DocxTextTest} the refusals.
 */
public final class DocxText {

    static final String W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main";

    /**
     * The body's paragraphs' texts and its tables' texts, in the body's order within each; and each table's rows'
     * cells' texts ({@code XWPFTable.getRows()}, each row's {@code getTableCells()}, each cell's {@code getText()}:
     * its paragraphs' texts one after another); each table's rows' {@code XWPFTableRow.isRepeatHeader()} (the row's
     * first {@code w:tblHeader}, on where it has no {@code w:val}); each table's rows' cells'
     * {@code XWPFTableCell.getColor()} (the {@code w:fill} of the cell's {@code w:shd}, null without one).
     */
    public record Words(List<String> paragraphs, List<String> tables, List<List<List<String>>> cells,
                        List<List<Boolean>> repeatHeader, List<List<List<String>>> colors) {
    }

    private DocxText() {
    }

    /** The paragraphs and tables of {@code docx}'s body. */
    public static Words of(Path docx) throws IOException {
        byte[] xml = null;
        try (ZipInputStream zip = new ZipInputStream(Files.newInputStream(docx))) {
            for (ZipEntry e = zip.getNextEntry(); e != null; e = zip.getNextEntry()) {
                if (e.getName().equals("word/document.xml")) {
                    xml = zip.readAllBytes();
                    break;
                }
            }
        }
        if (xml == null) {
            throw new IOException(docx + ": no word/document.xml");
        }
        try (InputStream in = new java.io.ByteArrayInputStream(xml)) {
            XMLInputFactory f = XMLInputFactory.newFactory();
            f.setProperty(XMLInputFactory.SUPPORT_DTD, false);
            f.setProperty(XMLInputFactory.IS_COALESCING, true);
            XMLStreamReader r = f.createXMLStreamReader(in);
            try {
                return new Reader(r, docx).document();
            } finally {
                r.close();
            }
        } catch (XMLStreamException e) {
            throw new IOException(docx + ": " + e.getMessage(), e);
        }
    }

    /** Each body paragraph's text followed by a line end: what the tests built from POI's paragraphs. */
    public static String paragraphs(Path docx) throws IOException {
        StringBuilder sb = new StringBuilder();
        for (String p : of(docx).paragraphs()) {
            sb.append(p).append('\n');
        }
        return sb.toString();
    }

    /** {@link #paragraphs}, then each table's text followed by a line end. */
    public static String paragraphsAndTables(Path docx) throws IOException {
        Words w = of(docx);
        StringBuilder sb = new StringBuilder();
        for (String p : w.paragraphs()) {
            sb.append(p).append('\n');
        }
        for (String t : w.tables()) {
            sb.append(t).append('\n');
        }
        return sb.toString();
    }

    /** One pass over document.xml, element by element, refusing what it does not read as POI does. */
    private static final class Reader {
        private final XMLStreamReader r;
        private final Path docx;

        Reader(XMLStreamReader r, Path docx) {
            this.r = r;
            this.docx = docx;
        }

        Words document() throws XMLStreamException {
            List<String> paragraphs = new ArrayList<>();
            List<String> tables = new ArrayList<>();
            List<List<List<String>>> cells = new ArrayList<>();
            List<List<Boolean>> headers = new ArrayList<>();
            List<List<List<String>>> colors = new ArrayList<>();
            while (r.hasNext()) {
                if (r.next() == XMLStreamConstants.START_ELEMENT && isW("body")) {
                    while (nextChild()) {
                        switch (w()) {
                            case "p" -> paragraphs.add(paragraph());
                            case "tbl" -> {
                                List<List<String>> rows = new ArrayList<>();
                                List<Boolean> header = new ArrayList<>();
                                List<List<String>> color = new ArrayList<>();
                                tables.add(table(rows, header, color));
                                cells.add(rows);
                                headers.add(header);
                                colors.add(color);
                            }
                            case "sectPr", "bookmarkStart", "bookmarkEnd" -> skip();
                            default -> refuse("the body");
                        }
                    }
                }
            }
            return new Words(paragraphs, tables, cells, headers, colors);
        }

        /** A table's text as POI's XWPFTable builds it: per row, its cells' paragraphs joined by tabs, then a line end. */
        String table(List<List<String>> rows, List<Boolean> header, List<List<String>> colors)
                throws XMLStreamException {
            StringBuilder text = new StringBuilder();
            while (nextChild()) {
                switch (w()) {
                    case "tblPr", "tblGrid", "bookmarkStart", "bookmarkEnd" -> skip();
                    case "tr" -> {
                        StringBuilder row = new StringBuilder();
                        List<String> rowCells = new ArrayList<>();
                        List<String> rowColors = new ArrayList<>();
                        Boolean repeat = null;
                        while (nextChild()) {
                            switch (w()) {
                                case "trPr" -> repeat = rowProperties();
                                case "tblPrEx", "bookmarkStart", "bookmarkEnd" -> skip();
                                case "tc" -> {
                                    StringBuilder cell = new StringBuilder();
                                    String color = null;
                                    while (nextChild()) {
                                        switch (w()) {
                                            case "tcPr" -> color = cellShading();
                                            case "bookmarkStart", "bookmarkEnd" -> skip();
                                            case "p" -> {
                                                String p = paragraph();
                                                if (row.length() > 0) {
                                                    row.append('\t');
                                                }
                                                row.append(p);
                                                cell.append(p);
                                            }
                                            default -> refuse("a table cell");
                                        }
                                    }
                                    rowCells.add(cell.toString());
                                    rowColors.add(color);
                                }
                                default -> refuse("a table row");
                            }
                        }
                        if (row.length() > 0) {
                            text.append(row).append('\n');
                        }
                        rows.add(rowCells);
                        header.add(repeat != null && repeat);
                        colors.add(rowColors);
                    }
                    default -> refuse("a table");
                }
            }
            return text.toString();
        }

        /** A row's {@code w:trPr}: its first {@code w:tblHeader}'s on/off (on without {@code w:val}), or null. */
        Boolean rowProperties() throws XMLStreamException {
            Boolean repeat = null;
            while (nextChild()) {
                if (isW("tblHeader") && repeat == null) {
                    String v = r.getAttributeValue(W, "val");
                    repeat = v == null || v.equals("true") || v.equals("on") || v.equals("1");
                }
                skip();
            }
            return repeat;
        }

        /** A cell's {@code w:tcPr}: its {@code w:shd}'s {@code w:fill}, or null. */
        String cellShading() throws XMLStreamException {
            String fill = null;
            while (nextChild()) {
                if (isW("shd")) {
                    fill = r.getAttributeValue(W, "fill");
                }
                skip();
            }
            return fill;
        }

        /** A paragraph's text: its runs' texts in order. */
        String paragraph() throws XMLStreamException {
            StringBuilder text = new StringBuilder();
            while (nextChild()) {
                switch (w()) {
                    case "pPr", "bookmarkStart", "bookmarkEnd", "proofErr" -> skip();
                    case "r" -> run(text);
                    default -> refuse("a paragraph");
                }
            }
            return text.toString();
        }

        /** A run's text: {@code w:t} as it is, {@code w:tab} a tab; a picture without text adds nothing. */
        void run(StringBuilder text) throws XMLStreamException {
            while (nextChild()) {
                switch (w()) {
                    case "rPr" -> skip();
                    case "t" -> text.append(r.getElementText());
                    case "tab" -> {
                        text.append('\t');
                        skip();
                    }
                    case "drawing" -> drawingWithoutText();
                    default -> refuse("a run");
                }
            }
        }

        /** A picture: POI adds the text of any {@code w:t} inside it; refused where there is one. */
        void drawingWithoutText() throws XMLStreamException {
            int depth = 1;
            while (depth > 0) {
                int e = r.next();
                if (e == XMLStreamConstants.START_ELEMENT) {
                    if (W.equals(r.getNamespaceURI())) {
                        refuse("a picture");
                    }
                    depth++;
                } else if (e == XMLStreamConstants.END_ELEMENT) {
                    depth--;
                }
            }
        }

        /** To the next child element of the current one (true), or past the current one's end (false). */
        boolean nextChild() throws XMLStreamException {
            while (r.hasNext()) {
                int e = r.next();
                if (e == XMLStreamConstants.START_ELEMENT) {
                    return true;
                }
                if (e == XMLStreamConstants.END_ELEMENT) {
                    return false;
                }
                if (e == XMLStreamConstants.CHARACTERS && !r.isWhiteSpace()) {
                    throw new IllegalStateException(docx + ": text outside a w:t: \"" + r.getText() + "\"");
                }
            }
            return false;
        }

        /** Past the end of the current element, whatever it holds. */
        void skip() throws XMLStreamException {
            int depth = 1;
            while (depth > 0) {
                int e = r.next();
                if (e == XMLStreamConstants.START_ELEMENT) {
                    depth++;
                } else if (e == XMLStreamConstants.END_ELEMENT) {
                    depth--;
                }
            }
        }

        /** The current element's local name where it is WordprocessingML's, or "" (never read). */
        String w() {
            return W.equals(r.getNamespaceURI()) ? r.getLocalName() : "";
        }

        boolean isW(String local) {
            return W.equals(r.getNamespaceURI()) && r.getLocalName().equals(local);
        }

        void refuse(String where) {
            throw new IllegalStateException(docx + ": " + r.getName() + " in " + where
                    + " is not read by testing.DocxText; read this document with POI");
        }
    }
}
