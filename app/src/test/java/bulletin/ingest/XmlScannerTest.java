package bulletin.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The byte scanner ({@link XmlScanner}) reads every workbook as the JDK's StAX parser over a strictly decoding
 * Reader read it (the reader it replaced, kept as the reference): the same cells, values, merged regions and hidden
 * rows, columns and sheets, or the same refusal with the same message. Checked on every committed workbook
 * (samples, golden cases) and on hand edits of a form's XML at every rule the scanner enforces.
 */
class XmlScannerTest {

    @TempDir
    static Path dir;

    private static Map<String, byte[]> form;
    private static final String SHEET = "xl/worksheets/sheet1.xml";

    @BeforeAll
    static void loadForm() throws IOException {
        try (Stream<Path> s = Files.list(Path.of("samples/miluo-2026/progress/2026-05"))) {
            Path first = s.filter(p -> p.toString().endsWith(".xlsx")).sorted().findFirst().orElseThrow();
            form = unzip(Files.readAllBytes(first));
        }
    }

    @Test
    void everyCommittedWorkbookReadsTheSameAsWithStax() throws IOException {
        List<Path> all = new ArrayList<>();
        for (String root : List.of("samples", "app/src/test/golden")) {
            try (Stream<Path> s = Files.walk(Path.of(root))) {
                s.filter(p -> p.toString().endsWith(".xlsx")).sorted().forEach(all::add);
            }
        }
        assertThat(all).hasSizeGreaterThan(100);
        int read = 0;
        for (Path p : all) {
            String stax = reading(p, true);
            assertThat(reading(p, false)).as(p.toString()).isEqualTo(stax);
            read += stax.startsWith("unreadable") ? 0 : 1;
        }
        assertThat(read).isGreaterThan(100);
    }

