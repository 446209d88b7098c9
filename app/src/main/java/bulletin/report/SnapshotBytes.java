package bulletin.report;

import bulletin.model.Platform;
import bulletin.model.Snapshot;
import bulletin.model.Snapshot.Behind;
import bulletin.model.Snapshot.Excluded;
import bulletin.model.Snapshot.Figure;
import bulletin.model.Snapshot.LevelSummary;
import bulletin.model.Snapshot.SnapshotIndicator;
import bulletin.model.Snapshot.Summary;
import bulletin.model.Snapshot.UnitText;
import bulletin.model.Source;
import java.math.BigDecimal;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * {@code bulletin.json} written straight to UTF-8, byte for byte what {@link SnapshotJson#write} gives encoded as
 * {@code String.getBytes(UTF_8)}: Jackson's default pretty printer (two spaces an object level, the system's line
 * separator, {@code " : "} after a name, arrays on one line as {@code [ a, b ]}, {@code [ ]} and {@code { }} when
 * empty), its string escapes ({@code \" \\ \b \t \n \f \r}, other characters below U+0020 as a backslash, {@code u00} and two upper-case
 * hex digits, nothing else), decimals written plain, the records' components in their order ({@code unit} for an indicator's measure;
 * the platform left out where there is none), a lone surrogate encoded as {@code ?} as {@code getBytes} does, and
 * the text ended by a bare LF as {@code write} ends it (on Windows too); a decimal of scale beyond ±9999 or a
 * map's null key refused with an {@link IllegalStateException}, as {@code write} refuses them.
 * At province size (3.7 MB) Jackson's data binding, the UTF-16 string and its encoding cost the main thread about
 * 30 ms; {@code ReadBackTest} holds the two to the same bytes.
 */
final class SnapshotBytes {

    private static final byte[] HEX = "0123456789ABCDEF".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
    private static final byte[] NEWLINE = System.lineSeparator().getBytes(java.nio.charset.StandardCharsets.US_ASCII);

    /** The records' names, each as written before its value: {@code "name" : }. */
    private static final class K {
        static final byte[] BEHIND = key("behind");
        static final byte[] BEHINDMONTHS = key("behindMonths");
        static final byte[] CARD = key("card");
        static final byte[] CARRIED = key("carried");
        static final byte[] CARRIEDFROM = key("carriedFrom");
        static final byte[] CELL = key("cell");
        static final byte[] CITY = key("city");
        static final byte[] CLEARED = key("cleared");
        static final byte[] CODE = key("code");
        static final byte[] COUNTS = key("counts");
        static final byte[] DATE = key("date");
        static final byte[] DONE = key("done");
        static final byte[] EXCLUDED = key("excluded");
        static final byte[] FILE = key("file");
        static final byte[] GAIN = key("gain");
        static final byte[] GROUP = key("group");
        static final byte[] INDICATORS = key("indicators");
        static final byte[] INPUTS = key("inputs");
        static final byte[] ISSUE = key("issue");
        static final byte[] ITEM = key("item");
        static final byte[] ITEMNAME = key("itemName");
        static final byte[] ITEMS = key("items");
        static final byte[] KIND = key("kind");
        static final byte[] LATE = key("late");
        static final byte[] LATEDEPARTMENTS = key("lateDepartments");
        static final byte[] LEADUNIT = key("leadUnit");
        static final byte[] LEVEL = key("level");
        static final byte[] MESSAGE = key("message");
        static final byte[] MODULES = key("modules");
        static final byte[] MONTH = key("month");
        static final byte[] NAME = key("name");
        static final byte[] NOTES = key("notes");
        static final byte[] OFFICE = key("office");
        static final byte[] ONSCHEDULE = key("onSchedule");
        static final byte[] PATH = key("path");
        static final byte[] PENDING = key("pending");
        static final byte[] PERUNIT = key("perUnit");
        static final byte[] PERCENT = key("percent");
        static final byte[] PLATFORM = key("platform");
        static final byte[] PREVIOUS = key("previous");
        static final byte[] PREVIOUSCARDS = key("previousCards");
        static final byte[] PROBLEM = key("problem");
        static final byte[] PROBLEMS = key("problems");
        static final byte[] PROGRESS = key("progress");
        static final byte[] PROGRESSGAIN = key("progressGain");
        static final byte[] PROVINCE = key("province");
        static final byte[] ROWS = key("rows");
        static final byte[] SCHEDULE = key("schedule");
        static final byte[] SCORED = key("scored");
        static final byte[] SHEET = key("sheet");
        static final byte[] SOURCE = key("source");
        static final byte[] STATUS = key("status");
        static final byte[] SUMMARY = key("summary");
        static final byte[] TARGET = key("target");
        static final byte[] TARGETTEXT = key("targetText");
        static final byte[] TEXT = key("text");
        static final byte[] TITLE = key("title");
        static final byte[] TOTAL = key("total");
        static final byte[] TOTALS = key("totals");
        static final byte[] UNIT = key("unit");
        static final byte[] UNITS = key("units");
        static final byte[] UNITSONSCHEDULE = key("unitsOnSchedule");
        static final byte[] YEAR = key("year");

