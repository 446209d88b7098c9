package bulletin.ingest;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import javax.xml.stream.XMLStreamException;

/**
 * A strict, streaming XML 1.0 reader over UTF-8 bytes, for the parts of a workbook: it gives elements (start,
 * end, their local names and attributes) and the text of text-only elements, and nothing else. It is several
 * times cheaper than the JDK's StAX parser over a strictly decoding Reader, which it replaces in
 * {@link XlsxReader}, and refuses what that refused:
 * <ul>
 * <li>bytes that are no UTF-8 (overlong forms, surrogates, beyond U+10FFFF, cut short): {@link BadBytes}, told
 *     as the strict decoder's message;</li>
 * <li>characters XML does not allow (controls, U+FFFE), as bytes or as character references;</li>
 * <li>a DOCTYPE (so no DTD, no declared entity, no external entity ever), and any entity but the five
 *     predefined ones and character references;</li>
 * <li>markup that is not well-formed: unmatched or crossing tags, a second root, text outside the root,
 *     attributes without quotes or given twice, {@code <} in an attribute, {@code ]]>} in text, {@code --} in a
 *     comment, a misplaced XML declaration, names that are no XML names, unbound namespace prefixes;</li>
 * <li>elements nested deeper than the limit it is given.</li>
 * </ul>
 * Line ends are normalised (CR LF and CR to LF) and attribute values as XML prescribes (tab, CR and LF to a
 * space). Namespace prefixes are checked and dropped: {@code x:c} is the element {@code c}, as the StAX reading
 * took local names. The part is streamed through a buffer that grows only to hold one tag (or one long
 * text-only value): nothing is allocated by a size the file declares.
 */
final class XmlScanner implements XlsxReader.Part {

    /** A start tag (an empty element gives its end at once after). */
    static final int START = 1;
    /** An end tag. */
    static final int END = 2;
    /** The end of the document. */
    static final int EOF = 3;

    /** Bytes that are no UTF-8: the part is damaged, not merely malformed XML. */
    static final class BadBytes extends XMLStreamException {
        BadBytes() {
            super("invalid UTF-8");
        }
    }

    /** A tag reached the end of the bytes read so far: read more and parse it again (never leaves the class). */
    private static final XMLStreamException MORE = new XMLStreamException("more");

    /** Where a tag reaches the end of what was read: more to read, or the part ends inside the tag. */
    private XMLStreamException cut() {
        return eof ? malformed("XML document structures must start and end within the same entity") : MORE;
    }

    /** ASCII characters that may start a name (1) and that may be in one (2). */
    private static final byte[] NAME = new byte[128];

    static {
        for (int c = 0; c < 128; c++) {
            NAME[c] = (byte) ((isNameStart(c) ? 1 : 0) | (isNameChar(c) ? 2 : 0));
        }
    }

    /** Names met often, given as these very strings rather than new ones (element and attribute local names). */
    private static final String[] KNOWN = {"row", "c", "v", "f", "is", "t", "r", "si", "rPh", "mergeCell", "col",
        "Relationship", "sheet", "workbookPr", "numFmt", "cellXfs", "xf", "sheetData", "rPr", "mergeCells", "cols",
        "worksheet", "sst", "Relationships", "workbook", "sheets", "styleSheet", "s", "ht", "customHeight", "hidden",
        "min", "max", "width", "customWidth", "ref", "Id", "Type", "Target", "name", "state", "sheetId", "id",
        "numFmtId", "formatCode", "date1904", "fontId", "fillId", "borderId", "xfId", "applyNumberFormat", "count",
        "uniqueCount", "rFont", "sz", "family", "charset", "scheme", "color", "b", "i", "u", "rgb", "theme",
        "dataValidation", "formula1", "sqref", "type", "allowBlank", "showErrorMessage", "spans", "x14ac:dyDescent",
        "xml:space", "space", "cellStyleXfs", "alignment", "protection", "locked", "wrapText", "vertical",
        "horizontal", "font", "fill", "border", "patternFill", "fgColor", "patternType", "tabSelected",
        "workbookViewId", "pane", "selection", "activeCell", "sqref", "xSplit", "ySplit", "topLeftCell",
        "activePane", "dimension", "sheetFormatPr", "defaultRowHeight", "pageMargins", "left", "right", "top",
        "bottom", "header", "footer"};
    private static final String[] ONE = new String[128];

    static {
        for (char c = 'a'; c <= 'z'; c++) {
            ONE[c] = String.valueOf(c).intern();
            ONE[Character.toUpperCase(c)] = String.valueOf(Character.toUpperCase(c)).intern();
        }
    }

    private static final int TABLE = 512;
    private static final byte[][] KNOWN_BYTES = new byte[TABLE][];
    private static final String[] KNOWN_NAMES = new String[TABLE];

