package bulletin.ingest;

import bulletin.diag.Place;
import bulletin.text.Numbers;
import bulletin.text.Text;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.Enumeration;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipFile;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import org.apache.poi.ss.util.CellRangeAddress;

/**
 * A light .xlsx reader for what the readers need (cell values as saved, number formats for percentages, merged
 * regions, hidden rows, columns and sheets), straight from the package's XML with StAX. It spares every command
 * that only reads workbooks the start-up of POI's full object model, and is strict about hostile files: no DTDs,
 * no external entities, limits on every part's size and compression ratio. Formulas are never evaluated: their
 * saved results are read.
 */
final class XlsxReader {

    /** One sheet: its name, whether it is hidden, its cells. */
    record SheetData(String name, boolean hidden, Grid grid) {
    }

    /** A part may not unpack to more than this, nor at a ratio above {@link #MAX_RATIO}. */
    static final long MAX_PART = 100L * 1024 * 1024;
    static final long MAX_RATIO = 100;

    /** A number this large or larger is shown in exponent form, as Excel does: it holds 15 digits at most. */
    private static final BigDecimal EXPONENT_FROM = BigDecimal.TEN.pow(15);
    private static final String STRICT = "purl.oclc.org/ooxml";
    private static final XMLInputFactory XML = factory();

    private final ZipFile zip;
    private final String shown;
    private final Map<String, ZipEntry> entries = new HashMap<>();
    /** Whether the workbook counts its dates from 1904 rather than 1900 ({@code <workbookPr date1904>}). */
    private boolean date1904;

    private XlsxReader(ZipFile zip, String shown) {
        this.zip = zip;
        this.shown = shown;
    }

    private static XMLInputFactory factory() {
        XMLInputFactory f = XMLInputFactory.newInstance();
        f.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        f.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
        f.setProperty(XMLInputFactory.IS_REPLACING_ENTITY_REFERENCES, false);
        f.setProperty(XMLInputFactory.IS_COALESCING, true);
        // Malformed XML is reported through the exception we turn into a message; never printed by the parser.
        f.setXMLReporter((message, type, info, location) -> {
        });
        return f;
    }

    /** Reads every sheet of {@code file}; the caller has checked its size and kind ({@link Workbooks#check}). */
    static List<SheetData> read(Path file, String shown) throws Workbooks.Unreadable {
        try (ZipFile zip = new ZipFile(file.toFile(), StandardCharsets.UTF_8)) {
            return new XlsxReader(zip, shown).sheets();
        } catch (ZipException e) {
            throw new Workbooks.Unreadable("文件已损坏或不完整，无法作为 .xlsx 打开", e);
        } catch (IOException e) {
            throw new Workbooks.Unreadable("文件已损坏或不完整，无法作为 .xlsx 打开（" + e.getMessage() + "）", e);
        } catch (XMLStreamException e) {
            String m = String.valueOf(e.getMessage()).toLowerCase(java.util.Locale.ROOT);
            if (m.contains("doctype") || m.contains("dtd")) {
                throw new Workbooks.Unreadable("文件中的 XML 含有 DOCTYPE 声明（正常的 Excel 文件不会有，可能是恶意构造的），拒绝读取",
                        e);
            }
            throw new Workbooks.Unreadable("文件已损坏或不完整，其中的内容无法解析", e);
        } catch (RuntimeException e) {
            throw new Workbooks.Unreadable("文件已损坏或不完整，其中的内容无法解析", e);
        }
    }

