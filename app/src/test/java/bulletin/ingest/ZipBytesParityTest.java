package bulletin.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.Stream;
import java.util.zip.CRC32;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The zip read by us ({@link ZipBytes}) against the JDK's ZipFile, the reference: every committed workbook, and many
 * mutations of a form's zip bytes (truncations, bit flips and size fields changed in the end record, the central
 * directory, the local headers and the deflate data; comments, prefixes, methods, flags, zip64 markers, names twice),
 * each read both ways: the same sheets and cells, or the same refusal. Most of the committed workbooks and some of
 * the mutations must be read by {@link ZipBytes} itself (not handed back to ZipFile), or the parity would prove
 * nothing.
 */
class ZipBytesParityTest {

    @TempDir
    static Path dir;
    /** A sample form as Excel-like tools write it (sizes in the local headers), as ZipOutputStream writes it (data
     * descriptors), and stored, not deflated. */
    private static byte[] form;
    private static byte[] streamed;
    private static byte[] stored;
    private static int written;

    @BeforeAll
    static void forms() throws IOException {
        form = Files.readAllBytes(Path.of("samples/miluo-2026/progress/2026-05/2026-05_三江镇.xlsx"));
        Map<String, byte[]> parts = XmlScannerTest.unzip(form);
        streamed = XmlScannerTest.zip(parts);
        stored = stored(parts);
    }

