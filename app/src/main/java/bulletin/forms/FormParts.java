package bulletin.forms;

import bulletin.text.Text;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * The parts of one form's workbook, written directly as SpreadsheetML: the same parts, in the same order and with
 * the same bytes, as POI wrote them when {@code template} used it (45 ms of CPU a form, and POI's start-up; this
 * takes well under a millisecond). {@code FormXmlParityTest} holds the two equal, part by part, on several
 * cities. Only what the form uses is here: shared strings, numbers, formulas, styled blanks, row heights, and the
 * sheet-level pieces {@link FormWriter} gives as ready XML.
 */
final class FormParts {

    static final String MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
    static final String XML = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n";
    static final String XML_SA = "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>";

    private final Map<String, Integer> strings = new LinkedHashMap<>();
    private int stringRefs;

    /**
     * A part's bytes, UTF-8, appended piece by piece: ASCII pieces (most of the XML) are copied as they are,
     * where a builder of the whole part would have been widened to UTF-16 by its first Chinese character and
     * encoded again char by char at the end.
     */
    static final class Out {
        private byte[] buf;
        private int size;

        Out(int capacity) {
            buf = new byte[capacity];
        }

        Out add(String s) {
            return add(s.getBytes(StandardCharsets.UTF_8));
        }

        Out add(byte[] b) {
            if (size + b.length > buf.length) {
                buf = Arrays.copyOf(buf, Math.max(buf.length * 2, size + b.length));
            }
            System.arraycopy(b, 0, buf, size, b.length);
            size += b.length;
            return this;
        }

        Out add(int n) {
            return add(Integer.toString(n));
        }

        byte[] bytes() {
            return Arrays.copyOf(buf, size);
        }
    }

    /** One worksheet's cells, by row and column (both from 0), as XML. */
    final class Sheet {
        private final List<Row> rows = new ArrayList<>();
        private int firstRow = Integer.MAX_VALUE;
        private int minCol = Integer.MAX_VALUE;
        private int maxCol = -1;

        /** A row's cells in the order of their columns, and its text cells' values by column. */
        private static final class Row {
            private final List<String> cells = new ArrayList<>(12);
            private final List<Integer> cols = new ArrayList<>(12);
            private String[] texts = new String[12];
            private String height;
        }

        private Row row(int r) {
            while (rows.size() <= r) {
                rows.add(null);
            }
            Row row = rows.get(r);
            if (row == null) {
                row = new Row();
                rows.set(r, row);
                firstRow = Math.min(firstRow, r);
            }
            return row;
        }

        private void put(int r, int c, String xml) {
            Row row = row(r);
            int at = row.cols.size();
            while (at > 0 && row.cols.get(at - 1) >= c) {
                at--;
            }
            if (at < row.cols.size() && row.cols.get(at) == c) {
                row.cells.set(at, xml);
            } else {
                row.cols.add(at, c);
                row.cells.add(at, xml);
            }
            minCol = Math.min(minCol, c);
            maxCol = Math.max(maxCol, c);
        }

        private void keepText(int r, int c, String v) {
            Row row = row(r);
            if (c >= row.texts.length) {
                row.texts = Arrays.copyOf(row.texts, c + 1);
            }
            row.texts[c] = v;
        }

        /** A text cell, its value set before its style ({@code t} before {@code s}, as POI then wrote it). */
        void text(int r, int c, String v, int style) {
            keepText(r, c, v);
            put(r, c, "<c r=\"" + ref(r, c) + "\" t=\"s\" s=\"" + style + "\"><v>" + string(v) + "</v></c>");
        }

        /** A text cell whose style was set before its value. */
        void styledText(int r, int c, String v, int style) {
            keepText(r, c, v);
            put(r, c, "<c r=\"" + ref(r, c) + "\" s=\"" + style + "\" t=\"s\"><v>" + string(v) + "</v></c>");
        }

        /** A number; as a spreadsheet's error value where it has none (an infinite or undefined double). */
        void number(int r, int c, double v, int style) {
            String value = Double.isInfinite(v) ? "#DIV/0!" : Double.isNaN(v) ? "#NUM!" : String.valueOf(v);
            String type = Double.isInfinite(v) || Double.isNaN(v) ? "e" : "n";
            put(r, c, "<c r=\"" + ref(r, c) + "\" t=\"" + type + "\" s=\"" + style + "\"><v>" + value + "</v></c>");
        }

        void blank(int r, int c, int style) {
            put(r, c, "<c r=\"" + ref(r, c) + "\" s=\"" + style + "\"/>");
        }

        void formula(int r, int c, String f, int style) {
            put(r, c, "<c r=\"" + ref(r, c) + "\" s=\"" + style + "\"><f>" + escape(f) + "</f></c>");
        }

