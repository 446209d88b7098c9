package bulletin.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.Stream;
import javax.xml.stream.XMLStreamException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A cell read whole ({@link XmlScanner#wholeCell}: {@code <c …>}, its formula, its value and {@code </c>} in one
 * call) gives what reading its events gives, and leaves the scanner where they leave it: the same inputs are read
 * with whole cells tried before every event and by the events alone, as the reader takes a cell (its
 * reference, type, style, formula, whole number or text), with every other event and refusal between, whole and in
 * pieces (so that cells are cut where the bytes read so far end). Inputs: the sheets of committed workbooks, random
 * cells made of what the whole-cell path must tell apart, and hand edits of a form's cells; and, through the reader,
 * hand-edited workbooks read as the JDK's StAX parser reads them (the same grid, or the same refusal).
 */
class XmlScannerWholeCellTest {

    @TempDir
    static Path dir;

    private static final String SHEET = "xl/worksheets/sheet1.xml";

    @Test
    void committedSheetsReadTheSameWithWholeCells() throws IOException {
        List<byte[]> sheets = new ArrayList<>();
        for (String root : List.of("samples/miluo-2026/progress/2026-06", "app/src/test/golden")) {
            try (Stream<Path> s = Files.walk(Path.of(root))) {
                for (Path p : s.filter(x -> x.toString().endsWith(".xlsx")).sorted().toList()) {
                    XmlScannerTest.unzip(Files.readAllBytes(p)).forEach((name, bytes) -> {
                        if (name.contains("worksheets/sheet")) {
                            sheets.add(bytes);
                        }
                    });
                }
            }
        }
        assertThat(sheets).hasSizeGreaterThan(40);
        Tally t = compare(sheets, 1, 61);
        assertThat(t.refused).isZero();
        assertThat(t.whole).isGreaterThan(10_000);
        assertThat(t.events).isGreaterThan(t.whole / 4); // rows, cells cut by the pieces' ends and the rest
    }

    @Test
    void randomCellsReadTheSameWithWholeCells() {
        Random rnd = new Random(20261207);
        List<byte[]> docs = new ArrayList<>();
        for (int i = 0; i < 1_000; i++) {
            docs.add(randomSheet(rnd));
        }
        Tally t = compare(docs, 2, 13);
        assertThat(t.read).isGreaterThan(200);
        assertThat(t.refused).isGreaterThan(200);
        assertThat(t.whole).isGreaterThan(2_000);
    }

    @Test
    void handEditedCellsReadTheSameWithWholeCells() throws IOException {
        String sheet = new String(formParts().get(SHEET), StandardCharsets.UTF_8);
        Random rnd = new Random(11);
        List<byte[]> edits = new ArrayList<>();
        for (int i = 0; i < 120; i++) {
            edits.add(editCells(sheet, rnd).getBytes(StandardCharsets.UTF_8));
        }
        Tally t = compare(edits, 3, 211);
        assertThat(t.read).isGreaterThan(60);
        assertThat(t.refused).isGreaterThan(20);
        assertThat(t.whole).isGreaterThan(20_000);
    }

    /** Through the reader: hand-edited cells give the grid the JDK's StAX reading gives, or the same refusal. */
    @Test
    void handEditedWorkbooksReadAsWithStax() throws IOException {
        Map<String, byte[]> form = formParts();
        String sheet = new String(form.get(SHEET), StandardCharsets.UTF_8);
        Random rnd = new Random(5);
        int read = 0;
        for (int i = 0; i < 6; i++) {
            Map<String, byte[]> parts = new LinkedHashMap<>(form);
            parts.put(SHEET, editCells(sheet, rnd).getBytes(StandardCharsets.UTF_8));
            Path p = dir.resolve("edit-" + i + ".xlsx");
            Files.write(p, XmlScannerTest.zip(parts));
            String stax = XmlScannerTest.reading(p, true);
            assertThat(XmlScannerTest.reading(p, false)).as("edit %d", i).isEqualTo(stax);
            read += stax.startsWith("unreadable") ? 0 : 1;
        }
        assertThat(read).isBetween(1, 5);
    }

    /**
     * Shared strings read whole ({@link XmlScanner#wholeString}) give the texts the events give, as the reader
     * takes them (rich text's runs joined, phonetic runs left out), with the same refusals; a text given its very
     * bytes as known comes back as the known string, any other as its own.
     */
    @Test
    void sharedStringsReadTheSameWhole() {
        Random rnd = new Random(3);
        int read = 0;
        int whole = 0;
        for (int i = 0; i < 1_000; i++) {
            byte[] sst = randomStrings(rnd);
            for (int piece : new int[] {1 << 20, 1 + rnd.nextInt(29)}) {
                List<String> events = strings(sst, false, piece, null);
                int[] n = new int[1];
                assertThat(strings(sst, true, piece, n)).as("input %d (piece %d): %s", i, piece, Pieces.show(sst, 800))
                        .isEqualTo(events);
                read += events.get(events.size() - 1).equals("EOF") ? 1 : 0;
                whole += n[0];
            }
        }
        assertThat(read).isBetween(300, 1_950);
        assertThat(whole).isGreaterThan(1_300);
    }

    /** The known text the whole-string reading is given (the bytes "已知", a string of its own). */
    private static final byte[] KNOWN = "已知".getBytes(StandardCharsets.UTF_8);
    private static final String KNOWN_TEXT = new String("已知".toCharArray());

    /** The texts of a shared strings part as the reader takes them, whole items tried first where {@code whole}. */
    private static List<String> strings(byte[] xml, boolean whole, int piece, int[] wholes) {
        List<String> out = new ArrayList<>();
        XmlScanner x = new XmlScanner(new Pieces(xml, piece), XlsxReader.MAX_DEPTH, true);
        try {
            boolean between = false;
            boolean inSi = false;
            StringBuilder item = null;
            int phonetic = 0;
            while (true) {
                String w = whole && between && phonetic == 0 ? x.wholeString(KNOWN, KNOWN_TEXT) : null;
                if (w != null) {
                    wholes[0]++;
                    out.add((w == KNOWN_TEXT ? "K " : "T ") + w + " at " + x.localName());
                    continue;
                }
                int ev = x.next();
                if (ev == XmlScanner.EOF) {
                    break;
                }
                String name = x.localName();
                between = ev == XmlScanner.START ? name.equals("sst") : name.equals("si");
                if (ev == XmlScanner.START && name.equals("si")) {
                    inSi = true;
                    item = null;
                } else if (ev == XmlScanner.START && name.equals("rPh")) {
                    phonetic++;
                } else if (ev == XmlScanner.START && name.equals("t")) {
                    String t = inSi && phonetic == 0 && item == null ? x.elementText(KNOWN, KNOWN_TEXT) : x.elementText();
                    if (inSi && phonetic == 0) {
                        item = item == null ? new StringBuilder(t == KNOWN_TEXT ? "K " : "T ").append(t) : item.append(t);
                    }
                } else if (ev == XmlScanner.END && name.equals("si")) {
                    out.add((item == null || !inSi ? "T " : item.toString()) + " at si");
                    inSi = false;
                    item = null;
                } else if (ev == XmlScanner.END && name.equals("rPh")) {
                    phonetic--;
                } else {
                    out.add((ev == XmlScanner.START ? "S " : "E ") + name);
                }
            }
            out.add("EOF");
        } catch (XMLStreamException | RuntimeException e) {
            out.add("refused: " + e.getClass().getSimpleName() + " " + e.getMessage());
        } finally {
            x.close();
        }
        return out;
    }

    private static final String[] TEXTS = {"已知", "已知", "编码", "", "abc", "a b", "1.5", "已知x", "已", "&amp;",
        "a&lt;b", "&bogus;", "]]>", "a]b", "\r\n", "\t", "é", "\u2028", "\u007f", "😀", "&#65;", "<!-- c -->",
        "<![CDATA[x]]>"};
    private static final String[] ITEMS = {"<si><t>@</t></si>", "<si><t>@</t></si>", "<si><t>@</t></si>",
        "<si><t xml:space=\"preserve\"> @ </t></si>", "<si><r><t>@</t></r><r><t>@</t></r></si>",
        "<si><t>@</t><rPh sb=\"0\" eb=\"1\"><t>@</t></rPh></si>", "<si/>", "<si></si>", "<si><t/></si>",
        "<si> <t>@</t></si>", "<si><t>@</t> </si>", "<si><t>@</t></si >", "<si><t>@</t></sx>", "<si><t>@</si>",
        "<si><t>@</t><t>@</t></si>", "\n", "<x/>"};

    private static byte[] randomStrings(Random rnd) {
        StringBuilder s = new StringBuilder(rnd.nextInt(6) == 0 ? "<?xml version=\"1.1\"?>" : "");
        s.append("<sst xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\">");
        int odd = new int[] {0, 5, 30}[rnd.nextInt(3)];
        int items = rnd.nextInt(12);
        for (int k = 0; k < items; k++) {
            String item = rnd.nextInt(100) < odd ? pick(rnd, ITEMS) : "<si><t>@</t></si>";
            while (item.contains("@")) {
                item = item.replaceFirst("@", java.util.regex.Matcher.quoteReplacement(rnd.nextInt(100) < odd
                        ? pick(rnd, TEXTS) : pick(rnd, "已知", "已知", "编码", "abc", "12")));
            }
            s.append(item);
        }
        return s.append(rnd.nextInt(100) < odd ? "" : "</sst>").toString().getBytes(StandardCharsets.UTF_8);
    }

    // ------------------------------------------------------------------------------------------- the comparison

    /** What a group of inputs gave: readings that ended well, refusals, cells read whole, events read. */
    private static final class Tally {
        int read;
        int refused;
        int whole;
        int events;
    }

    private static Tally compare(List<byte[]> inputs, long seed, int largestPiece) {
        Tally t = new Tally();
        for (int i = 0; i < inputs.size(); i++) {
            byte[] in = inputs.get(i);
            for (int piece : new int[] {1 << 20, 1 + (int) ((seed * 31 + i) % largestPiece)}) {
                List<String> careful = cells(in, false, piece, null);
                List<String> whole = cells(in, true, piece, t);
                assertThat(whole).as("input %d (piece %d): %s", i, piece, Pieces.show(in, 800)).isEqualTo(careful);
                if (careful.get(careful.size() - 1).equals("EOF")) {
                    t.read++;
                } else {
                    t.refused++;
                }
            }
        }
        return t;
    }

    /**
     * What the scanner gives for {@code xml} as the reader takes a sheet, as lines: a cell as one line at its end
     * (whole cells tried before every event where {@code whole}; else the events alone, whose fast paths
     * XmlScannerFastPathTest holds to the careful path's), every other start tag with its attributes, every other
     * end tag; a refusal ends it.
     */
    private static List<String> cells(byte[] xml, boolean whole, int piece, Tally tally) {
        List<String> out = new ArrayList<>();
        XmlScanner x = new XmlScanner(new Pieces(xml, piece), XlsxReader.MAX_DEPTH, true);
        XlsxReader.CellRead c = new XlsxReader.CellRead();
        try {
            while (true) {
                if (whole && x.wholeCell(c)) {
                    tally.whole++;
                    out.add(cell(c, x.localName()));
                    continue;
                }
                int ev = x.next();
                if (ev == XmlScanner.EOF) {
                    break;
                }
                if (tally != null) {
                    tally.events++;
                }
                event(x, ev, c, out);
            }
            out.add("EOF");
        } catch (XMLStreamException | RuntimeException e) {
            out.add("refused: " + e.getClass().getSimpleName() + " " + e.getMessage());
        } finally {
            x.close();
        }
        return out;
    }

    /** One event as the reader takes it: a cell's parts into {@code c}, its end as a line; others as lines. */
    private static void event(XmlScanner x, int ev, XlsxReader.CellRead c, List<String> out)
            throws XMLStreamException {
        String name = x.localName();
        if (ev == XmlScanner.END) {
            if (name.equals("c")) {
                out.add(cell(c, name));
            } else if (!name.equals("f")) {
                out.add("E " + name);
            }
            return;
        }
        switch (name) {
            case "c" -> {
                c.ref = x.attrCell("r");
                String r = c.ref >= 0 ? null : x.attr("r");
                c.type = x.attr("t");
                int s = x.attrDigits("s");
                c.style = s >= 0 ? s : x.attr("s") == null ? 0 : -1;
                c.formula = false;
                c.whole = XlsxReader.NOT_WHOLE;
                c.text = null;
                if (r != null || c.style < 0) { // written otherwise than plainly: the events' reading alone
                    out.add("S c r=" + r + " s=" + x.attr("s"));
                    c.ref = -2;
                }
            }
            case "f" -> c.formula = true;
            case "v" -> {
                boolean index = "s".equals(c.type);
                c.whole = index || c.type == null || "n".equals(c.type) ? x.elementWhole(index) : XlsxReader.NOT_WHOLE;
                c.text = c.whole != XlsxReader.NOT_WHOLE ? null : x.elementText();
            }
            default -> out.add("S " + name + " r=" + x.attr("r") + " ref=" + x.attr("ref") + " t=" + x.attr("t"));
        }
    }

    /** A cell as the reader takes it, and the local name the scanner gives past it. */
    private static String cell(XlsxReader.CellRead c, String localName) {
        String ref = c.ref >= 0 ? (c.ref >> 20) + ":" + (c.ref & 0xFFFFF) : c.ref == -2 ? "text" : "-";
        return "C " + ref + " t=" + c.type + " s=" + c.style + " f=" + c.formula + " n="
                + (c.whole == XlsxReader.NOT_WHOLE ? "-" : c.whole) + " v=" + c.text + " at " + localName;
    }

    private static Map<String, byte[]> formParts() throws IOException {
        try (Stream<Path> s = Files.list(Path.of("samples/miluo-2026/progress/2026-05"))) {
            Path first = s.filter(p -> p.toString().endsWith(".xlsx")).sorted().findFirst().orElseThrow();
            return XmlScannerTest.unzip(Files.readAllBytes(first));
        }
    }

    // ------------------------------------------------------------------------------------------- the inputs

    /** A cell's attributes: plain ones mostly, and what the whole-cell path must leave to the events. */
    private static final String[] REFS = {" r=\"B2\"", " r=\"AA10\"", " r=\"XFD1048576\"", "", " r='C3'", " r=\"b2\"",
        " r=\"A0\"", " r=\"A1 \"", " r=\"A&#49;\"", " r=\"ABCD1\"", " r=\"A1234567890\"", " r=\"\"", "  r=\"D4\"",
        "\nr=\"D4\"", " r=\"D4\" r=\"D5\""};
    private static final String[] TYPES = {"", " t=\"s\"", " t=\"n\"", " t=\"str\"", " t=\"b\"", " t=\"e\"",
        " t=\"inlineStr\"", " t=\"d\"", " t=\"S\"", " t=\"s \"", " t=\"&#115;\"", " t=\"string\"", " t='s'",
        " t=\"1\"", " t=\"\""};
    private static final String[] STYLES = {"", " s=\"0\"", " s=\"7\"", " s=\"012\"", " s=\"1234567890\"",
        " s=\"-1\"", " s=\" 3\"", " s=\"x\"", " s=\"\""};
    private static final String[] OTHER_ATTRIBUTES = {" cm=\"1\"", " x:r=\"A1\"", " xmlns:x=\"urn:x\"", " rr=\"1\"",
        " r=\"B1\"", " t=\"s\"", " s=\"1\"", " =\"1\"", " r", " s=\"1\"/"};
    private static final String[] FORMULAS = {"", "<f>SUM(A1:A2)</f>", "<f>IF(A1&lt;0,\"小于0\",\"✓\")</f>",
        "<f>A1&amp;&quot;&apos;&gt;</f>", "<f/>", "<f t=\"shared\" si=\"0\"/>",
        "<f t=\"shared\" ref=\"A1:A9\" si=\"0\">A1+1</f>", "<f></f>", "<f>]]&gt;</f>", "<f>a]]>b</f>", "<f>]]</f>",
        "<f>&bogus;</f>", "<f>&foo;</f>", "<f>&ltx;</f>", "<f>&lt</f>", "<f>&quo;</f>", "<f>&#65;</f>", "<f>&#1;</f>", "<f>a<!-- c -->b</f>", "<f><![CDATA[x]]></f>",
        "<f>\u007f</f>", "<f>é😀</f>", "<f>\r\n\t</f>", "<f t=\"a\" t=\"b\">1</f>", "<f xmlns:y=\"urn:y\">1</f>",
        "<f >1</f>", "<f>1</f >", "<f>1</v>", "<formula>1</formula>", "<f ab=\"1\" cb=\"2\">1</f>"};
    private static final String[] VALUES = {"", "<v>12</v>", "<v>-3</v>", "<v>185.0</v>", "<v>1.5</v>",
        "<v>1.0000</v>", "<v>123456789012345</v>", "<v>1234567890123456</v>", "<v>1234567890</v>", "<v></v>",
        "<v/>", "<v>中文</v>", "<v>a&amp;b</v>", "<v>]]></v>", "<v> 5</v>", "<v>5\r\n</v>", "<v>TRUE</v>",
        "<v>#N/A</v>", "<v>1E3</v>", "<v>é</v>", "<v>5<!-- c --></v>", "<v t=\"x\">5</v>", "<v>5</v >",
        "<v>5</c>", "<v>\u0085</v>", "<is><t>内联</t></is>", "<v>7</v><v>8</v>"};
    private static final String[] BETWEEN = {"", "", "", "", " ", "\n  ", "<!-- c -->", "<?pi x?>", "text"};
    private static final String[] ENDS = {"</c>", "</c>", "</c>", "</c>", "</c >", "</C>", "</cc>", ""};

    /** A sheet of random cells in random rows (with a declaration, XML 1.1 or none), mostly well-formed. */
    private static byte[] randomSheet(Random rnd) {
        int odd = new int[] {0, 4, 25}[rnd.nextInt(3)]; // in a hundred
        StringBuilder s = new StringBuilder();
        switch (rnd.nextInt(8)) {
            case 0 -> s.append("<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n");
            case 1 -> s.append("<?xml version=\"1.1\"?>");
            default -> {
            }
        }
        s.append("<worksheet xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\"><sheetData>");
        int rows = 1 + rnd.nextInt(5);
        for (int r = 1; r <= rows; r++) {
            s.append("<row r=\"").append(r).append("\"").append(rnd.nextInt(5) == 0 ? " hidden=\"1\"" : "").append('>');
            int cells = rnd.nextInt(8);
            for (int k = 0; k < cells; k++) {
                s.append(randomCell(rnd, odd));
            }
            s.append(rnd.nextInt(100) < odd ? pick(rnd, "</row >", "", "</c>") : "</row>");
        }
        s.append("</sheetData><mergeCells><mergeCell ref=\"A1:B1\"/></mergeCells></worksheet>");
        return s.toString().getBytes(StandardCharsets.UTF_8);
    }

    private static String randomCell(Random rnd, int odd) {
        boolean o = rnd.nextInt(100) < odd;
        StringBuilder c = new StringBuilder("<c");
        c.append(o && rnd.nextBoolean() ? pick(rnd, REFS) : rnd.nextInt(6) == 0 ? "" : " r=\"" + (char) ('A'
                + rnd.nextInt(26)) + (1 + rnd.nextInt(99)) + "\"");
        c.append(rnd.nextInt(100) < odd ? pick(rnd, TYPES) : pick(rnd, "", " t=\"s\"", " t=\"n\"", " t=\"str\""));
        c.append(rnd.nextInt(100) < odd ? pick(rnd, STYLES) : rnd.nextBoolean() ? " s=\"" + rnd.nextInt(20) + "\"" : "");
        if (rnd.nextInt(100) < odd) {
            c.append(pick(rnd, OTHER_ATTRIBUTES));
        }
        if (rnd.nextInt(5) == 0) {
            return c.append(pick(rnd, "/>", "/>", " />", "/ >")).toString();
        }
        c.append('>');
        c.append(rnd.nextInt(100) < odd ? pick(rnd, BETWEEN) : "");
        c.append(rnd.nextInt(100) < odd ? pick(rnd, FORMULAS) : pick(rnd, "", "", "<f>A1+B1</f>", "<f>IF(A1&lt;0,\"✓\")</f>"));
        c.append(rnd.nextInt(100) < odd ? pick(rnd, BETWEEN) : "");
        c.append(rnd.nextInt(100) < odd ? pick(rnd, VALUES) : pick(rnd, "<v>" + rnd.nextInt(300) + "</v>", "<v>12.5</v>",
                "<v>" + rnd.nextInt(9) + ".0</v>", "<v>文字</v>", ""));
        c.append(rnd.nextInt(100) < odd ? pick(rnd, BETWEEN) : "");
        return c.append(rnd.nextInt(100) < odd ? pick(rnd, ENDS) : "</c>").toString();
    }

    /** Edits put into a form's cells: at a cell's attributes, its value or its end, or a whole cell put in. */
    private static final String[] CELL_EDITS = {" cm=\"1\"", " r=\"A1\"", " t=\"str\"", " t=\"inlineStr\"",
        " s=\"01\"", " r=\"a1\"", " xmlns:q=\"urn:q\"", " x=\"&amp;\"", " t=\"s\" t=\"s\"", "\n"};
    private static final String[] VALUE_EDITS = {"<v/>", "<v></v>", "<v>1&#48;</v>", "<v> 7 </v>", "<v>-0.0</v>",
        "<v>99999999999999999</v>", "<v>中</v>", "<is><t>内联</t></is>", "<v>1</v><f>A1</f>", "<v>]]></v>",
        "<v>\r</v>", "<v>\u2028</v>"};

    private static String editCells(String sheet, Random rnd) {
        String s = sheet;
        int edits = 1 + rnd.nextInt(3);
        for (int e = 0; e < edits; e++) {
            int at = s.indexOf("<c ", rnd.nextInt(s.length()));
            if (at < 0) {
                at = s.indexOf("<c ");
            }
            int end = s.indexOf("</c>", at);
            int close = s.indexOf('>', at);
            switch (rnd.nextInt(4)) {
                case 0 -> s = s.substring(0, at + 2) + pick(rnd, CELL_EDITS) + s.substring(at + 2);
                case 1 -> {
                    int v = s.indexOf("<v>", at);
                    if (v > 0 && v < end) {
                        s = s.substring(0, v) + pick(rnd, VALUE_EDITS) + s.substring(s.indexOf("</v>", v) + 4);
                    }
                }
                case 2 -> s = s.substring(0, close + 1) + pick(rnd, "<f>A1&amp;\"中\"</f>", "<f/>", " ", "<!---->")
                        + s.substring(close + 1);
                default -> s = s.substring(0, at) + pick(rnd, "<c r=\"Z9\" t=\"s\"><v>0</v></c>", "<c/>",
                        "<c r=\"Z9\"><v>1E999</v></c>", "<c r=\"Z9\" t=\"e\"><v>#DIV/0!</v></c>") + s.substring(at);
            }
        }
        return s;
    }

    @SafeVarargs
    private static <T> T pick(Random rnd, T... from) {
        return from[rnd.nextInt(from.length)];
    }
}