    /** The parts zipped stored, not deflated. */
    private static byte[] stored(Map<String, byte[]> parts) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ZipOutputStream z = new ZipOutputStream(out)) {
            for (Map.Entry<String, byte[]> e : parts.entrySet()) {
                ZipEntry entry = new ZipEntry(e.getKey());
                CRC32 crc = new CRC32();
                crc.update(e.getValue());
                entry.setMethod(ZipEntry.STORED);
                entry.setSize(e.getValue().length);
                entry.setCrc(crc.getValue());
                z.putNextEntry(entry);
                z.write(e.getValue());
                z.closeEntry();
            }
        }
        return out.toByteArray();
    }

    /** The reading of the file both ways (the JDK's scanner-free reference for the XML is not in question here). */
    private static String reading(Path p, boolean zipFile) {
        return reading(p, zipFile, XlsxReader.Limits.DEFAULT);
    }

    private static String reading(Path p, boolean zipFile, XlsxReader.Limits limits) {
        try {
            List<XlsxReader.SheetData> sheets = XlsxReader.read(p, "f.xlsx", limits, false, zipFile);
            StringBuilder sb = new StringBuilder();
            for (XlsxReader.SheetData s : sheets) {
                Grid g = s.grid();
                if ((long) g.rows() * g.cols() <= 1_000_000) {
                    sb.append(XmlScannerTest.reading(List.of(s)));
                    continue;
                }
                // A sheet as large as Excel's (a far-away cell, a merge to its end): its first and last rows' texts.
                sb.append(s.name()).append(s.hidden()).append(g.rows()).append('x').append(g.cols()).append('\n');
                for (int r = 0; r < g.rows(); r = r == 999 ? g.rows() - 1 : r + 1) {
                    if (g.rowHidden(r) || !g.isBlankRow(r)) {
                        sb.append(r).append(g.rowHidden(r) ? "h" : "-").append(g.texts(r)).append('\n');
                    }
                }
                for (int c = 0; c < g.cols(); c++) {
                    sb.append(g.colHidden(c) ? 'h' : '-');
                }
            }
            return sb.toString();
        } catch (Workbooks.Unreadable e) {
            return "unreadable: " + e.getMessage();
        }
    }

    /** Whether {@link ZipBytes} reads the whole zip itself, every part: no reason to hand it to ZipFile. */
    private static boolean plain(Path p) {
        try (ZipBytes z = ZipBytes.open(p)) {
            for (ZipBytes.Entry e : z.entries()) {
                z.inflate(e);
            }
            return true;
        } catch (ZipBytes.Irregular e) {
            return false;
        }
    }

    /** Reads {@code bytes} both ways, requires the same; tells whether {@link ZipBytes} read them itself. */
    private static boolean same(String what, byte[] bytes) throws IOException {
        Path p = dir.resolve("m" + (written++) + ".xlsx");
        Files.write(p, bytes);
        assertThat(reading(p, false)).as(what).isEqualTo(reading(p, true));
        return plain(p);
    }

    @Test
    void everyCommittedWorkbookIsReadTheSameBothWays() throws IOException {
        List<Path> all = new ArrayList<>();
        for (String root : List.of("samples", "app/src/test")) {
            try (Stream<Path> s = Files.walk(Path.of(root))) {
                s.filter(p -> p.toString().endsWith(".xlsx")).sorted().forEach(all::add);
            }
        }
        assertThat(all).hasSizeGreaterThan(150);
        int plain = 0;
        for (Path p : all) {
            assertThat(reading(p, false)).as(p.toString()).isEqualTo(reading(p, true));
            plain += plain(p) ? 1 : 0;
        }
        assertThat(plain).as("read by ZipBytes itself").isGreaterThan(all.size() * 9 / 10);
    }

    @Test
    void plainVariantsAreReadByZipBytesItselfAndTheSame() throws IOException {
        assertThat(same("as saved", form)).isTrue();
        assertThat(same("data descriptors", streamed)).isTrue();
        assertThat(same("stored parts", stored)).isTrue();
        Zip z = new Zip(form);
        for (int i = 0; i < z.count(); i++) {
            assertThat(same("entry " + i + " one trailing byte after its deflate stream",
                    z.with(z.central(i) + 20, 4, z.u32(z.central(i) + 20) + 1))).isTrue();
            assertThat(same("entry " + i + " declared one byte larger than it inflates to",
                    z.with(z.central(i) + 24, 4, z.u32(z.central(i) + 24) + 1))).isTrue();
            int local = (int) z.u32(z.central(i) + 42);
            assertThat(same("entry " + i + " local sizes differ from the central ones",
                    z.with(local + 18, 8, 0x0102030405060708L))).isTrue();
            assertThat(same("entry " + i + " local name differs", z.with(local + 30, 1, 'Q'))).isTrue();
        }
    }

    @Test
    void irregularVariantsAreHandedToZipFileAndReadOrRefusedTheSame() throws IOException {
        Zip z = new Zip(form);
        int end = form.length - 22;
        byte[] commented = java.util.Arrays.copyOf(z.with(end + 20, 2, 3), form.length + 3);
        assertThat(same("a zip comment", commented)).isFalse();
        byte[] prefixed = new byte[form.length + 7];
        System.arraycopy(form, 0, prefixed, 7, form.length);
        assertThat(same("bytes before the zip", prefixed)).isFalse();
        assertThat(same("bytes after the zip", java.util.Arrays.copyOf(form, form.length + 5))).isFalse();
        assertThat(same("directory outside the file", z.with(end + 16, 4, form.length + 100L))).isFalse();
        assertThat(same("directory size beyond the file", z.with(end + 12, 4, form.length + 100L))).isFalse();
        assertThat(same("count one more", z.with(end + 10, 2, z.count() + 1))).isFalse();
        assertThat(same("count one less", z.with(end + 10, 2, z.count() - 1))).isFalse();
        for (int i = 0; i < z.count(); i++) {
            int c = z.central(i);
            assertThat(same(i + " encrypted", z.with(c + 8, 2, z.u16(c + 8) | 1))).isFalse();
            assertThat(same(i + " method 12", z.with(c + 10, 2, 12))).isFalse();
            assertThat(same(i + " zip64 size", z.with(c + 24, 4, 0xFFFFFFFFL))).isFalse();
            assertThat(same(i + " zip64 compressed size", z.with(c + 20, 4, 0xFFFFFFFFL))).isFalse();
            assertThat(same(i + " declared one byte smaller", z.with(c + 24, 4, z.u32(c + 24) - 1))).isFalse();
            same(i + " compressed one byte fewer", z.with(c + 20, 4, z.u32(c + 20) - 1)); // the dummy byte may end it
            assertThat(same(i + " local header moved", z.with(c + 42, 4, z.u32(c + 42) + 1))).isFalse();
            assertThat(same(i + " local header far beyond the file", z.with(c + 42, 4, 0xFFFFFFF0L))).isFalse();
            assertThat(same(i + " local header just beyond the file", z.with(c + 42, 4, form.length - 10))).isFalse();
            int local = (int) z.u32(c + 42);
            assertThat(same(i + " local signature", z.with(local, 1, 'Q'))).isFalse();
            assertThat(same(i + " name not ASCII", z.with(c + 46, 1, 0xE4))).isFalse();
        }
        // The same name twice: the second entry renamed to the first's (the same length where one is).
        for (int i = 1; i < z.count(); i++) {
            if (z.u16(z.central(i) + 28) == z.u16(z.central(0) + 28)) {
                byte[] twice = form.clone();
                System.arraycopy(form, z.central(0) + 46, twice, z.central(i) + 46, z.u16(z.central(0) + 28));
                assertThat(same("the same name twice", twice)).isTrue(); // the reader refuses it, both ways
            }
        }
    }

    @Test
    void byteBudgetsAroundTheFormsSizeGiveTheSameReadingOrRefusal() throws IOException {
        // Also with package relationships of 40 KB, their main part's first: ZipFile's reading stops there, counting
        // only what the scanner read so far; ours counts the part whole, and hands such a budget to ZipFile.
        Map<String, byte[]> parts = XmlScannerTest.unzip(form);
        String rels = new String(parts.get("_rels/.rels"), java.nio.charset.StandardCharsets.UTF_8);
        parts.put("_rels/.rels", rels.replace("</Relationships>", "<Relationship Id=\"pad\" Type=\"pad\" Target=\"pad\"/>"
                .repeat(800) + "</Relationships>").getBytes(java.nio.charset.StandardCharsets.UTF_8));
        int refused = 0;
        for (Path p : List.of(Files.write(dir.resolve("budget.xlsx"), form),
                Files.write(dir.resolve("padded.xlsx"), XmlScannerTest.zip(parts)))) {
            refused += budgets(p);
        }
        assertThat(refused).isBetween(10, 45);
    }

    private static int budgets(Path p) {
        int refused = 0;
        for (long budget = 0; budget < 100_000; budget += 3989) {
            XlsxReader.Limits limits = new XlsxReader.Limits(budget, XlsxReader.Limits.DEFAULT.nanos());
            String ours = reading(p, false, limits);
            assertThat(ours).as("budget " + budget).isEqualTo(reading(p, true, limits));
            refused += ours.startsWith("unreadable") ? 1 : 0;
        }
        return refused;
    }

    @Test
    void aPartKeptFromTheLastWorkbookIsTakenOnlyForTheVeryBytes() throws IOException {
        Map<String, byte[]> parts = XmlScannerTest.unzip(form);
        // Stored, and each edit of the same length: the same method and sizes, only the bytes differ.
        parts.put("xl/styles.xml", new String(parts.get("xl/styles.xml"), java.nio.charset.StandardCharsets.UTF_8)
                .replace("<xf numFmtId=\"0\" fontId", "<xf numFmtId=\"9\" fontId")
                .getBytes(java.nio.charset.StandardCharsets.UTF_8));
        parts.put("xl/workbook.xml", new String(parts.get("xl/workbook.xml"), java.nio.charset.StandardCharsets.UTF_8)
                .replace("state=\"veryHidden\"", "state=\"visible\"   ")
                .getBytes(java.nio.charset.StandardCharsets.UTF_8));
        parts.put("xl/_rels/workbook.xml.rels", new String(parts.get("xl/_rels/workbook.xml.rels"),
                java.nio.charset.StandardCharsets.UTF_8).replace("Id=\"rId4\"", "Id=\"rId9\"")
                .getBytes(java.nio.charset.StandardCharsets.UTF_8));
        Path a = dir.resolve("a.xlsx");
        Path b = dir.resolve("b.xlsx");
        Files.write(a, stored);
        Files.write(b, stored(parts));
        assertThat(Files.size(b)).isEqualTo(stored.length);
        String aRead = reading(a, true);
        String bRead = reading(b, true);
        assertThat(bRead).isNotEqualTo(aRead).contains("%");
        assertThat(aRead).contains("_bulletin hidden");
        for (int round = 0; round < 2; round++) { // each after the other, its parts kept in turn
            assertThat(reading(a, false)).isEqualTo(aRead);
            assertThat(reading(b, false)).isEqualTo(bRead);
            assertThat(reading(b, false)).isEqualTo(bRead);
        }
    }

    @Test
    void seededMutationsAreReadOrRefusedTheSameBothWays() throws IOException {
        Random random = new Random(24);
        int plain = 0;
        int handed = 0;
        for (byte[] base : List.of(form, streamed, stored)) {
            Zip z = new Zip(base);
            int end = base.length - 22;
            int cen = z.central(0);
            for (int k = 0; k < 50; k++) {
                int at;
                byte[] b;
                switch (k % 5) {
                    case 0 -> at = end + random.nextInt(22); // the end record
                    case 1 -> at = cen + random.nextInt(end - cen); // the central directory
                    case 2 -> at = (int) z.u32(z.central(random.nextInt(z.count())) + 42) + random.nextInt(30);
                    default -> at = random.nextInt(cen); // mostly deflate data
                }
                if (k % 7 == 6) {
                    b = java.util.Arrays.copyOf(base, at); // truncated there
                } else if (k % 5 == 3) { // a size, length or offset field of an entry set anew
                    int c = z.central(random.nextInt(z.count()));
                    int local = (int) z.u32(c + 42);
                    int[][] fields = {{c + 20, 4}, {c + 24, 4}, {c + 42, 4}, {c + 28, 2}, {c + 30, 2}, {c + 32, 2},
                        {local + 18, 4}, {local + 22, 4}, {local + 26, 2}, {local + 28, 2}, {end + 10, 2}, {end + 12, 4}};
                    int[] f = fields[random.nextInt(fields.length)];
                    at = f[0];
                    long old = f[1] == 4 ? z.u32(at) : z.u16(at);
                    long value = random.nextBoolean() ? old + random.nextInt(65) - 32 : random.nextLong();
                    b = z.with(at, f[1], value);
                } else {
                    b = base.clone();
                    b[at] ^= (byte) (1 << random.nextInt(8));
                }
                if (same("mutation " + k + " at " + at, b)) {
                    plain++;
                } else {
                    handed++;
                }
            }
        }
        assertThat(plain).as("mutations read by ZipBytes itself").isGreaterThan(10);
        assertThat(handed).as("mutations handed to ZipFile").isGreaterThan(10);
    }

    /** A zip's bytes, its central directory's entries found from its end record. */
    private record Zip(byte[] bytes) {
        int u16(int i) {
            return (bytes[i] & 0xFF) | (bytes[i + 1] & 0xFF) << 8;
        }

        long u32(int i) {
            return u16(i) | (long) u16(i + 2) << 16;
        }

        int count() {
            return u16(bytes.length - 22 + 10);
        }

        /** Where entry {@code i} of the central directory starts. */
        int central(int i) {
            int at = (int) u32(bytes.length - 22 + 16);
            for (int k = 0; k < i; k++) {
                at += 46 + u16(at + 28) + u16(at + 30) + u16(at + 32);
            }
            return at;
        }

        /** A copy with {@code n} bytes at {@code at} set to {@code value}, little-endian. */
        byte[] with(int at, int n, long value) {
            byte[] b = bytes.clone();
            for (int k = 0; k < n; k++) {
                b[at + k] = (byte) (value >>> (8 * k));
            }
            return b;
        }
    }
}
