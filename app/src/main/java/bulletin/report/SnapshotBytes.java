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
 * the platform left out where there is none), and a lone surrogate encoded as {@code ?} as {@code getBytes} does.
 * At province size (3.7 MB) Jackson's data binding, the UTF-16 string and its encoding cost the main thread about
 * 30 ms; {@code ReadBackTest} holds the two to the same bytes.
 */
final class SnapshotBytes {

    private static final byte[] HEX = "0123456789ABCDEF".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
    private static final byte[] NEWLINE = System.lineSeparator().getBytes(java.nio.charset.StandardCharsets.US_ASCII);

    private byte[] buf;
    private int at;
    /** Objects open: each indents its names by two spaces more. */
    private int nesting;
    /** Per open object or array, whether it has had a value yet. */
    private boolean[] any = new boolean[16];
    private int depth;

    private SnapshotBytes(int size) {
        buf = new byte[size];
    }

    static byte[] of(Snapshot s) {
        SnapshotBytes o = new SnapshotBytes(1 << 16);
        o.snapshot(s);
        o.raw(NEWLINE);
        return Arrays.copyOf(o.buf, o.at);
    }

    private void snapshot(Snapshot s) {
        open();
        name("year").number(s.year());
        name("month").number(s.month());
        name("issue").number(s.issue());
        name("date").string(s.date());
        name("schedule").decimal(s.schedule());
        name("title").string(s.title());
        name("office").string(s.office());
        name("units").strings(s.units());
        name("previous").string(s.previous());
        name("indicators");
        if (s.indicators() == null) {
            nil();
        } else {
            openArray();
            for (SnapshotIndicator i : s.indicators()) {
                element();
                indicator(i);
            }
            closeArray();
        }
        name("summary");
        summary(s.summary());
        name("late").strings(s.late());
        name("lateDepartments").strings(s.lateDepartments());
        name("inputs").string(s.inputs());
        name("excluded");
        if (s.excluded() == null) {
            nil();
        } else {
            openArray();
            for (Excluded e : s.excluded()) {
                element();
                excluded(e);
            }
            closeArray();
        }
        if (s.platform() != null) {
            name("platform");
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
        name("code").string(i.code());
        name("item").number(i.item());
        name("itemName").string(i.itemName());
        name("name").string(i.name());
        name("path").strings(i.path());
        name("level").string(i.level() == null ? null : i.level().id());
        name("kind").string(i.kind() == null ? null : i.kind().id());
        name("unit").string(i.measure());
        name("leadUnit").string(i.leadUnit());
        name("schedule").decimal(i.schedule());
        name("total");
        figure(i.total());
        name("units");
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
        name("card").string(i.card() == null ? null : i.card().id());
        name("gain").decimal(i.gain());
        name("progressGain").decimal(i.progressGain());
        name("notes");
        texts(i.notes());
        name("problems");
        texts(i.problems());
        name("perUnit").bool(i.perUnit());
        name("behindMonths").number(i.behindMonths());
        name("pending").string(i.pending());
        close();
    }

    private void figure(Figure f) {
        if (f == null) {
            nil();
            return;
        }
        open();
        name("target").decimal(f.target());
        name("targetText").string(f.targetText());
        name("done").decimal(f.done());
        name("percent").decimal(f.percent());
        name("progress").decimal(f.progress());
        name("status").string(f.status() == null ? null : f.status().id());
        name("card").string(f.card() == null ? null : f.card().id());
        name("carried").bool(f.carried());
        name("source");
        source(f.source());
        name("carriedFrom").string(f.carriedFrom());
        close();
    }

    private void source(Source s) {
        if (s == null) {
            nil();
            return;
        }
        open();
        name("file").string(s.file());
        name("sheet").string(s.sheet());
        name("cell").string(s.cell());
        close();
    }

    private void texts(List<UnitText> texts) {
        if (texts == null) {
            nil();
            return;
        }
        openArray();
        for (UnitText t : texts) {
            element();
            if (t == null) {
                nil();
                continue;
            }
            open();
            name("unit").string(t.unit());
            name("text").string(t.text());
            name("source");
            source(t.source());
            close();
        }
        closeArray();
    }

    private void summary(Summary s) {
        if (s == null) {
            nil();
            return;
        }
        open();
        name("province");
        level(s.province());
        name("city");
        level(s.city());
        name("unitsOnSchedule").strings(s.unitsOnSchedule());
        name("behind");
        if (s.behind() == null) {
            nil();
        } else {
            openArray();
            for (Behind b : s.behind()) {
                element();
                behind(b);
            }
            closeArray();
        }
        name("cleared").strings(s.cleared());
        name("previousCards").number(s.previousCards());
        close();
    }

    private void level(LevelSummary l) {
        if (l == null) {
            nil();
            return;
        }
        open();
        name("items").number(l.items());
        name("indicators").number(l.indicators());
        name("scored").number(l.scored());
        name("onSchedule").number(l.onSchedule());
        name("done").number(l.done());
        name("behind").number(l.behind());
        close();
    }

    private void behind(Behind b) {
        if (b == null) {
            nil();
            return;
        }
        open();
        name("code").string(b.code());
        name("name").string(b.name());
        name("level").string(b.level() == null ? null : b.level().id());
        name("progress").decimal(b.progress());
        name("schedule").decimal(b.schedule());
        name("leadUnit").string(b.leadUnit());
        name("card").string(b.card() == null ? null : b.card().id());
        close();
    }

    private void excluded(Excluded e) {
        if (e == null) {
            nil();
            return;
        }
        open();
        name("file").string(e.file());
        name("unit").string(e.unit());
        name("code").string(e.code());
        name("sheet").string(e.sheet());
        name("cell").string(e.cell());
        name("problem").string(e.problem());
        name("message").string(e.message());
        close();
    }

    private void platform(Platform p) {
        open();
        name("file").string(p.file());
        name("title").string(p.title());
        name("modules");
        if (p.modules() == null) {
            nil();
        } else {
            openArray();
            for (Platform.Module m : p.modules()) {
                element();
                if (m == null) {
                    nil();
                    continue;
                }
                open();
                name("name").string(m.name());
                name("group").string(m.group());
                close();
            }
            closeArray();
        }
        name("rows");
        if (p.rows() == null) {
            nil();
        } else {
            openArray();
            for (Platform.Row r : p.rows()) {
                element();
                row(r);
            }
            closeArray();
        }
        name("totals");
        counts(p.totals());
        name("total").number(p.total());
        close();
    }

    private void row(Platform.Row r) {
        if (r == null) {
            nil();
            return;
        }
        open();
        name("name").string(r.name());
        name("unit").bool(r.unit());
        name("counts");
        counts(r.counts());
        name("total").number(r.total());
        name("source");
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

    private SnapshotBytes name(String name) {
        if (any[depth - 1]) {
            ascii(',');
        }
        any[depth - 1] = true;
        newline(nesting);
        quoted(name);
        room(3);
        buf[at++] = ' ';
        buf[at++] = ':';
        buf[at++] = ' ';
        return this;
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

    private void newline(int level) {
        room(NEWLINE.length + 2 * level);
        for (byte b : NEWLINE) {
            buf[at++] = b;
        }
        for (int k = 0; k < 2 * level; k++) {
            buf[at++] = ' ';
        }
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
        } else {
            latin(d.toPlainString());
        }
    }

    private void strings(List<String> list) {
        if (list == null) {
            nil();
            return;
        }
        openArray();
        for (String s : list) {
            element();
            string(s);
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
        byte[] b = buf;
        int p = at;
        b[p++] = '"';
        for (int k = 0; k < n; k++) {
            char c = s.charAt(k);
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
            } else if (Character.isHighSurrogate(c) && k + 1 < n && Character.isLowSurrogate(s.charAt(k + 1))) {
                int cp = Character.toCodePoint(c, s.charAt(++k));
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
