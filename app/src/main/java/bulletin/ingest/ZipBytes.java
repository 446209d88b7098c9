package bulletin.ingest;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.SeekableByteChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.zip.DataFormatException;
import java.util.zip.Inflater;
import java.util.zip.ZipEntry;

/**
 * A workbook's zip read by us, for {@link XlsxReader}: the file's bytes read once into this thread's buffer, the end
 * record and the central directory parsed, and each part inflated from those bytes by this thread's {@link Inflater}
 * into this thread's buffer, which the XML scanner reads without another copy. It spares {@link java.util.zip.ZipFile}'s
 * opening (its own reading of the directory, a stream and an inflater per part) and a buffer of each part's size.
 *
 * <p>It reads only the plainest zip, a subset of what {@code ZipFile} accepts and reads the same way: the end record
 * the file's last 22 bytes (no comment, no zip64 locator before it), the central directory just before it with the
 * first local header at 0, every entry in it stored or deflated, not encrypted, without an extra field or a comment,
 * its name printable ASCII, no size or offset of zip64's 0xFFFFFFFF, the count as the end record says; a part's local
 * header in the file with its signature, its data found where {@code ZipFile} finds it (after the local name and extra
 * field, whatever the local sizes and name say: {@code ZipFile} reads the central ones too), within the file; a
 * deflated part's stream ending within its compressed bytes and the dummy byte {@code ZipFile} gives after them, to at
 * most the size declared; a stored part of the size declared. Anything else, however harmless, is {@link Irregular}:
 * the workbook is then read again from the start through {@code ZipFile}, the reference, which accepts it or refuses
 * it with its own message. So no file is refused here that {@code ZipFile} would read, and none read differently
 * (ZipBytesParityTest reads every committed workbook and many mutations of them both ways).
 *
 * <p>Not thread-safe: one reading at a time holds this thread's buffers ({@link #open}, {@link #close}).
 */
final class ZipBytes implements AutoCloseable {

    /** Why the plain reading gave up: the reference reads the workbook again. Without a stack trace (not rare in fuzzing). */
    static final class Irregular extends IOException {
        private static final long serialVersionUID = 1L;

        Irregular(String why) {
            super(why, null);
        }

        @Override
        public synchronized Throwable fillInStackTrace() {
            return this;
        }
    }

    /** An entry of the central directory, with where its local header is. */
    static final class Entry extends ZipEntry {
        final long header;

        Entry(String name, int method, long size, long packed, long header) {
            super(name);
            setMethod(method);
            setSize(size);
            setCompressedSize(packed);
            this.header = header;
        }
    }

    private static final int END = 0x06054b50;
    private static final int END_SIZE = 22;
    private static final int ZIP64_LOCATOR = 0x07064b50;
    private static final int ZIP64_LOCATOR_SIZE = 20;
    private static final int CENTRAL = 0x02014b50;
    private static final int CENTRAL_SIZE = 46;
    private static final int LOCAL = 0x04034b50;
    private static final int LOCAL_SIZE = 30;
    private static final long MAGIC = 0xFFFFFFFFL;
    private static final byte[] DUMMY = new byte[1];
    /** A thread's buffers are kept for the next workbook up to this size (a form's are a few KB, its parts 40 KB). */
    private static final int KEEP = 2 * 1024 * 1024;
    /**
     * A part declared larger is read through ZipFile, which streams it (the reader's own limit is 32 MB for all
     * parts): held whole here, a legitimate large sheet (26 MB of rows) took memory the streamed reading never did,
     * and a run that fitted -Xmx48m before ran out of memory (exit 2).
     */
    static final long MAX_PART = 4L * 1024 * 1024;
    /** A file larger is read through ZipFile, which reads its directory and streams its parts, not the whole file. */
    static final long MAX_FILE = 4L * 1024 * 1024;

    /** How many kinds of part may be kept ({@link #keep}). */
    static final int KINDS = 4;

    /** A part parsed: its method, sizes and compressed bytes, the length it inflated to, and the parse. */
    private record Kept(int method, long size, byte[] packed, int length, Object parse) {
    }

    /** This thread's buffers, inflater and kept parses, taken by one reading at a time. */
    private static final class Buffers {
        private static final ThreadLocal<Buffers> SPARE = new ThreadLocal<>();
        byte[] file = new byte[64 * 1024];
        byte[] part = new byte[64 * 1024];
        final Inflater inflater = new Inflater(true);
        /** The part of each kind last parsed here ({@link #keep}). */
        final Kept[] kept = new Kept[KINDS];

