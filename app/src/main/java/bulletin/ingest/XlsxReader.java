package bulletin.ingest;

import bulletin.diag.Place;
import bulletin.text.Numbers;
import bulletin.text.Text;
import java.io.FilterInputStream;
import java.io.FilterReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PushbackReader;
import java.io.Reader;
import java.math.BigDecimal;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.Enumeration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
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
 *
 * <p>Nothing is allocated by a size the file declares: parts are streamed, never held whole, and a workbook may
 * unpack to {@link Limits#bytes} in all and take {@link Limits#nanos} to read; it may hold {@link #MAX_CELLS}
 * cells with a value, each within {@link Grid#MAX_ROWS} × {@link Grid#MAX_COLS}, and {@link #MAX_MERGES} merged
 * regions crossing {@link #MAX_MERGED_ROWS} rows in all. Every limit is far above any real form or table (a
 * monthly form unpacks to about 40 KB and has about 400 cells, a city's target table 100 merged regions); a
 * workbook beyond one is unreadable, with the reason, and the other workbooks are still read.
 */
final class XlsxReader {

    /** One sheet: its name, whether it is hidden, its cells. */
    record SheetData(String name, boolean hidden, Grid grid) {
    }

    /**
     * What reading one workbook may cost: the bytes its parts unpack to, in all, and the time.
     *
     * @param bytes the XML read from the zip, all parts together
     * @param nanos the time from opening the file to its last sheet
     */
    record Limits(long bytes, long nanos) {
        static final Limits DEFAULT = new Limits(MAX_TOTAL, java.util.concurrent.TimeUnit.SECONDS.toNanos(MAX_SECONDS));
    }

    /** All the parts of a workbook may not unpack to more than this (a form's are about 40 KB, a table's 1 MB). */
    static final long MAX_TOTAL = 32L * 1024 * 1024;
    /** Nor take longer than this to read (a form takes a few milliseconds). */
    static final long MAX_SECONDS = 20;
    /** A part above 1 MB may not unpack at a ratio above this (a zip bomb's is in the thousands). */
    static final long MAX_RATIO = 100;
    /** Cells with a value, in all sheets (a form has about 400, a province's target table about 15,000). */
    static final int MAX_CELLS = 200_000;
    /** Merged regions, in all sheets (a form has 5, a city's target table 100). */
    static final int MAX_MERGES = 20_000;
    /** The rows that merged regions cross, added up over all regions (within the sheet's bounds). */
    static final long MAX_MERGED_ROWS = 200_000;
    /** Shared strings (a table has a few thousand). */
    static final int MAX_STRINGS = 1_000_000;
    /** Sheets in a workbook (a form has 2). */
    static final int MAX_SHEETS = 1_000;
    /** XML elements nested deeper than this are no spreadsheet (a cell's text is seven deep). */
    static final int MAX_DEPTH = 64;

    /** A number this large or larger is shown in exponent form, as Excel does: it holds 15 digits at most. */
    private static final BigDecimal EXPONENT_FROM = BigDecimal.TEN.pow(15);
    private static final String STRICT = "purl.oclc.org/ooxml";
    private static final String BOMB = "文件解压后的内容异常庞大（疑似“压缩炸弹”），拒绝读取";
    /** The JDK's StAX factory, made only where the reference reading is asked for. */
    private static final class Jdk {
        static final XMLInputFactory XML = factory();
    }

    /** The package read through the JDK's ZipFile (the reference), or read by us ({@link ZipBytes}): one is null. */
    private final ZipFile zip;
    private final ZipBytes bytes;
    private final String shown;
    private final Limits limits;
    private final long deadline;
    private final Map<String, ZipEntry> entries = new HashMap<>();
    /** Whether the workbook counts its dates from 1904 rather than 1900 ({@code <workbookPr date1904>}). */
    private boolean date1904;
    /** The bytes unpacked so far, all parts together; cells with a value, merged regions and their rows so far. */
    private long unpacked;
    private int cellCount;
    private int mergeCount;
    private long mergedRows;
    /** The values of shared-string cells without a formula, by the string's index, made once per workbook. */
    private Grid.Value[] sharedValues;
    /** Why reading stopped where a limit was met inside the XML parser (which wraps what it is thrown). */
    private String refusal;
    /** This thread's shared strings of the workbook read before, taken while the shared strings are read. */
    private Memo memo;

    /**
     * The shared strings of the last workbook read on this thread, by index: the bytes each was written as (where
     * plainly), the string made of them, and the value of a cell showing it without a formula. The next workbook's
     * strings that are the very same bytes at the same index (a form's headers, codes, indicators and units: the
     * same in every unit's form and every month's) are given these strings and values again, without their text
     * decoded, cleaned and looked up again. Up to {@link #MOST} strings are kept.
     */
    private static final class Memo {
        private static final ThreadLocal<Memo> SPARE = new ThreadLocal<>();
        static final int MOST = 4_096;
        private byte[][] raw = new byte[256][];
        private String[] text = new String[256];
        private Grid.Value[] value = new Grid.Value[256];

        /** This thread's memo (or a new one where another reading holds it). */
        static Memo take() {
            Memo m = SPARE.get();
            if (m == null) {
                return new Memo();
            }
            SPARE.set(null);
            return m;
        }

        void give() {
            SPARE.set(this);
        }

        /** The text of the {@code <t>} just started, the first of shared string {@code k}: the kept one where the same. */
        String text(Part x, int k) throws XMLStreamException {
            if (k >= MOST) {
                return x.elementText();
            }
            if (k >= raw.length) { // room for k: items without a text (<si/>) may have passed uncounted here
                int n = Math.min(MOST, Math.max(raw.length * 2, k + 1));
                raw = java.util.Arrays.copyOf(raw, n);
                text = java.util.Arrays.copyOf(text, n);
                value = java.util.Arrays.copyOf(value, n);
            }
            String t = x.elementText(raw[k], text[k]);
            if (t != text[k]) {
                raw[k] = x.plainBytes();
                text[k] = t;
                value[k] = null;
            }
            return t;
        }

        /** Shared string {@code k} read whole ({@link Part#wholeString}): the kept one where the same; null where not plain. */
        String whole(Part x, int k) {
            if (k >= MOST) {
                return x.wholeString(null, null);
            }
            if (k >= raw.length) {
                return null; // the events read it (and make room)
            }
            String t = x.wholeString(raw[k], text[k]);
            if (t != null && t != text[k]) {
                raw[k] = x.plainBytes();
                text[k] = t;
                value[k] = null;
            }
            return t;
        }

        /** The value kept for shared string {@code k} where this workbook's is the very string kept; else null. */
        Grid.Value value(int k, String s) {
            return k < text.length && text[k] == s ? value[k] : null;
        }

        /** Keeps {@code v} as the value of shared string {@code k} where this workbook's is the very string kept. */
        void value(int k, String s, Grid.Value v) {
            if (k < text.length && text[k] == s) {
                value[k] = v;
            }
        }
    }

    /** Whether the parts are read by the JDK's StAX parser (the reference) rather than {@link XmlScanner}. */
    private final boolean stax;

    private XlsxReader(ZipFile zip, ZipBytes bytes, String shown, Limits limits, long start, boolean stax) {
        this.stax = stax;
        this.zip = zip;
        this.bytes = bytes;
        this.shown = shown;
        this.limits = limits;
        this.deadline = start + limits.nanos();
    }

    private static XMLInputFactory factory() {
        XMLInputFactory f = XMLInputFactory.newInstance();
        f.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        f.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
        f.setProperty(XMLInputFactory.IS_REPLACING_ENTITY_REFERENCES, false);
        f.setProperty(XMLInputFactory.IS_COALESCING, true);
        f.setProperty("jdk.xml.maxElementDepth", String.valueOf(MAX_DEPTH));
        // The JDK's defaults, set here so that a system property cannot make the reference differ from the scanner.
        f.setProperty("jdk.xml.elementAttributeLimit", String.valueOf(XmlScanner.MAX_ATTRIBUTES));
        f.setProperty("jdk.xml.maxXMLNameLimit", String.valueOf(XmlScanner.MAX_NAME));
        // Malformed XML is reported through the exception we turn into a message; never printed by the parser.
        f.setXMLReporter((message, type, info, location) -> {
        });
        return f;
    }

    /** Reads every sheet of {@code file}; the caller has checked its size and kind ({@link Workbooks#check}). */
    static List<SheetData> read(Path file, String shown) throws Workbooks.Unreadable {
        return read(file, shown, Limits.DEFAULT);
    }

    /** Reads every sheet of {@code file} within {@code limits}. */
    static List<SheetData> read(Path file, String shown, Limits limits) throws Workbooks.Unreadable {
        return read(file, shown, limits, false);
    }

    /**
     * Reads every sheet of {@code file} within {@code limits}, with the JDK's StAX parser where {@code stax} (the
     * reference the scanner is tested against), else with {@link XmlScanner}.
     */
    static List<SheetData> read(Path file, String shown, Limits limits, boolean stax) throws Workbooks.Unreadable {
        return read(file, shown, limits, stax, stax);
    }

    /**
     * Reads every sheet of {@code file} within {@code limits}, its zip read by {@link ZipBytes} unless {@code zipFile}
     * (then by the JDK's ZipFile, the reference it is tested against, as it is for {@code stax}). A zip that
     * {@link ZipBytes} does not read (any but the plainest) is read again from the start through ZipFile, which reads or
     * refuses it as it does: the same time limit counts from the first start.
     */
    static List<SheetData> read(Path file, String shown, Limits limits, boolean stax, boolean zipFile)
            throws Workbooks.Unreadable {
        long start = System.nanoTime();
        if (!zipFile) {
            XlsxReader reader = null;
            try (ZipBytes bytes = ZipBytes.open(file)) {
                reader = new XlsxReader(null, bytes, shown, limits, start, stax);
                return reader.sheetsGivingMemo();
            } catch (ZipBytes.Irregular e) {
                // read again below, through the reference
            } catch (IOException | XMLStreamException | RuntimeException e) {
                throw unreadable(reader, e);
            }
        }
        XlsxReader reader = null;
        try (ZipFile zip = new ZipFile(file.toFile(), StandardCharsets.UTF_8)) {
            reader = new XlsxReader(zip, null, shown, limits, start, stax);
            return reader.sheetsGivingMemo();
        } catch (IOException | XMLStreamException | RuntimeException e) {
            throw unreadable(reader, e);
        }
    }

    /** {@link #sheets}, the memo given back to the thread afterwards. */
    private List<SheetData> sheetsGivingMemo() throws IOException, XMLStreamException, Workbooks.Unreadable {
        try {
            return sheets();
        } finally {
            if (memo != null) {
                memo.give();
            }
        }
    }

    /**
     * Why a workbook could not be read, told from what stopped the reading, thrown (a defect of this program rethrown);
     * declared to return one so that the callers can say {@code throw}.
     */
    private static Workbooks.Unreadable unreadable(XlsxReader reader, Exception thrown) throws Workbooks.Unreadable {
        try {
            throw thrown;
        } catch (ZipException e) {
            throw new Workbooks.Unreadable("文件已损坏或不完整，无法作为 .xlsx 打开", e);
        } catch (IOException e) {
            refused(reader, e);
            throw new Workbooks.Unreadable("文件已损坏或不完整，无法作为 .xlsx 打开（" + e.getMessage() + "）", e);
        } catch (XMLStreamException e) {
            refused(reader, e);
            String m = String.valueOf(e.getMessage()).toLowerCase(java.util.Locale.ROOT);
            if (m.contains("doctype") || m.contains("dtd")) {
                throw new Workbooks.Unreadable("文件中的 XML 含有 DOCTYPE 声明（正常的 Excel 文件不会有，可能是恶意构造的），拒绝读取",
                        e);
            }
            if (m.contains("maxelementdepth")) {
                throw new Workbooks.Unreadable("文件中的 XML 嵌套超过 " + MAX_DEPTH + " 层，不是正常的 Excel 文件，拒绝读取", e);
            }
            if (m.contains("jaxp00010002")) { // the JDK's elementAttributeLimit, and the scanner's
                throw new Workbooks.Unreadable("文件中的 XML 有元素带有超过 " + XmlScanner.MAX_ATTRIBUTES
                        + " 个属性，不是正常的 Excel 文件，拒绝读取", e);
            }
            if (m.contains("jaxp00010005")) { // the JDK's maxXMLNameLimit, and the scanner's
                throw new Workbooks.Unreadable("文件中的 XML 有长度超过 " + XmlScanner.MAX_NAME
                        + " 个字符的名称，不是正常的 Excel 文件，拒绝读取", e);
            }
            throw new Workbooks.Unreadable("文件已损坏或不完整，其中的内容无法解析", e);
        } catch (RuntimeException e) {
            refused(reader, e);
            if (bulletin.diag.Defects.isDefect(e)) {
                throw e; // a mistake in this program, not the file's: Main says so (exit 70)
            }
            throw new Workbooks.Unreadable("文件已损坏或不完整，其中的内容无法解析", e);
        } catch (Exception e) { // none other is passed here
            throw new IllegalStateException(e);
        }
    }

    /** Rethrows a limit met inside the XML parser (which reports it as a broken file) as what it is. */
    private static void refused(XlsxReader reader, Exception e) throws Workbooks.Unreadable {
        if (reader != null && reader.refusal != null) {
            throw new Workbooks.Unreadable(reader.refusal, e);
        }
    }

    /** Stops reading with {@code reason}: thrown through the XML parser, and remembered to be told as it is. */
    private IOException refuse(String reason) {
        refusal = reason;
        return new IOException(reason);
    }

    /** The time is checked as the parts are read, and between sheets (a budget of 0 is spent at once). */
    private void inTime() throws IOException {
        if (System.nanoTime() - deadline >= 0) {
            throw refuse("读取超过 " + java.util.concurrent.TimeUnit.NANOSECONDS.toSeconds(limits.nanos())
                    + " 秒仍未完成（一份报表通常不到 1 秒），文件内容异常，已停止读取");
        }
    }

    private List<SheetData> sheets() throws IOException, XMLStreamException, Workbooks.Unreadable {
        inTime();
        Enumeration<? extends ZipEntry> all = zip != null ? zip.entries()
                : java.util.Collections.enumeration(bytes.entries());
        while (all.hasMoreElements()) {
            ZipEntry e = all.nextElement();
            if (entries.put(e.getName(), e) != null) {
                throw new Workbooks.Unreadable("文件内有两个同名的部件（" + Text.visible(e.getName()) + "），可能被篡改或损坏，拒绝读取",
                        null);
            }
        }
        String workbookPath = kept(PACKAGE_RELS, "_rels/.rels", this::officeDocument);
        String base = workbookPath.contains("/") ? workbookPath.substring(0, workbookPath.lastIndexOf('/') + 1) : "";
        Map<String, String> rels = new HashMap<>(); // by id
        Map<String, String> sharedStringsAndStyles = new HashMap<>(); // by the last word of the type
        for (Rel r : relationships(base + "_rels/" + workbookPath.substring(base.length()) + ".rels", base)) {
            rels.put(r.id(), r.target());
            sharedStringsAndStyles.put(r.type().substring(r.type().lastIndexOf('/') + 1), r.target());
        }
        Book book = kept(WORKBOOK, workbookPath, this::book);
        date1904 = book.date1904();
        List<String[]> sheetList = new ArrayList<>(); // name, target, state
        for (String[] s : book.sheets()) {
            sheetList.add(new String[] {s[0], rels.get(s[1]), s[2]});
        }
        List<String> strings = sharedStrings(sharedStringsAndStyles.get("sharedStrings"));
        Styles styles = styles(sharedStringsAndStyles.get("styles"));
        List<SheetData> out = new ArrayList<>();
        for (String[] s : sheetList) {
            if (s[1] == null) {
                continue;
            }
            inTime();
            Place place = Place.file(shown).sheet(s[0]);
            boolean hidden = "hidden".equals(s[2]) || "veryHidden".equals(s[2]);
            out.add(new SheetData(s[0], hidden, sheet(s[1], place, strings, styles)));
        }
        return out;
    }

    /** The workbook part's sheets (name, relationship id, state) and whether it counts its dates from 1904. */
    private record Book(List<String[]> sheets, boolean date1904) {
    }

    /** The workbook part read. */
    private Book book(Part x) throws XMLStreamException, Workbooks.Unreadable {
        List<String[]> sheets = new ArrayList<>();
        boolean from1904 = false;
        try {
            for (int ev = x.next(); ev != XmlScanner.EOF; ev = x.next()) {
                if (ev == XmlScanner.START && x.localName().equals("sheet")) {
                    if (sheets.size() >= MAX_SHEETS) {
                        throw new Workbooks.Unreadable("工作簿中的工作表超过 " + MAX_SHEETS + " 张，远超一份表格所需，拒绝读取", null);
                    }
                    String rid = attr(x, "id");
                    sheets.add(new String[] {attr(x, "name"), rid, attr(x, "state")});
                } else if (ev == XmlScanner.START && x.localName().equals("workbookPr")) {
                    from1904 = isTrue(attr(x, "date1904"));
                }
            }
        } finally {
            x.close();
        }
        return new Book(java.util.Collections.unmodifiableList(sheets), from1904);
    }

    /** Kinds of part whose parse is kept on the thread ({@link #kept}). */
    private static final int PACKAGE_RELS = 0;
    private static final int WORKBOOK_RELS = 1;
    private static final int WORKBOOK = 2;
    private static final int STYLES = 3;

    /** A part's reading: what the reader takes of it (never changed afterwards), the part closed. */
    @FunctionalInterface
    private interface Parse<T> {
        T of(Part x) throws IOException, XMLStreamException, Workbooks.Unreadable;
    }

    /**
     * The part read by {@code parse}; where its zip is read by us, the parse of the part of this kind of the last
     * workbook read on this thread is taken again where this part is the very same compressed bytes (same method
     * and sizes: a form's package and workbook relationships, workbook part and styles are the same in every form).
     * They inflate to the very same XML, and what could refuse it is that XML (refused then, so never kept) or the
     * limits of this workbook, checked here as {@link #open} checks them before reading a part: the bytes it may
     * still unpack, then the time. So the same bytes give the same result or refusal, kept or read again.
     */
    @SuppressWarnings("unchecked")
    private <T> T kept(int kind, String name, Parse<T> parse) throws IOException, XMLStreamException,
            Workbooks.Unreadable {
        ZipEntry e = entries.get(name);
        if (e == null) {
            throw new Workbooks.Unreadable("文件不完整：缺少 " + Text.visible(name), null);
        }
        if (bytes == null || stax) {
            return parse.of(open(name, e));
        }
        ZipBytes.Entry entry = (ZipBytes.Entry) e;
        Object kept = bytes.kept(kind, entry);
        if (kept != null) {
            admit(e);
            unpacked += bytes.keptLength(kind);
            inTime();
            return (T) kept;
        }
        long before = unpacked;
        T out = parse.of(open(name, e));
        bytes.keep(kind, entry, (int) (unpacked - before), out);
        return out;
    }

    /** The main part named by the package relationships; a Strict Open XML package is refused by name. */
    private String officeDocument(Part x) throws XMLStreamException, Workbooks.Unreadable {
        try {
            for (int ev = x.next(); ev != XmlScanner.EOF; ev = x.next()) {
                if (ev == XmlScanner.START && x.localName().equals("Relationship")) {
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
        for (Rel r : kept(WORKBOOK_RELS, relsPath, this::relationships)) {
            String t = r.target();
            out.add(new Rel(r.id(), r.type(), t.startsWith("/") ? strip(t) : base + t));
        }
        return out;
    }

    /** The relationships of a part, their targets as written. */
    private List<Rel> relationships(Part x) throws XMLStreamException {
        List<Rel> out = new ArrayList<>();
        try {
            for (int ev = x.next(); ev != XmlScanner.EOF; ev = x.next()) {
                if (ev == XmlScanner.START && x.localName().equals("Relationship")) {
                    String t = attr(x, "Target");
                    String type = attr(x, "Type");
                    if (t != null) {
                        out.add(new Rel(attr(x, "Id"), type == null ? "" : type, t));
                    }
                }
            }
        } finally {
            x.close();
        }
        return java.util.Collections.unmodifiableList(out);
    }

    private List<String> sharedStrings(String path) throws IOException, XMLStreamException, Workbooks.Unreadable {
        List<String> out = new ArrayList<>();
        if (path == null) {
            return out;
        }
        if (!entries.containsKey(path)) { // declared but missing: every text of the workbook would read as blank
            throw new Workbooks.Unreadable("文件不完整：缺少 " + Text.visible(path) + "（表格中的文字都存放在这里），"
                    + "无法读出其中的文字：请在 Excel 或 WPS 中打开后重新保存", null);
        }
        Part x = open(path);
        memo = Memo.take();
        try {
            boolean inSi = false;
            String first = null; // an item's first text, and the rest where it has more (rich text's runs)
            StringBuilder more = null;
            int phonetic = 0;
            boolean between = false; // between items (not in a phonetic run): a whole one is tried first
            while (true) {
                String whole = between && phonetic == 0 ? memo.whole(x, out.size()) : null;
                if (whole != null) {
                    add(out, whole);
                    continue;
                }
                int ev = x.next();
                if (ev == XmlScanner.EOF) {
                    break;
                }
                between = ev == XmlScanner.START ? x.localName().equals("sst") : x.localName().equals("si");
                if (ev == XmlScanner.START) {
                    switch (x.localName()) {
                        case "si" -> {
                            inSi = true;
                            first = null;
                            more = null;
                        }
                        case "rPh" -> phonetic++;
                        case "t" -> {
                            String t = inSi && phonetic == 0 && first == null ? memo.text(x, out.size()) : x.elementText();
                            if (inSi && phonetic == 0) {
                                if (first == null) {
                                    first = t;
                                } else {
                                    if (more == null) {
                                        more = new StringBuilder(first);
                                    }
                                    more.append(t);
                                }
                            }
                        }
                        default -> {
                        }
                    }
                } else if (ev == XmlScanner.END) {
                    if (x.localName().equals("si")) {
                        add(out, more != null ? more.toString() : first == null || !inSi ? "" : first);
                        inSi = false;
                        first = null;
                        more = null;
                    } else if (x.localName().equals("rPh")) {
                        phonetic--;
                    }
                }
            }
        } finally {
            x.close();
        }
        return out;
    }

    /** A shared string item's text added, within {@link #MAX_STRINGS}. */
    private static void add(List<String> strings, String s) throws Workbooks.Unreadable {
        if (strings.size() >= MAX_STRINGS) {
            throw new Workbooks.Unreadable("文件中的文字条目超过 " + MAX_STRINGS + " 条，远超一份表格所需，拒绝读取", null);
        }
        strings.add(s);
    }

    /** Which cell styles (by index) show their number as a percentage, and which as a date or time. */
    private record Styles(BitSet percent, BitSet date) {
    }

    /** The cell styles whose number format shows a percentage or a date, from the styles part. */
    private Styles styles(String path) throws IOException, XMLStreamException, Workbooks.Unreadable {
        if (path == null) {
            return new Styles(new BitSet(), new BitSet());
        }
        if (!entries.containsKey(path)) { // declared but missing: a percentage (62%) would read as 0.62
            throw new Workbooks.Unreadable("文件不完整：缺少 " + Text.visible(path) + "（单元格的格式存放在这里），"
                    + "无法分辨百分比和日期：请在 Excel 或 WPS 中打开后重新保存", null);
        }
        return kept(STYLES, path, this::styles);
    }

    /** The styles read from their part. */
    private Styles styles(Part x) throws XMLStreamException {
        Styles out = new Styles(new BitSet(), new BitSet());
        Map<Integer, String> formats = new HashMap<>();
        try {
            boolean inXfs = false;
            int index = 0;
            for (int ev = x.next(); ev != XmlScanner.EOF; ev = x.next()) {
                if (ev == XmlScanner.START) {
                    switch (x.localName()) {
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
                } else if (ev == XmlScanner.END && x.localName().equals("cellXfs")) {
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
        List<CellRangeAddress> merges = new ArrayList<>();
        BitSet hiddenRows = new BitSet();
        BitSet hiddenCols = new BitSet();
        if (!entries.containsKey(path)) {
            return Grid.of(place, Map.of(), merges, hiddenRows, hiddenCols);
        }
        Cells cells = Cells.take();
        try {
            return sheet(path, place, strings, styles, cells, merges, hiddenRows, hiddenCols);
        } finally {
            cells.give();
        }
    }

    private Grid sheet(String path, Place place, List<String> strings, Styles styles, Cells cells,
                       List<CellRangeAddress> merges, BitSet hiddenRows, BitSet hiddenCols)
            throws IOException, XMLStreamException, Workbooks.Unreadable {
        Part x = open(path);
        try {
            CellRead c = new CellRead();
            boolean inRow = false; // whether a cell may come next: a whole one is tried first ({@link Part#wholeCell})
            while (true) {
                if (inRow && x.wholeCell(c)) {
                    c.row = c.ref >= 0 ? c.ref >> 20 : c.row;
                    c.col = c.ref >= 0 ? c.ref & 0xFFFFF : c.col + 1;
                    c.inline = null;
                    endCell(c, place, cells, styles, strings);
                    continue;
                }
                int ev = x.next();
                if (ev == XmlScanner.EOF) {
                    break;
                }
                if (ev == XmlScanner.START) {
                    String name = x.localName();
                    inRow = name.equals("row");
                    switch (name) {
                        case "row" -> startRow(x, c, hiddenRows);
                        case "c" -> startCell(x, c, place);
                        case "f" -> c.formula = true;
                        case "v" -> {
                            // A shared string's index or a whole number written plainly is read without its text.
                            boolean index = "s".equals(c.type);
                            c.whole = index || c.type == null || "n".equals(c.type) ? x.elementWhole(index) : NOT_WHOLE;
                            c.text = c.whole != NOT_WHOLE ? null : x.elementText();
                        }
                        case "is" -> c.inline = new StringBuilder();
                        case "t" -> {
                            String t = x.elementText();
                            if (c.inline != null) {
                                c.inline.append(t);
                            }
                        }
                        case "mergeCell" -> merges.add(merge(attr(x, "ref"), place));
                        case "col" -> hiddenColumns(x, hiddenCols);
                        default -> {
                        }
                    }
                } else {
                    inRow = x.localName().equals("c");
                    if (inRow) {
                        endCell(c, place, cells, styles, strings);
                    }
                }
            }
        } finally {
            x.close();
        }
        return cells.grid(place, merges, hiddenRows, hiddenCols);
    }

    /**
     * A cell being read: what its start tag and its elements said (from the events, or from {@link Part#wholeCell}
     * at once), and the sheet's position (the last row and column met).
     */
    static final class CellRead {
        /** Its reference as {@link Part#attrCell} gives one ({@code row << 20 | col}); -1 without (whole cells only). */
        long ref = -1;
        /** Its type ({@code t}), style ({@code s}; 0 without), whether it has a formula. */
        String type;
        int style;
        boolean formula;
        /** Its value as {@link Part#elementWhole} read it, else {@link #NOT_WHOLE}; else its text, or null. */
        long whole = NOT_WHOLE;
        String text;
        /** Its inline string's text ({@code <is>}), or null. */
        StringBuilder inline;
        /** The row and column from 0 of the last row and cell met. */
        long row = -1;
        long col = -1;
    }

    /** A {@code <row>}: its number (or the next), its cells counted from its start, hidden where it says so. */
    private static void startRow(Part x, CellRead c, BitSet hiddenRows) throws XMLStreamException {
        int plainRow = x.attrDigits("r"); // "16" read without a string; else as text
        String r = plainRow >= 0 ? null : attr(x, "r");
        c.row = plainRow >= 0 ? plainRow - 1L : r == null ? c.row + 1 : Long.parseLong(r) - 1;
        c.col = -1;
        if (isTrue(attr(x, "hidden")) && c.row >= 0 && c.row < Grid.MAX_ROWS) {
            hiddenRows.set((int) c.row);
        }
    }

    /** A {@code <c>}'s start tag: its place (or the next column), type and style; nothing of its value yet. */
    private static void startCell(Part x, CellRead c, Place place) throws XMLStreamException, Workbooks.Unreadable {
        long at = x.attrCell("r"); // "F16" read without a string; else as text
        String r = at >= 0 ? null : attr(x, "r");
        if (at >= 0) {
            c.row = at >> 20;
            c.col = at & 0xFFFFF;
        } else if (r != null) {
            long[] rc = ref(r, place);
            c.row = rc[0];
            c.col = rc[1];
        } else {
            c.col++;
        }
        c.type = attr(x, "t");
        int plainStyle = x.attrDigits("s");
        String s = plainStyle >= 0 ? null : attr(x, "s");
        c.style = plainStyle >= 0 ? plainStyle : s == null ? 0 : Integer.parseInt(s);
        c.formula = false;
        c.text = null;
        c.whole = NOT_WHOLE;
        c.inline = null;
    }

    /** A cell's end: its value kept where it has one (or a formula). */
    private void endCell(CellRead c, Place place, Cells cells, Styles styles, List<String> strings)
            throws Workbooks.Unreadable {
        Grid.Value v = value(c.type, c.text, c.whole, c.inline, c.formula, c.style, styles, strings);
        if (v.kind() != Grid.Kind.BLANK || c.formula) {
            cells.add(cell(c.row, c.col, place), v);
        }
    }

    /**
     * A sheet's cells with a value as they are read: keys ({@link Grid#key}) and values in the order of the XML,
     * which is row by row, left to right. Where a sheet lists its cells otherwise (or a cell twice: the later one
     * counts, as it always did), they are put in order through a map.
     */
    private static final class Cells {
        /** The arrays of the last sheet read on this thread, used again (the grid copies what it keeps). */
        private static final ThreadLocal<Cells> SPARE = new ThreadLocal<>();
        private long[] keys = new long[256];
        private Grid.Value[] values = new Grid.Value[256];
        private int n;
        private boolean ordered = true;

        /** This thread's spare, emptied (or a new one where another sheet holds it). */
        static Cells take() {
            Cells c = SPARE.get();
            if (c == null) {
                return new Cells();
            }
            SPARE.set(null);
            c.n = 0;
            c.ordered = true;
            return c;
        }

        /** Gives the arrays back for the next sheet, without the values they held. */
        void give() {
            java.util.Arrays.fill(values, 0, n, null);
            n = 0;
            if (keys.length <= 1 << 16) { // a table's size; a sheet of hundreds of thousands of cells is not kept
                SPARE.set(this);
            }
        }

        void add(long key, Grid.Value v) {
            if (n == keys.length) {
                keys = java.util.Arrays.copyOf(keys, n * 2);
                values = java.util.Arrays.copyOf(values, n * 2);
            }
            if (n > 0 && keys[n - 1] >= key) {
                ordered = false;
            }
            keys[n] = key;
            values[n++] = v;
        }

        Grid grid(Place place, List<CellRangeAddress> merges, BitSet hiddenRows, BitSet hiddenCols) {
            if (ordered) {
                return Grid.of(place, keys, values, n, merges, hiddenRows, hiddenCols);
            }
            Map<Long, Grid.Value> byKey = new HashMap<>();
            for (int i = 0; i < n; i++) {
                byKey.put(keys[i], values[i]);
            }
            return Grid.of(place, byKey, merges, hiddenRows, hiddenCols);
        }
    }

    /**
     * The key of a cell with a value at (row, col), counted; a cell beyond what a form can have (a cell at
     * XFD1048576 makes no sheet a million rows long here) makes the workbook unreadable, named by its cell.
     */
    private long cell(long row, long col, Place place) throws Workbooks.Unreadable {
        if (row < 0 || col < 0) {
            throw new Workbooks.Unreadable("文件已损坏：工作表“" + Text.visible(place.sheet()) + "”中有位置无效的单元格", null);
        }
        if (row >= Grid.MAX_ROWS || col >= Grid.MAX_COLS) {
            throw new Workbooks.Unreadable("工作表“" + Text.visible(place.sheet()) + "”的单元格 " + Text.a1(row, col)
                    + " 有内容，超出了一份表格可能的范围（每张工作表最多 " + Grid.MAX_ROWS + " 行、" + Grid.MAX_COLS + " 列，即 A1:"
                    + Text.a1(Grid.MAX_ROWS - 1, Grid.MAX_COLS - 1) + "），拒绝读取：请删除表格以外的内容后重新保存", null);
        }
        if (++cellCount > MAX_CELLS) {
            throw new Workbooks.Unreadable("有内容的单元格超过 " + MAX_CELLS + " 个（到工作表“" + Text.visible(place.sheet())
                    + "”为止），远超一份表格的规模，拒绝读取", null);
        }
        return Grid.key((int) row, (int) col);
    }

    /**
     * A merged region, "D1:F3", counted with the rows it crosses within the sheet's bounds (a region beyond them
     * is cut there by the grid): too many regions, or regions crossing too many rows, make the workbook unreadable.
     */
    private CellRangeAddress merge(String ref, Place place) throws Workbooks.Unreadable {
        String sheet = Text.visible(place.sheet());
        if (++mergeCount > MAX_MERGES) {
            throw new Workbooks.Unreadable("合并单元格超过 " + MAX_MERGES + " 个（到工作表“" + sheet
                    + "”为止），远超一份表格所需，拒绝读取", null);
        }
        String[] ends = ref == null ? new String[0] : ref.split(":", -1);
        if (ends.length < 1 || ends.length > 2) {
            throw new Workbooks.Unreadable("文件已损坏：工作表“" + sheet + "”中有无效的合并区域“" + Text.visible(String.valueOf(ref))
                    + "”", null);
        }
        long[] a = ref(ends[0], place);
        long[] b = ref(ends[ends.length - 1], place);
        int top = (int) Math.min(a[0], b[0]);
        int left = (int) Math.min(a[1], b[1]);
        int bottom = (int) Math.max(a[0], b[0]);
        int right = (int) Math.max(a[1], b[1]);
        if (top < Grid.MAX_ROWS && left < Grid.MAX_COLS) {
            mergedRows += Math.min(bottom, Grid.MAX_ROWS - 1) - top + 1;
            if (mergedRows > MAX_MERGED_ROWS) {
                throw new Workbooks.Unreadable("合并单元格的范围过大（到工作表“" + sheet + "”的 " + Text.visible(ref)
                        + " 为止，合计跨越超过 " + MAX_MERGED_ROWS + " 行），远超一份表格所需，拒绝读取", null);
            }
        }
        return new CellRangeAddress(top, bottom, left, right);
    }

    /**
     * Adds the columns of a hidden {@code <col min max>} element to {@code hiddenCols}, cut to the columns a sheet
     * can have here (a range from -2147483647 to 2147483647 is the sheet's columns, not four billion of them).
     */
    private static void hiddenColumns(Part x, BitSet hiddenCols) throws XMLStreamException {
        if (!isTrue(attr(x, "hidden"))) {
            return;
        }
        long min = Math.max(Long.parseLong(attr(x, "min")) - 1, 0);
        long max = Math.min(Long.parseLong(attr(x, "max")) - 1, Grid.MAX_COLS - 1);
        if (min <= max) {
            hiddenCols.set((int) min, (int) max + 1);
        }
    }

    /** An XML boolean attribute: "1" or "true". */
    private static boolean isTrue(String attribute) {
        return "1".equals(attribute) || "true".equals(attribute);
    }

    /**
     * A cell's value from its type, its {@code <v>} text {@code v} (or, where the scanner read it without a string,
     * {@code plain}: a shared string's index or a whole number, else {@link #NOT_WHOLE}), its inline text, whether
     * it has a formula and its style.
     */
    private Grid.Value value(String type, String v, long plain, StringBuilder inline, boolean formula, int style,
                             Styles styles, List<String> strings) {
        // A formula saved without its result (no <v>, or <v></v> as some tools write it) has nothing to read:
        // it must not pass as an empty cell, or its figure is lost without a word. (A text formula whose result is
        // the empty string looks the same once saved; in a figure cell it too is better questioned than dropped.)
        if (formula && plain == NOT_WHOLE && (v == null || v.isBlank()) && inline == null) {
            return NO_CACHE; // a form's 自查 column has one a row: one value for all
        }
        String t = type == null ? "n" : type;
        switch (t) {
            case "s": {
                int i = plain != NOT_WHOLE ? (int) plain : sharedIndex(v);
                if (i < 0 || i >= strings.size()) {
                    // An index past the table (or none at all): the cell's value is lost, not blank.
                    return new Grid.Value("", null, false, Grid.Kind.DAMAGED, formula);
                }
                if (sharedValues == null || sharedValues.length != strings.size()) {
                    sharedValues = new Grid.Value[strings.size()];
                }
                Grid.Value known = formula ? null : sharedValues[i];
                if (known != null) { // the same text in many cells (a form's 指标 words, units, "—"): one value
                    return known;
                }
                String raw = strings.get(i);
                Grid.Value kept = formula || memo == null ? null : memo.value(i, raw);
                if (kept != null) { // the same text as the last workbook's (the same form): its value
                    sharedValues[i] = kept;
                    return kept;
                }
                String s = Text.clean(raw);
                if (formula) {
                    return new Grid.Value(s, null, false, s.isEmpty() ? Grid.Kind.BLANK : Grid.Kind.TEXT, true);
                }
                Grid.Value read = textValue(s);
                sharedValues[i] = read;
                if (memo != null) {
                    memo.value(i, raw, read);
                }
                return read;
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
                if (plain != NOT_WHOLE) {
                    return number(plain, null, formula, style, styles);
                }
                if (v == null || v.isBlank()) {
                    return Grid.Value.EMPTY;
                }
                String trimmed = v.trim();
                return number(wholeNumber(trimmed), trimmed, formula, style, styles);
        }
    }

    /** Texts up to this long are kept as values once per run, up to {@link #TEXTS_KEPT} of them. */
    static final int TEXT_KEPT = 256;
    static final int TEXTS_KEPT = 8_192;
    /**
     * The values of shared-string cells without a formula, by their text, shared by every workbook read: a form's
     * headers, codes, indicator names and units are the same words in every unit's form and every month's, and a
     * history keeps a month's forms alive at once (each young collection copies what they hold). Bounded: past
     * {@link #TEXTS_KEPT} texts, or for a longer one, each workbook makes its own as before.
     */
    private static final java.util.concurrent.ConcurrentHashMap<String, Grid.Value> TEXTS =
            new java.util.concurrent.ConcurrentHashMap<>();

    /** How many texts are kept as values (for tests: the bound holds). */
    static int textsKept() {
        return TEXTS.size();
    }

    /** Lets the kept texts go (for tests that fill them to the bound). */
    static void forgetTexts() {
        TEXTS.clear();
    }

    /** The value of a shared-string cell without a formula whose text is {@code s} (cleaned). */
    static Grid.Value textValue(String s) {
        Grid.Value kept = s.length() <= TEXT_KEPT ? TEXTS.get(s) : null;
        if (kept != null) {
            return kept;
        }
        Grid.Value v = new Grid.Value(s, null, false, s.isEmpty() ? Grid.Kind.BLANK : Grid.Kind.TEXT, false);
        if (s.length() <= TEXT_KEPT && TEXTS.size() < TEXTS_KEPT) {
            Grid.Value raced = TEXTS.putIfAbsent(s, v);
            return raced != null ? raced : v;
        }
        return v;
    }

    /** A formula saved without its result (a value holds nothing of its cell: one serves every such cell). */
    private static final Grid.Value NO_CACHE = new Grid.Value("", null, false, Grid.Kind.FORMULA_NO_CACHE, true);

    /** Whole numbers from 0 below this are made once per run (a form's targets and figures: the same each month). */
    private static final int SMALL = 10_000;
    /** Their values, without and with a formula, made as they are first met (a value is immutable). */
    private static final Grid.Value[][] SMALL_VALUES = new Grid.Value[2][SMALL];

    /**
     * A whole number of at most 15 digits, shown as it is (no percentage, no date): Numbers.format of such a number
     * is its digits. One value for each small number, shared by every cell and workbook that holds it (the months
     * of a history keep hundreds of thousands of figures alive at once).
     */
    private static Grid.Value wholeValue(long whole, boolean formula) {
        if (whole < 0 || whole >= SMALL) {
            return new Grid.Value(Long.toString(whole), BigDecimal.valueOf(whole), false, Grid.Kind.NUMBER, formula);
        }
        Grid.Value[] made = SMALL_VALUES[formula ? 1 : 0];
        Grid.Value v = made[(int) whole];
        if (v == null) { // two threads may both make it: equal values, either one serves
            v = new Grid.Value(Long.toString(whole), BigDecimal.valueOf(whole), false, Grid.Kind.NUMBER, formula);
            made[(int) whole] = v;
        }
        return v;
    }

    /** {@link #wholeNumber}'s answer for a value it leaves to the double's reading. */
    static final long NOT_WHOLE = Long.MIN_VALUE;

    /**
     * A number cell's value where it is written as a whole number of at most 15 digits, with an optional minus and
     * an optional ".0", ".00" or ".000" ("96", "-3", "185.0"): that number, which is what the double's reading gives
     * (a double holds every such number exactly, and {@code Numbers.normalise} of its decimal form is the number
     * with scale 0). {@link #NOT_WHOLE} for anything else, which is read through the double.
     */
    static long wholeNumber(String v) {
        int n = v.length();
        int i = n > 0 && v.charAt(0) == '-' ? 1 : 0;
        int end = n;
        int dot = v.indexOf('.');
        if (dot >= 0) {
            if (n - dot < 2 || n - dot > 4) {
                return NOT_WHOLE;
            }
            for (int k = dot + 1; k < n; k++) {
                if (v.charAt(k) != '0') {
                    return NOT_WHOLE;
                }
            }
            end = dot;
        }
        if (end - i < 1 || end - i > 15) {
            return NOT_WHOLE;
        }
        long x = 0;
        for (int k = i; k < end; k++) {
            char c = v.charAt(k);
            if (c < '0' || c > '9') {
                return NOT_WHOLE;
            }
            x = x * 10 + (c - '0');
        }
        return i == 1 ? -x : x;
    }

    /** A shared string's index as written in the cell; -1 where it is no index. */
    private static int sharedIndex(String v) {
        if (v == null) {
            return -1;
        }
        try {
            return Integer.parseInt(v.trim());
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    /**
     * A numeric cell: its number as Excel holds it (a double, so what was typed rounded to 15–17 digits), shown as
     * a percentage or a date where its format says so. A number beyond a double's range (which Excel never writes,
     * but a file can hold) is kept as written, however large, for the checks to refuse: it is neither normalised
     * nor written out in full, which for 1E+999999999 would never end. What is no number at all ("NaN", "INF",
     * letters) is kept as text, for the checks to call it that.
     */
    private Grid.Value number(long whole, String v, boolean formula, int style, Styles styles) {
        boolean percent = styles.percent().get(style);
        boolean date = styles.date().get(style);
        if (whole != NOT_WHOLE && !percent && !date) {
            return wholeValue(whole, formula);
        }
        BigDecimal n;
        if (whole != NOT_WHOLE) { // most figures: the same number as through the double, without the strings
            n = BigDecimal.valueOf(whole);
        } else {
            double d;
            try {
                d = Double.parseDouble(v);
            } catch (NumberFormatException e) {
                d = Double.NaN;
            }
            if (Double.isNaN(d) || Double.isInfinite(d)) {
                BigDecimal huge = Double.isNaN(d) ? null : Numbers.parseExact(v);
                return huge == null ? new Grid.Value(Text.clean(v), null, false, Grid.Kind.TEXT, formula)
                        : new Grid.Value(v, huge, percent, Grid.Kind.NUMBER, formula);
            }
            n = Numbers.normalise(new BigDecimal(Double.toString(d)));
        }
        String dateText = date ? NumberFormats.dateText(n, date1904) : null;
        if (dateText != null) { // a day count shown as a date: its text is the date, its number kept as saved
            return new Grid.Value(dateText, n, false, Grid.Kind.DATE, formula);
        }
        if (whole != NOT_WHOLE && !percent) { // a date style whose format shows no date
            return wholeValue(whole, formula);
        }
        BigDecimal seen = percent ? n.movePointRight(2) : n;
        // 1E+308, as Excel shows it, not 309 digits.
        String shown = seen.abs().compareTo(EXPONENT_FROM) >= 0 ? seen.stripTrailingZeros().toString()
                : Numbers.format(seen);
        return new Grid.Value(percent ? shown + "%" : shown, n, percent, Grid.Kind.NUMBER, formula);
    }

    /**
     * "F16" → {15, 5}: row and column from 0. Letters and digits are read as far as Excel's own limits and a few
     * more (a row of 2147483647 is one beyond the grid, not a negative one); anything else is a broken file.
     */
    static long[] ref(String a1, Place place) throws Workbooks.Unreadable {
        int i = 0;
        long col = 0;
        while (i < a1.length() && i < 4 && isAsciiLetter(a1.charAt(i))) {
            col = col * 26 + (Character.toUpperCase(a1.charAt(i)) - 'A' + 1);
            i++;
        }
        long row = 0;
        int digits = 0;
        while (i < a1.length() && digits < 11 && a1.charAt(i) >= '0' && a1.charAt(i) <= '9') {
            row = row * 10 + (a1.charAt(i) - '0');
            i++;
            digits++;
        }
        if (col == 0 || row == 0 || i != a1.length()) {
            throw new Workbooks.Unreadable("文件已损坏：工作表“" + Text.visible(place.sheet()) + "”中有无效的单元格地址“"
                    + Text.visible(a1.length() > 40 ? a1.substring(0, 40) + "…" : a1) + "”", null);
        }
        return new long[] {row - 1, col - 1};
    }

    private static boolean isAsciiLetter(char c) {
        return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z');
    }

    /**
     * A part of the package, streamed to the XML parser: never held whole, its bytes counted against the
     * workbook's limit (whatever size the zip declares for it), its UTF-8 decoded strictly (the JDK's parser
     * would print its own complaint about bad UTF-8 to stderr), a leading byte order mark dropped.
     */
    private Part open(String name) throws IOException, XMLStreamException, Workbooks.Unreadable {
        ZipEntry e = entries.get(name);
        if (e == null) {
            throw new Workbooks.Unreadable("文件不完整：缺少 " + Text.visible(name), null);
        }
        return open(name, e);
    }

    /** The part's declared size within what the workbook may still unpack, and its ratio within {@link #MAX_RATIO}. */
    private void admit(ZipEntry e) throws Workbooks.Unreadable, ZipBytes.Irregular {
        long size = e.getSize();
        long packed = Math.max(1, e.getCompressedSize());
        boolean ratio = size > 1024 * 1024 && size / packed > MAX_RATIO;
        if (size > limits.bytes() - unpacked && !ratio && bytes != null) {
            // Parts read by us count whole, ZipFile's as far as they are read (the package relationships' only to the
            // main part's): where the bytes so far decide, ZipFile's reading decides.
            throw new ZipBytes.Irregular("budget");
        }
        if (size > limits.bytes() - unpacked || ratio) {
            throw new Workbooks.Unreadable(BOMB, null);
        }
    }

    /** {@link #open(String)} of the part's entry. */
    private Part open(String name, ZipEntry e) throws IOException, XMLStreamException, Workbooks.Unreadable {
        admit(e);
        long size = e.getSize();
        if (bytes != null && !stax) { // the whole part inflated here, at most its size (else read through ZipFile)
            int made = bytes.inflate((ZipBytes.Entry) e);
            unpacked += made;
            inTime();
            return new Scanned(new XmlScanner(bytes.part(), made, MAX_DEPTH), name);
        }
        InputStream source = bytes != null ? new java.io.ByteArrayInputStream(bytes.part(), 0,
                bytes.inflate((ZipBytes.Entry) e)) : zip.getInputStream(e);
        InputStream counted = new FilterInputStream(source) {
            private long part;

            @Override
            public int read() throws IOException {
                byte[] one = new byte[1];
                return read(one, 0, 1) < 0 ? -1 : one[0] & 0xFF;
            }

            @Override
            public int read(byte[] b, int off, int len) throws IOException {
                int n = super.read(b, off, len);
                if (n > 0) {
                    part += n;
                    unpacked += n;
                    if (unpacked > limits.bytes() || (size >= 0 && part > size)) {
                        throw refuse(BOMB);
                    }
                }
                inTime();
                return n;
            }
        };
        if (!stax) {
            return new Scanned(new XmlScanner(counted, MAX_DEPTH), name);
        }
        CharsetDecoder strict = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT);
        Reader chars = new FilterReader(new PushbackReader(new InputStreamReader(counted, strict), 1)) {
            private boolean first = true;

            @Override
            public int read(char[] buf, int off, int len) throws IOException {
                try {
                    if (first) {
                        first = false;
                        int c = in.read();
                        if (c >= 0 && c != '\uFEFF') {
                            ((PushbackReader) in).unread(c);
                        }
                    }
                    return in.read(buf, off, len);
                } catch (CharacterCodingException bad) {
                    throw refuse("文件已损坏或不完整（" + Text.visible(name) + " 中有无效的字符），无法作为 .xlsx 打开");
                }
            }
        };
        return new Stax(Jdk.XML.createXMLStreamReader(chars));
    }

    /**
     * What the reader takes from an XML part: its elements (start and end, by local name), their attributes, the
     * text of text-only elements. Read by {@link XmlScanner}; the JDK's StAX parser over a strictly decoding Reader,
     * which it replaced, is kept as the reference the scanner is tested against (XmlScannerTest).
     */
    interface Part {
        /** {@link XmlScanner#START}, {@link XmlScanner#END} or {@link XmlScanner#EOF}. */
        int next() throws XMLStreamException;

        /** The local name of the element of the current start or end tag. */
        String localName();

        /** The current start tag's attribute of this local name; null where there is none. */
        String attr(String local) throws XMLStreamException;

        /**
         * {@link #attr}'s value where it is written as 1 to 9 plain decimal digits, without a string made; -1 where it
         * is absent or written otherwise (or where this reading does not tell: then {@link #attr} is asked).
         */
        default int attrDigits(String local) {
            return -1;
        }

        /**
         * {@link #attr}'s value where it is a plain reference ("F16": 1–3 capital letters, 1–9 digits, the row not 0),
         * as {@code row << 20 | col} from 0, without a string made; -1 where it is absent or written otherwise (or
         * where this reading does not tell: then {@link #attr} is asked).
         */
        default long attrCell(String local) {
            return -1;
        }

        /**
         * The text of the element just started where it is written plainly, read without a string: with
         * {@code index}, 1 to 9 decimal digits (a shared string's index), else a whole number as
         * {@link #wholeNumber} reads one (an optional minus, 1 to 15 digits, an optional "." and one to three
         * zeros); its end tag is then passed, as by {@link #elementText}. {@link #NOT_WHOLE} where it is written
         * otherwise (or where this reading does not tell): then nothing was read, and {@link #elementText} is asked.
         */
        default long elementWhole(boolean index) throws XMLStreamException {
            return NOT_WHOLE;
        }

        /** The text of the element just started, which holds no element; its end tag is passed, not given. */
        String elementText() throws XMLStreamException;

        /**
         * {@link #elementText}, given the bytes a text was written as before and the string made of them then:
         * where this text is those very bytes (written plainly), that string may be given back instead of a new one.
         */
        default String elementText(byte[] known, String knownText) throws XMLStreamException {
            return elementText();
        }

        /** The bytes of the text {@link #elementText(byte[], String)} just gave, where it can tell them; else null. */
        default byte[] plainBytes() {
            return null;
        }

        /**
         * The shared string item ({@code <si>}) at the position read whole where it is written plainly
         * ({@link XmlScanner#wholeString}): its text (as {@link #elementText(byte[], String)} gives it), the reading
         * left past its end tag. Null where it is written otherwise (or where this reading does not tell): then
         * nothing was read, and the events read it.
         */
        default String wholeString(byte[] known, String knownText) {
            return null;
        }

        /**
         * The cell at the position read whole where it is written plainly ({@link XmlScanner#wholeCell}): what its
         * events would have given put in {@code out}, the reading left past its end tag. False where it is written
         * otherwise (or where this reading does not tell): then nothing was read, and the events read it.
         */
        default boolean wholeCell(CellRead out) {
            return false;
        }

        void close() throws XMLStreamException;
    }

    /** The scanner, its bytes that are no UTF-8 told as the strict decoder's reading told them. */
    private final class Scanned implements Part {
        private final XmlScanner x;
        private final String name;

        Scanned(XmlScanner x, String name) {
            this.x = x;
            this.name = name;
        }

        private XMLStreamException bad(XmlScanner.BadBytes e) {
            refusal = "文件已损坏或不完整（" + Text.visible(name) + " 中有无效的字符），无法作为 .xlsx 打开";
            return e;
        }

        @Override
        public int next() throws XMLStreamException {
            try {
                return x.next();
            } catch (XmlScanner.BadBytes e) {
                throw bad(e);
            }
        }

        @Override
        public String localName() {
            return x.localName();
        }

        @Override
        public String attr(String local) throws XMLStreamException {
            return x.attr(local);
        }

        @Override
        public int attrDigits(String local) {
            return x.attrDigits(local);
        }

        @Override
        public long attrCell(String local) {
            return x.attrCell(local);
        }

        @Override
        public long elementWhole(boolean index) throws XMLStreamException {
            return x.elementWhole(index);
        }

        @Override
        public boolean wholeCell(CellRead out) {
            return x.wholeCell(out);
        }

        @Override
        public String elementText() throws XMLStreamException {
            try {
                return x.elementText();
            } catch (XmlScanner.BadBytes e) {
                throw bad(e);
            }
        }

        @Override
        public String elementText(byte[] known, String knownText) throws XMLStreamException {
            try {
                return x.elementText(known, knownText);
            } catch (XmlScanner.BadBytes e) {
                throw bad(e);
            }
        }

        @Override
        public byte[] plainBytes() {
            return x.plainBytes();
        }

        @Override
        public String wholeString(byte[] known, String knownText) {
            return x.wholeString(known, knownText);
        }

        @Override
        public void close() {
            x.close();
        }
    }

    /** The JDK's StAX reader as a {@link Part}; a DOCTYPE is refused: a real workbook never has one. */
    private record Stax(XMLStreamReader x) implements Part {
        @Override
        public int next() throws XMLStreamException {
            while (x.hasNext()) {
                int ev = x.next();
                if (ev == XMLStreamConstants.DTD) {
                    throw new XMLStreamException("DOCTYPE");
                }
                if (ev == XMLStreamConstants.START_ELEMENT) {
                    return XmlScanner.START;
                }
                if (ev == XMLStreamConstants.END_ELEMENT) {
                    return XmlScanner.END;
                }
            }
            return XmlScanner.EOF;
        }

        @Override
        public String localName() {
            return x.getLocalName();
        }

        @Override
        public String attr(String local) {
            for (int i = 0; i < x.getAttributeCount(); i++) {
                if (x.getAttributeLocalName(i).equals(local)) {
                    return x.getAttributeValue(i);
                }
            }
            return null;
        }

        @Override
        public String elementText() throws XMLStreamException {
            return x.getElementText();
        }

        @Override
        public void close() throws XMLStreamException {
            x.close();
        }
    }

    private static String attr(Part x, String local) throws XMLStreamException {
        return x.attr(local);
    }
}