    static {
        for (String k : KNOWN) {
            byte[] b = k.getBytes(StandardCharsets.US_ASCII);
            int h = hash(b, 0, b.length);
            while (KNOWN_BYTES[h] != null && !java.util.Arrays.equals(KNOWN_BYTES[h], b)) {
                h = (h + 1) & (TABLE - 1);
            }
            KNOWN_BYTES[h] = b;
            KNOWN_NAMES[h] = k;
        }
    }

    private static int hash(byte[] b, int from, int to) {
        int h = to - from;
        for (int i = from; i < to; i++) {
            h = h * 31 + b[i];
        }
        return (h ^ (h >>> 9)) & (TABLE - 1);
    }

    private final InputStream in;
    private final int maxDepth;
    /** A buffer of 16 KiB per thread, used again by the next part read there (not one that grew larger). */
    private static final ThreadLocal<byte[]> SPARE = new ThreadLocal<>();
    private static final int BUFFER = 16 * 1024;

    private byte[] buf;
    private int pos;
    private int lim;
    private boolean eof;

    /** The open elements' qualified names, one after another, and where each starts. */
    private byte[] names = new byte[256];
    private int[] nameAt = new int[16];
    private int depth;
    private boolean rootSeen;
    /** An empty element's end, to be given by the next call. */
    private boolean pendingEnd;
    /** Declared namespace prefixes, with the depth of the element declaring each. */
    private final List<String> prefixes = new ArrayList<>();
    private final List<Integer> prefixDepth = new ArrayList<>();

    /** The current start tag: its local name and its attributes (offsets into the buffer, valid until next()). */
    private String local;
    private int attrCount;
    private int[] attrName = new int[32];   // start of the qualified name
    private int[] attrLocal = new int[32];  // start of the local name
    private int[] attrNameEnd = new int[32];
    private int[] attrValue = new int[32];  // start of the value (after the quote)
    private int[] attrValueEnd = new int[32];
    /** The attributes' local names, made as they are asked for. */
    private String[] attrKey = new String[32];
    private final StringBuilder text = new StringBuilder();

    /** Gives the buffer back to the thread's spare (the caller closes the stream). */
    @Override
    public void close() {
        if (buf != null && buf.length == BUFFER) {
            SPARE.set(buf);
        }
        buf = null;
    }

    XmlScanner(InputStream in, int maxDepth) {
        this.in = in;
        this.maxDepth = maxDepth;
        byte[] spare = SPARE.get();
        if (spare != null) {
            SPARE.set(null);
            buf = spare;
        } else {
            buf = new byte[BUFFER];
        }
    }

    // ---------------------------------------------------------------------------------------------- the buffer

    /** Drops what is before {@code keep}, reads more; returns how far the bytes moved (or -1 at the end). */
    private int fill(int keep) throws XMLStreamException {
        if (eof) {
            return -1;
        }
        int shift = keep;
        if (keep > 0) {
            System.arraycopy(buf, keep, buf, 0, lim - keep);
            lim -= keep;
            pos -= keep;
        } else if (lim == buf.length) {
            buf = java.util.Arrays.copyOf(buf, buf.length * 2);
        }
        try {
            int n = in.read(buf, lim, buf.length - lim);
            if (n < 0) {
                eof = true;
                return -1;
            }
            lim += n;
        } catch (IOException e) {
            throw new XMLStreamException(e.getMessage(), e);
        }
        return shift;
    }

    /** The byte at pos, reading more if needed; -1 at the end. */
    private int peek() throws XMLStreamException {
        while (pos >= lim) {
            if (fill(pos) < 0) {
                return -1;
            }
        }
        return buf[pos] & 0xFF;
    }

    private static XMLStreamException malformed(String what) {
        return new XMLStreamException(what);
    }

    // ---------------------------------------------------------------------------------------------- characters

    /** Whether the document declared XML 1.1: control characters then may be referenced, not written. */
    private boolean xml11;

    /** Whether {@code c} may be written as it is (XML 1.1 takes C1 controls only as references). */
    private boolean literal(int c) {
        return isXmlChar(c) && !(xml11 && c >= 0x7F && c <= 0x9F && c != 0x85);
    }

    /** Whether {@code c} may be referenced ({@code &#1;} is a character in XML 1.1, none in 1.0). */
    private boolean referable(int c) {
        return xml11 ? c >= 1 && isXmlChar(Math.max(c, 0x20)) : isXmlChar(c);
    }

    private static boolean isXmlChar(int c) {
        return c >= 0x20 ? c <= 0xD7FF || (c >= 0xE000 && c <= 0xFFFD) || (c >= 0x10000 && c <= 0x10FFFF)
                : c == 0x9 || c == 0xA || c == 0xD;
    }