        static Buffers take() {
            Buffers b = SPARE.get();
            if (b == null) {
                return new Buffers();
            }
            SPARE.set(null);
            return b;
        }
    }

    private final Buffers buffers;
    private final int length;
    private final List<Entry> entries;

    private ZipBytes(Buffers buffers, int length, List<Entry> entries) {
        this.buffers = buffers;
        this.length = length;
        this.entries = entries;
    }

    /**
     * The file's bytes read and its directory parsed; {@link Irregular} where it is no plain zip or cannot be read
     * (then the reference opens it, and says why it cannot).
     */
    static ZipBytes open(Path file) throws Irregular {
        Buffers b = Buffers.take();
        boolean done = false;
        try {
            int n = readAll(file, b);
            ZipBytes z = new ZipBytes(b, n, directory(b.file, n));
            done = true;
            return z;
        } finally {
            if (!done) {
                Buffers.SPARE.set(b);
            }
        }
    }

    /** Gives this thread's buffers back (not one that grew beyond {@link #KEEP}: a large table's, read once). */
    @Override
    public void close() {
        if (buffers.file.length > KEEP) {
            buffers.file = new byte[64 * 1024];
        }
        if (buffers.part.length > KEEP) {
            buffers.part = new byte[64 * 1024];
        }
        Buffers.SPARE.set(buffers);
    }

    /** The entries, in the central directory's order. */
    List<Entry> entries() {
        return entries;
    }

    private static int readAll(Path file, Buffers b) throws Irregular {
        try (SeekableByteChannel ch = Files.newByteChannel(file)) {
            long size = ch.size();
            if (size > Math.min(MAX_FILE, Workbooks.MAX_BYTES)) {
                throw new Irregular("large");
            }
            if (b.file.length < size + 1) {
                b.file = new byte[(int) size + 1];
            }
            ByteBuffer into = ByteBuffer.wrap(b.file);
            while (into.hasRemaining() && ch.read(into) >= 0) {
                // read to the end, or one byte beyond the size (the file grew: the reference reads it)
            }
            if (!into.hasRemaining()) {
                throw new Irregular("grew");
            }
            return into.position();
        } catch (Irregular e) {
            throw e;
        } catch (IOException | RuntimeException e) {
            throw new Irregular("unread");
        }
    }

    private static int u16(byte[] b, int i) {
        return (b[i] & 0xFF) | (b[i + 1] & 0xFF) << 8;
    }

    private static long u32(byte[] b, int i) {
        return (u16(b, i) | (long) u16(b, i + 2) << 16);
    }

    private static List<Entry> directory(byte[] b, int n) throws Irregular {
        int end = n - END_SIZE;
        if (end < 0 || u32(b, end) != END || u16(b, end + 20) != 0) {
            throw new Irregular("end");
        }
        if (end >= ZIP64_LOCATOR_SIZE && u32(b, end - ZIP64_LOCATOR_SIZE) == ZIP64_LOCATOR) {
            throw new Irregular("zip64");
        }
        int total = u16(b, end + 10);
        long size = u32(b, end + 12);
        long offset = u32(b, end + 16);
        if (total == 0 || total == 0xFFFF || size > end || end - size != offset) {
            throw new Irregular("directory");
        }
        List<Entry> out = new ArrayList<>(total);
        int pos = (int) offset;
        while (pos + CENTRAL_SIZE <= end) {
            out.add(entry(b, pos, end));
            pos += CENTRAL_SIZE + u16(b, pos + 28);
        }
        if (pos != end || out.size() != total) {
            throw new Irregular("count");
        }
        return out;
    }