        private K() {
        }

        private static byte[] key(String name) {
            return ("\"" + name + "\" : ").getBytes(java.nio.charset.StandardCharsets.US_ASCII);
        }
    }

    private byte[] buf;
    private int at;
    /** Objects open: each indents its names by two spaces more. */
    private int nesting;
    /** Per open object or array, whether it has had a value yet. */
    private boolean[] any = new boolean[16];
    private int depth;
    /** A string's characters, copied out at once (charAt a character at a time cost twice as much). */
    private char[] chars = new char[256];

    private SnapshotBytes(int size) {
        buf = new byte[size];
    }

    static byte[] of(Snapshot s) {
        SnapshotBytes o = new SnapshotBytes(1 << 16);
        o.snapshot(s);
        o.ascii('\n'); // SnapshotJson.write ends with a bare LF, whatever the system's line separator
        return Arrays.copyOf(o.buf, o.at);
    }

    private void snapshot(Snapshot s) {
        open();
        name(K.YEAR).number(s.year());
        name(K.MONTH).number(s.month());
        name(K.ISSUE).number(s.issue());
        name(K.DATE).string(s.date());
        name(K.SCHEDULE).decimal(s.schedule());
        name(K.TITLE).string(s.title());
        name(K.OFFICE).string(s.office());
        name(K.UNITS).strings(s.units());
        name(K.PREVIOUS).string(s.previous());
        name(K.INDICATORS);
        array(s.indicators(), this::indicator);
        name(K.SUMMARY);
        summary(s.summary());
        name(K.LATE).strings(s.late());
        name(K.LATEDEPARTMENTS).strings(s.lateDepartments());
        name(K.INPUTS).string(s.inputs());
        name(K.EXCLUDED);
        array(s.excluded(), this::excluded);
        if (s.platform() != null) {
            name(K.PLATFORM);
            platform(s.platform());
        }
        close();
    }

    private void indicator(SnapshotIndicator i) {
        if (i == null) {
            nil();
            return;
        }
        open();
        name(K.CODE).string(i.code());
        name(K.ITEM).number(i.item());
        name(K.ITEMNAME).string(i.itemName());
        name(K.NAME).string(i.name());
        name(K.PATH).strings(i.path());
        name(K.LEVEL).string(i.level() == null ? null : i.level().id());
        name(K.KIND).string(i.kind() == null ? null : i.kind().id());
        name(K.UNIT).string(i.measure());
        name(K.LEADUNIT).string(i.leadUnit());
        name(K.SCHEDULE).decimal(i.schedule());
        name(K.TOTAL);
        figure(i.total());
        name(K.UNITS);
        if (i.units() == null) {
            nil();
        } else {
            open();
            for (Map.Entry<String, Figure> e : i.units().entrySet()) {
                name(e.getKey());
                figure(e.getValue());
            }
            close();
        }
        name(K.CARD).string(i.card() == null ? null : i.card().id());
        name(K.GAIN).decimal(i.gain());
        name(K.PROGRESSGAIN).decimal(i.progressGain());
        name(K.NOTES);
        array(i.notes(), this::text);
        name(K.PROBLEMS);
        array(i.problems(), this::text);
        name(K.PERUNIT).bool(i.perUnit());
        name(K.BEHINDMONTHS).number(i.behindMonths());
        name(K.PENDING).string(i.pending());
        close();
    }