    /** Hand edits of the form's sheet: each reads as StAX read it, and {@code expect} says what that is. */
    @Test
    void handEditsReadTheSameAsWithStax() throws IOException {
        Map<String, UnaryOperator<String>> edits = new LinkedHashMap<>();
        // well-formed, read
        edits.put("as-is", x -> x);
        edits.put("entities", x -> cell(x, "<c r=\"Z1\" t=\"inlineStr\"><is><t>a&amp;b&lt;c&gt;d&quot;e&apos;f&#x4E2D;&#25991;</t></is></c>"));
        edits.put("cdata", x -> cell(x, "<c r=\"Z1\" t=\"inlineStr\"><is><t>a<![CDATA[<b>&amp;]]]]>c</t></is></c>"));
        edits.put("comment-and-pi-in-text", x -> cell(x, "<c r=\"Z1\" t=\"inlineStr\"><is><t>a<!-- x -->b<?p q?>c</t></is></c>"));
        edits.put("rich-runs", x -> cell(x, "<c r=\"Z1\" t=\"inlineStr\"><is><r><t>半</t></r><r><rPr><b/></rPr><t xml:space=\"preserve\"> 年 </t></r></is></c>"));
        edits.put("crlf-in-text", x -> cell(x, "<c r=\"Z1\" t=\"inlineStr\"><is><t>a\r\nb\rc\nd</t></is></c>"));
        edits.put("whitespace-in-attribute", x -> x.replace("<c r=\"A1\"", "<c r=\"A1\" foo=\"a\tb\r\nc\"").replace("<row r=\"1\"", "<row  r = '1' "));
        edits.put("prefixed", x -> x.replace("<worksheet ", "<x:worksheet xmlns:x=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\" ")
                .replace("</worksheet>", "</x:worksheet>").replace("<c ", "<x:c ").replace("</c>", "</x:c>"));
        edits.put("prefix-declared-below", x -> cell(x, "<y:c xmlns:y=\"urn:y\" r=\"Z1\" t=\"inlineStr\"><y:is><y:t>y</y:t></y:is></y:c>"));
        edits.put("empty-v", x -> cell(x, "<c r=\"Z1\"><v/></c><c r=\"Z2\"><v></v></c><c r=\"Z3\" t=\"s\"><v> 1 </v></c>"));
        edits.put("no-declaration", x -> x.substring(x.indexOf("?>") + 2));
        edits.put("declaration-standalone", x -> x.replaceFirst("<\\?xml[^?]*\\?>", "<?xml version='1.0' encoding='UTF-8' standalone='yes' ?>"));
        edits.put("bom", x -> "\uFEFF" + x);
        edits.put("comment-before-root", x -> x.replaceFirst("\\?>", "?>\n<!-- made by hand -->\n<?mso-application progid=\"Excel.Sheet\"?>"));
        edits.put("long-text", x -> cell(x, "<c r=\"Z1\" t=\"inlineStr\"><is><t>" + "长文字".repeat(9000) + "</t></is></c>"));
        edits.put("long-attribute", x -> x.replace("<c r=\"A1\"", "<c r=\"A1\" foo=\"" + "&amp;x".repeat(9000) + "\""));
        edits.put("many-attributes", x -> x.replace("<c r=\"A1\"", "<c " + manyAttributes() + " r=\"A1\""));
        edits.put("long-comment", x -> x.replace("<sheetData>", "<!--" + "注释".repeat(20000) + "--><sheetData>"));
        edits.put("char-ref-leading-zeros", x -> cell(x, "<c r=\"Z1\" t=\"inlineStr\"><is><t>&#x0000000000004E2D;&#00000000065;</t></is></c>"));
        edits.put("supplementary", x -> cell(x, "<c r=\"Z1\" t=\"inlineStr\"><is><t>𠀀&#x20001;</t></is></c>"));
        edits.put("depth-64", x -> x.replace("<sheetData>", "<extLst>" + "<ext>".repeat(61) + "</ext>".repeat(61) + "</extLst><sheetData>"));
        edits.put("depth-65", x -> x.replace("<sheetData>", "<extLst>" + "<ext>".repeat(62) + "</ext>".repeat(62) + "</extLst><sheetData>"));
        edits.put("depth-66", x -> x.replace("<sheetData>", "<extLst>" + "<ext>".repeat(63) + "</ext>".repeat(63) + "</extLst><sheetData>"));
        edits.put("xml11-control-reference", x -> x.replace("<?xml version=\"1.0\"", "<?xml version=\"1.1\"").replace("</sheetData>", "<row r=\"900\"><c r=\"Z1\" t=\"inlineStr\"><is><t>a&#1;b&#x7F;</t></is></c></row></sheetData>"));
        edits.put("xml11-line-ends", x -> x.replace("<?xml version=\"1.0\"", "<?xml version=\"1.1\"").replace("</sheetData>", "<row r=\"900\"><c r=\"Z1\" t=\"inlineStr\" foo=\"a\u0085b\u2028c\r\u0085d\"><is><t>a\u0085b\u2028c\r\u0085d\r\ne</t></is></c></row></sheetData>"));
        edits.put("declaration-other-encodings", x -> x.replaceFirst("encoding=\"UTF-8\"", "encoding=\"GBK\""));
        edits.put("declaration-utf-16", x -> x.replaceFirst("encoding=\"UTF-8\"", "encoding=\"UTF-16\""));
        edits.put("pi-after-root", x -> x + "<?done?><!-- end -->\n");
        edits.put("empty-root-children", x -> x.replace("<sheetData>", "<sheetPr/><sheetData>"));
        edits.put("references-split-by-the-buffer", x -> cell(x, "<c r=\"Z1\" t=\"inlineStr\"><is><t>" + "&amp;&#x4E2D;&quot;".repeat(3000) + "</t></is></c>"));
        edits.put("xml10-c1-controls", x -> cell(x, "<c r=\"Z1\" t=\"inlineStr\"><is><t>a\u0080b\u009Fc\u007Fd\u0085e\u2028f</t></is></c>"));
        // not well-formed, refused
        edits.put("doctype", x -> x.replaceFirst("\\?>", "?><!DOCTYPE worksheet [<!ENTITY x \"约300\">]>"));
        edits.put("doctype-inside", x -> x.replace("<sheetData>", "<!DOCTYPE x><sheetData>"));
        edits.put("undeclared-entity", x -> cell(x, "<c r=\"Z1\" t=\"inlineStr\"><is><t>&x;</t></is></c>"));
        edits.put("entity-in-attribute", x -> x.replace("<c r=\"A1\"", "<c r=\"A1\" foo=\"&nbsp;\""));
        edits.put("bare-ampersand", x -> cell(x, "<c r=\"Z1\" t=\"inlineStr\"><is><t>a & b</t></is></c>"));
        edits.put("bad-char-ref", x -> cell(x, "<c r=\"Z1\" t=\"inlineStr\"><is><t>&#1;</t></is></c>"));
        edits.put("char-ref-fffe", x -> cell(x, "<c r=\"Z1\" t=\"inlineStr\"><is><t>&#xFFFE;</t></is></c>"));
        edits.put("char-ref-surrogate", x -> cell(x, "<c r=\"Z1\" t=\"inlineStr\"><is><t>&#xD800;</t></is></c>"));
        edits.put("char-ref-too-big", x -> cell(x, "<c r=\"Z1\" t=\"inlineStr\"><is><t>&#x110000;</t></is></c>"));
        edits.put("char-ref-empty", x -> cell(x, "<c r=\"Z1\" t=\"inlineStr\"><is><t>&#;</t></is></c>"));
        edits.put("control-char", x -> cell(x, "<c r=\"Z1\" t=\"inlineStr\"><is><t>a\u0001b</t></is></c>"));
        edits.put("control-char-in-attribute", x -> x.replace("<c r=\"A1\"", "<c r=\"A1\" foo=\"\u0002\""));
        edits.put("unbound-prefix", x -> x.replace("<c ", "<x:c ").replace("</c>", "</x:c>"));
        edits.put("unbound-attribute-prefix", x -> x.replace("<c r=\"A1\"", "<c r=\"A1\" q:foo=\"1\""));
        edits.put("prefix-out-of-scope", x -> cell(x, "<y:c xmlns:y=\"urn:y\" r=\"Z1\"/><y:c r=\"Z2\"/>"));
        edits.put("duplicate-attribute", x -> x.replace("<c r=\"A1\"", "<c r=\"A1\" r=\"A1\""));
        edits.put("unquoted-attribute", x -> x.replace("<c r=\"A1\"", "<c r=A1"));
        edits.put("attributes-not-spaced", x -> x.replace("<c r=\"A1\" ", "<c r=\"A1\""));
        edits.put("lt-in-attribute", x -> x.replace("<c r=\"A1\"", "<c r=\"A1\" foo=\"a<b\""));
        edits.put("cdata-end-in-text", x -> cell(x, "<c r=\"Z1\" t=\"inlineStr\"><is><t>a]]>b</t></is></c>"));
        edits.put("double-dash-in-comment", x -> x.replace("<sheetData>", "<!-- a -- b --><sheetData>"));
        edits.put("comment-ending-in-dash", x -> x.replace("<sheetData>", "<!-- a ---><sheetData>"));
        edits.put("mismatched-tags", x -> x.replaceFirst("</row>", "</rov>"));
        edits.put("crossing-tags", x -> cell(x, "<c r=\"Z1\"><v>1</c></v>"));
        edits.put("unclosed", x -> x.replace("</worksheet>", ""));
        edits.put("truncated", x -> x.substring(0, x.length() / 2));
        edits.put("second-root", x -> x + "<worksheet/>");
        edits.put("text-after-root", x -> x + "x");
        edits.put("text-before-root", x -> x.replaceFirst("\\?>", "?>x"));
        edits.put("declaration-late", x -> "\n" + x);
        edits.put("declaration-twice", x -> x.replaceFirst("\\?>", "?><?xml version=\"1.0\"?>"));
        edits.put("declaration-version-2", x -> x.replaceFirst("version=\"1.0\"", "version=\"2.0\""));
        edits.put("declaration-no-version", x -> x.replaceFirst("version=\"1.0\" ", ""));
        edits.put("double-bom", x -> "\uFEFF\uFEFF" + x);
        edits.put("element-in-v", x -> cell(x, "<c r=\"Z1\"><v>1<b/></v></c>"));
        edits.put("bad-name", x -> cell(x, "<1c r=\"Z1\"/>"));
        edits.put("name-with-two-colons", x -> cell(x, "<a:b:c xmlns:a=\"urn:a\"/>"));
        edits.put("empty-prefix-declaration", x -> cell(x, "<y:c xmlns:y=\"\" r=\"Z1\"/>"));
        edits.put("pi-named-xml", x -> x.replace("<sheetData>", "<?XmL x?><sheetData>"));
        edits.put("end-tag-with-attribute", x -> x.replaceFirst("</row>", "</row r=\"1\">"));
        edits.put("cdata-outside-root", x -> x + "<![CDATA[x]]>");
        edits.put("lone-lt", x -> cell(x, "<c r=\"Z1\" t=\"inlineStr\"><is><t>a < b</t></is></c>"));
        edits.put("xml11-literal-c1-control", x -> x.replace("<?xml version=\"1.0\"", "<?xml version=\"1.1\"").replace("</sheetData>", "<row r=\"900\"><c r=\"Z1\" t=\"inlineStr\"><is><t>a\u0080b</t></is></c></row></sheetData>"));
        edits.put("xml11-literal-del", x -> x.replace("<?xml version=\"1.0\"", "<?xml version=\"1.1\"").replace("</sheetData>", "<row r=\"900\"><c r=\"Z1\" t=\"inlineStr\"><is><t>a\u007Fb</t></is></c></row></sheetData>"));
        edits.put("xml11-reference-zero", x -> x.replace("<?xml version=\"1.0\"", "<?xml version=\"1.1\"").replace("</sheetData>", "<row r=\"900\"><c r=\"Z1\" t=\"inlineStr\"><is><t>a&#0;b</t></is></c></row></sheetData>"));
        edits.put("declaration-standalone-maybe", x -> x.replaceFirst("\\?>", " standalone=\"maybe\"?>"));
        edits.put("declaration-encoding-first", x -> x.replaceFirst("<\\?xml[^?]*\\?>", "<?xml encoding=\"UTF-8\" version=\"1.0\"?>"));
        edits.put("reference-unclosed", x -> cell(x, "<c r=\"Z1\" t=\"inlineStr\"><is><t>&amp</t></is></c>"));
        edits.put("bang-junk", x -> x.replace("<sheetData>", "<!ELEMENT x><sheetData>"));
        List<String> differ = new ArrayList<>();
        Map<String, String> told = new LinkedHashMap<>();
        for (Map.Entry<String, UnaryOperator<String>> e : edits.entrySet()) {
            byte[] sheet = e.getValue().apply(new String(form.get(SHEET), StandardCharsets.UTF_8))
                    .getBytes(StandardCharsets.UTF_8);
            Path p = write(e.getKey(), sheet);
            String scanned = reading(p, false);
            String stax = reading(p, true);
            told.put(e.getKey(), stax.startsWith("unreadable") ? stax : "read");
            if (!scanned.equals(stax)) {
                differ.add(e.getKey() + "\n  scanner: " + cut(scanned) + "\n  stax:    " + cut(stax));
            }
        }
        assertThat(differ).isEmpty();
        // The edits reach what they are meant to: the well-formed ones are read, the others refused.
        int firstRefused = new ArrayList<>(edits.keySet()).indexOf("doctype");
        List<String> names = new ArrayList<>(edits.keySet());
        for (int i = 0; i < names.size(); i++) {
            String n = names.get(i);
            if (n.equals("depth-65") || n.equals("depth-66")) {
                continue;
            }
            assertThat(told.get(n)).as(n).matches(i < firstRefused ? "read" : "unreadable: .*");
        }
        assertThat(told.get("doctype")).contains("DOCTYPE");
        assertThat(told.get("depth-66")).contains("嵌套超过 64 层");
    }

