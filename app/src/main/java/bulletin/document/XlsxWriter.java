package bulletin.document;

import bulletin.text.Text;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Pattern;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * A small SpreadsheetML writer for the workbook {@code generate} makes: text and numbers, bordered cells in 宋体
 * with an alignment, a fill and a number of decimals, merged cells, column widths, frozen panes, print titles and
 * a landscape page fitted to its width. POI does the same in several hundred milliseconds of start-up and, at
 * province size, half a second of work; this writes the parts directly (see docs/performance.md). The forms of
 * {@code template} are written directly too, by {@code forms.FormParts}.
 */
final class XlsxWriter {

    /**
     * How a cell looks; {@code decimals} is -1 for text, else the decimals a number shows; {@code suffix} is text
     * shown after a number by its number format (the number stays a number), or null; {@code percent} shows the
     * number (a fraction) as a percentage, 0.3709 as 37.09%.
     */
    record Style(boolean bold, String align, String fill, int decimals, String suffix, boolean percent) {

        Style(boolean bold, String align, String fill, int decimals) {
            this(bold, align, fill, decimals, null, false);
        }

        Style(boolean bold, String align, String fill, int decimals, String suffix) {
            this(bold, align, fill, decimals, suffix, false);
        }

        /** The built-in number format (General, 0, 0.00, 0%, 0.00%), or -1 where the format needs a code. */
        int builtin() {
            if (decimals < 0) {
                return 0;
            }
            if (suffix != null) {
                return -1;
            }
            int two = percent ? 10 : 2;
            return decimals == 0 ? two - 1 : decimals == 2 ? two : -1;
        }

        /** The number format's code, or null for the built-in ones. */
        String formatCode() {
            if (builtin() >= 0) {
                return null;
            }
            String code = (decimals == 0 ? "0" : "0." + "0".repeat(decimals)) + (percent ? "%" : "");
            return suffix == null ? code : code + "\"" + suffix.replace("\"", "") + "\"";
        }
    }

    private static final String MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
    private static final String REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
    private static final String PKG_REL = "http://schemas.openxmlformats.org/package/2006/relationships";
    private static final Pattern NUMBER = Pattern.compile("-?[0-9]+(\\.[0-9]+)?");

    private final List<Style> styles = new ArrayList<>();
    private final Map<Style, Integer> styleIds = new HashMap<>();
    private final Map<String, Integer> strings = new LinkedHashMap<>();
    private final List<Sheet> sheets = new ArrayList<>();
    private int stringRefs;

    /** True for the decimal text {@link Sheet#number} takes: digits, a minus sign, a point. */
    static boolean isDecimal(String s) {
        return NUMBER.matcher(s).matches();
    }

    /** The id of a cell style, made on first use. */
    int style(Style s) {
        return styleIds.computeIfAbsent(s, k -> {
            styles.add(k);
            return styles.size(); // 0 is the workbook's default style
        });
    }

    Sheet sheet(String name) {
        Sheet s = new Sheet(name);
        sheets.add(s);
        return s;
    }

    /** One worksheet. Rows and columns count from 0. */
    final class Sheet {
        private final String name;
        private final TreeMap<Integer, TreeMap<Integer, String>> rows = new TreeMap<>();
        private final List<String> merges = new ArrayList<>();
        private final TreeMap<Integer, Double> widths = new TreeMap<>();
        private int freezeCols;
        private int freezeRows;
        private int titleFrom = -1;
        private int titleTo = -1;
        private boolean landscape;
        private boolean a3;
        private int maxCol;

        private Sheet(String name) {
            this.name = name;
        }

        void text(int r, int c, String v, int style) {
            int id = strings.computeIfAbsent(Text.xmlSafe(v), k -> strings.size());
            stringRefs++;
            put(r, c, "<c r=\"" + ref(r, c) + "\"" + s(style) + " t=\"s\"><v>" + id + "</v></c>");
        }

        /** A number given as the decimal text the document shows ({@code 12}, {@code -3.50}). */
        void number(int r, int c, String decimal, int style) {
            if (!isDecimal(decimal)) {
                throw new IllegalArgumentException("not a decimal number: " + decimal);
            }
            put(r, c, "<c r=\"" + ref(r, c) + "\"" + s(style) + "><v>" + decimal + "</v></c>");
        }

        void merge(int r1, int c1, int r2, int c2) {
            if (r2 > r1 || c2 > c1) {
                merges.add(ref(r1, c1) + ":" + ref(r2, c2));
            }
        }

