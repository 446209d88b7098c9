package bulletin.document;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.geom.AffineTransform;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import java.awt.image.DataBufferInt;
import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.zip.CRC32;
import java.util.zip.Deflater;
import java.util.zip.DeflaterOutputStream;
import org.jfree.chart.JFreeChart;

/**
 * A chart drawn to a PNG a band of rows at a time. At 300 dpi the whole picture as one image is about 18 MiB of
 * pixels (1843 × 2500 ints), the largest single object of a run and more than a quarter of a 64 MiB heap; drawn in
 * bands of {@link #BAND} rows (where the heap is small: {@link #rows}), only one band is in memory while the PNG's
 * rows are filtered and compressed.
 * The bands are drawn with the same transform as one whole image, shifted: the pixels are the same.
 */
final class StripPng {

    /**
     * Rows drawn at a time in a small heap: 9 MiB of pixels at the chart's width (1843), the province's chart (2500
     * rows) in two bands. Each band draws the whole chart again, clipped: 512 rows (five draws) cost the province's
     * cold render about 50 ms more; the city with two units still runs in {@code -Xmx48m}.
     */
    static final int BAND = 1250;

    /**
     * zlib's default level, 6. Level 3 compressed the province's 13.8 MB of filtered rows in about 40 ms instead
     * of 95 (the PNG 3 % larger, the pixels the same), but the PNG's bytes then differ from those of earlier
     * versions, and a bulletin made by one is written again (its .docx kept as "-旧N") the next time its month is
     * generated; since the chart is taken only as the .docx is written ({@link Chart.Later}) the main thread no
     * longer waits for it, so the other core's 55 ms were not worth that.
     */
    static final int LEVEL = 6;

    private static final byte[] SIGNATURE = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'};

    private StripPng() {
    }

    /**
     * The chart as an opaque RGB PNG of {@code width × height} pixels, drawn in {@code drawWidth × drawHeight}
     * points (as {@link JFreeChart#createBufferedImage(int, int, double, double,
     * org.jfree.chart.ChartRenderingInfo)} scales it).
     */
    static byte[] write(JFreeChart chart, int width, int height, double drawWidth, double drawHeight) {
        int band = rows(width, height, Runtime.getRuntime().maxMemory());
        return write(chart, width, height, drawWidth, drawHeight, band);
    }

    /**
     * Rows drawn at a time: the whole picture at once where its pixels take at most an eighth of the heap's limit
     * (the province's 18 MiB from a limit of 147 MiB: each band draws the whole chart again, clipped, and the second
     * draw cost about 30 ms), else {@link #BAND} rows.
     */
    static int rows(int width, int height, long maxMemory) {
        return 4L * width * height <= maxMemory / 8 ? Math.max(height, 1) : BAND;
    }

    /** As {@link #write(JFreeChart, int, int, double, double)}, {@code band} rows at a time. */
    static byte[] write(JFreeChart chart, int width, int height, double drawWidth, double drawHeight, int band) {
        ByteArrayOutputStream idat = new ByteArrayOutputStream();
        Deflater deflater = new Deflater(LEVEL);
        try (DeflaterOutputStream z = new DeflaterOutputStream(idat, deflater, 1 << 16)) {
            BufferedImage image = new BufferedImage(width, Math.min(band, height), BufferedImage.TYPE_INT_RGB);
            // The band's pixels as they are stored (TYPE_INT_RGB: 0xRRGGBB), without getRGB's colour model per pixel.
            int[] pixels = ((DataBufferInt) image.getRaster().getDataBuffer()).getData();
            byte[] prev = new byte[width * 3];
            byte[] cur = new byte[width * 3];
            byte[] filtered = new byte[1 + width * 3];
            for (int y0 = 0; y0 < height; y0 += band) {
                int rows = Math.min(band, height - y0);
                draw(chart, image, y0, width, height, drawWidth, drawHeight);
                for (int y = 0; y < rows; y++) {
                    for (int x = 0, i = 0, at = y * width; x < width; x++) {
                        int p = pixels[at + x];
                        cur[i++] = (byte) (p >> 16);
                        cur[i++] = (byte) (p >> 8);
                        cur[i++] = (byte) p;
                    }
                    filter(cur, prev, filtered);
                    z.write(filtered);
                    byte[] t = prev;
                    prev = cur;
                    cur = t;
                }
            }
        } catch (IOException e) {
            throw new IllegalStateException("a PNG in memory cannot fail to be written", e);
        } finally {
            deflater.end();
        }
        return png(width, height, idat.toByteArray());
    }