    private static Entry entry(byte[] b, int pos, int end) throws Irregular {
        int flag = u16(b, pos + 8);
        int method = u16(b, pos + 10);
        long packed = u32(b, pos + 20);
        long size = u32(b, pos + 24);
        int nameLength = u16(b, pos + 28);
        long header = u32(b, pos + 42);
        if (u32(b, pos) != CENTRAL || (flag & 1) != 0 || (method != ZipEntry.STORED && method != ZipEntry.DEFLATED)
                || u16(b, pos + 30) != 0 || u16(b, pos + 32) != 0 || packed == MAGIC || size == MAGIC
                || header == MAGIC || pos + CENTRAL_SIZE + nameLength > end) {
            throw new Irregular("entry");
        }
        for (int i = pos + CENTRAL_SIZE; i < pos + CENTRAL_SIZE + nameLength; i++) {
            if (b[i] < 0x20 || b[i] > 0x7E) {
                throw new Irregular("name");
            }
        }
        String name = new String(b, pos + CENTRAL_SIZE, nameLength, StandardCharsets.ISO_8859_1);
        return new Entry(name, method, size, packed, header);
    }

    /** Where the entry's data starts, as {@code ZipFile} finds it; its compressed bytes within the file. */
    private int data(Entry e) throws Irregular {
        byte[] b = buffers.file;
        if (e.header + LOCAL_SIZE > length || u32(b, (int) e.header) != LOCAL) {
            throw new Irregular("local");
        }
        int at = (int) e.header;
        long data = at + LOCAL_SIZE + u16(b, at + 26) + u16(b, at + 28);
        if (data + e.getCompressedSize() > length) {
            throw new Irregular("data");
        }
        return (int) data;
    }

    /**
     * The entry's bytes, inflated into this thread's part buffer ({@link #part()}): how many. The caller has checked
     * the declared size against its limits; a part that would unpack to more is {@link Irregular} (the reference
     * refuses it).
     */
    int inflate(Entry e) throws Irregular {
        int from = data(e);
        int packed = (int) e.getCompressedSize();
        long size = e.getSize();
        if (size > MAX_PART) { // a size the caller's limits let through, beyond any buffer here: ZipFile streams it
            throw new Irregular("part");
        }
        if (buffers.part.length < size + 1) {
            buffers.part = new byte[(int) Math.max(size + 1, buffers.part.length * 2L)];
        }
        byte[] out = buffers.part;
        if (e.getMethod() == ZipEntry.STORED) {
            if (packed != size) {
                throw new Irregular("stored");
            }
            System.arraycopy(buffers.file, from, out, 0, packed);
            return packed;
        }
        Inflater inf = buffers.inflater;
        inf.reset();
        inf.setInput(buffers.file, from, packed);
        int made = 0;
        boolean dummy = false;
        try {
            while (!inf.finished()) {
                int k = inf.inflate(out, made, (int) size + 1 - made);
                made += k;
                if (made > size) {
                    throw new Irregular("larger");
                }
                if (k == 0 && !inf.finished()) {
                    if (!inf.needsInput() || dummy) { // a dictionary asked for; or the stream goes on past its bytes
                        throw new Irregular("stream");
                    }
                    inf.setInput(DUMMY); // as ZipFile's stream gives the inflater after the compressed bytes
                    dummy = true;
                }
            }
        } catch (DataFormatException bad) {
            throw new Irregular("deflate");
        }
        return made;
    }

    /** This thread's part buffer, which {@link #inflate} fills (and the next call overwrites). */
    byte[] part() {
        return buffers.part;
    }

    /**
     * What was kept by {@link #keep} for a part of this kind of the very same method, sizes and compressed bytes as
     * this entry's (whose bytes inflate to the very same part, whatever its name): else null.
     */
    Object kept(int kind, Entry e) throws Irregular {
        Kept k = buffers.kept[kind];
        if (k == null || k.method() != e.getMethod() || k.size() != e.getSize()
                || k.packed().length != e.getCompressedSize()) {
            return null;
        }
        int from = data(e);
        return Arrays.equals(buffers.file, from, from + k.packed().length, k.packed(), 0, k.packed().length)
                ? k.parse() : null;
    }

    /** The length {@link #inflate} gave for the part {@link #kept} gave of this kind. */
    int keptLength(int kind) {
        return buffers.kept[kind].length();
    }

    /**
     * Keeps {@code parse} (which nothing may change), made of this entry's {@code made} inflated bytes, as this kind's
     * for the next workbook's {@link #kept}.
     */
    void keep(int kind, Entry e, int made, Object parse) throws Irregular {
        int from = data(e);
        buffers.kept[kind] = new Kept(e.getMethod(), e.getSize(),
                Arrays.copyOfRange(buffers.file, from, from + (int) e.getCompressedSize()), made, parse);
    }
}