    private List<SheetData> sheets() throws IOException, XMLStreamException, Workbooks.Unreadable {
        Enumeration<? extends ZipEntry> all = zip.entries();
        while (all.hasMoreElements()) {
            ZipEntry e = all.nextElement();
            if (entries.put(e.getName(), e) != null) {
                throw new Workbooks.Unreadable("文件内有两个同名的部件（" + e.getName() + "），可能被篡改或损坏，拒绝读取", null);
            }
        }
        String workbookPath = officeDocument();
        String base = workbookPath.contains("/") ? workbookPath.substring(0, workbookPath.lastIndexOf('/') + 1) : "";
        Map<String, String> rels = new HashMap<>(); // by id
        Map<String, String> sharedStringsAndStyles = new HashMap<>(); // by the last word of the type
        for (Rel r : relationships(base + "_rels/" + workbookPath.substring(base.length()) + ".rels", base)) {
            rels.put(r.id(), r.target());
            sharedStringsAndStyles.put(r.type().substring(r.type().lastIndexOf('/') + 1), r.target());
        }
        List<String[]> sheetList = new ArrayList<>(); // name, target, state
        XMLStreamReader x = open(workbookPath);
        try {
            while (x.hasNext()) {
                if (next(x) == XMLStreamConstants.START_ELEMENT && x.getLocalName().equals("sheet")) {
                    String rid = attr(x, "id");
                    sheetList.add(new String[] {attr(x, "name"), rels.get(rid), attr(x, "state")});
                } else if (x.isStartElement() && x.getLocalName().equals("workbookPr")) {
                    date1904 = isTrue(attr(x, "date1904"));
                }
            }
        } finally {
            x.close();
        }
        List<String> strings = sharedStrings(sharedStringsAndStyles.get("sharedStrings"));
        Styles styles = styles(sharedStringsAndStyles.get("styles"));
        List<SheetData> out = new ArrayList<>();
        for (String[] s : sheetList) {
            if (s[1] == null) {
                continue;
            }
            Place place = Place.file(shown).sheet(s[0]);
            boolean hidden = "hidden".equals(s[2]) || "veryHidden".equals(s[2]);
            out.add(new SheetData(s[0], hidden, sheet(s[1], place, strings, styles)));
        }
        return out;
    }

    /** The main part named by the package relationships; a Strict Open XML package is refused by name. */
    private String officeDocument() throws IOException, XMLStreamException, Workbooks.Unreadable {
        XMLStreamReader x = open("_rels/.rels");
        try {
            while (x.hasNext()) {
                if (next(x) == XMLStreamConstants.START_ELEMENT && x.getLocalName().equals("Relationship")) {
                    String type = attr(x, "Type");
                    if (type != null && type.contains(STRICT)) {
                        throw new Workbooks.Unreadable("这是“严格 Open XML”格式的工作簿，请另存为普通的 Excel 工作簿（*.xlsx）",
                                null);
                    }
                    if (type != null && type.endsWith("/officeDocument")) {
                        return strip(attr(x, "Target"));
                    }
                }
            }
        } finally {
            x.close();
        }
        throw new Workbooks.Unreadable("文件中没有工作簿部分，不是 Excel 工作簿", null);
    }

    private static String strip(String target) {
        return target.startsWith("/") ? target.substring(1) : target;
    }

    private record Rel(String id, String type, String target) {
    }

    /** The relationships of a part, their targets resolved against the part's folder. */
    private List<Rel> relationships(String relsPath, String base) throws IOException, XMLStreamException,
            Workbooks.Unreadable {
        List<Rel> out = new ArrayList<>();
        if (!entries.containsKey(relsPath)) {
            return out;
        }
        XMLStreamReader x = open(relsPath);
        try {
            while (x.hasNext()) {
                if (next(x) == XMLStreamConstants.START_ELEMENT && x.getLocalName().equals("Relationship")) {
                    String t = attr(x, "Target");
                    String type = attr(x, "Type");
                    if (t != null) {
                        out.add(new Rel(attr(x, "Id"), type == null ? "" : type, t.startsWith("/") ? strip(t) : base + t));
                    }
                }
            }
        } finally {
            x.close();
        }
        return out;
    }