        void width(int c, double chars) {
            widths.put(c, chars);
        }

        void freeze(int cols, int rowCount) {
            freezeCols = cols;
            freezeRows = rowCount;
        }

        /** Rows printed at the top of every page. */
        void printTitles(int from, int to) {
            titleFrom = from;
            titleTo = to;
        }

        void landscape(boolean onA3) {
            landscape = true;
            a3 = onA3;
        }

        private static String s(int style) {
            return style == 0 ? "" : " s=\"" + style + "\"";
        }

        private void put(int r, int c, String xml) {
            rows.computeIfAbsent(r, k -> new TreeMap<>()).put(c, xml);
            maxCol = Math.max(maxCol, c);
        }

        private void write(Writer w) throws IOException {
            w.write("<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n<worksheet xmlns=\"" + MAIN
                    + "\" xmlns:r=\"" + REL + "\">");
            if (landscape) {
                w.write("<sheetPr><pageSetUpPr fitToPage=\"1\"/></sheetPr>");
            }
            int lastRow = rows.isEmpty() ? 0 : rows.lastKey();
            w.write("<dimension ref=\"A1:" + ref(lastRow, maxCol) + "\"/>");
            w.write("<sheetViews><sheetView workbookViewId=\"0\">");
            if (freezeCols > 0 || freezeRows > 0) {
                String top = ref(freezeRows, freezeCols);
                String pane = freezeCols > 0 && freezeRows > 0 ? "bottomRight" : freezeRows > 0 ? "bottomLeft" : "topRight";
                w.write("<pane" + (freezeCols > 0 ? " xSplit=\"" + freezeCols + "\"" : "")
                        + (freezeRows > 0 ? " ySplit=\"" + freezeRows + "\"" : "") + " topLeftCell=\"" + top
                        + "\" activePane=\"" + pane + "\" state=\"frozen\"/><selection pane=\"" + pane
                        + "\" activeCell=\"" + top + "\" sqref=\"" + top + "\"/>");
            }
            w.write("</sheetView></sheetViews><sheetFormatPr defaultRowHeight=\"15\"/>");
            if (!widths.isEmpty()) {
                w.write("<cols>");
                for (Map.Entry<Integer, Double> e : widths.entrySet()) {
                    int n = e.getKey() + 1;
                    w.write("<col min=\"" + n + "\" max=\"" + n + "\" width=\"" + e.getValue() + "\" customWidth=\"1\"/>");
                }
                w.write("</cols>");
            }
            w.write("<sheetData>");
            for (Map.Entry<Integer, TreeMap<Integer, String>> row : rows.entrySet()) {
                w.write("<row r=\"" + (row.getKey() + 1) + "\">");
                for (String cell : row.getValue().values()) {
                    w.write(cell);
                }
                w.write("</row>");
            }
            w.write("</sheetData>");
            if (!merges.isEmpty()) {
                w.write("<mergeCells count=\"" + merges.size() + "\">");
                for (String m : merges) {
                    w.write("<mergeCell ref=\"" + m + "\"/>");
                }
                w.write("</mergeCells>");
            }
            w.write("<pageMargins left=\"0.7\" right=\"0.7\" top=\"0.75\" bottom=\"0.75\" header=\"0.3\" footer=\"0.3\"/>");
            if (landscape) {
                w.write("<pageSetup paperSize=\"" + (a3 ? 8 : 9)
                        + "\" orientation=\"landscape\" fitToWidth=\"1\" fitToHeight=\"0\"/>");
            }
            w.write("</worksheet>");
        }
    }