    /**
     * A PNG's header alone, of {@code width × height} pixels (signature, IHDR as {@link #write} writes it, no
     * pixels, IEND): what docx4j reads of a picture to place it, standing in for a chart still being drawn
     * ({@link Chart.Later}).
     */
    static byte[] placeholder(int width, int height) {
        return png(width, height, EMPTY_ZLIB);
    }

    /** The PNG of {@code width × height} pixels whose compressed rows are {@code idat}. */
    private static byte[] png(int width, int height, byte[] idat) {
        ByteArrayOutputStream png = new ByteArrayOutputStream(idat.length + 64);
        try {
            png.write(SIGNATURE);
            chunk(png, "IHDR", header(width, height));
            chunk(png, "IDAT", idat);
            chunk(png, "IEND", new byte[0]);
        } catch (IOException e) {
            throw new IllegalStateException("a PNG in memory cannot fail to be written", e);
        }
        return png.toByteArray();
    }

    /** A zlib stream of nothing: one empty stored block, and the Adler-32 of nothing. */
    private static final byte[] EMPTY_ZLIB = {0x78, 0x01, 0x01, 0x00, 0x00, (byte) 0xFF, (byte) 0xFF, 0, 0, 0, 1};

    private static byte[] header(int width, int height) throws IOException {
        ByteArrayOutputStream ihdr = new ByteArrayOutputStream();
        DataOutputStream header = new DataOutputStream(ihdr);
        header.writeInt(width);
        header.writeInt(height);
        header.writeByte(8); // bit depth
        header.writeByte(2); // truecolour
        header.writeByte(0); // deflate
        header.writeByte(0); // filter method 0 (each row says its filter: Up)
        header.writeByte(0); // not interlaced
        return ihdr.toByteArray();
    }

    /** Draws the band of rows from {@code y0} as those rows of the whole picture. */
    private static void draw(JFreeChart chart, BufferedImage band, int y0, int width, int height, double drawWidth,
            double drawHeight) {
        Graphics2D g = band.createGraphics();
        try {
            g.setColor(Color.WHITE);
            g.fillRect(0, 0, band.getWidth(), band.getHeight());
            g.translate(0, -y0);
            g.transform(AffineTransform.getScaleInstance(width / drawWidth, height / drawHeight));
            chart.draw(g, new Rectangle2D.Double(0, 0, drawWidth, drawHeight), null, null);
        } finally {
            g.dispose();
        }
    }

    /**
     * One row with the Up filter, its filter byte first. A chart's flat colours compress as well with Up alone as with
     * libpng's adaptive choice (measured on the samples' chart), and one subtraction a byte costs a quarter of
     * choosing among none, Sub and Up, which was a tenth of a city's generate.
     */
    private static void filter(byte[] cur, byte[] prev, byte[] out) {
        out[0] = 2;
        for (int i = 0, n = cur.length; i < n; i++) {
            out[i + 1] = (byte) (cur[i] - prev[i]);
        }
    }

    private static void chunk(OutputStream out, String type, byte[] data) throws IOException {
        DataOutputStream d = new DataOutputStream(out);
        byte[] t = type.getBytes(StandardCharsets.US_ASCII);
        CRC32 crc = new CRC32();
        crc.update(t);
        crc.update(data);
        d.writeInt(data.length);
        d.write(t);
        d.write(data);
        d.writeInt((int) crc.getValue());
    }
}