    /**
     * Decodes the UTF-8 sequence at buf[i] whose first byte is {@code b0} (≥ 0x80), within buf[..end): its code
     * point, with its length in bytes above bit 24. Ill-formed bytes are {@link BadBytes}.
     */
    private int decode(int i, int end) throws XMLStreamException {
        int b0 = buf[i] & 0xFF;
        int n;
        int cp;
        int min;
        if (b0 >= 0xC2 && b0 <= 0xDF) {
            n = 2;
            cp = b0 & 0x1F;
            min = 0x80;
        } else if (b0 >= 0xE0 && b0 <= 0xEF) {
            n = 3;
            cp = b0 & 0x0F;
            min = 0x800;
        } else if (b0 >= 0xF0 && b0 <= 0xF4) {
            n = 4;
            cp = b0 & 0x07;
            min = 0x10000;
        } else {
            throw new BadBytes();
        }
        if (i + n > end) {
            if (end == lim && !eof) {
                throw MORE;
            }
            throw new BadBytes();
        }
        for (int k = 1; k < n; k++) {
            int b = buf[i + k] & 0xFF;
            if ((b & 0xC0) != 0x80) {
                throw new BadBytes();
            }
            cp = (cp << 6) | (b & 0x3F);
        }
        if (cp < min || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) {
            throw new BadBytes();
        }
        return cp | (n << 24);
    }

    /** The code point at pos (≥ 0x80 first byte) in a streamed run, reading more as needed; pos moves past it. */
    private int streamedCodePoint() throws XMLStreamException {
        while (lim - pos < 4 && !eof) {
            fill(pos);
        }
        int d = decode(pos, lim);
        pos += d >>> 24;
        return d & 0xFFFFFF;
    }

    // ---------------------------------------------------------------------------------------------- names

    private static boolean isNameStart(int c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_' || c == ':'
                || (c >= 0xC0 && c <= 0xD6) || (c >= 0xD8 && c <= 0xF6) || (c >= 0xF8 && c <= 0x2FF)
                || (c >= 0x370 && c <= 0x37D) || (c >= 0x37F && c <= 0x1FFF) || (c >= 0x200C && c <= 0x200D)
                || (c >= 0x2070 && c <= 0x218F) || (c >= 0x2C00 && c <= 0x2FEF) || (c >= 0x3001 && c <= 0xD7FF)
                || (c >= 0xF900 && c <= 0xFDCF) || (c >= 0xFDF0 && c <= 0xFFFD) || (c >= 0x10000 && c <= 0xEFFFF);
    }

    private static boolean isNameChar(int c) {
        return isNameStart(c) || (c >= '0' && c <= '9') || c == '-' || c == '.' || c == 0xB7
                || (c >= 0x300 && c <= 0x36F) || (c >= 0x203F && c <= 0x2040);
    }

    private static boolean isSpace(int b) {
        return b == ' ' || b == '\n' || b == '\t' || b == '\r';
    }

    /**
     * Reads a qualified name at buf[i..end): where it ends; {@code colon} receives where its colon is (or -1).
     * At most one colon, neither first nor last.
     */
    private int qname(int i, int end, int[] colon) throws XMLStreamException {
        int start = i;
        colon[0] = -1;
        while (i < end) {
            int b = buf[i] & 0xFF;
            int c;
            int len;
            if (b < 0x80) {
                int kind = NAME[b];
                if ((kind & (i == start ? 1 : 2)) == 0) {
                    break;
                }
                if (b == ':') {
                    if (colon[0] >= 0 || i == start) {
                        throw malformed("bad qualified name");
                    }
                    colon[0] = i;
                }
                i++;
                continue;
            } else {
                int d = decode(i, end);
                c = d & 0xFFFFFF;
                len = d >>> 24;
            }
            if (i == start ? !isNameStart(c) : !isNameChar(c)) {
                break;
            }
            if (c == ':') {
                if (colon[0] >= 0 || i == start) {
                    throw malformed("bad qualified name");
                }
                colon[0] = i;
            }
            i += len;
        }
        if (i >= lim) {
            throw cut();
        }
        if (i == start || (colon[0] >= 0 && colon[0] == i - 1)) {
            throw malformed("name expected");
        }
        return i;
    }

    /** The name buf[from..to) as a string: one of {@link #KNOWN} where it is one. */
    private String known(int from, int to) {
        int n = to - from;
        if (n == 1 && buf[from] >= 0 && ONE[buf[from]] != null) {
            return ONE[buf[from]];
        }
        for (int h = hash(buf, from, to); KNOWN_BYTES[h] != null; h = (h + 1) & (TABLE - 1)) {
            byte[] k = KNOWN_BYTES[h];
            if (k.length == n && java.util.Arrays.equals(k, 0, n, buf, from, to)) {
                return KNOWN_NAMES[h];
            }
        }
        return new String(buf, from, n, StandardCharsets.UTF_8);
    }

    // ---------------------------------------------------------------------------------------------- events