    void write(OutputStream out) throws IOException {
        ZipOutputStream zip = new ZipOutputStream(out, StandardCharsets.UTF_8);
        Writer w = new OutputStreamWriter(zip, StandardCharsets.UTF_8);
        part(zip, w, "[Content_Types].xml", contentTypes());
        part(zip, w, "_rels/.rels", "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n<Relationships xmlns=\""
                + PKG_REL + "\"><Relationship Id=\"rId1\" Type=\"" + REL + "/officeDocument\" Target=\"xl/workbook.xml\"/>"
                + "</Relationships>");
        part(zip, w, "xl/workbook.xml", workbook());
        part(zip, w, "xl/_rels/workbook.xml.rels", workbookRels());
        part(zip, w, "xl/styles.xml", styles());
        begin(zip, "xl/sharedStrings.xml");
        w.write("<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n<sst xmlns=\"" + MAIN + "\" count=\""
                + stringRefs + "\" uniqueCount=\"" + strings.size() + "\">");
        for (String s : strings.keySet()) {
            boolean keep = !s.isEmpty() && (Character.isWhitespace(s.charAt(0))
                    || Character.isWhitespace(s.charAt(s.length() - 1)) || s.contains("\n"));
            w.write(keep ? "<si><t xml:space=\"preserve\">" : "<si><t>");
            w.write(escape(s));
            w.write("</t></si>");
        }
        w.write("</sst>");
        w.flush();
        for (int i = 0; i < sheets.size(); i++) {
            begin(zip, "xl/worksheets/sheet" + (i + 1) + ".xml");
            sheets.get(i).write(w);
            w.flush();
        }
        zip.finish();
    }

