package bulletin.ingest;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;

/** The bytes in pieces of at most {@code piece}, as a zip entry's stream may give them. */
final class Pieces extends InputStream {
    private final byte[] bytes;
    private final int piece;
    private int at;

    Pieces(byte[] bytes, int piece) {
        this.bytes = bytes;
        this.piece = piece;
    }

    @Override
    public int read() {
        return at < bytes.length ? bytes[at++] & 0xFF : -1;
    }

    @Override
    public int read(byte[] b, int off, int len) {
        if (at >= bytes.length) {
            return -1;
        }
        int n = Math.min(Math.min(len, piece), bytes.length - at);
        System.arraycopy(bytes, at, b, off, n);
        at += n;
        return n;
    }

    /** The start of an input for a failure's message: at most {@code most} characters. */
    static String show(byte[] xml, int most) {
        String s = new String(xml, StandardCharsets.UTF_8);
        return s.length() > most ? s.substring(0, most) + "…" : s;
    }
}