    /** Hand edits of the other parts a reading takes: shared strings, styles, the workbook, relationships. */
    @Test
    void editsOfTheOtherPartsReadTheSameAsWithStax() throws IOException {
        Map<String, String[]> edits = new LinkedHashMap<>(); // name -> part, from, to
        edits.put("phonetic-runs", new String[] {"xl/sharedStrings.xml", "<si><t>", "<si><rPh sb=\"0\" eb=\"1\"><t>ピン</t></rPh><t>"});
        edits.put("rich-text", new String[] {"xl/sharedStrings.xml", "<si><t>", "<si><r><rPr><b/></rPr><t xml:space=\"preserve\"> 粗 </t></r><t>"});
        edits.put("prefixed-strings", new String[] {"xl/sharedStrings.xml", "<si>", "<x:si xmlns:x=\"urn:x\">"});
        edits.put("strings-entity", new String[] {"xl/sharedStrings.xml", "<si><t>", "<si><t>&amp;&#x41;&#66;"});
        edits.put("strings-undeclared-entity", new String[] {"xl/sharedStrings.xml", "<si><t>", "<si><t>&foo;"});
        edits.put("strings-doctype", new String[] {"xl/sharedStrings.xml", "<sst", "<!DOCTYPE sst><sst"});
        edits.put("styles-comment", new String[] {"xl/styles.xml", "<cellXfs", "<!-- c --><cellXfs"});
        edits.put("styles-broken", new String[] {"xl/styles.xml", "<cellXfs", "<cellXfs <"});
        edits.put("workbook-1904", new String[] {"xl/workbook.xml", "<sheets>", "<workbookPr date1904=\"1\"/><sheets>"});
        edits.put("workbook-hidden-sheet", new String[] {"xl/workbook.xml", "<sheet ", "<sheet state=\"hidden\" "});
        edits.put("workbook-broken", new String[] {"xl/workbook.xml", "<sheets>", "<sheets"});
        edits.put("rels-single-quotes", new String[] {"xl/_rels/workbook.xml.rels", "Target=\"", "Target = '"});
        edits.put("rels-bom", new String[] {"_rels/.rels", "<?xml", "\uFEFF<?xml"});
        List<String> differ = new ArrayList<>();
        for (Map.Entry<String, String[]> e : edits.entrySet()) {
            String[] edit = e.getValue();
            String xml = new String(form.get(edit[0]), StandardCharsets.UTF_8);
            String changed = edit[0].endsWith(".rels") && edit[1].equals("Target=\"")
                    ? xml.replaceAll("Target=\"([^\"]*)\"", "Target = '$1'") : xml.replaceFirst(
                    java.util.regex.Pattern.quote(edit[1]), java.util.regex.Matcher.quoteReplacement(edit[2]));
            assertThat(changed).as(e.getKey()).isNotEqualTo(xml);
            Map<String, byte[]> parts = new LinkedHashMap<>(form);
            parts.put(edit[0], changed.getBytes(StandardCharsets.UTF_8));
            Path p = dir.resolve(e.getKey() + ".xlsx");
            Files.write(p, zip(parts));
            String scanned = reading(p, false);
            String stax = reading(p, true);
            if (!scanned.equals(stax)) {
                differ.add(e.getKey() + "\n  scanner: " + cut(scanned) + "\n  stax:    " + cut(stax));
            }
        }
        assertThat(differ).isEmpty();
    }