    /** The next start or end tag, or EOF; text, comments and processing instructions are checked and passed. */
    @Override
    public int next() throws XMLStreamException {
        if (!begun) {
            bom();
        }
        if (pendingEnd) {
            pendingEnd = false;
            popElement();
            return END;
        }
        while (true) {
            int b = peek();
            if (b < 0) {
                if (depth > 0 || !rootSeen) {
                    throw malformed("XML document structures must start and end within the same entity");
                }
                return EOF;
            }
            if (b == '<') {
                int ev = markup(null);
                if (ev != 0) {
                    return ev;
                }
            } else if (depth == 0) {
                if (!isSpace(b)) {
                    if (b >= 0x80) {
                        streamedCodePoint(); // bytes that are no UTF-8 are told as such first
                    }
                    throw malformed("content is not allowed outside the root element");
                }
                begun = true;
                pos++;
            } else {
                text(null);
            }
        }
    }

    /** The local name of the current start tag. */
    @Override
    public String localName() {
        return local;
    }

    /** The value of the current start tag's attribute of this local name (any prefix); null where it has none. */
    @Override
    public String attr(String name) throws XMLStreamException {
        for (int a = 0; a < attrCount; a++) {
            String k = attrKey[a];
            if (k == null) {
                k = known(attrLocal[a], attrNameEnd[a]);
                attrKey[a] = k;
            }
            if (k == name || k.equals(name)) {
                return value(attrValue[a], attrValueEnd[a]);
            }
        }
        return null;
    }

    private boolean matches(int from, String s) {
        for (int j = 0; j < s.length(); j++) {
            if (buf[from + j] != s.charAt(j)) {
                return false;
            }
        }
        return true;
    }

    /**
     * The text of the current element, which may hold no element (comments and processing instructions are
     * passed over); the reader is left after its end tag, which is not given as an event.
     */
    @Override
    public String elementText() throws XMLStreamException {
        text.setLength(0);
        if (pendingEnd) {
            pendingEnd = false;
            popElement();
            return "";
        }
        while (true) {
            int b = peek();
            if (b < 0) {
                throw malformed("XML document structures must start and end within the same entity");
            }
            if (b == '<') {
                int ev = markup(text);
                if (ev == END) {
                    return text.toString();
                }
                if (ev == START) {
                    throw malformed("elementGetText() function expects text only element");
                }
            } else {
                text(text);
            }
        }
    }

    // ---------------------------------------------------------------------------------------------- markup

    /** A leading byte order mark is passed over (one, as the strict decoder's reading dropped one). */
    private void bom() throws XMLStreamException {
        while (lim - pos < 3 && !eof) {
            fill(pos);
        }
        if (lim - pos >= 3 && (buf[pos] & 0xFF) == 0xEF && (buf[pos + 1] & 0xFF) == 0xBB && (buf[pos + 2] & 0xFF) == 0xBF) {
            pos += 3;
        }
    }

    /** Markup at pos ('<'): START, END, or 0 for a comment, a processing instruction or CDATA (into out). */
    private int markup(StringBuilder out) throws XMLStreamException {
        int ev = markup1(out);
        begun = true;
        return ev;
    }

    private int markup1(StringBuilder out) throws XMLStreamException {
        while (lim - pos < 9 && !eof) {
            fill(pos);
        }
        int b1 = pos + 1 < lim ? buf[pos + 1] & 0xFF : -1;
        if (b1 == '/') {
            endTag();
            return END;
        }
        if (b1 == '?') {
            pi();
            return 0;
        }
        if (b1 == '!') {
            if (startsWith("<!--")) {
                comment();
                return 0;
            }
            if (startsWith("<![CDATA[")) {
                if (depth == 0) {
                    throw malformed("CDATA outside the root element");
                }
                cdata(out);
                return 0;
            }
            if (startsWith("<!DOCTYPE") && !rootSeen) {
                throw malformed("DOCTYPE");
            }
            throw malformed("markup not well-formed");
        }
        startTag();
        return START;
    }

    private boolean startsWith(String s) {
        if (lim - pos < s.length()) {
            return false;
        }
        return matches(pos, s);
    }

    private final int[] colon = new int[1];

    private void startTag() throws XMLStreamException {
        if (depth == 0 && rootSeen) {
            throw malformed("markup after the root element");
        }
        int end;
        while (true) {
            try {
                end = parseStart();
                break;
            } catch (XMLStreamException e) {
                if (e != MORE) {
                    throw e;
                }
                fill(pos);
            }
        }
        int nameStart = pos + 1;
        int nameEnd = tagNameEnd;
        int elColon = tagColon;
        boolean empty = buf[end - 1] == '/';
        if (depth >= maxDepth) {
            throw malformed("maxElementDepth: elements nested deeper than " + maxDepth);
        }
        pushElement(nameStart, nameEnd);
        declarePrefixes();
        if (elColon >= 0) {
            bound(new String(buf, nameStart, elColon - nameStart, StandardCharsets.UTF_8), false);
        }
        for (int a = 0; a < attrCount; a++) {
            checkAttribute(a);
        }
        local = known(elColon >= 0 ? elColon + 1 : nameStart, nameEnd);
        rootSeen = true;
        pos = end + 1;
        pendingEnd = empty;
    }

