package bulletin.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import javax.xml.stream.XMLStreamException;
import org.junit.jupiter.api.Test;

/**
 * The scanner's fast paths (a plain start tag read in one loop, an end tag matched against its start tag's bytes,
 * a plain value or text read without a builder) read every input as the careful path reads it: the same events,
 * names, attributes (as {@code attr}, {@code attrDigits} and {@code attrCell} give them, for the names the reader asks and some look-alikes), texts and numbers, or the
 * same refusal with the same message. Both readings are driven over the same inputs, fed in the same pieces: every
 * part of committed workbooks, random documents made of the pieces the fast path must tell apart (prefixes,
 * declarations, duplicates, references, white space, bytes of every UTF-8 length and bad ones, XML 1.1), and random
 * hand edits of a form's sheet. Each group must take the fast path and the careful one, and read and refuse some.
 */
class XmlScannerFastPathTest {

    /** Local names asked for on every start tag, as the reader asks (and some it does not). */
    private static final String[] ASKED = {"r", "t", "s", "ref", "ab", "cb", "xmlns", "space"};

    @Test
    void committedWorkbookPartsReadTheSameBothWays() throws IOException {
        List<byte[]> parts = new ArrayList<>();
        for (String root : List.of("samples/miluo-2026/progress/2026-06", "app/src/test/golden")) {
            try (Stream<Path> s = Files.walk(Path.of(root))) {
                for (Path p : s.filter(x -> x.toString().endsWith(".xlsx")).sorted().toList()) {
                    parts.addAll(xmlParts(Files.readAllBytes(p)));
                }
            }
        }
        assertThat(parts).hasSizeGreaterThan(100);
        Tally t = compare(parts, 1, 97);
        assertThat(t.read).isEqualTo(parts.size() * 2); // real parts: all read, whole and in pieces
        assertThat(t.fastTags).isGreaterThan(10_000);
    }

    @Test
    void randomDocumentsReadTheSameBothWays() {
        Random rnd = new Random(20261207);
        List<byte[]> docs = new ArrayList<>();
        for (int i = 0; i < 2_000; i++) {
            docs.add(randomDocument(rnd));
        }
        Tally t = compare(docs, 2, 13);
        assertThat(t.read).isGreaterThan(300);
        assertThat(t.refused).isGreaterThan(300);
        assertThat(t.fastTags).isGreaterThan(2_000);
        assertThat(t.numbers).isGreaterThan(200);
    }

    @Test
    void handEditsOfAFormsSheetReadTheSameBothWays() throws IOException {
        byte[] sheet;
        try (Stream<Path> s = Files.list(Path.of("samples/miluo-2026/progress/2026-05"))) {
            Path first = s.filter(p -> p.toString().endsWith(".xlsx")).sorted().findFirst().orElseThrow();
            sheet = xmlParts(Files.readAllBytes(first)).get(0); // the parts in zip order: the first sheet first
        }
        String text = new String(sheet, StandardCharsets.UTF_8);
        assertThat(text).contains("<sheetData>");
        Random rnd = new Random(7);
        List<byte[]> edits = new ArrayList<>();
        for (int i = 0; i < 80; i++) {
            edits.add(edit(sheet, rnd));
        }
        Tally t = compare(edits, 3, 997);
        assertThat(t.read).isGreaterThan(30);
        assertThat(t.refused).isGreaterThan(30);
        assertThat(t.fastTags).isGreaterThan(20_000);
    }

    // ------------------------------------------------------------------------------------------- the comparison

    /** What a group of inputs gave: readings that ended well, refusals, tags the fast path took, numbers read. */
    private static final class Tally {
        int read;
        int refused;
        int fastTags;
        int numbers;
    }