    private List<String> sharedStrings(String path) throws IOException, XMLStreamException, Workbooks.Unreadable {
        List<String> out = new ArrayList<>();
        if (path == null || !entries.containsKey(path)) {
            return out;
        }
        XMLStreamReader x = open(path);
        try {
            StringBuilder si = null;
            int phonetic = 0;
            while (x.hasNext()) {
                int ev = next(x);
                if (ev == XMLStreamConstants.START_ELEMENT) {
                    switch (x.getLocalName()) {
                        case "si" -> si = new StringBuilder();
                        case "rPh" -> phonetic++;
                        case "t" -> {
                            String t = x.getElementText();
                            if (si != null && phonetic == 0) {
                                si.append(t);
                            }
                        }
                        default -> {
                        }
                    }
                } else if (ev == XMLStreamConstants.END_ELEMENT) {
                    if (x.getLocalName().equals("si")) {
                        out.add(si == null ? "" : si.toString());
                        si = null;
                    } else if (x.getLocalName().equals("rPh")) {
                        phonetic--;
                    }
                }
            }
        } finally {
            x.close();
        }
        return out;
    }

    /** Which cell styles (by index) show their number as a percentage, and which as a date or time. */
    private record Styles(BitSet percent, BitSet date) {
    }

    /** The cell styles whose number format shows a percentage or a date, from the styles part. */
    private Styles styles(String path) throws IOException, XMLStreamException, Workbooks.Unreadable {
        Styles out = new Styles(new BitSet(), new BitSet());
        if (path == null || !entries.containsKey(path)) {
            return out;
        }
        Map<Integer, String> formats = new HashMap<>();
        XMLStreamReader x = open(path);
        try {
            boolean inXfs = false;
            int index = 0;
            while (x.hasNext()) {
                int ev = next(x);
                if (ev == XMLStreamConstants.START_ELEMENT) {
                    switch (x.getLocalName()) {
                        case "numFmt" -> formats.put(Integer.parseInt(attr(x, "numFmtId")), attr(x, "formatCode"));
                        case "cellXfs" -> inXfs = true;
                        case "xf" -> {
                            if (inXfs) {
                                String id = attr(x, "numFmtId");
                                int n = id == null ? 0 : Integer.parseInt(id);
                                String code = formats.containsKey(n) ? formats.get(n) : NumberFormats.builtIn(n);
                                if (NumberFormats.isDate(n, formats.get(n))) {
                                    out.date().set(index);
                                } else if (NumberFormats.isPercent(code)) {
                                    out.percent().set(index);
                                }
                                index++;
                            }
                        }
                        default -> {
                        }
                    }
                } else if (ev == XMLStreamConstants.END_ELEMENT && x.getLocalName().equals("cellXfs")) {
                    inXfs = false;
                }
            }
        } finally {
            x.close();
        }
        return out;
    }

    private Grid sheet(String path, Place place, List<String> strings, Styles styles)
            throws IOException, XMLStreamException, Workbooks.Unreadable {
        Map<Long, Grid.Value> cells = new HashMap<>();
        List<CellRangeAddress> merges = new ArrayList<>();
        Set<Integer> hiddenRows = new HashSet<>();
        Set<Integer> hiddenCols = new HashSet<>();
        if (!entries.containsKey(path)) {
            return Grid.of(place, cells, merges, hiddenRows, hiddenCols);
        }
        XMLStreamReader x = open(path);
        try {
            int row = -1;
            int col = -1;
            String type = null;
            int style = 0;
            boolean formula = false;
            String value = null;
            StringBuilder inline = null;
            while (x.hasNext()) {
                int ev = next(x);
                if (ev == XMLStreamConstants.START_ELEMENT) {
                    switch (x.getLocalName()) {
                        case "row" -> {
                            String r = attr(x, "r");
                            row = r == null ? row + 1 : Integer.parseInt(r) - 1;
                            col = -1;
                            if (isTrue(attr(x, "hidden"))) {
                                hiddenRows.add(row);
                            }
                        }
                        case "c" -> {
                            String r = attr(x, "r");
                            if (r != null) {
                                int[] rc = ref(r);
                                row = rc[0];
                                col = rc[1];
                            } else {
                                col++;
                            }
                            type = attr(x, "t");
                            String s = attr(x, "s");
                            style = s == null ? 0 : Integer.parseInt(s);
                            formula = false;
                            value = null;
                            inline = null;
                        }
                        case "f" -> formula = true;
                        case "v" -> value = x.getElementText();
                        case "is" -> inline = new StringBuilder();
                        case "t" -> {
                            String t = x.getElementText();
                            if (inline != null) {
                                inline.append(t);
                            }
                        }
                        case "mergeCell" -> merges.add(CellRangeAddress.valueOf(attr(x, "ref")));
                        case "col" -> hiddenColumns(x, hiddenCols);
                        default -> {
                        }
                    }
                } else if (ev == XMLStreamConstants.END_ELEMENT && x.getLocalName().equals("c")) {
                    Grid.Value v = value(type, value, inline, formula, style, styles, strings);
                    if (v.kind() != Grid.Kind.BLANK || formula) {
                        cells.put(Grid.key(row, col), v);
                    }
                }
            }
        } finally {
            x.close();
        }
        return Grid.of(place, cells, merges, hiddenRows, hiddenCols);
    }

