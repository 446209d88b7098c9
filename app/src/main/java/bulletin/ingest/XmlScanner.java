package bulletin.ingest;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
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
 * <li>elements nested deeper than the limit it is given, more than {@link #MAX_ATTRIBUTES} attributes on one, a
 *     name (prefix, local part, target) or namespace URI longer than {@link #MAX_NAME}: the JDK's limits;</li>
 * <li>names with characters outside XML 1.0 fourth edition's tables ({@link XmlNames}; XML 1.1's own in 1.1), two
 *     attributes of one namespace and local name, the prefixes xml and xmlns or their URIs bound otherwise.</li>
 * </ul>
 * Line ends are normalised (CR LF and CR to LF) and attribute values as XML prescribes (tab, CR and LF to a
 * space). Namespace prefixes are checked and dropped: {@code x:c} is the element {@code c}, as the StAX reading
 * took local names; namespace declarations are no attributes. The part is streamed through a buffer that grows
 * only to hold one tag (or one long text-only value): nothing is allocated by a size the file declares, and every
 * step costs in proportion to the part's length (a tag is parsed once, attributes given twice found by hashing).
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

    /** Attributes on one element, as the JDK's {@code jdk.xml.elementAttributeLimit} (namespace declarations aside). */
    static final int MAX_ATTRIBUTES = 10_000;
    /** Characters in a name's prefix or local part, a target or a namespace URI ({@code jdk.xml.maxXMLNameLimit}). */
    static final int MAX_NAME = 1_000;
    /** The namespace the prefix xml is bound to, and that of namespace declarations (both reserved). */
    static final String XML_URI = "http://www.w3.org/XML/1998/namespace";
    static final String XMLNS_URI = "http://www.w3.org/2000/xmlns/";

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

    /**
     * {@link #NAME} for the tag-level fast path, over all 256 byte values: ASCII letters, digits and {@code _ - .}
     * only (no colon: a prefixed name is bound to its namespace on the careful path; no byte of a multi-byte
     * character: those are checked against the name tables there).
     */
    private static final byte[] FAST_NAME = new byte[256];

    static {
        for (int c = 0; c < 128; c++) {
            FAST_NAME[c] = c == ':' ? 0 : NAME[c];
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
        for (char c = '0'; c <= '9'; c++) {
            ONE[c] = String.valueOf(c).intern();
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
    /** Whether the fast paths are taken (see the constructor). */
    private final boolean fast;
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
    /** The open elements' local names, as {@link #localName} gave them at their start tags. */
    private String[] locals = new String[16];
    private int depth;
    private boolean rootSeen;
    /** An empty element's end, to be given by the next call. */
    private boolean pendingEnd;
    /**
     * Declared namespace prefixes, innermost last: each one's URI (null where XML 1.1 undeclares it), the depth of
     * the element declaring it and the declaration it hides (or -1); {@link #prefixTop} finds a prefix's innermost.
     */
    private String[] nsPrefix = new String[8];
    private String[] nsUri = new String[8];
    private int[] nsDepth = new int[8];
    private int[] nsHidden = new int[8];
    private int nsCount;
    private final Map<String, Integer> prefixTop = new HashMap<>();

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
    /** The attributes' namespace URIs (null for none; {@link #XMLNS_URI} for a namespace declaration). */
    private String[] attrUri = new String[32];
    /** The attributes of the current start tag that are not namespace declarations (limited as StAX limits them). */
    private int plainAttrs;

    private final StringBuilder text = new StringBuilder();

    /** Gives the buffer back to the thread's spare (the caller closes the stream). */
    @Override
    public void close() {
        if (buf != null && buf.length == BUFFER && !given) {
            SPARE.set(buf);
        }
        buf = null;
    }

    XmlScanner(InputStream in, int maxDepth) {
        this(in, maxDepth, true);
    }

    /** Whether the buffer is the caller's ({@link #XmlScanner(byte[], int, int)}): never kept as the thread's spare. */
    private boolean given;

    /**
     * A scanner of a whole part already in memory, {@code bytes[0, length)}: read there, not copied (the caller
     * keeps the array unchanged until {@link #close}), as if streamed to its end.
     */
    XmlScanner(byte[] bytes, int length, int maxDepth) {
        this.in = null;
        this.maxDepth = maxDepth;
        this.fast = true;
        this.buf = bytes;
        this.lim = length;
        this.eof = true;
        this.given = true;
    }

    /**
     * A scanner that takes the fast paths ({@link #fastStart}, the end tag's, {@link #elementWhole}) where
     * {@code fast}, else reads every tag the careful way (the reference they are tested against).
     */
    XmlScanner(InputStream in, int maxDepth, boolean fast) {
        this.in = in;
        this.maxDepth = maxDepth;
        this.fast = fast;
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
            if (!nameChar(c, i == start)) {
                break;
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

    /**
     * A start tag's or attribute's name buf[start..end), its colon at c (or -1): neither its prefix nor its local
     * part may be longer than {@link #MAX_NAME}. (An end tag's name is only compared with its start tag's.)
     */
    private void limitName(int start, int end, int c) throws XMLStreamException {
        if (end - start > MAX_NAME) { // a byte or more per character: only a name of this many bytes may be too long
            if (c >= 0 ? length(start, c) > MAX_NAME || length(c + 1, end) > MAX_NAME : length(start, end) > MAX_NAME) {
                throw nameTooLong();
            }
        }
    }

    /**
     * Whether the non-ASCII character c may start ({@code first}) or be in a name: by XML 1.0 fourth edition's
     * tables in an XML 1.0 document, by the fifth edition's ranges in XML 1.1 (as the JDK's parser judges them).
     */
    private boolean nameChar(int c, boolean first) {
        if (xml11) {
            return first ? isNameStart(c) : isNameChar(c);
        }
        return first ? XmlNames.isStart10(c) : XmlNames.isChar10(c);
    }

    /** The UTF-16 length of the well-formed UTF-8 bytes buf[from..to), as the JDK counts a name's characters. */
    private int length(int from, int to) {
        int n = 0;
        for (int k = from; k < to; k++) {
            int b = buf[k] & 0xFF;
            n += (b & 0xC0) == 0x80 ? 0 : b >= 0xF0 ? 2 : 1;
        }
        return n;
    }

    private static XMLStreamException nameTooLong() {
        return malformed("JAXP00010005: maxXMLNameLimit: a name or namespace URI longer than " + MAX_NAME
                + " characters");
    }

    /**
     * Reads a processing instruction's target at buf[i..end): a name in which a colon is a character like any
     * other (as the JDK reads it); returns where it ends.
     */
    private int target(int i, int end) throws XMLStreamException {
        int start = i;
        while (i < end) {
            int b = buf[i] & 0xFF;
            if (b < 0x80) {
                if ((NAME[b] & (i == start ? 1 : 2)) == 0) {
                    break;
                }
                i++;
                continue;
            }
            int d = decode(i, end);
            if (!nameChar(d & 0xFFFFFF, i == start)) {
                break;
            }
            i += d >>> 24;
        }
        if (i == start) {
            throw malformed("processing instruction without a target");
        }
        if (i - start > MAX_NAME && length(start, i) > MAX_NAME) {
            throw nameTooLong();
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
        if (fast && begun && depth > 0 && pos + 1 < lim && buf[pos] == '<') { // a tag right here: straight to it
            byte b1 = buf[pos + 1];
            if (b1 == '/') {
                endTag(); // as markup() would: its own fast path, else the careful one
                return END;
            }
            if (fastStart()) {
                return START;
            }
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
                    // bytes that are no UTF-8 are told as such first; NEL and LS are line ends in XML 1.1
                    int cp = b >= 0x80 ? streamedCodePoint() : b;
                    if (!xml11 || (cp != 0x85 && cp != 0x2028)) {
                        throw malformed("content is not allowed outside the root element");
                    }
                    begun = true;
                    continue;
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

    /**
     * The value of the current start tag's first attribute of this local name, in any namespace or none (as the
     * StAX reading asked); null where it has none. A namespace declaration ({@code xmlns:t="…"}) is no attribute.
     */
    @Override
    public String attr(String name) throws XMLStreamException {
        int a = attrIndex(name);
        return a < 0 ? null : value(attrValue[a], attrValueEnd[a]);
    }

    /** Which attribute {@link #attr} gives for this local name; -1 where none. */
    private int attrIndex(String name) {
        if (name.length() == 1 && name.charAt(0) < 0x80) { // r, t, s of every cell: compared as a byte, no name made
            byte one = (byte) name.charAt(0);
            for (int a = 0; a < attrCount; a++) {
                if (attrNameEnd[a] - attrLocal[a] == 1 && buf[attrLocal[a]] == one && attrUri[a] != XMLNS_URI) {
                    return a;
                }
            }
            return -1;
        }
        int n = name.length();
        boolean ascii = true;
        for (int j = 0; j < n && ascii; j++) {
            ascii = name.charAt(j) < 0x80;
        }
        if (ascii) { // an ASCII name is these very bytes: compared without a string made per attribute
            for (int a = 0; a < attrCount; a++) {
                if (attrNameEnd[a] - attrLocal[a] == n && matches(attrLocal[a], name) && attrUri[a] != XMLNS_URI) {
                    return a;
                }
            }
            return -1;
        }
        for (int a = 0; a < attrCount; a++) {
            if (attrUri[a] == XMLNS_URI) {
                continue;
            }
            String k = attrKey[a];
            if (k == null) {
                k = known(attrLocal[a], attrNameEnd[a]);
                attrKey[a] = k;
            }
            if (k == name || k.equals(name)) {
                return a;
            }
        }
        return -1;
    }

    /**
     * The attribute {@link #attr} gives, where its value is written as plain decimal digits (1 to 9 of them, so no
     * reference, no white space, no sign): their value; -1 where there is no such attribute or it is written
     * otherwise (then {@link #attr} gives it as text). No string is made.
     */
    @Override
    public int attrDigits(String name) {
        int a = attrIndex(name);
        return a < 0 ? -1 : digits(attrValue[a], attrValueEnd[a]);
    }

    private int digits(int from, int to) {
        if (to - from < 1 || to - from > 9) {
            return -1;
        }
        int v = 0;
        for (int k = from; k < to; k++) {
            int d = buf[k] - '0';
            if (d < 0 || d > 9) {
                return -1;
            }
            v = v * 10 + d;
        }
        return v;
    }

    /**
     * The attribute {@link #attr} gives, where it is a plain cell reference, one to three capital letters and one to
     * nine digits ("F16"): its row and column from 0, as {@code row << 20 | col}; -1 where there is no such attribute
     * or it is written otherwise (then {@link #attr} gives it as text). No string is made.
     */
    @Override
    public long attrCell(String name) {
        int a = attrIndex(name);
        return a < 0 ? -1 : cellRef(attrValue[a], attrValueEnd[a]);
    }

    /** The plain cell reference buf[from..to) as {@link #attrCell} reads one; -1 where it is written otherwise. */
    private long cellRef(int from, int to) {
        int k = from;
        long col = 0;
        while (k < to && k - from < 3 && buf[k] >= 'A' && buf[k] <= 'Z') {
            col = col * 26 + (buf[k] - 'A' + 1);
            k++;
        }
        if (k == from) {
            return -1;
        }
        int row = digits(k, to);
        if (row <= 0) {
            return -1;
        }
        return ((long) (row - 1) << 20) | (col - 1);
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
        plainKeep = false;
        return text(null, null);
    }

    /**
     * {@link #elementText}, where its text is plain ({@link #plainText}) and its bytes are {@code known}'s:
     * {@code knownText} (their text, as this reading made it before), no string made. The bytes of a plain text
     * that are not {@code known}'s are kept for {@link #plainBytes}.
     */
    @Override
    public String elementText(byte[] known, String knownText) throws XMLStreamException {
        plainKeep = true;
        return text(known, knownText);
    }

    private String text(byte[] known, String knownText) throws XMLStreamException {
        text.setLength(0);
        plainKnown = known;
        plainKnownText = knownText;
        plainBytes = null;
        if (pendingEnd) {
            pendingEnd = false;
            popElement();
            return "";
        }
        String plain = fast ? plainText() : null;
        if (plain != null) {
            return plain;
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

    /**
     * The text of the current element where it is plain (see {@link XlsxReader.Part#elementWhole}): with
     * {@code index} 1 to 9 digits, else an optional minus, 1 to 15 digits and an optional "." with one to three
     * zeros, all in the buffer and followed at once by an end tag, which is then read as usual; its value. Else
     * {@link XlsxReader#NOT_WHOLE}, and nothing is read (the text may be anything: {@link #elementText} reads it).
     */
    @Override
    public long elementWhole(boolean index) throws XMLStreamException {
        if (!fast || pendingEnd) {
            return XlsxReader.NOT_WHOLE;
        }
        int end = wholeAt(pos, index);
        if (end < 0) {
            return XlsxReader.NOT_WHOLE;
        }
        pos = end;
        endTag();
        return wholeRead;
    }

    /** The number {@link #wholeAt} read last. */
    private long wholeRead;

    /**
     * The plain text {@link #elementWhole} reads at buf[i] ({@code index}: 1 to 9 digits; else an optional minus, 1
     * to 15 digits, an optional "." with one to three zeros) followed at once by {@code </}, all in the buffer: where
     * its {@code </} is, its value put in {@link #wholeRead}; -1 where it is written otherwise.
     */
    private int wholeAt(int i, boolean index) {
        byte[] b = buf;
        int l = lim;
        boolean minus = !index && i < l && b[i] == '-';
        if (minus) {
            i++;
        }
        int start = i;
        int most = index ? 9 : 15;
        long x = 0;
        while (i < l && i - start < most && b[i] >= '0' && b[i] <= '9') {
            x = x * 10 + (b[i] - '0');
            i++;
        }
        if (i == start) {
            return -1;
        }
        if (!index && i < l && b[i] == '.') {
            int zeros = ++i;
            while (i < l && i - zeros < 3 && b[i] == '0') {
                i++;
            }
            if (i == zeros) {
                return -1;
            }
        }
        if (i + 1 >= l || b[i] != '<' || b[i + 1] != '/') {
            return -1;
        }
        wholeRead = minus ? -x : x;
        return i;
    }

    /**
     * The common case of {@link #elementText}, without a builder: printable ASCII, tabs, line feeds and the
     * three-byte characters {@link #skipPlain} trusts (in XML 1.0) up to an end tag, all in the buffer (a figure, a
     * shared string's text); the end tag is then read as usual. Null where it is not so.
     */
    /** What {@link #elementText(byte[], String)} was given, and the plain bytes it kept (else null). */
    private byte[] plainKnown;
    private String plainKnownText;
    private boolean plainKeep;
    private byte[] plainBytes;

    /**
     * The bytes of the text {@link #elementText(byte[], String)} read last, where it was plain and not the known
     * bytes it was given (those where it was, the string given back); null otherwise.
     */
    @Override
    public byte[] plainBytes() {
        return plainBytes;
    }

    private String plainText() throws XMLStreamException {
        byte[] bb = buf;
        int i = pos;
        int l = lim;
        boolean ascii = true;
        while (i < l) {
            byte b = bb[i];
            if (b == '<') {
                if (i + 1 < l && bb[i + 1] == '/') {
                    byte[] k = plainKnown;
                    String s;
                    if (k != null && k.length == i - pos && Arrays.equals(k, 0, k.length, bb, pos, i)) {
                        s = plainKnownText;
                    } else {
                        s = new String(bb, pos, i - pos, ascii ? StandardCharsets.ISO_8859_1 : StandardCharsets.UTF_8);
                        plainBytes = plainKeep ? Arrays.copyOfRange(bb, pos, i) : null;
                    }
                    pos = i;
                    endTag();
                    return s;
                }
                return null;
            }
            if (b >= 0x20 && b < 0x7F) {
                if (b == '&' || b == ']') {
                    return null;
                }
                i++;
            } else if (b == '\n' || b == '\t') { // kept as they are (CR is made LF: the careful path)
                i++;
            } else if (b < 0 && !xml11 && i + 2 < l && threeByte(bb, i)) { // Chinese text; XML 1.1 makes U+2028 LF
                ascii = false;
                i += 3;
            } else {
                return null;
            }
        }
        return null;
    }

    // ---------------------------------------------------------------------------------------------- whole strings

    /**
     * The shared string at pos read in one call where it is written plainly, as spreadsheets write most of them:
     * inside the root, not in an XML 1.1 document, all in the buffer, the very bytes {@code <si><t>}, text as
     * {@link #plainText} reads it, {@code </t></si>}. Its text, or {@code knownText} where its bytes are
     * {@code known} (as {@link #elementText(byte[], String)}; the bytes of another text kept for
     * {@link #plainBytes}); the scanner left past {@code </si>} as the events leave it (the attributes of the tags
     * passed are not kept). Null, nothing read, where it is written otherwise: the events then read it.
     */
    @Override
    public String wholeString(byte[] known, String knownText) {
        if (!fast || pendingEnd || depth == 0 || depth + 2 >= maxDepth || xml11) {
            return null;
        }
        byte[] b = buf;
        int l = lim;
        int i = pos;
        if (i + 7 >= l || b[i] != '<' || b[i + 1] != 's' || b[i + 2] != 'i' || b[i + 3] != '>' || b[i + 4] != '<'
                || b[i + 5] != 't' || b[i + 6] != '>') {
            return null;
        }
        int from = i + 7;
        int k = from;
        boolean ascii = true;
        while (k < l && b[k] != '<') {
            byte c = b[k];
            if (plainTextByte(c)) {
                k++;
            } else if (c < 0 && k + 2 < l && threeByte(b, k)) {
                ascii = false;
                k += 3;
            } else {
                return null;
            }
        }
        if (k + 8 >= l || !matches(k, "</t></si>")) {
            return null;
        }
        String s;
        plainBytes = null;
        if (known != null && known.length == k - from && Arrays.equals(known, 0, known.length, b, from, k)) {
            s = knownText;
        } else {
            s = new String(b, from, k - from, ascii ? StandardCharsets.ISO_8859_1 : StandardCharsets.UTF_8);
            plainBytes = Arrays.copyOfRange(b, from, k);
        }
        pos = k + 9;
        local = "si";
        attrCount = 0;
        plainAttrs = 0;
        fastTags += 2;
        return s;
    }

    // ---------------------------------------------------------------------------------------------- whole cells

    /** Whether the cell {@link #cellAttributes} just read was empty ({@code <c …/>}). */
    private boolean cellEmpty;

    /**
     * The sheet's cell at pos read in one call where it is plain, which is how a spreadsheet writes its cells: inside
     * the root, not in an XML 1.1 document, all in the buffer, {@code <c} with none but the attributes {@code r}
     * (a plain reference, as {@link #attrCell} reads one), {@code t} (one letter, {@code str} or
     * {@code inlineStr}) and {@code s} (digits, as {@link #attrDigits} reads them), each once, after single spaces,
     * then {@code />}, or {@code >}, an optional formula ({@code <f>} with text that needs no more care than the five
     * predefined entities, or {@code <f/>}, or either with plain attributes), an optional {@code <v>} whose text is
     * a whole number (as {@link #elementWhole} reads one, where {@code out}'s type asks for one) or plain text (as
     * {@link #elementText}'s common case reads it) and {@code </c>}, with nothing between. What the events would
     * have given is put in {@code out}: its reference (-1 without), type, style (0 without), whether it has a
     * formula, its value's whole number or text (or {@link XlsxReader#NOT_WHOLE} and null). The scanner is left
     * where reading each event would have left it (past {@code </c>}, the element it is in open; the attributes of
     * the tags passed are not kept: none is asked for past an end tag). Returns false, having changed nothing that
     * the events' reading does not set again, where anything asks for more care: the events then read the cell.
     */
    @Override
    public boolean wholeCell(XlsxReader.CellRead out) {
        if (!fast || pendingEnd || depth == 0 || depth + 1 >= maxDepth || xml11) {
            return false;
        }
        int i = pos;
        byte[] b = buf;
        int l = lim;
        if (i + 3 >= l || b[i] != '<' || b[i + 1] != 'c') {
            return false;
        }
        i = cellAttributes(i + 2, out);
        if (i < 0) {
            return false;
        }
        int tags = 1;
        out.formula = false;
        out.whole = XlsxReader.NOT_WHOLE;
        out.text = null;
        if (!cellEmpty) {
            if (i + 3 < l && b[i] == '<' && b[i + 1] == 'f') {
                i = formulaWhole(i);
                if (i < 0) {
                    return false;
                }
                out.formula = true;
                tags++;
            }
            if (i + 3 < l && b[i] == '<' && b[i + 1] == 'v' && b[i + 2] == '>') {
                i = valueWhole(i + 3, out);
                if (i < 0) {
                    return false;
                }
                tags++;
            }
            if (i + 3 >= l || b[i] != '<' || b[i + 1] != '/' || b[i + 2] != 'c' || b[i + 3] != '>') {
                return false;
            }
            i += 4;
        }
        pos = i;
        local = "c";
        attrCount = 0;
        plainAttrs = 0;
        fastTags += tags;
        return true;
    }

    /**
     * The attributes of the plain cell whose name ends at buf[i] ({@link #wholeCell}) put in {@code out}: where its
     * start tag ends (past {@code >} or {@code />}, {@link #cellEmpty} telling which); -1 where it is not plain.
     */
    private int cellAttributes(int i, XlsxReader.CellRead out) {
        byte[] b = buf;
        int l = lim;
        out.ref = -1;
        out.type = null;
        out.style = 0;
        int seen = 0;
        while (i < l) {
            byte c = b[i];
            if (c == '>' || c == '/') {
                cellEmpty = c == '/';
                return !cellEmpty ? i + 1 : i + 1 < l && b[i + 1] == '>' ? i + 2 : -1;
            }
            if (c != ' ') {
                return -1;
            }
            do {
                i++;
            } while (i < l && b[i] == ' ');
            if (i + 3 >= l || b[i + 1] != '=' || (b[i + 2] != '"' && b[i + 2] != '\'')) {
                return -1;
            }
            byte name = b[i];
            byte quote = b[i + 2];
            int k = i + 3;
            int bit = name == 'r' ? 1 : name == 't' ? 2 : name == 's' ? 4 : 8;
            if ((seen & bit) != 0 || bit == 8) {
                return -1;
            }
            seen |= bit;
            if (bit == 1) { // cellRef, written out: 1–3 capital letters, 1–9 digits, the row not 0
                long col = 0;
                while (k < l && k - i < 6 && b[k] >= 'A' && b[k] <= 'Z') {
                    col = col * 26 + (b[k] - 'A' + 1);
                    k++;
                }
                int digits = k;
                int row = 0;
                while (k < l && k - digits < 9 && b[k] >= '0' && b[k] <= '9') {
                    row = row * 10 + (b[k] - '0');
                    k++;
                }
                if (col == 0 || row == 0 || k >= l || b[k] != quote) {
                    return -1;
                }
                out.ref = ((long) (row - 1) << 20) | (col - 1);
            } else if (bit == 4) { // digits, written out: 1–9 of them
                int style = 0;
                while (k < l && k - i < 12 && b[k] >= '0' && b[k] <= '9') {
                    style = style * 10 + (b[k] - '0');
                    k++;
                }
                if (k == i + 3 || k >= l || b[k] != quote) {
                    return -1;
                }
                out.style = style;
            } else {
                while (k < l && b[k] != quote) {
                    k++;
                }
                out.type = k < l ? cellType(i + 3, k) : null;
                if (out.type == null) {
                    return -1;
                }
            }
            i = k + 1;
        }
        return -1;
    }

    /** A cell's plain type buf[from..to) as {@link #attr} gives it: one letter, str or inlineStr; else null. */
    private String cellType(int from, int to) {
        int n = to - from;
        if (n == 1) {
            byte t = buf[from];
            return t >= 'a' && t <= 'z' ? ONE[t] : null;
        }
        return n == 3 && matches(from, "str") ? "str" : n == 9 && matches(from, "inlineStr") ? "inlineStr" : null;
    }

    /**
     * The plain formula at buf[i] ({@code <f}) passed: {@code <f/>}, or {@code <f>}, text {@link #skippedText}
     * passes and {@code </f>}, either with plain attributes ({@link #fastAttribute}) that no two may share a name;
     * where it ends, or -1 where it is not plain.
     */
    private int formulaWhole(int i) {
        byte[] b = buf;
        int l = lim;
        i += 2;
        int n = 0;
        long lengths = 0;
        while (true) {
            boolean spaced = false;
            while (i < l && b[i] == ' ') {
                spaced = true;
                i++;
            }
            if (i + 1 >= l) {
                return -1;
            }
            if (b[i] == '>' || b[i] == '/') {
                break;
            }
            if (!spaced || n == FAST_ATTRIBUTES) {
                return -1;
            }
            i = fastAttribute(i, n);
            if (i < 0) {
                return -1;
            }
            int ae = attrNameEnd[n];
            long bit = 1L << ((b[ae - 1] * 31 + ae - attrName[n]) & 63);
            if ((lengths & bit) != 0) {
                return -1; // two names that may be one: the careful path tells
            }
            lengths |= bit;
            n++;
        }
        if (b[i] == '/') {
            return b[i + 1] == '>' ? i + 2 : -1;
        }
        i = skippedText(i + 1);
        return i >= 0 && i + 3 < l && b[i + 1] == '/' && b[i + 2] == 'f' && b[i + 3] == '>' ? i + 4 : -1;
    }

    /**
     * Passes the text at buf[i] that is not wanted (a formula's) where nothing in it needs more care than
     * {@link #text} gives it: printable ASCII but DEL, tabs and line ends, the three-byte characters
     * {@link #skipPlain} trusts, the five predefined entities, and no {@code ]]>}; where the markup after it starts
     * ({@code <}), or -1 where a byte asks for more care (or the buffer ends first).
     */
    private int skippedText(int i) {
        byte[] b = buf;
        int l = lim;
        int brackets = 0;
        while (i < l) {
            int c = b[i];
            if (c >= 0x20) {
                if (c == '<') {
                    return i;
                }
                if (c == '&') {
                    i = predefined(i);
                    if (i < 0) {
                        return -1;
                    }
                    brackets = 0;
                    continue;
                }
                if (c == 0x7F || c == '>' && brackets >= 2) {
                    return -1;
                }
                brackets = c == ']' ? brackets + 1 : 0;
                i++;
            } else if (c == '\n' || c == '\t' || c == '\r') {
                brackets = 0;
                i++;
            } else if (c < 0 && i + 2 < l && threeByte(b, i)) {
                brackets = 0;
                i += 3;
            } else {
                return -1;
            }
        }
        return -1;
    }

    /** Past the predefined entity at buf[i] ({@code &lt;}, {@code &gt;}, {@code &amp;}, {@code &quot;}, {@code &apos;}); else -1. */
    private int predefined(int i) {
        int l = lim;
        byte[] b = buf;
        if (i + 3 < l && b[i + 3] == ';' && b[i + 2] == 't' && (b[i + 1] == 'l' || b[i + 1] == 'g')) {
            return i + 4;
        }
        if (i + 4 < l && b[i + 4] == ';' && matches(i + 1, "amp")) {
            return i + 5;
        }
        if (i + 5 < l && b[i + 5] == ';' && (matches(i + 1, "quot") || matches(i + 1, "apos"))) {
            return i + 6;
        }
        return -1;
    }

    /**
     * The text of the plain value at buf[i] (past {@code <v>}) and its {@code </v>} read into {@code out}: a whole
     * number as {@link #elementWhole} reads one where the cell's type asks for one (a shared string's index for
     * {@code s}; none, {@code n}: a number), else the text as {@link #plainText} reads it. Where it ends; -1 where
     * it is not plain.
     */
    private int valueWhole(int i, XlsxReader.CellRead out) {
        byte[] b = buf;
        int l = lim;
        String t = out.type;
        boolean index = "s".equals(t);
        if (index || t == null || "n".equals(t)) {
            int end = wholeAt(i, index);
            if (end >= 0) {
                out.whole = wholeRead;
                return end + 3 < l && b[end + 2] == 'v' && b[end + 3] == '>' ? end + 4 : -1;
            }
        }
        boolean ascii = true;
        int k = i;
        while (k < l) {
            byte c = b[k];
            if (c == '<') {
                if (k + 3 >= l || b[k + 1] != '/' || b[k + 2] != 'v' || b[k + 3] != '>') {
                    return -1;
                }
                out.text = new String(b, i, k - i, ascii ? StandardCharsets.ISO_8859_1 : StandardCharsets.UTF_8);
                return k + 4;
            }
            if (plainTextByte(c)) {
                k++;
            } else if (c < 0 && k + 2 < l && threeByte(b, k)) {
                ascii = false;
                k += 3;
            } else {
                return -1;
            }
        }
        return -1;
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

    /** The two tag parses, made once (a method reference per tag was an object per tag). */
    private final TagParse startParse = this::parseStart;
    private final TagParse endParse = this::parseEnd;

    /** A parse of the tag at pos that throws {@link #MORE} where the bytes read so far end inside it. */
    private interface TagParse {
        int parse() throws XMLStreamException;
    }

    /**
     * Parses the tag at pos, reading on where it is cut by the buffer: on the first {@link #MORE} the tag is read on
     * to its end once ({@link #tagEnd}), then parsed again once, so a long tag is never parsed once per read.
     */
    private int whole(TagParse tag) throws XMLStreamException {
        boolean found = false;
        while (true) {
            try {
                return tag.parse();
            } catch (XMLStreamException e) {
                if (e != MORE) {
                    throw e;
                }
                if (found) {
                    fill(pos);
                } else {
                    tagEnd();
                    found = true;
                }
            }
        }
    }

    private void startTag() throws XMLStreamException {
        if (depth == 0 && rootSeen) {
            throw malformed("markup after the root element");
        }
        if (fastStart()) {
            return;
        }
        if (fastCut && !eof) { // cut where the bytes read so far end: read on to its end, as the careful path would
            tagEnd();
            if (fastStart()) {
                return;
            }
        }
        int end = whole(startParse);
        int nameStart = pos + 1;
        int nameEnd = tagNameEnd;
        int elColon = tagColon;
        if (depth >= maxDepth) {
            throw malformed("maxElementDepth: elements nested deeper than " + maxDepth);
        }
        boolean again = pushElement(nameStart, nameEnd);
        declarePrefixes();
        if (elColon >= 0) {
            bound(new String(buf, nameStart, elColon - nameStart, StandardCharsets.UTF_8), false);
        }
        for (int a = 0; a < attrCount; a++) {
            if (attrUri[a] == null && attrLocal[a] > attrName[a]) {
                attrUri[a] = bound(known(attrName[a], attrLocal[a] - 1), true);
            }
        }
        unique();
        entered(elColon >= 0 ? elColon + 1 : nameStart, nameEnd, end, again);
    }

    /**
     * The start tag just pushed, whose local name is buf[localStart..nameEnd) and whose '>' is at {@code end}: its
     * name kept for its end tag (the same bytes give the same name without looking it up again), the position past
     * it, and its end given next where it is empty.
     */
    private void entered(int localStart, int nameEnd, int end, boolean again) {
        if (depth > locals.length) {
            locals = java.util.Arrays.copyOf(locals, locals.length * 2);
        }
        local = again ? locals[depth - 1] : known(localStart, nameEnd);
        locals[depth - 1] = local;
        rootSeen = true;
        pos = end + 1;
        pendingEnd = buf[end - 1] == '/';
    }

    /**
     * More attributes than this are left to the careful path (which finds two of one name by hashing; the fast
     * path compares the few whose length and last letter agree); the attributes' arrays hold at least this many.
     */
    private static final int FAST_ATTRIBUTES = 32;

    /** Names and attributes longer than this are left to the careful path (which limits them as the JDK does). */
    private static final int FAST_NAME_LENGTH = 64;

    /**
     * The start tag at pos read in one loop where it is plain, which is how a spreadsheet's tags are written: inside
     * the root, all in the buffer, its name and its attributes' names ASCII without a prefix (none of them a
     * namespace declaration), each {@code =} right after its name, each value of printable ASCII but {@code < &}
     * and DEL, tabs, line ends, and the three-byte characters {@link #skipPlain} trusts, at most 32 attributes. Every
     * such tag is one the careful path ({@link #parseStart} and the rest of {@link #startTag}) reads the same way,
     * with the same checks: an attribute given twice is looked for as there ({@link #unique}) wherever two of them
     * share a length and a last letter. Returns whether the tag was read; where a byte asks for more care, nothing
     * is changed that the careful path does not set again, and it reads the tag from its start.
     */
    private boolean fastStart() throws XMLStreamException {
        fastCut = false;
        if (!fast || depth == 0 || depth >= maxDepth) {
            return false;
        }
        byte[] b = buf;
        int l = lim;
        int nameStart = pos + 1;
        int i = nameStart; // the name and the rest written out here: a call C1 does not inline costs on every tag
        if (i >= l || (FAST_NAME[b[i] & 0xFF] & 1) == 0) {
            return false;
        }
        do {
            i++;
        } while (i < l && (FAST_NAME[b[i] & 0xFF] & 2) != 0);
        int nameEnd = i;
        if (nameEnd - nameStart > FAST_NAME_LENGTH) {
            return false;
        }
        int n = 0;
        long lengths = 0; // a bit per (length, last letter), to find the pairs worth comparing
        boolean twice = false;
        int end;
        while (true) {
            boolean spaced = false;
            while (i < l && isSpace(b[i])) {
                spaced = true;
                i++;
            }
            if (i + 1 >= l) {
                fastCut = i >= l || b[i] == '/' || spaced && (FAST_NAME[b[i] & 0xFF] & 1) != 0;
                return false;
            }
            if (b[i] == '>' || b[i] == '/' && b[i + 1] == '>') {
                end = b[i] == '>' ? i : i + 1;
                break;
            }
            if (!spaced || n == FAST_ATTRIBUTES) {
                return false;
            }
            i = fastAttribute(i, n);
            if (i < 0) {
                return false;
            }
            int ae = attrNameEnd[n];
            long bit = 1L << ((b[ae - 1] * 31 + ae - attrName[n]) & 63);
            if ((lengths & bit) != 0) {
                twice |= givenBefore(n);
            }
            lengths |= bit;
            n++;
        }
        attrCount = n;
        plainAttrs = n;
        if (twice) {
            unique(); // refuses the tag as the careful path does
        }
        boolean again = pushElement(nameStart, nameEnd);
        if (depth > locals.length) { // entered, written out
            locals = java.util.Arrays.copyOf(locals, locals.length * 2);
        }
        local = again ? locals[depth - 1] : known(nameStart, nameEnd);
        locals[depth - 1] = local;
        pos = end + 1;
        pendingEnd = b[end - 1] == '/';
        fastTags++;
        return true;
    }

    /**
     * Whether the fast path's last start tag that it did not read stopped only where the bytes read so far end:
     * every byte before was one the careful path reads the same way, so it too would read on to the tag's end.
     */
    private boolean fastCut;

    /** Whether plain attribute {@code n} has the name of one before it (plain names: their bytes are their names). */
    private boolean givenBefore(int n) {
        for (int k = 0; k < n; k++) {
            if (sameName(k, n)) {
                return true;
            }
        }
        return false;
    }

    /** Start tags read by the fast path so far (for tests: that it is taken). */
    private int fastTags;

    int fastTags() {
        return fastTags;
    }

    /**
     * The plain attribute at buf[i] ({@link #fastStart}) kept as attribute {@code n}: where it ends (past its
     * closing quote); -1 where it is not plain (a namespace declaration is not), nothing kept then.
     */
    private int fastAttribute(int i, int n) {
        byte[] b = buf;
        int l = lim;
        int an = i;
        if ((FAST_NAME[b[i] & 0xFF] & 1) == 0) { // the name, as fastStart reads it
            return -1;
        }
        do {
            i++;
        } while (i < l && (FAST_NAME[b[i] & 0xFF] & 2) != 0);
        int ae = i;
        if (ae - an > FAST_NAME_LENGTH || ae + 1 >= l || b[ae] != '='
                || ae - an >= 5 && b[an] == 'x' && matches(an, "xmlns")) {
            fastCut = ae - an <= FAST_NAME_LENGTH && (ae >= l || ae == l - 1 && b[ae] == '=');
            return -1;
        }
        int quote = b[ae + 1];
        if (quote != '"' && quote != '\'') {
            return -1;
        }
        i = ae + 2;
        int vs = i;
        while (true) {
            if (i >= l) {
                fastCut = true;
                return -1;
            }
            int v = b[i] & 0xFF;
            int k = VALUE_BYTE[v];
            if (k == 0) {
                i++;
            } else if (k == 1) {
                if (v == quote) {
                    break;
                }
                i++;
            } else if (k == 2 && i + 2 < l) { // threeByte, written out: most of a form's messages are Chinese
                int b1 = b[i + 1] & 0xFF;
                if ((b1 & 0xC0) != 0x80 || (b[i + 2] & 0xC0) != 0x80 || v == 0xEF && b1 > 0xBE) {
                    return -1;
                }
                i += 3;
            } else {
                fastCut = i + 2 >= l && (v & 0xF0) == 0xE0; // the careful path reads on for the rest of a lead
                return -1;
            }
        }
        attrName[n] = an;
        attrLocal[n] = an;
        attrNameEnd[n] = ae;
        attrValue[n] = vs;
        attrValueEnd[n] = i;
        attrKey[n] = null;
        attrUri[n] = null;
        return i + 1;
    }

    /**
     * What a byte of an attribute value is to the fast path: 0 plain (printable ASCII but {@code < & " '} and
     * DEL; tab, CR, LF), 1 a quote, 2 the first byte of a three-byte character {@link #threeByte} may trust
     * (E1–EC, EE, EF), 3 anything else (left to the careful path).
     */
    private static final byte[] VALUE_BYTE = new byte[256];

    static {
        for (int c = 0; c < 256; c++) {
            boolean plain = c >= 0x20 && c < 0x7F && c != '<' && c != '&' || c == '\t' || c == '\n' || c == '\r';
            VALUE_BYTE[c] = (byte) (c == '"' || c == '\'' ? 1 : plain ? 0 : c >= 0xE1 && c <= 0xEC || c == 0xEE || c == 0xEF
                    ? 2 : 3);
        }
    }

    /**
     * Reads on until the tag at pos is in the buffer whole: to a '>' outside quotes (which is its end, if the tag
     * is well-formed so far), or to the end of the part. Linear however long the tag and however the bytes come.
     */
    private void tagEnd() throws XMLStreamException {
        int i = pos + 1;
        byte quote = 0;
        while (true) {
            if (i >= lim) {
                int shift = fill(pos);
                if (shift < 0) {
                    return;
                }
                i -= shift;
                continue;
            }
            byte b = buf[i++];
            if (quote != 0) {
                if (b == quote) {
                    quote = 0;
                }
            } else if (b == '"' || b == '\'') {
                quote = b;
            } else if (b == '>') {
                return;
            }
        }
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
        limitName(i, tagNameEnd, tagColon);
        i = tagNameEnd;
        attrCount = 0;
        plainAttrs = 0;
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
        limitName(start, nameEnd, colon[0]);
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
            } else if (i + 2 < end && threeByte(buf, i)) { // most Chinese text: nothing more to check
                i += 3;
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
        store(start, nameEnd, colon[0], vStart, i);
        return i + 1;
    }

    /** Keeps the attribute just read: its name buf[start..nameEnd) (colon at colonAt, or -1) and value. */
    private void store(int start, int nameEnd, int colonAt, int vStart, int vEnd) throws XMLStreamException {
        if (attrCount == attrName.length) {
            int n = attrCount * 2;
            attrName = java.util.Arrays.copyOf(attrName, n);
            attrLocal = java.util.Arrays.copyOf(attrLocal, n);
            attrNameEnd = java.util.Arrays.copyOf(attrNameEnd, n);
            attrValue = java.util.Arrays.copyOf(attrValue, n);
            attrValueEnd = java.util.Arrays.copyOf(attrValueEnd, n);
            attrKey = java.util.Arrays.copyOf(attrKey, n);
            attrUri = java.util.Arrays.copyOf(attrUri, n);
        }
        attrName[attrCount] = start;
        attrLocal[attrCount] = colonAt >= 0 ? colonAt + 1 : start;
        attrNameEnd[attrCount] = nameEnd;
        attrValue[attrCount] = vStart;
        attrValueEnd[attrCount] = vEnd;
        attrKey[attrCount] = null;
        attrUri[attrCount] = null;
        if (!(buf[start] == 'x' && nameEnd - start >= 5 && matches(start, "xmlns")
                && (nameEnd - start == 5 || colonAt == start + 5)) && ++plainAttrs > MAX_ATTRIBUTES) {
            throw malformed("JAXP00010002: elementAttributeLimit: an element with more than " + MAX_ATTRIBUTES
                    + " attributes");
        }
        attrCount++;
    }

    /** Whether attributes a and b have one name: the same local name in the same namespace (or in none). */
    private boolean sameName(int a, int b) {
        int n = attrNameEnd[a] - attrLocal[a];
        if (attrNameEnd[b] - attrLocal[b] != n || buf[attrNameEnd[a] - 1] != buf[attrNameEnd[b] - 1]) {
            return false; // most pairs differ in length or in their last letter
        }
        String u = attrUri[a];
        String v = attrUri[b];
        if (u != v && (u == null || !u.equals(v))) {
            return false;
        }
        for (int j = 0; j < n; j++) {
            if (buf[attrLocal[a] + j] != buf[attrLocal[b] + j]) {
                return false;
            }
        }
        return true;
    }

    /**
     * No attribute given twice: by namespace and local name, as Namespaces in XML says (so {@code a:x} and
     * {@code b:x} with a and b bound to one URI are one name twice). Pairs compared for a few attributes (up to
     * 16: a form's data validation has 11, and a pair that differs in length is told apart at once, where the set
     * made a string per attribute), a hash set for more, so that an element of thousands of attributes costs their
     * number, not its square.
     */
    private void unique() throws XMLStreamException {
        if (attrCount <= 16) {
            for (int a = 1; a < attrCount; a++) {
                for (int b = 0; b < a; b++) {
                    if (sameName(a, b)) {
                        throw malformed("attribute specified twice");
                    }
                }
            }
            return;
        }
        // Keyed by local name, a space (which no name holds) and URI; a HashMap's bins of strings whose hashes
        // collide (which a hostile file may choose) become trees, so even those cost n log n, not n squared.
        java.util.Set<String> names = new java.util.HashSet<>(attrCount * 2);
        for (int a = 0; a < attrCount; a++) {
            String key = new String(buf, attrLocal[a], attrNameEnd[a] - attrLocal[a], StandardCharsets.UTF_8) + ' '
                    + (attrUri[a] == null ? "" : attrUri[a]);
            if (!names.add(key)) {
                throw malformed("attribute specified twice");
            }
        }
    }

    /**
     * The xmlns and xmlns:p attributes of the current start tag declare prefixes at its depth; they are no
     * attributes ({@link #attr} never gives one, as StAX listed none). The prefixes xml and xmlns and their URIs
     * are reserved: xml only to its own URI, xmlns never, and no other prefix to either (as StAX refused them).
     */
    private void declarePrefixes() throws XMLStreamException {
        for (int a = 0; a < attrCount; a++) {
            if (buf[attrName[a]] != 'x') { // most attributes: no declaration
                continue;
            }
            int n = attrNameEnd[a] - attrName[a];
            boolean prefixed = n > 6 && matches(attrName[a], "xmlns:");
            if (!prefixed && !(n == 5 && matches(attrName[a], "xmlns"))) {
                continue;
            }
            attrUri[a] = XMLNS_URI;
            String uri = value(attrValue[a], attrValueEnd[a]);
            if (uri.length() > MAX_NAME) {
                throw nameTooLong();
            }
            if (uri.equals(XMLNS_URI)) {
                throw malformed("CantBindXMLNS: the xmlns namespace may not be bound");
            }
            String p = prefixed ? new String(buf, attrName[a] + 6, n - 6, StandardCharsets.UTF_8) : "";
            if (p.equals("xmlns")) {
                throw malformed("CantBindXMLNS: the prefix xmlns may not be declared");
            }
            if (p.equals("xml") != uri.equals(XML_URI)) {
                throw malformed("CantBindXML: the prefix xml is bound to its own namespace, and only it");
            }
            if (p.isEmpty() || p.equals("xml")) {
                continue; // the default namespace: elements are taken by their local names
            }
            if (uri.isEmpty() && !xml11) {
                throw malformed("bad namespace declaration: a prefix bound to no URI");
            }
            declare(p, uri.isEmpty() ? null : uri);
        }
    }

    private void declare(String prefix, String uri) {
        if (nsCount == nsPrefix.length) {
            int n = nsCount * 2;
            nsPrefix = Arrays.copyOf(nsPrefix, n);
            nsUri = Arrays.copyOf(nsUri, n);
            nsDepth = Arrays.copyOf(nsDepth, n);
            nsHidden = Arrays.copyOf(nsHidden, n);
        }
        Integer hidden = prefixTop.put(prefix, nsCount);
        nsPrefix[nsCount] = prefix;
        nsUri[nsCount] = uri;
        nsDepth[nsCount] = depth;
        nsHidden[nsCount] = hidden == null ? -1 : hidden;
        nsCount++;
    }

    /** A prefix must be declared in scope ("xml" always is): its namespace URI. */
    private String bound(String prefix, boolean attribute) throws XMLStreamException {
        if (prefix.equals("xml")) {
            return XML_URI;
        }
        if (prefix.equals("xmlns") && !attribute) {
            throw malformed("element with the prefix xmlns");
        }
        Integer k = prefixTop.get(prefix);
        if (k == null || nsUri[k] == null) {
            throw malformed("the prefix \"" + prefix + "\" is not bound");
        }
        return nsUri[k];
    }

    /**
     * Opens the element named buf[from..to): its name kept for its end tag. Whether it has the name of the last
     * element opened at this depth inside the same parent (a row after a row, a cell after a cell): then its local
     * name is that one's, kept in {@link #locals}, and nothing is copied. (An element opened one level up makes the
     * names kept below it void: {@code nameAt} one past its end is set to -1, which no name's length matches.)
     */
    private boolean pushElement(int from, int to) {
        int n = to - from;
        int at = depth == 0 ? 0 : nameAt[depth];
        if (depth + 2 >= nameAt.length) {
            nameAt = java.util.Arrays.copyOf(nameAt, nameAt.length * 2);
        }
        boolean again = nameAt[depth + 1] - at == n;
        for (int k = 0; again && k < n; k++) {
            again = names[at + k] == buf[from + k];
        }
        if (!again) {
            if (at + n > names.length) {
                names = java.util.Arrays.copyOf(names, Math.max(names.length * 2, at + n));
            }
            System.arraycopy(buf, from, names, at, n);
            nameAt[depth + 1] = at + n;
        }
        nameAt[depth] = at;
        nameAt[depth + 2] = -1;
        depth++;
        return again;
    }

    /** Closes the open element (small enough to be inlined where it is called: most parts declare no prefix). */
    private void popElement() {
        depth--;
        if (nsCount > 0) {
            dropPrefixes();
        }
    }

    /** The prefixes declared by the element just closed go out of scope. */
    private void dropPrefixes() {
        while (nsCount > 0 && nsDepth[nsCount - 1] > depth) {
            nsCount--;
            if (nsHidden[nsCount] < 0) {
                prefixTop.remove(nsPrefix[nsCount]);
            } else {
                prefixTop.put(nsPrefix[nsCount], nsHidden[nsCount]);
            }
            nsPrefix[nsCount] = null;
            nsUri[nsCount] = null;
        }
    }

    private void endTag() throws XMLStreamException {
        if (fast && depth > 0) { // most end tags: the open element's very bytes and '>', as the careful path reads them
            int open = nameAt[depth - 1];
            int n = nameAt[depth] - open;
            int i = pos + 2;
            if (i + n >= lim && !eof && openNameGoesOn(i, n)) {
                tagEnd(); // cut where the bytes read so far end, inside the name: the careful path reads on too
                i = pos + 2;
            }
            if (i + n < lim && buf[i + n] == '>') {
                int k = 0;
                while (k < n && names[open + k] == buf[i + k]) {
                    k++;
                }
                if (k == n) {
                    local = locals[depth - 1];
                    popElement();
                    pos = i + n + 1;
                    return;
                }
            }
        }
        int end = whole(endParse);
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
        local = locals[depth - 1];
        popElement();
        pos = end + 1;
    }

    /**
     * Whether the bytes from buf[i] to the end of those read so far are the first of the open element's name (its
     * {@code n} bytes): the careful path would then read on (the name not yet ended) before telling anything.
     */
    private boolean openNameGoesOn(int i, int n) {
        int open = nameAt[depth - 1];
        for (int k = 0; i + k < lim; k++) {
            if (k >= n || names[open + k] != buf[i + k]) {
                return false;
            }
        }
        return true;
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
        int nameEnd = target(i, end);
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

    /**
     * version="1.0" [encoding="…"] [standalone="yes|no"], in that order. The values are taken as written, with no
     * reference resolved, as the JDK reads them: the version and standalone must be these very bytes; the encoding
     * may be any characters (the part is read as UTF-8 whatever it says, as the decoding Reader read it).
     */
    private void declaration(int i, int end) throws XMLStreamException {
        String[] order = {"version", "encoding", "standalone"};
        int next = 0;
        while (true) {
            boolean spaced = false;
            while (i < end && isSpace(buf[i])) {
                i++;
                spaced = true;
            }
            if (i == end) {
                break;
            }
            int nameStart = i;
            while (i < end && ((buf[i] | 0x20) >= 'a' && (buf[i] | 0x20) <= 'z')) {
                i++;
            }
            if (!spaced || i == nameStart) {
                throw malformed("XML declaration not well-formed");
            }
            String name = new String(buf, nameStart, i - nameStart, StandardCharsets.US_ASCII);
            i = pseudoValue(i, end);
            int from = declValue;
            int to = i - 1;
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
                case "version" -> is(from, to, "1.0") || (xml11 = is(from, to, "1.1"));
                case "encoding" -> true;
                default -> is(from, to, "yes") || is(from, to, "no");
            };
            if (!ok) {
                throw malformed("XML declaration not well-formed");
            }
            next++;
        }
        if (next == 0) {
            throw malformed("XML declaration without its version");
        }
    }

    /** Where the value of the declaration's pseudo-attribute at buf[i..end) starts, set by {@link #pseudoValue}. */
    private int declValue;

    /** = and a quoted value of characters XML allows: returns where it ends (past its closing quote). */
    private int pseudoValue(int i, int end) throws XMLStreamException {
        while (i < end && isSpace(buf[i])) {
            i++;
        }
        if (i == end || buf[i] != '=') {
            throw malformed("XML declaration not well-formed");
        }
        i++;
        while (i < end && isSpace(buf[i])) {
            i++;
        }
        if (i == end || (buf[i] != '"' && buf[i] != '\'')) {
            throw malformed("XML declaration: a value must be quoted");
        }
        byte quote = buf[i++];
        declValue = i;
        while (i < end && buf[i] != quote) {
            int b = buf[i] & 0xFF;
            if (b < 0x80) {
                if (b < 0x20 && !isSpace(b)) {
                    throw malformed("invalid XML character in the XML declaration");
                }
                i++;
            } else {
                int d = decode(i, end);
                if (!literal(d & 0xFFFFFF)) {
                    throw malformed("invalid XML character in the XML declaration");
                }
                i += d >>> 24;
            }
        }
        if (i == end) {
            throw malformed("XML declaration not well-formed");
        }
        return i + 1;
    }

    /** Whether buf[from..to) is s (ASCII). */
    private boolean is(int from, int to, String s) {
        return to - from == s.length() && matches(from, s);
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
            if (out == null && skipPlain()) {
                brackets = 0;
            }
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

    /**
     * Passes the run at pos of what text not wanted may hold with nothing more to check (the common case of a
     * formula's text): printable ASCII but {@code < & ] >} and DEL, tab and line ends, and the three-byte UTF-8
     * sequences of U+1000–U+CFFF and U+E000–U+FFBF (every one a character XML allows as it is, in 1.0 and 1.1),
     * within the bytes read so far. Whether it passed any: the caller's count of {@code ]} then starts again. Any
     * other byte is left to the careful path.
     */
    private boolean skipPlain() {
        byte[] bb = buf;
        int i = pos;
        int l = lim;
        while (i < l) {
            int b = bb[i];
            if (b >= 0x20) {
                if (b == '<' || b == '&' || b == ']' || b == '>' || b == 0x7F) {
                    break;
                }
                i++;
            } else if (b == '\n' || b == '\t' || b == '\r') {
                i++;
            } else if (i + 2 < l && threeByte(bb, i)) {
                i += 3;
            } else {
                break;
            }
        }
        boolean any = i > pos;
        pos = i;
        return any;
    }

    /**
     * An ASCII byte a plain text of a whole cell or shared string may hold as it is: printable but {@code &} (an
     * entity) and {@code ]} (perhaps {@code ]]>}), or a line feed or tab (a carriage return is normalised, so not).
     */
    private static boolean plainTextByte(byte c) {
        return c >= 0x20 && c < 0x7F && c != '&' && c != ']' || c == '\n' || c == '\t';
    }

    /**
     * Whether buf[i..i+2] is a well-formed three-byte UTF-8 sequence of U+1000–U+CFFF or U+E000–U+FFBF: no
     * overlong form, no surrogate, not U+FFFE or U+FFFF, and a character XML allows as it is in 1.0 and 1.1.
     */
    private static boolean threeByte(byte[] bb, int i) {
        int b0 = bb[i] & 0xFF;
        int b1 = bb[i + 1] & 0xFF;
        return ((b0 >= 0xE1 && b0 <= 0xEC) || b0 == 0xEE || (b0 == 0xEF && b1 <= 0xBE))
                && (b1 & 0xC0) == 0x80 && (bb[i + 2] & 0xC0) == 0x80;
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
        if (to - from == 1 && buf[from] >= 0 && ONE[buf[from]] != null) { // t="s", s="7": no new string
            return ONE[buf[from]];
        }
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