    /** The end of the name of the start tag parseStart read, and where its colon is (or -1). */
    private int tagNameEnd;
    private int tagColon;

    /**
     * The start tag at pos, read as far as the bytes read go (then {@link #MORE} is thrown, to read more and start
     * again): its name and attributes; returns where its '>' is.
     */
    private int parseStart() throws XMLStreamException {
        int i = pos + 1;
        tagNameEnd = qname(i, lim, colon);
        tagColon = colon[0];
        i = tagNameEnd;
        attrCount = 0;
        while (true) {
            boolean spaced = false;
            while (i < lim && isSpace(buf[i])) {
                i++;
                spaced = true;
            }
            if (i >= lim) {
                throw cut();
            }
            byte b = buf[i];
            if (b == '>') {
                return i;
            }
            if (b == '/') {
                if (i + 1 >= lim) {
                    throw cut();
                }
                if (buf[i + 1] == '>') {
                    return i + 1;
                }
                throw malformed("start tag not well-formed");
            }
            if (!spaced) {
                throw malformed("white space required between attributes");
            }
            i = attribute(i, lim);
        }
    }

    /** One attribute at buf[i..end): name, '=', quoted value; returns where it ends. */
    private int attribute(int i, int end) throws XMLStreamException {
        int start = i;
        int nameEnd = qname(i, end, colon);
        i = nameEnd;
        while (i < end && isSpace(buf[i])) {
            i++;
        }
        if (i >= lim) {
            throw cut();
        }
        if (buf[i] != '=') {
            throw malformed("attribute without a value");
        }
        i++;
        while (i < end && isSpace(buf[i])) {
            i++;
        }
        if (i >= lim) {
            throw cut();
        }
        if (buf[i] != '"' && buf[i] != '\'') {
            throw malformed("attribute value without quotes");
        }
        byte quote = buf[i++];
        int vStart = i;
        while (i < end && buf[i] != quote) {
            int b = buf[i] & 0xFF;
            if (b == '<') {
                throw malformed("'<' in an attribute value");
            }
            if (b == '&') {
                int semi = i + 1;
                while (semi < end && buf[semi] != ';' && buf[semi] != quote) {
                    semi++;
                }
                if (semi >= lim) {
                    throw cut();
                }
                if (semi == end || buf[semi] != ';') {
                    throw malformed("entity reference not well-formed");
                }
                entity(i, semi);
                i = semi + 1;
            } else if (b < 0x80) {
                if ((b < 0x20 || b == 0x7F) && !literal(b)) {
                    throw malformed("invalid XML character");
                }
                i++;
            } else {
                int d = decode(i, end);
                if (!literal(d & 0xFFFFFF)) {
                    throw malformed("invalid XML character");
                }
                i += d >>> 24;
            }
        }
        if (i >= lim) {
            throw cut();
        }
        if (i == end) {
            throw malformed("attribute value not closed");
        }
        if (attrCount == attrName.length) {
            int n = attrCount * 2;
            attrName = java.util.Arrays.copyOf(attrName, n);
            attrLocal = java.util.Arrays.copyOf(attrLocal, n);
            attrNameEnd = java.util.Arrays.copyOf(attrNameEnd, n);
            attrValue = java.util.Arrays.copyOf(attrValue, n);
            attrValueEnd = java.util.Arrays.copyOf(attrValueEnd, n);
            attrKey = java.util.Arrays.copyOf(attrKey, n);
        }
        attrName[attrCount] = start;
        attrLocal[attrCount] = colon[0] >= 0 ? colon[0] + 1 : start;
        attrNameEnd[attrCount] = nameEnd;
        attrValue[attrCount] = vStart;
        attrValueEnd[attrCount] = i;
        attrKey[attrCount] = null;
        attrCount++;
        return i + 1;
    }

    private boolean sameName(int a, int b) {
        int n = attrNameEnd[a] - attrName[a];
        if (attrNameEnd[b] - attrName[b] != n) {
            return false;
        }
        for (int j = 0; j < n; j++) {
            if (buf[attrName[a] + j] != buf[attrName[b] + j]) {
                return false;
            }
        }
        return true;
    }

    /** xmlns and xmlns:p attributes of the current start tag declare prefixes at its depth. */
    private void declarePrefixes() throws XMLStreamException {
        for (int a = 0; a < attrCount; a++) {
            int n = attrNameEnd[a] - attrName[a];
            if (n > 6 && matches(attrName[a], "xmlns:")) {
                String p = new String(buf, attrName[a] + 6, n - 6, StandardCharsets.UTF_8);
                if (attrValueEnd[a] == attrValue[a] || p.equals("xmlns")) {
                    throw malformed("bad namespace declaration");
                }
                prefixes.add(p);
                prefixDepth.add(depth);
            }
        }
    }

