package bulletin.forms;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
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

    /** One worksheet's cells, by row and column (both from 0), as XML. */
    final class Sheet {
        private final TreeMap<Integer, Row> rows = new TreeMap<>();
        private int minCol = Integer.MAX_VALUE;
        private int maxCol = -1;

        private final class Row {
            private final TreeMap<Integer, String> cells = new TreeMap<>();
            private final Map<Integer, String> texts = new TreeMap<>();
            private String height;
        }

        private Row row(int r) {
            return rows.computeIfAbsent(r, k -> new Row());
        }

        private void put(int r, int c, String xml) {
            row(r).cells.put(c, xml);
            minCol = Math.min(minCol, c);
            maxCol = Math.max(maxCol, c);
        }

        /** A text cell, its value set before its style ({@code t} before {@code s}, as POI then wrote it). */
        void text(int r, int c, String v, int style) {
            row(r).texts.put(c, v);
            put(r, c, "<c r=\"" + ref(r, c) + "\" t=\"s\" s=\"" + style + "\"><v>" + string(v) + "</v></c>");
        }

        /** A text cell whose style was set before its value. */
        void styledText(int r, int c, String v, int style) {
            row(r).texts.put(c, v);
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

        /** The text cells of row {@code r} by column, as their values were given. */
        Map<Integer, String> texts(int r) {
            return row(r).texts;
        }

        /** "A1:K51": the cells in use. */
        String dimension() {
            return ref(rows.firstKey(), minCol) + ":" + ref(rows.lastKey(), maxCol);
        }

        void writeData(StringBuilder b) {
            b.append("<sheetData>");
            for (Map.Entry<Integer, Row> e : rows.entrySet()) {
                b.append("<row r=\"").append(e.getKey() + 1).append('"');
                Row row = e.getValue();
                if (row.height != null) {
                    b.append(" ht=\"").append(row.height).append("\" customHeight=\"true\"");
                }
                b.append('>');
                for (String cell : row.cells.values()) {
                    b.append(cell);
                }
                b.append("</row>");
            }
            b.append("</sheetData>");
        }
    }

    private int string(String v) {
        stringRefs++;
        return strings.computeIfAbsent(v, k -> strings.size());
    }

    /** The shared strings part. */
    String sharedStrings() {
        StringBuilder b = new StringBuilder(XML).append("<sst count=\"").append(stringRefs).append("\" uniqueCount=\"")
                .append(strings.size()).append("\" xmlns=\"").append(MAIN).append("\">");
        for (String s : strings.keySet()) {
            boolean keep = !s.isEmpty() && (Character.isWhitespace(s.charAt(0))
                    || Character.isWhitespace(s.charAt(s.length() - 1)));
            if (s.isEmpty()) {
                b.append("<si><t/></si>");
                continue;
            }
            b.append(keep ? "<si><t xml:space=\"preserve\">" : "<si><t>").append(escape(s)).append("</t></si>");
        }
        return b.append("</sst>").toString();
    }

    /** The parts of a workbook, by name, written in their order into a zip. */
    static void write(List<Map.Entry<String, String>> parts, OutputStream out) throws IOException {
        ZipOutputStream zip = new ZipOutputStream(out, StandardCharsets.UTF_8);
        for (Map.Entry<String, String> p : parts) {
            zip.putNextEntry(new ZipEntry(p.getKey()));
            zip.write(p.getValue().getBytes(StandardCharsets.UTF_8));
            zip.closeEntry();
        }
        zip.finish();
    }

    /** The document properties as POI wrote them: made by "Apache POI", created now. */
    static List<Map.Entry<String, String>> properties() {
        List<Map.Entry<String, String>> parts = new ArrayList<>();
        parts.add(Map.entry("docProps/app.xml", XML + "<Properties xmlns=\"http://schemas.openxmlformats.org/officeDocument/"
                + "2006/extended-properties\"><Application>Apache POI</Application></Properties>"));
        parts.add(Map.entry("docProps/core.xml", XML_SA + "<cp:coreProperties xmlns:cp=\"http://schemas.openxmlformats."
                + "org/package/2006/metadata/core-properties\" xmlns:dc=\"http://purl.org/dc/elements/1.1/\" xmlns:dcterms"
                + "=\"http://purl.org/dc/terms/\" xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\"><dcterms:created"
                + " xsi:type=\"dcterms:W3CDTF\">" + Instant.now().truncatedTo(ChronoUnit.SECONDS)
                + "</dcterms:created><dc:creator>Apache POI</dc:creator></cp:coreProperties>"));
        return parts;
    }

    /** A1-style reference; rows and columns from 0. */
    static String ref(int r, int c) {
        return column(c) + (r + 1);
    }

    static String column(int c) {
        StringBuilder col = new StringBuilder(3);
        for (int n = c + 1; n > 0; n = (n - 1) / 26) {
            col.insert(0, (char) ('A' + (n - 1) % 26));
        }
        return col.toString();
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