    private String contentTypes() {
        StringBuilder b = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n<Types xmlns=\""
                + "http://schemas.openxmlformats.org/package/2006/content-types\">"
                + "<Default Extension=\"rels\" ContentType=\"application/vnd.openxmlformats-package.relationships+xml\"/>"
                + "<Default Extension=\"xml\" ContentType=\"application/xml\"/>"
                + "<Override PartName=\"/xl/workbook.xml\" ContentType=\"application/vnd.openxmlformats-officedocument."
                + "spreadsheetml.sheet.main+xml\"/>"
                + "<Override PartName=\"/xl/styles.xml\" ContentType=\"application/vnd.openxmlformats-officedocument."
                + "spreadsheetml.styles+xml\"/>"
                + "<Override PartName=\"/xl/sharedStrings.xml\" ContentType=\"application/vnd.openxmlformats-"
                + "officedocument.spreadsheetml.sharedStrings+xml\"/>");
        for (int i = 1; i <= sheets.size(); i++) {
            b.append("<Override PartName=\"/xl/worksheets/sheet").append(i).append(".xml\" ContentType=\"application/")
                    .append("vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml\"/>");
        }
        return b.append("</Types>").toString();
    }

    private String workbook() {
        StringBuilder b = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n<workbook xmlns=\""
                + MAIN + "\" xmlns:r=\"" + REL + "\"><bookViews><workbookView/></bookViews><sheets>");
        for (int i = 0; i < sheets.size(); i++) {
            b.append("<sheet name=\"").append(escape(sheets.get(i).name)).append("\" sheetId=\"").append(i + 1)
                    .append("\" r:id=\"rId").append(i + 1).append("\"/>");
        }
        b.append("</sheets>");
        StringBuilder names = new StringBuilder();
        for (int i = 0; i < sheets.size(); i++) {
            Sheet s = sheets.get(i);
            if (s.titleFrom >= 0) {
                names.append("<definedName name=\"_xlnm.Print_Titles\" localSheetId=\"").append(i).append("\">")
                        .append(escape("'" + s.name.replace("'", "''") + "'!$" + (s.titleFrom + 1) + ":$"
                                + (s.titleTo + 1)))
                        .append("</definedName>");
            }
        }
        if (names.length() > 0) {
            b.append("<definedNames>").append(names).append("</definedNames>");
        }
        return b.append("</workbook>").toString();
    }

    private String workbookRels() {
        StringBuilder b = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n<Relationships xmlns=\""
                + PKG_REL + "\">");
        int n = sheets.size();
        for (int i = 1; i <= n; i++) {
            b.append("<Relationship Id=\"rId").append(i).append("\" Type=\"").append(REL)
                    .append("/worksheet\" Target=\"worksheets/sheet").append(i).append(".xml\"/>");
        }
        b.append("<Relationship Id=\"rId").append(n + 1).append("\" Type=\"").append(REL)
                .append("/styles\" Target=\"styles.xml\"/>");
        b.append("<Relationship Id=\"rId").append(n + 2).append("\" Type=\"").append(REL)
                .append("/sharedStrings\" Target=\"sharedStrings.xml\"/>");
        return b.append("</Relationships>").toString();
    }

    /** Fonts 0 (default) and 1 (bold); fills 0 and 1 as the format requires, then one per colour; border 1 thin. */
    private String styles() {
        List<String> fills = new ArrayList<>();
        Map<String, Integer> formats = new LinkedHashMap<>();
        StringBuilder xfs = new StringBuilder("<xf numFmtId=\"0\" fontId=\"0\" fillId=\"0\" borderId=\"0\" xfId=\"0\"/>");
        for (Style s : styles) {
            int fill = 0;
            if (s.fill() != null && !s.fill().equalsIgnoreCase("none")) {
                String rgb = s.fill().toUpperCase(java.util.Locale.ROOT);
                if (!fills.contains(rgb)) {
                    fills.add(rgb);
                }
                fill = 2 + fills.indexOf(rgb);
            }
            String code = s.formatCode();
            int format = code != null ? formats.computeIfAbsent(code, d -> 164 + formats.size()) : s.builtin();
            xfs.append("<xf numFmtId=\"").append(format).append("\" fontId=\"").append(s.bold() ? 1 : 0)
                    .append("\" fillId=\"").append(fill).append("\" borderId=\"1\" xfId=\"0\"")
                    .append(format != 0 ? " applyNumberFormat=\"1\"" : "").append(s.bold() ? " applyFont=\"1\"" : "")
                    .append(fill != 0 ? " applyFill=\"1\"" : "")
                    .append(" applyBorder=\"1\" applyAlignment=\"1\"><alignment horizontal=\"").append(s.align())
                    .append("\" vertical=\"center\" wrapText=\"1\"/></xf>");
        }
        StringBuilder b = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n<styleSheet xmlns=\""
                + MAIN + "\">");
        if (!formats.isEmpty()) {
            b.append("<numFmts count=\"").append(formats.size()).append("\">");
            formats.forEach((code, id) -> b.append("<numFmt numFmtId=\"").append(id).append("\" formatCode=\"")
                    .append(code.replace("\"", "&quot;")).append("\"/>"));
            b.append("</numFmts>");
        }
        b.append("<fonts count=\"2\"><font><sz val=\"10\"/><name val=\"宋体\"/><family val=\"3\"/><charset val=\"134\"/>"
                + "</font><font><b/><sz val=\"10\"/><name val=\"宋体\"/><family val=\"3\"/><charset val=\"134\"/></font>"
                + "</fonts>");
        b.append("<fills count=\"").append(2 + fills.size()).append("\"><fill><patternFill patternType=\"none\"/></fill>"
                + "<fill><patternFill patternType=\"gray125\"/></fill>");
        for (String rgb : fills) {
            b.append("<fill><patternFill patternType=\"solid\"><fgColor rgb=\"FF").append(rgb)
                    .append("\"/><bgColor indexed=\"64\"/></patternFill></fill>");
        }
        b.append("</fills><borders count=\"2\"><border><left/><right/><top/><bottom/><diagonal/></border><border>");
        for (String side : List.of("left", "right", "top", "bottom")) {
            b.append('<').append(side).append(" style=\"thin\"><color indexed=\"64\"/></").append(side).append('>');
        }
        b.append("<diagonal/></border></borders>");
        b.append("<cellStyleXfs count=\"1\"><xf numFmtId=\"0\" fontId=\"0\" fillId=\"0\" borderId=\"0\"/></cellStyleXfs>");
        b.append("<cellXfs count=\"").append(styles.size() + 1).append("\">").append(xfs).append("</cellXfs>");
        b.append("<cellStyles count=\"1\"><cellStyle name=\"Normal\" xfId=\"0\" builtinId=\"0\"/></cellStyles>");
        return b.append("</styleSheet>").toString();
    }

    private static void part(ZipOutputStream zip, Writer w, String name, String xml) throws IOException {
        begin(zip, name);
        w.write(xml);
        w.flush();
    }

    private static void begin(ZipOutputStream zip, String name) throws IOException {
        ZipEntry e = new ZipEntry(name);
        e.setTime(315532800000L + 12 * 3600_000L); // a fixed time: the same figures make the same file
        zip.putNextEntry(e);
    }

    /** A1-style reference; rows and columns from 0. */
    static String ref(int r, int c) {
        return Text.a1(r, c);
    }

    private static String escape(String s) {
        StringBuilder b = new StringBuilder(s.length() + 8);
        for (int i = 0; i < s.length(); i++) {
            char ch = s.charAt(i);
            switch (ch) {
                case '&' -> b.append("&amp;");
                case '<' -> b.append("&lt;");
                case '>' -> b.append("&gt;");
                case '"' -> b.append("&quot;");
                case '\r' -> b.append("&#13;");
                default -> b.append(ch);
            }
        }
        return b.toString();
    }
}