        void height(int r, float points) {
            row(r).height = String.valueOf((double) points);
        }

        /** The values of row {@code r}'s text cells, by column (null: none). */
        String[] texts(int r) {
            return row(r).texts;
        }

        /** "A1:K51": the cells in use. */
        String dimension() {
            return ref(firstRow, minCol) + ":" + ref(rows.size() - 1, maxCol);
        }

        void writeData(Out b) {
            b.add("<sheetData>");
            for (int r = 0; r < rows.size(); r++) {
                Row row = rows.get(r);
                if (row == null) {
                    continue;
                }
                b.add("<row r=\"").add(r + 1).add("\"");
                if (row.height != null) {
                    b.add(" ht=\"").add(row.height).add("\" customHeight=\"true\"");
                }
                b.add(">");
                for (String cell : row.cells) {
                    b.add(cell);
                }
                b.add("</row>");
            }
            b.add("</sheetData>");
        }
    }

    private int string(String v) {
        stringRefs++;
        return strings.computeIfAbsent(v, k -> strings.size());
    }

    /** The shared strings part. */
    byte[] sharedStrings() {
        Out b = new Out(8_192).add(XML).add("<sst count=\"").add(stringRefs).add("\" uniqueCount=\"")
                .add(strings.size()).add("\" xmlns=\"").add(MAIN).add("\">");
        for (String s : strings.keySet()) {
            boolean keep = !s.isEmpty() && (Character.isWhitespace(s.charAt(0))
                    || Character.isWhitespace(s.charAt(s.length() - 1)));
            if (s.isEmpty()) {
                b.add("<si><t/></si>");
                continue;
            }
            b.add(keep ? "<si><t xml:space=\"preserve\">" : "<si><t>").add(escape(s)).add("</t></si>");
        }
        return b.add("</sst>").bytes();
    }

    /**
     * The parts of a workbook, by name, written in their order into a zip, compressed for speed: deflating took
     * more than a third of the form's time at the default level.
     */
    static void write(List<Map.Entry<String, byte[]>> parts, OutputStream out) throws IOException {
        ZipOutputStream zip = new ZipOutputStream(out, StandardCharsets.UTF_8);
        zip.setLevel(java.util.zip.Deflater.BEST_SPEED); // a third of the default's time, files 11% larger
        for (Map.Entry<String, byte[]> p : parts) {
            zip.putNextEntry(new ZipEntry(p.getKey()));
            zip.write(p.getValue());
            zip.closeEntry();
        }
        zip.finish();
    }

    /** The document properties as POI wrote them: made by "Apache POI", created now. */
    static List<Map.Entry<String, byte[]>> properties() {
        String app = XML + "<Properties xmlns=\"http://schemas.openxmlformats.org/officeDocument/2006/extended-properties"
                + "\"><Application>Apache POI</Application></Properties>";
        String core = XML_SA + "<cp:coreProperties xmlns:cp=\"http://schemas.openxmlformats.org/package/2006/metadata/"
                + "core-properties\" xmlns:dc=\"http://purl.org/dc/elements/1.1/\" xmlns:dcterms=\"http://purl.org/dc/"
                + "terms/\" xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\"><dcterms:created xsi:type=\""
                + "dcterms:W3CDTF\">" + Instant.now().truncatedTo(ChronoUnit.SECONDS)
                + "</dcterms:created><dc:creator>Apache POI</dc:creator></cp:coreProperties>";
        return List.of(Map.entry("docProps/app.xml", app.getBytes(StandardCharsets.UTF_8)),
                Map.entry("docProps/core.xml", core.getBytes(StandardCharsets.UTF_8)));
    }

    /** A1-style reference; rows and columns from 0. */
    static String ref(int r, int c) {
        return Text.a1(r, c);
    }

    /** Element text as POI's XML writer escaped it: {@code <}, {@code &}, a carriage return, and "]]>". */
    static String escape(String s) {
        StringBuilder b = null;
        for (int i = 0; i < s.length(); i++) {
            char ch = s.charAt(i);
            String rep = switch (ch) {
                case '<' -> "&lt;";
                case '&' -> "&amp;";
                case '\r' -> "&#13;";
                case '>' -> i >= 2 && s.charAt(i - 1) == ']' && s.charAt(i - 2) == ']' ? "&gt;" : null;
                default -> null;
            };
            if (rep != null && b == null) {
                b = new StringBuilder(s.length() + 16).append(s, 0, i);
            }
            if (b != null) {
                if (rep != null) {
                    b.append(rep);
                } else {
                    b.append(ch);
                }
            }
        }
        return b == null ? s : b.toString();
    }

    /** An attribute's value as POI's XML writer escaped it: {@code <}, {@code &} and {@code "}. */
    static String attribute(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace("\"", "&quot;");
    }
}