    /** Adds the columns of a hidden {@code <col min max>} element to {@code hiddenCols}. */
    private static void hiddenColumns(XMLStreamReader x, Set<Integer> hiddenCols) {
        if (!isTrue(attr(x, "hidden"))) {
            return;
        }
        int min = Integer.parseInt(attr(x, "min")) - 1;
        int max = Math.min(Integer.parseInt(attr(x, "max")) - 1, 16383);
        for (int c = min; c <= max; c++) {
            hiddenCols.add(c);
        }
    }

    /** An XML boolean attribute: "1" or "true". */
    private static boolean isTrue(String attribute) {
        return "1".equals(attribute) || "true".equals(attribute);
    }

    private Grid.Value value(String type, String v, StringBuilder inline, boolean formula, int style, Styles styles,
                             List<String> strings) {
        // A formula saved without its result (no <v>, or <v></v> as some tools write it) has nothing to read:
        // it must not pass as an empty cell, or its figure is lost without a word. (A text formula whose result is
        // the empty string looks the same once saved; in a figure cell it too is better questioned than dropped.)
        if (formula && (v == null || v.isBlank()) && inline == null) {
            return new Grid.Value("", null, false, Grid.Kind.FORMULA_NO_CACHE, true);
        }
        String t = type == null ? "n" : type;
        switch (t) {
            case "s": {
                int i = Integer.parseInt(v.trim());
                String s = Text.clean(i >= 0 && i < strings.size() ? strings.get(i) : "");
                return new Grid.Value(s, null, false, s.isEmpty() ? Grid.Kind.BLANK : Grid.Kind.TEXT, formula);
            }
            case "inlineStr":
            case "str": {
                String s = Text.clean(inline != null ? inline.toString() : v == null ? "" : v);
                return new Grid.Value(s, null, false, s.isEmpty() ? Grid.Kind.BLANK : Grid.Kind.TEXT, formula);
            }
            case "b":
                return new Grid.Value("1".equals(v) ? "是" : "否", null, false, Grid.Kind.BOOLEAN, formula);
            case "e":
                return new Grid.Value("#错误", null, false, formula ? Grid.Kind.FORMULA_ERROR : Grid.Kind.ERROR, formula);
            default:
                return v == null || v.isBlank() ? Grid.Value.EMPTY : number(v.trim(), formula, style, styles);
        }
    }