    private void figure(Figure f) {
        if (f == null) {
            nil();
            return;
        }
        open();
        name(K.TARGET).decimal(f.target());
        name(K.TARGETTEXT).string(f.targetText());
        name(K.DONE).decimal(f.done());
        name(K.PERCENT).decimal(f.percent());
        name(K.PROGRESS).decimal(f.progress());
        name(K.STATUS).string(f.status() == null ? null : f.status().id());
        name(K.CARD).string(f.card() == null ? null : f.card().id());
        name(K.CARRIED).bool(f.carried());
        name(K.SOURCE);
        source(f.source());
        name(K.CARRIEDFROM).string(f.carriedFrom());
        close();
    }

    private void source(Source s) {
        if (s == null) {
            nil();
            return;
        }
        open();
        name(K.FILE).string(s.file());
        name(K.SHEET).string(s.sheet());
        name(K.CELL).string(s.cell());
        close();
    }

    private void text(UnitText t) {
        if (t == null) {
            nil();
            return;
        }
        open();
        name(K.UNIT).string(t.unit());
        name(K.TEXT).string(t.text());
        name(K.SOURCE);
        source(t.source());
        close();
    }

    private void summary(Summary s) {
        if (s == null) {
            nil();
            return;
        }
        open();
        name(K.PROVINCE);
        level(s.province());
        name(K.CITY);
        level(s.city());
        name(K.UNITSONSCHEDULE).strings(s.unitsOnSchedule());
        name(K.BEHIND);
        array(s.behind(), this::behind);
        name(K.CLEARED).strings(s.cleared());
        name(K.PREVIOUSCARDS).number(s.previousCards());
        close();
    }

    private void level(LevelSummary l) {
        if (l == null) {
            nil();
            return;
        }
        open();
        name(K.ITEMS).number(l.items());
        name(K.INDICATORS).number(l.indicators());
        name(K.SCORED).number(l.scored());
        name(K.ONSCHEDULE).number(l.onSchedule());
        name(K.DONE).number(l.done());
        name(K.BEHIND).number(l.behind());
        close();
    }

    private void behind(Behind b) {
        if (b == null) {
            nil();
            return;
        }
        open();
        name(K.CODE).string(b.code());
        name(K.NAME).string(b.name());
        name(K.LEVEL).string(b.level() == null ? null : b.level().id());
        name(K.PROGRESS).decimal(b.progress());
        name(K.SCHEDULE).decimal(b.schedule());
        name(K.LEADUNIT).string(b.leadUnit());
        name(K.CARD).string(b.card() == null ? null : b.card().id());
        close();
    }

    private void excluded(Excluded e) {
        if (e == null) {
            nil();
            return;
        }
        open();
        name(K.FILE).string(e.file());
        name(K.UNIT).string(e.unit());
        name(K.CODE).string(e.code());
        name(K.SHEET).string(e.sheet());
        name(K.CELL).string(e.cell());
        name(K.PROBLEM).string(e.problem());
        name(K.MESSAGE).string(e.message());
        close();
    }

    private void platform(Platform p) {
        open();
        name(K.FILE).string(p.file());
        name(K.TITLE).string(p.title());
        name(K.MODULES);
        array(p.modules(), this::module);
        name(K.ROWS);
        array(p.rows(), this::row);
        name(K.TOTALS);
        counts(p.totals());
        name(K.TOTAL).number(p.total());
        close();
    }