    private void checkAttribute(int a) throws XMLStreamException {
        for (int b = 0; b < a; b++) {
            if (sameName(a, b)) {
                throw malformed("attribute specified twice");
            }
        }
        int colonAt = attrLocal[a] - 1;
        if (colonAt > attrName[a]) {
            String p = new String(buf, attrName[a], colonAt - attrName[a], StandardCharsets.UTF_8);
            if (!p.equals("xmlns")) {
                bound(p, true);
            }
        }
    }

    /** A prefix must be declared in scope ("xml" always is). */
    private void bound(String prefix, boolean attribute) throws XMLStreamException {
        if (prefix.equals("xml")) {
            return;
        }
        if (prefix.equals("xmlns") && !attribute) {
            throw malformed("element with the prefix xmlns");
        }
        for (int k = prefixes.size() - 1; k >= 0; k--) {
            if (prefixes.get(k).equals(prefix)) {
                return;
            }
        }
        throw malformed("the prefix \"" + prefix + "\" is not bound");
    }

    private void pushElement(int from, int to) {
        int n = to - from;
        int at = depth == 0 ? 0 : nameAt[depth];
        if (depth + 1 >= nameAt.length) {
            nameAt = java.util.Arrays.copyOf(nameAt, nameAt.length * 2);
        }
        if (at + n > names.length) {
            names = java.util.Arrays.copyOf(names, Math.max(names.length * 2, at + n));
        }
        System.arraycopy(buf, from, names, at, n);
        nameAt[depth] = at;
        nameAt[depth + 1] = at + n;
        depth++;
    }

    private void popElement() {
        depth--;
        while (!prefixDepth.isEmpty() && prefixDepth.get(prefixDepth.size() - 1) > depth) {
            prefixes.remove(prefixes.size() - 1);
            prefixDepth.remove(prefixDepth.size() - 1);
        }
    }

    private void endTag() throws XMLStreamException {
        int end;
        while (true) {
            try {
                end = parseEnd();
                break;
            } catch (XMLStreamException e) {
                if (e != MORE) {
                    throw e;
                }
                fill(pos);
            }
        }
        int i = pos + 2;
        int nameEnd = tagNameEnd;
        int open = nameAt[depth - 1];
        int n = nameAt[depth] - open;
        if (nameEnd - i != n) {
            throw malformed("end tag does not match its start tag");
        }
        for (int k = 0; k < n; k++) {
            if (names[open + k] != buf[i + k]) {
                throw malformed("end tag does not match its start tag");
            }
        }
        local = known(tagColon >= 0 ? tagColon + 1 : i, nameEnd);
        popElement();
        pos = end + 1;
    }

    /** The end tag at pos, read as far as the bytes read go (else {@link #MORE}): where its '>' is. */
    private int parseEnd() throws XMLStreamException {
        tagNameEnd = qname(pos + 2, lim, colon);
        tagColon = colon[0];
        int j = tagNameEnd;
        while (j < lim && isSpace(buf[j])) {
            j++;
        }
        if (j >= lim) {
            throw cut();
        }
        if (buf[j] != '>' || depth == 0) {
            throw malformed("end tag not well-formed");
        }
        return j;
    }

    /** A comment: no "--" inside, none before its end. */
    private void comment() throws XMLStreamException {
        pos += 4;
        int dashes = 0;
        while (true) {
            int b = peek();
            if (b < 0) {
                throw malformed("comment not closed");
            }
            if (b == '-') {
                dashes++;
                pos++;
                continue;
            }
            if (dashes >= 2) {
                if (b == '>' && dashes == 2) {
                    pos++;
                    return;
                }
                throw malformed("'--' in a comment");
            }
            dashes = 0;
            char1(b);
        }
    }

    /** Checks one character at pos (first byte b) and passes it: its code point. */
    private int char1(int b) throws XMLStreamException {
        if (b < 0x80) {
            if ((b < 0x20 || b == 0x7F) && !literal(b)) {
                throw malformed("invalid XML character");
            }
            pos++;
            return b;
        }
        int cp = streamedCodePoint();
        if (!literal(cp)) {
            throw malformed("invalid XML character");
        }
        return cp;
    }