    /** Bytes that are no UTF-8, wherever they are: the strict decoder's message, naming the part. */
    @Test
    void bytesThatAreNoUtf8AreToldAsBefore() throws IOException {
        String x = new String(form.get(SHEET), StandardCharsets.UTF_8);
        int at = x.indexOf("<sheetData>");
        byte[][] bad = {{(byte) 0xC0, (byte) 0x80}, {(byte) 0xED, (byte) 0xA0, (byte) 0x80}, {(byte) 0xF5, 0x41},
            {(byte) 0xE4, (byte) 0xB8}, {(byte) 0x80}, {(byte) 0xF4, (byte) 0x90, (byte) 0x80, (byte) 0x80},
            {(byte) 0xE0, (byte) 0x80, (byte) 0xAF}, {(byte) 0xFF}};
        for (byte[] b : bad) {
            for (String where : List.of("comment", "attribute", "text", "end")) {
                ByteArrayOutputStream out = new ByteArrayOutputStream();
                switch (where) {
                    case "comment" -> {
                        out.writeBytes(x.substring(0, at).concat("<!--").getBytes(StandardCharsets.UTF_8));
                        out.writeBytes(b);
                        out.writeBytes(x.substring(at).replaceFirst("<sheetData>", "--><sheetData>")
                                .getBytes(StandardCharsets.UTF_8));
                    }
                    case "attribute" -> {
                        int c = x.indexOf("<c r=\"") + 6;
                        out.writeBytes(x.substring(0, c).getBytes(StandardCharsets.UTF_8));
                        out.writeBytes(b);
                        out.writeBytes(x.substring(c).getBytes(StandardCharsets.UTF_8));
                    }
                    case "text" -> {
                        String withText = cell(x, "<c r=\"Z1\" t=\"inlineStr\"><is><t>前@后</t></is></c>");
                        int t = withText.indexOf('@');
                        out.writeBytes(withText.substring(0, t).getBytes(StandardCharsets.UTF_8));
                        out.writeBytes(b);
                        out.writeBytes(withText.substring(t + 1).getBytes(StandardCharsets.UTF_8));
                    }
                    default -> {
                        out.writeBytes(form.get(SHEET));
                        out.writeBytes(b);
                    }
                }
                String name = "utf8-" + where + "-" + Integer.toHexString(b[0] & 0xFF);
                compare(name, out.toByteArray());
                assertThat(reading(write(name, out.toByteArray()), false)).as(name)
                        .contains("sheet1.xml 中有无效的字符");
            }
        }
    }