    /**
     * A numeric cell: its number as Excel holds it (a double, so what was typed rounded to 15–17 digits), shown as
     * a percentage or a date where its format says so. A number beyond a double's range (which Excel never writes,
     * but a file can hold) is kept as written, however large, for the checks to refuse: it is neither normalised
     * nor written out in full, which for 1E+999999999 would never end. What is no number at all ("NaN", "INF",
     * letters) is kept as text, for the checks to call it that.
     */
    private Grid.Value number(String v, boolean formula, int style, Styles styles) {
        double d;
        try {
            d = Double.parseDouble(v);
        } catch (NumberFormatException e) {
            d = Double.NaN;
        }
        boolean percent = styles.percent().get(style);
        if (Double.isNaN(d) || Double.isInfinite(d)) {
            BigDecimal huge = Double.isNaN(d) ? null : Numbers.parseExact(v);
            return huge == null ? new Grid.Value(Text.clean(v), null, false, Grid.Kind.TEXT, formula)
                    : new Grid.Value(v, huge, percent, Grid.Kind.NUMBER, formula);
        }
        BigDecimal n = Numbers.normalise(new BigDecimal(Double.toString(d)));
        String date = styles.date().get(style) ? NumberFormats.dateText(n, date1904) : null;
        if (date != null) { // a day count shown as a date: its text is the date, its number kept as saved
            return new Grid.Value(date, n, false, Grid.Kind.DATE, formula);
        }
        BigDecimal seen = percent ? n.movePointRight(2) : n;
        // 1E+308, as Excel shows it, not 309 digits.
        String shown = seen.abs().compareTo(EXPONENT_FROM) >= 0 ? seen.stripTrailingZeros().toString()
                : Numbers.format(seen);
        return new Grid.Value(percent ? shown + "%" : shown, n, percent, Grid.Kind.NUMBER, formula);
    }

    /** "F16" → {15, 5}. */
    static int[] ref(String a1) {
        int col = 0;
        int i = 0;
        while (i < a1.length() && Character.isLetter(a1.charAt(i))) {
            col = col * 26 + (Character.toUpperCase(a1.charAt(i)) - 'A' + 1);
            i++;
        }
        return new int[] {Integer.parseInt(a1.substring(i)) - 1, col - 1};
    }

    private XMLStreamReader open(String name) throws IOException, XMLStreamException, Workbooks.Unreadable {
        ZipEntry e = entries.get(name);
        if (e == null) {
            throw new Workbooks.Unreadable("文件不完整：缺少 " + name, null);
        }
        long size = e.getSize();
        long packed = Math.max(1, e.getCompressedSize());
        if (size > MAX_PART || (size > 1024 * 1024 && size / packed > MAX_RATIO)) {
            throw new Workbooks.Unreadable("文件的压缩比异常（疑似“压缩炸弹”），拒绝读取", null);
        }
        byte[] bytes;
        try (InputStream in = zip.getInputStream(e)) {
            bytes = in.readNBytes((int) Math.min(MAX_PART + 1, Math.max(size, 0) + 1 + (size < 0 ? MAX_PART : 0)));
        }
        if (bytes.length > MAX_PART || (size >= 0 && bytes.length > size)) {
            throw new Workbooks.Unreadable("文件的压缩比异常（疑似“压缩炸弹”），拒绝读取", null);
        }
        // Decoded here, strictly: the JDK's parser prints its own complaint about bad UTF-8 to stderr.
        String text;
        try {
            text = StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(java.nio.charset.CodingErrorAction.REPORT)
                    .onUnmappableCharacter(java.nio.charset.CodingErrorAction.REPORT)
                    .decode(java.nio.ByteBuffer.wrap(bytes)).toString();
        } catch (java.nio.charset.CharacterCodingException bad) {
            throw new Workbooks.Unreadable("文件已损坏或不完整（" + name + " 中有无效的字符），无法作为 .xlsx 打开", bad);
        }
        if (text.startsWith("\uFEFF")) {
            text = text.substring(1);
        }
        return XML.createXMLStreamReader(new java.io.StringReader(text));
    }

    /** The next event; a DOCTYPE is refused: a real workbook never has one. */
    private static int next(XMLStreamReader x) throws XMLStreamException {
        int ev = x.next();
        if (ev == XMLStreamConstants.DTD) {
            throw new XMLStreamException("DOCTYPE");
        }
        return ev;
    }

    private static String attr(XMLStreamReader x, String local) {
        for (int i = 0; i < x.getAttributeCount(); i++) {
            if (x.getAttributeLocalName(i).equals(local)) {
                return x.getAttributeValue(i);
            }
        }
        return null;
    }
}