    /**
     * Each input read both ways, once whole and once in pieces of at most {@code largestPiece} bytes (the same
     * pieces both ways), so that tags are cut where the bytes read so far end.
     */
    private static Tally compare(List<byte[]> inputs, long seed, int largestPiece) {
        Tally t = new Tally();
        for (int i = 0; i < inputs.size(); i++) {
            byte[] in = inputs.get(i);
            for (int piece : new int[] {1 << 20, 1 + (int) ((seed * 31 + i) % largestPiece)}) {
                List<String> careful = events(in, false, piece, null);
                List<String> fast = events(in, true, piece, t);
                assertThat(fast).as("input %d (piece %d): %s", i, piece, Pieces.show(in, 600)).isEqualTo(careful);
                String last = careful.get(careful.size() - 1);
                if (last.equals("EOF")) {
                    t.read++;
                } else {
                    t.refused++;
                }
            }
        }
        return t;
    }

    /** What the scanner gives for {@code xml}, read as the reader reads it, as lines; a refusal ends it. */
    private static List<String> events(byte[] xml, boolean fast, int piece, Tally tally) {
        List<String> out = new ArrayList<>();
        XmlScanner x = new XmlScanner(new Pieces(xml, piece), XlsxReader.MAX_DEPTH, fast);
        int vs = 0;
        try {
            for (int ev = x.next(); ev != XmlScanner.EOF; ev = x.next()) {
                if (ev == XmlScanner.END) {
                    out.add("E " + x.localName());
                    continue;
                }
                StringBuilder s = new StringBuilder("S ").append(x.localName());
                for (String a : ASKED) {
                    s.append(' ').append(a).append('=').append(x.attr(a)).append('/').append(x.attrDigits(a))
                            .append('/').append(x.attrCell(a));
                }
                out.add(s.toString());
                switch (x.localName()) {
                    case "v" -> out.add(value(x, vs++ % 2 == 0, tally));
                    case "t", "f" -> out.add("T " + x.elementText());
                    default -> {
                    }
                }
            }
            out.add("EOF");
        } catch (XMLStreamException | RuntimeException e) {
            out.add("refused: " + e.getClass().getSimpleName() + " " + e.getMessage());
        } finally {
            if (tally != null) {
                tally.fastTags += x.fastTags();
            }
            x.close();
        }
        return out;
    }

    /**
     * A {@code <v>} as the reader takes it: a shared string's index ({@code index}) or a number, read without its
     * text where the fast path can, else from its text as the reader reads that.
     */
    private static String value(XmlScanner x, boolean index, Tally tally) throws XMLStreamException {
        long plain = x.elementWhole(index);
        if (plain != XlsxReader.NOT_WHOLE) {
            tally.numbers++;
            return (index ? "I " : "N ") + plain;
        }
        String t = x.elementText();
        if (index) {
            try {
                return "I " + Integer.parseInt(t.trim());
            } catch (NumberFormatException e) {
                return "I none " + t;
            }
        }
        long whole = t.isBlank() ? XlsxReader.NOT_WHOLE : XlsxReader.wholeNumber(t.trim());
        return whole != XlsxReader.NOT_WHOLE ? "N " + whole : "T " + t;
    }

    private static List<byte[]> xmlParts(byte[] zip) throws IOException {
        List<byte[]> out = new ArrayList<>();
        List<byte[]> rest = new ArrayList<>();
        try (ZipInputStream z = new ZipInputStream(new java.io.ByteArrayInputStream(zip))) {
            for (ZipEntry e = z.getNextEntry(); e != null; e = z.getNextEntry()) {
                if (e.getName().endsWith(".xml") || e.getName().endsWith(".rels")) {
                    (e.getName().contains("worksheets/sheet") ? out : rest).add(z.readAllBytes());
                }
            }
        }
        out.addAll(rest);
        return out;
    }

    // ------------------------------------------------------------------------------------------- the inputs

    /** Pieces of markup and text the fast path must tell apart (raw bytes where they are no UTF-8). */
    private static final Object[] VALUE_PIECES = {"abc", "F16", "12", "0", "A1", "XFD1048576", "a1", " ", "&amp;",
        "&lt;", "&bogus;", "&#65;", "&#1;", "&#x1F600;", "&", "<", ">", "\t", "\r\n", "\n", "\r", "\u007f", "\u0085",
        "中文", "é", "😀", "\u2028", "'", "\"", "]]>", "=", new byte[] {(byte) 0xFF}, new byte[] {(byte) 0xC0, (byte) 0x80},
        new byte[] {(byte) 0xED, (byte) 0xA0, (byte) 0x80}, new byte[] {(byte) 0xEF, (byte) 0xBF, (byte) 0xBE},
        new byte[] {(byte) 0xE4, (byte) 0xB8}, new byte[] {1}, "\uFFFD", "\uE000", "\uD7FF"};