    private static String cut(String s) {
        return s.length() > 400 ? s.substring(0, 400) + "…" : s;
    }

    /** The reading of the form with this sheet is the reading StAX gives; 1 where so. */
    private static int compare(String name, byte[] sheet) throws IOException {
        Path p = write(name, sheet);
        assertThat(reading(p, false)).as(name).isEqualTo(reading(p, true));
        return 1;
    }

    private static Path write(String name, byte[] sheet) throws IOException {
        Map<String, byte[]> parts = new LinkedHashMap<>(form);
        parts.put(SHEET, sheet);
        Path p = dir.resolve(name + ".xlsx");
        Files.write(p, zip(parts));
        return p;
    }

    private static String cell(String x, String cells) {
        return x.replace("</sheetData>", "<row r=\"900\">" + cells + "</row></sheetData>");
    }

    private static String manyAttributes() {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < 70; i++) {
            sb.append("a").append(i).append("=\"").append(i).append("\" ");
        }
        return sb.toString();
    }

    /** Everything the reader gives of a workbook, or its refusal. */
    static String reading(Path p, boolean stax) {
        try {
            return reading(XlsxReader.read(p, p.getFileName().toString(), XlsxReader.Limits.DEFAULT, stax));
        } catch (Workbooks.Unreadable e) {
            return "unreadable: " + e.getMessage();
        }
    }

    /** Everything the reader gave of a workbook, as {@link #reading(Path, boolean)} writes it. */
    static String reading(List<XlsxReader.SheetData> sheets) {
        StringBuilder sb = new StringBuilder();
        for (XlsxReader.SheetData s : sheets) {
            Grid g = s.grid();
            sb.append("sheet ").append(s.name()).append(s.hidden() ? " hidden" : "").append(' ').append(g.rows())
                    .append('x').append(g.cols()).append('\n');
            for (int r = 0; r < g.rows(); r++) {
                sb.append(g.rowHidden(r) ? "h" : "-");
                for (int c = 0; c < g.cols(); c++) {
                    Grid.Value v = g.value(r, c);
                    org.apache.poi.ss.util.CellRangeAddress region = g.region(r, c);
                    if (v.kind() != Grid.Kind.BLANK || v.formula() || region != null) {
                        sb.append(" [").append(c).append(' ');
                        value(sb, v).append(' ').append(region).append(']');
                    }
                }
                sb.append('\n');
            }
            for (int c = 0; c < g.cols(); c++) {
                sb.append(g.colHidden(c) ? 'h' : '-');
            }
            sb.append('\n');
        }
        return sb.toString();
    }

    /**
     * The value as its record's {@code toString()} writes it ("Value[text=…, number=…, percentFormat=…, kind=…,
     * formula=…]"), appended directly: the record's own goes through method handles, slow in the tests' C1-only JVM,
     * and the readings here write tens of thousands of cells.
     */
    static StringBuilder value(StringBuilder sb, Grid.Value v) {
        return sb.append("Value[text=").append(v.text()).append(", number=").append(v.number())
                .append(", percentFormat=").append(v.percentFormat()).append(", kind=").append(v.kind())
                .append(", formula=").append(v.formula()).append(']');
    }

    static Map<String, byte[]> unzip(byte[] bytes) throws IOException {
        Map<String, byte[]> out = new LinkedHashMap<>();
        try (ZipInputStream in = new ZipInputStream(new java.io.ByteArrayInputStream(bytes))) {
            for (ZipEntry e; (e = in.getNextEntry()) != null; ) {
                out.put(e.getName(), in.readAllBytes());
            }
        }
        return out;
    }

    static byte[] zip(Map<String, byte[]> parts) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ZipOutputStream z = new ZipOutputStream(out)) {
            for (Map.Entry<String, byte[]> e : parts.entrySet()) {
                z.putNextEntry(new ZipEntry(e.getKey()));
                z.write(e.getValue());
                z.closeEntry();
            }
        }
        return out.toByteArray();
    }
}