    private void module(Platform.Module m) {
        if (m == null) {
            nil();
            return;
        }
        open();
        name(K.NAME).string(m.name());
        name(K.GROUP).string(m.group());
        close();
    }

    private void row(Platform.Row r) {
        if (r == null) {
            nil();
            return;
        }
        open();
        name(K.NAME).string(r.name());
        name(K.UNIT).bool(r.unit());
        name(K.COUNTS);
        counts(r.counts());
        name(K.TOTAL).number(r.total());
        name(K.SOURCE);
        source(r.source());
        close();
    }

    private void counts(Map<String, Long> counts) {
        if (counts == null) {
            nil();
            return;
        }
        open();
        for (Map.Entry<String, Long> e : counts.entrySet()) {
            name(e.getKey());
            if (e.getValue() == null) {
                nil();
            } else {
                number(e.getValue());
            }
        }
        close();
    }

    // The pretty printer.

    private void open() {
        ascii('{');
        nesting++;
        push();
    }

    private void close() {
        nesting--;
        if (pop()) {
            newline(nesting);
        } else {
            ascii(' ');
        }
        ascii('}');
    }

    private void openArray() {
        ascii('[');
        push();
    }

    /** Before each value of an array. */
    private void element() {
        if (any[depth - 1]) {
            ascii(',');
        }
        any[depth - 1] = true;
        ascii(' ');
    }

    private void closeArray() {
        pop();
        ascii(' ');
        ascii(']');
    }

    /** A record's name, made once. */
    private SnapshotBytes name(byte[] key) {
        separate();
        raw(key);
        return this;
    }

    /** A map's key. */
    private SnapshotBytes name(String name) {
        if (name == null) { // as Jackson refuses it, and SnapshotJson.write with it
            throw new IllegalStateException("Null key for a Map not allowed in JSON");
        }
        separate();
        quoted(name);
        room(3);
        buf[at++] = ' ';
        buf[at++] = ':';
        buf[at++] = ' ';
        return this;
    }

    /** Before a name: a comma after the one before, a new line and the object's indent. */
    private void separate() {
        if (any[depth - 1]) {
            ascii(',');
        }
        any[depth - 1] = true;
        newline(nesting);
    }

    private void push() {
        if (depth == any.length) {
            any = Arrays.copyOf(any, depth * 2);
        }
        any[depth++] = false;
    }

    /** Whether the object or array closed had any value. */
    private boolean pop() {
        return any[--depth];
    }

    /** A line separator and {@code level} indents: made once per level. */
    private byte[][] lines = new byte[0][];

    private void newline(int level) {
        if (level >= lines.length) {
            lines = indents(level + 8);
        }
        raw(lines[level]);
    }

    private static byte[][] indents(int levels) {
        byte[][] out = new byte[levels][];
        for (int l = 0; l < levels; l++) {
            out[l] = Arrays.copyOf(NEWLINE, NEWLINE.length + 2 * l);
            Arrays.fill(out[l], NEWLINE.length, out[l].length, (byte) ' ');
        }
        return out;
    }

    // Values.

    private void nil() {
        raw(NULL);
    }

    private static final byte[] NULL = {'n', 'u', 'l', 'l'};
    private static final byte[] TRUE = {'t', 'r', 'u', 'e'};
    private static final byte[] FALSE = {'f', 'a', 'l', 's', 'e'};

    private void bool(boolean b) {
        raw(b ? TRUE : FALSE);
    }

    private void number(long n) {
        latin(Long.toString(n));
    }

    private void decimal(BigDecimal d) {
        if (d == null) {
            nil();
        } else if (d.scale() < -MAX_PLAIN_SCALE || d.scale() > MAX_PLAIN_SCALE) {
            // as Jackson refuses it (WRITE_BIGDECIMAL_AS_PLAIN), and SnapshotJson.write with it
            throw new IllegalStateException("Attempt to write plain BigDecimal with illegal scale (" + d.scale()
                    + "): needs to be between [-" + MAX_PLAIN_SCALE + ", " + MAX_PLAIN_SCALE + "]");
        } else {
            latin(d.toPlainString());
        }
    }