    private static final String[] NAMES = {"c", "row", "v", "t", "is", "f", "a", "ab", "cb", "r", "s", "x:c", "y:c",
        "xmlns", "xmlns:x", "xmlns:y", "xml:space", "é", "中", "a-b", "a.b", "_a", "1a", "-a", ":a", "a:", "xmlnsx",
        "x14ac:dyDescent", "ref", "sheetData", "mergeCell", "A"};

    private static final String[] NUMBERS = {"12", "-3", "0", "-0", "185.0", "1.000", "1.0000", "1.5", "0012",
        " 5", "5 ", "+5", "-", ".0", "1.", "123456789", "1234567890", "123456789012345", "1234567890123456",
        "1E3", "", "&#53;", "5<!-- c -->6", "<![CDATA[7]]>", "1.00", "-12.0"};

    /** Pieces and names a well-formed document may hold anywhere (most of each document is made of them). */
    private static final Object[] PLAIN_PIECES = {"abc", "F16", "12", "0", " ", "中文", "é", "&amp;", "\t", "=", ">",
        "1.5", "-"};
    private static final String[] PLAIN_NAMES = {"c", "row", "v", "t", "a", "ab", "cb", "r", "s", "ref", "A", "spans",
        "ht", "customHeight", "sqref", "type", "x-y", "z.w", "_q", "id", "hidden"};

    /**
     * A random document: plain pieces mostly, with hostile ones at a rate chosen per document (none, rare, often),
     * so that some documents are read to their end and others refused at every kind of fault.
     */
    private static byte[] randomDocument(Random rnd) {
        int hostile = new int[] {0, 3, 30}[rnd.nextInt(3)]; // in a hundred
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        switch (rnd.nextInt(6)) {
            case 0 -> put(out, "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n");
            case 1 -> put(out, "<?xml version=\"1.1\"?>");
            default -> {
            }
        }
        put(out, "<root xmlns=\"urn:main\"" + (rnd.nextBoolean() ? " xmlns:x=\"urn:x\"" : "") + ">");
        List<String> open = new ArrayList<>();
        int parts = 1 + rnd.nextInt(25);
        for (int p = 0; p < parts; p++) {
            int what = rnd.nextInt(12);
            if (what < 5 || open.isEmpty() && what < 8) {
                String name = rnd.nextInt(100) < hostile ? pick(rnd, NAMES) : pick(rnd, PLAIN_NAMES);
                put(out, "<" + name);
                int attrs = rnd.nextInt(8) == 0 ? 17 + rnd.nextInt(20) : rnd.nextInt(6);
                List<String> names = new ArrayList<>(List.of(PLAIN_NAMES));
                java.util.Collections.shuffle(names, rnd);
                for (int a = 0; a < attrs; a++) {
                    boolean bad = rnd.nextInt(100) < hostile;
                    put(out, bad ? pick(rnd, " ", "\n", " \t", "") : pick(rnd, " ", " ", "\n", "\r\n "));
                    put(out, bad ? pick(rnd, NAMES) : a < names.size() ? names.get(a) : "n" + a);
                    put(out, rnd.nextInt(100) < hostile ? " = " : "=");
                    String q = rnd.nextInt(5) == 0 ? "'" : "\"";
                    put(out, q);
                    int pieces = rnd.nextInt(4);
                    for (int k = 0; k < pieces; k++) {
                        putPiece(out, rnd.nextInt(100) < hostile ? VALUE_PIECES[rnd.nextInt(VALUE_PIECES.length)]
                                : PLAIN_PIECES[rnd.nextInt(PLAIN_PIECES.length)]);
                    }
                    put(out, q);
                }
                if (rnd.nextInt(4) == 0) {
                    put(out, rnd.nextBoolean() ? "/>" : " />");
                } else {
                    put(out, rnd.nextInt(20) == 0 ? " >" : ">");
                    open.add(name);
                }
            } else if (what < 8 && !open.isEmpty()) {
                String name = open.remove(open.size() - 1);
                boolean bad = rnd.nextInt(100) < hostile;
                put(out, "</" + (bad && rnd.nextBoolean() ? pick(rnd, NAMES) : name) + (bad ? " >" : ">"));
            } else if (what < 10) {
                put(out, "<v>" + pick(rnd, NUMBERS) + "</v>");
            } else if (what < 11) {
                put(out, "<t>");
                putPiece(out, rnd.nextInt(100) < hostile ? VALUE_PIECES[rnd.nextInt(VALUE_PIECES.length)]
                        : PLAIN_PIECES[rnd.nextInt(PLAIN_PIECES.length)]);
                put(out, "</t>");
            } else {
                put(out, pick(rnd, "<!-- c -->", "<?pi x?>", "text", "\n  ", "&amp;", "<![CDATA[x]]>"));
            }
        }
        for (int k = open.size() - 1; k >= 0; k--) {
            put(out, "</" + open.get(k) + ">");
        }
        put(out, rnd.nextInt(100) < hostile ? "" : "</root>");
        return out.toByteArray();
    }