    /** A processing instruction, or the XML declaration where it is the very first thing. */
    private void pi() throws XMLStreamException {
        int end = piEnd();
        int i = pos + 2;
        int nameEnd = qname(i, end, colon);
        if (colon[0] >= 0) {
            throw malformed("colon in a processing instruction's target");
        }
        boolean xml = nameEnd - i == 3 && (buf[i] | 0x20) == 'x' && (buf[i + 1] | 0x20) == 'm'
                && (buf[i + 2] | 0x20) == 'l';
        if (xml) {
            if (begun || !matches(i, "xml")) {
                throw malformed("the processing instruction target matching [xX][mM][lL] is not allowed");
            }
            declaration(nameEnd, end);
        } else if (nameEnd < end && !isSpace(buf[nameEnd])) {
            throw malformed("processing instruction not well-formed");
        }
        for (int k = nameEnd; k < end; ) {
            int b = buf[k] & 0xFF;
            if (b < 0x80) {
                if ((b < 0x20 || b == 0x7F) && !literal(b)) {
                    throw malformed("invalid XML character");
                }
                k++;
            } else {
                int d = decode(k, end);
                if (!literal(d & 0xFFFFFF)) {
                    throw malformed("invalid XML character");
                }
                k += d >>> 24;
            }
        }
        pos = end + 2;
    }

    /** Whether anything was read yet (the XML declaration must be the first thing, after a byte order mark). */
    private boolean begun;

    /** Where "?>" closing the processing instruction at pos is; the whole of it is then in the buffer. */
    private int piEnd() throws XMLStreamException {
        int i = pos + 2;
        while (true) {
            if (i + 1 >= lim) {
                int shift = fill(pos);
                if (shift < 0) {
                    throw malformed("processing instruction not closed");
                }
                i -= shift;
                continue;
            }
            if (buf[i] == '?' && buf[i + 1] == '>') {
                return i;
            }
            i++;
        }
    }

    /** version="1.0" [encoding="…"] [standalone="yes|no"], in that order (the encoding read is UTF-8's). */
    private void declaration(int i, int end) throws XMLStreamException {
        String[] order = {"version", "encoding", "standalone"};
        int next = 0;
        attrCount = 0;
        while (true) {
            boolean spaced = false;
            while (i < end && isSpace(buf[i])) {
                i++;
                spaced = true;
            }
            if (i == end) {
                break;
            }
            if (!spaced) {
                throw malformed("XML declaration not well-formed");
            }
            i = attribute(i, end);
            int a = attrCount - 1;
            String name = new String(buf, attrName[a], attrNameEnd[a] - attrName[a], StandardCharsets.UTF_8);
            String v = value(attrValue[a], attrValueEnd[a]);
            while (next < order.length && !order[next].equals(name)) {
                if (next == 0) {
                    throw malformed("XML declaration without its version");
                }
                next++;
            }
            if (next == order.length) {
                throw malformed("XML declaration not well-formed");
            }
            boolean ok = switch (name) {
                case "version" -> v.equals("1.0") || (xml11 = v.equals("1.1"));
                case "encoding" -> !v.isEmpty() && Character.isLetter(v.charAt(0))
                        && v.chars().allMatch(c -> c < 0x80 && (Character.isLetterOrDigit(c) || c == '.' || c == '_'
                        || c == '-'));
                default -> v.equals("yes") || v.equals("no");
            };
            if (!ok) {
                throw malformed("XML declaration not well-formed");
            }
            next++;
        }
        if (next == 0) {
            throw malformed("XML declaration without its version");
        }
        attrCount = 0;
    }

    /** A CDATA section, into out where text is wanted. */
    private void cdata(StringBuilder out) throws XMLStreamException {
        pos += 9;
        int brackets = 0;
        while (true) {
            int b = peek();
            if (b < 0) {
                throw malformed("CDATA section not closed");
            }
            if (b == '>' && brackets >= 2) {
                if (out != null) {
                    out.setLength(out.length() - 2);
                }
                pos++;
                return;
            }
            brackets = b == ']' ? brackets + 1 : 0;
            int cp = char1(b);
            if (out != null) {
                append(out, cp);
            }
        }
    }

    /** Appends the character just passed, line ends normalised (CR LF and CR to LF). */
    private void append(StringBuilder out, int cp) throws XMLStreamException {
        if (cp == '\r') {
            out.append('\n');
            if (peek() == '\n') {
                pos++;
            } else if (xml11 && peek() == 0xC2) {
                while (lim - pos < 2 && !eof) {
                    fill(pos);
                }
                if (lim - pos >= 2 && (buf[pos + 1] & 0xFF) == 0x85) {
                    pos += 2;
                }
            }
        } else if (xml11 && (cp == 0x85 || cp == 0x2028)) {
            out.append('\n');
        } else {
            out.appendCodePoint(cp);
        }
    }

    /** Text up to the next markup, into out where it is wanted: "]]>" refused, references resolved. */
    private void text(StringBuilder out) throws XMLStreamException {
        int brackets = 0;
        while (true) {
            int b = peek();
            if (b < 0 || b == '<') {
                return;
            }
            if (b == '&') {
                int cp = reference();
                if (out != null) {
                    out.appendCodePoint(cp);
                }
                brackets = 0;
                continue;
            }
            if (b == '>' && brackets >= 2) {
                throw malformed("']]>' in text");
            }
            brackets = b == ']' ? brackets + 1 : 0;
            if (out == null) {
                char1(b);
            } else if (b >= 0x20 && b < 0x7F) {
                out.append((char) b);
                pos++;
            } else {
                append(out, char1(b));
            }
        }
    }