    /** Jackson writes a decimal plain only within this scale (GeneratorBase.MAX_BIG_DECIMAL_SCALE). */
    private static final int MAX_PLAIN_SCALE = 9999;

    private void strings(List<String> list) {
        array(list, this::string);
    }

    /** A list as Jackson writes one: null, or {@code [ a, b ]}, each element (a null one too) written by {@code each}. */
    private <T> void array(List<T> list, java.util.function.Consumer<T> each) {
        if (list == null) {
            nil();
            return;
        }
        openArray();
        for (T x : list) {
            element();
            each.accept(x);
        }
        closeArray();
    }

    private void string(String s) {
        if (s == null) {
            nil();
        } else {
            quoted(s);
        }
    }

    /** A string in quotes, escaped as Jackson escapes it, in UTF-8 as {@code String.getBytes} encodes it. */
    private void quoted(String s) {
        int n = s.length();
        room(2 + 6 * n); // at most six bytes a char (an escape)
        if (chars.length < n) {
            chars = new char[Math.max(n, 2 * chars.length)];
        }
        char[] cs = chars;
        s.getChars(0, n, cs, 0);
        byte[] b = buf;
        int p = at;
        b[p++] = '"';
        for (int k = 0; k < n; k++) {
            char c = cs[k];
            if (c < 0x80) {
                if (c >= 0x20 && c != '"' && c != '\\') {
                    b[p++] = (byte) c;
                } else {
                    p = escape(b, p, c);
                }
            } else if (c < 0x800) {
                b[p++] = (byte) (0xC0 | c >> 6);
                b[p++] = (byte) (0x80 | c & 0x3F);
            } else if (!Character.isSurrogate(c)) {
                b[p++] = (byte) (0xE0 | c >> 12);
                b[p++] = (byte) (0x80 | c >> 6 & 0x3F);
                b[p++] = (byte) (0x80 | c & 0x3F);
            } else if (Character.isHighSurrogate(c) && k + 1 < n && Character.isLowSurrogate(cs[k + 1])) {
                int cp = Character.toCodePoint(c, cs[++k]);
                b[p++] = (byte) (0xF0 | cp >> 18);
                b[p++] = (byte) (0x80 | cp >> 12 & 0x3F);
                b[p++] = (byte) (0x80 | cp >> 6 & 0x3F);
                b[p++] = (byte) (0x80 | cp & 0x3F);
            } else {
                b[p++] = '?'; // a lone surrogate, as String.getBytes(UTF_8) replaces it
            }
        }
        b[p++] = '"';
        at = p;
    }

    private static int escape(byte[] b, int p, char c) {
        b[p++] = '\\';
        char short_ = switch (c) {
            case '"' -> '"';
            case '\\' -> '\\';
            case '\b' -> 'b';
            case '\t' -> 't';
            case '\f' -> 'f';
            case '\n' -> 'n';
            case '\r' -> 'r';
            default -> 0;
        };
        if (short_ != 0) {
            b[p++] = (byte) short_;
            return p;
        }
        b[p++] = 'u';
        b[p++] = '0';
        b[p++] = '0';
        b[p++] = HEX[c >> 4];
        b[p++] = HEX[c & 0xF];
        return p;
    }

    private void ascii(char c) {
        room(1);
        buf[at++] = (byte) c;
    }

    /** Text of ASCII characters alone (a number). */
    private void latin(String s) {
        int n = s.length();
        room(n);
        for (int k = 0; k < n; k++) {
            buf[at++] = (byte) s.charAt(k);
        }
    }

    private void raw(byte[] bytes) {
        room(bytes.length);
        System.arraycopy(bytes, 0, buf, at, bytes.length);
        at += bytes.length;
    }

    private void room(int n) {
        if (at + n > buf.length) {
            buf = Arrays.copyOf(buf, Math.max(buf.length * 2, at + n));
        }
    }
}