    /** Attributes put into a tag of the form: most of them well-formed, some the careful path must refuse. */
    private static final String[] EDIT_ATTRIBUTES = {" x=\"1\"", " a=\"中文\"", " a='&amp;'", " a=\"a\tb\"",
        " ab=\"1\" cb=\"2\"", " ab=\"1\" ab=\"2\"", " r=\"B2\"", " t=\"s\"", " s='3'", " xmlns:z=\"urn:z\"",
        " z:a=\"1\"", " xml:space=\"preserve\"", " a = \"1\"", " a=\"😀\"", " a=\"\u007f\"", " a=\"é\"",
        " a=\"&bogus;\"", " a=\"<\"", " é=\"1\"", " a=\"1\"b=\"2\"", " a=\"1\"/", " n1=\"1\" n2=\"2\" n3=\"3\""};

    /**
     * A form's sheet edited by hand: an attribute put into a tag after its name (mostly), or a piece put in,
     * replaced or taken out at a random place.
     */
    private static byte[] edit(byte[] sheet, Random rnd) {
        byte[] b = sheet;
        int edits = 1 + rnd.nextInt(3);
        for (int e = 0; e < edits; e++) {
            int at = rnd.nextInt(b.length);
            int cut = 0;
            Object piece;
            if (rnd.nextInt(4) > 0) { // after the name of the next start tag
                while (at < b.length - 1 && !(b[at] == '<' && Character.isLetter(b[at + 1]))) {
                    at++;
                }
                while (at < b.length && b[at] != ' ' && b[at] != '>' && b[at] != '/') {
                    at++;
                }
                piece = pick(rnd, EDIT_ATTRIBUTES);
            } else {
                cut = rnd.nextInt(3) == 0 ? rnd.nextInt(6) : 0;
                piece = rnd.nextBoolean() ? VALUE_PIECES[rnd.nextInt(VALUE_PIECES.length)]
                        : pick(rnd, ":", "/", "<", ">", "\"", "=", " ", "</c>", "<c>", "r=\"A1\"");
            }
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            out.write(b, 0, at);
            putPiece(out, piece);
            int from = Math.min(b.length, at + cut);
            out.write(b, from, b.length - from);
            b = out.toByteArray();
        }
        return b;
    }

    private static String pick(Random rnd, String... from) {
        return from[rnd.nextInt(from.length)];
    }

    private static void put(ByteArrayOutputStream out, String s) {
        out.writeBytes(s.getBytes(StandardCharsets.UTF_8));
    }

    private static void putPiece(ByteArrayOutputStream out, Object piece) {
        if (piece instanceof byte[] raw) {
            out.writeBytes(raw);
        } else {
            put(out, (String) piece);
        }
    }
}