    /** A reference at pos ('&') in streamed text: its character. */
    private int reference() throws XMLStreamException {
        while (lim - pos < 12 && !eof) {
            fill(pos);
        }
        int i = pos;
        int end = i;
        while (end < lim && end - i < 12 && buf[end] != ';') {
            end++;
        }
        if (end < lim && buf[end] == ';') {
            int cp = entity(i, end);
            pos = end + 1;
            return cp;
        }
        if (i + 2 < lim && buf[i + 1] == '#') { // a character reference with many leading zeros
            pos += 2;
            boolean hex = peek() == 'x';
            if (hex) {
                pos++;
            }
            long v = 0;
            int digits = 0;
            while (true) {
                int b = peek();
                int d = digit(b, hex);
                if (d < 0) {
                    if (b != ';' || digits == 0) {
                        throw malformed("character reference not well-formed");
                    }
                    pos++;
                    break;
                }
                v = Math.min(v * (hex ? 16 : 10) + d, 0x110000);
                digits++;
                pos++;
            }
            if (!referable((int) v)) {
                throw malformed("invalid XML character reference");
            }
            return (int) v;
        }
        throw malformed("entity reference not well-formed or not declared");
    }

    private static int digit(int b, boolean hex) {
        if (b >= '0' && b <= '9') {
            return b - '0';
        }
        if (hex && b >= 'a' && b <= 'f') {
            return b - 'a' + 10;
        }
        if (hex && b >= 'A' && b <= 'F') {
            return b - 'A' + 10;
        }
        return -1;
    }

    /** The reference buf[i..end) ('&' to before ';'): one of the five predefined entities, or a character. */
    private int entity(int i, int end) throws XMLStreamException {
        int n = end - i - 1;
        int s = i + 1;
        if (n >= 2 && buf[s] == '#') {
            boolean hex = buf[s + 1] == 'x';
            int k = s + (hex ? 2 : 1);
            if (k == end) {
                throw malformed("character reference not well-formed");
            }
            long v = 0;
            for (; k < end; k++) {
                int d = digit(buf[k], hex);
                if (d < 0) {
                    throw malformed("character reference not well-formed");
                }
                v = Math.min(v * (hex ? 16 : 10) + d, 0x110000);
            }
            if (!referable((int) v)) {
                throw malformed("invalid XML character reference");
            }
            return (int) v;
        }
        if (n == 3 && matches(s, "amp")) {
            return '&';
        }
        if (n == 2 && matches(s, "lt")) {
            return '<';
        }
        if (n == 2 && matches(s, "gt")) {
            return '>';
        }
        if (n == 4 && matches(s, "quot")) {
            return '"';
        }
        if (n == 4 && matches(s, "apos")) {
            return '\'';
        }
        throw malformed("the entity was referenced, but not declared");
    }

    /** An attribute value buf[from..to) as XML gives it: references resolved, white space normalised. */
    private String value(int from, int to) throws XMLStreamException {
        boolean plain = true;
        for (int k = from; k < to; k++) {
            byte b = buf[k];
            if (b == '&' || b == '\t' || b == '\n' || b == '\r' || (xml11 && b < 0)) {
                plain = false;
                break;
            }
        }
        if (plain) {
            return new String(buf, from, to - from, StandardCharsets.UTF_8);
        }
        StringBuilder sb = new StringBuilder(to - from);
        int k = from;
        while (k < to) {
            int b = buf[k] & 0xFF;
            if (b == '&') {
                int semi = k + 1;
                while (semi < to && buf[semi] != ';') {
                    semi++;
                }
                if (semi == to) {
                    throw malformed("entity reference not well-formed");
                }
                sb.appendCodePoint(entity(k, semi));
                k = semi + 1;
            } else if (b == '\r') {
                sb.append(' ');
                k += k + 1 < to && buf[k + 1] == '\n' ? 2
                        : xml11 && k + 2 < to && (buf[k + 1] & 0xFF) == 0xC2 && (buf[k + 2] & 0xFF) == 0x85 ? 3 : 1;
            } else if (b == '\t' || b == '\n') {
                sb.append(' ');
                k++;
            } else if (b < 0x80) {
                sb.append((char) b);
                k++;
            } else {
                int d = decode(k, to);
                int cp = d & 0xFFFFFF;
                sb.appendCodePoint(xml11 && (cp == 0x85 || cp == 0x2028) ? ' ' : cp);
                k += d >>> 24;
            }
        }
        return sb.toString();
    }
}
