package bulletin.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import bulletin.diag.Place;
import bulletin.text.Numbers;
import bulletin.text.Text;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.Random;
import java.util.function.Predicate;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The reader's shortcuts give what the long way gave: a whole number read without the double's strings, the
 * header search over compacted texts worked out once, A1 names from the table of column letters, and a sheet
 * whose cells are listed out of order or twice.
 */
class ReaderShortcutsTest {

    @TempDir
    Path dir;

    /** The long way: through the double, as every number was read before. */
    private static BigDecimal throughTheDouble(String v) {
        return Numbers.normalise(new BigDecimal(Double.toString(Double.parseDouble(v))));
    }

    @Test
    void aWholeNumberIsTheNumberTheDoubleGave() {
        List<String> values = new ArrayList<>(List.of("0", "-0", "7", "007", "-3", "96", "100", "185.0", "185.00",
                "185.000", "10000000", "12345678", "999999999999999", "-999999999999999", "100000000000000",
                "123456789012345", "4503599627370496", "9007199254740993"));
        Random rnd = new Random(24);
        for (int i = 0; i < 20_000; i++) {
            long bound = (long) Math.pow(10, 1 + rnd.nextInt(15));
            long x = Math.floorMod(rnd.nextLong(), bound);
            String s = (rnd.nextBoolean() ? "-" : "") + x + (rnd.nextInt(4) == 0 ? ".0" : "");
            values.add(s);
        }
        int taken = 0;
        for (String v : values) {
            long w = XlsxReader.wholeNumber(v);
            if (w == XlsxReader.NOT_WHOLE) {
                continue;
            }
            taken++;
            // equals, not compareTo: the scale too (100, not 1E+2; 0, not 0.0)
            assertThat(BigDecimal.valueOf(w)).as(v).isEqualTo(throughTheDouble(v));
            assertThat(Long.toString(w)).as(v).isEqualTo(Numbers.format(throughTheDouble(v))); // the cell's text
        }
        assertThat(taken).isGreaterThan(20_000);
        // Sixteen digits and more, fractions, signs, exponents and odd forms are left to the double's reading.
        for (String v : List.of("1234567890123456", "4503599627370496", "9007199254740993", "1.5", "0.1", "+5", "1e3",
                "1E3", "", "-", ".0", "5.", "5.0000", "5.01", "0x10", "NaN", "Infinity", "١٢", " 5", "5 ")) {
            assertThat(XlsxReader.wholeNumber(v)).as(v).isEqualTo(XlsxReader.NOT_WHOLE);
        }
    }

    @Test
    void aCellsNameIsTheSameInsideAndBeyondTheColumnsMadeOnce() {
        // Text.column makes the first thousand columns' letters once; beyond them it works them out each time.
        Map<String, long[]> names = new LinkedHashMap<>();
        names.put("A1", new long[] {0, 0});
        names.put("F5", new long[] {4, 5});
        names.put("Z1", new long[] {0, 25});
        names.put("AA1", new long[] {0, 26});
        names.put("ZZ1", new long[] {0, 701});
        names.put("AAA1", new long[] {0, 702});
        names.put("ALL50000", new long[] {49_999, 999});
        names.put("ALM4", new long[] {3, 1000});
        names.put("XFD1048576", new long[] {1_048_575, 16_383});
        names.put("8", new long[] {7, -1});
        names.forEach((name, rc) -> assertThat(Text.a1(rc[0], rc[1])).isEqualTo(name));
    }

    /** Headers.find as it was: every column's text compacted, then the test, then the merged region. */
    private static OptionalInt findAsBefore(Grid g, int row, Predicate<String> test) {
        for (int c = 0; c < g.cols(); c++) {
            String t = Text.compact(g.text(row, c));
            if (!t.isEmpty() && test.test(t)) {
                var a = g.region(row, c);
                if (a == null || a.getFirstColumn() == c) {
                    return OptionalInt.of(c);
                }
            }
        }
        return OptionalInt.empty();
    }

    @Test
    void theHeaderSearchFindsWhatItFoundBefore() {
        Random rnd = new Random(7);
        String[] words = {"指标", "指标 名称", "累计\n完成", "形象进度（%）", " 编码", "填报单位：第1单位", "", "说明 指标 累计完成 形象进度"};
        List<Predicate<String>> tests = List.of(t -> t.contains("指标"), t -> t.length() <= 10 && t.contains("指标"),
                t -> t.equals("编码"), t -> t.contains("累计完成"), t -> t.length() <= 12 && t.contains("形象进度"));
        int found = 0;
        for (int round = 0; round < 300; round++) {
            int rows = 1 + rnd.nextInt(8);
            int cols = 1 + rnd.nextInt(10);
            Map<Long, Grid.Value> cells = new HashMap<>();
            for (int i = 0; i < rnd.nextInt(rows * cols + 1); i++) {
                String t = words[rnd.nextInt(words.length)];
                cells.put(Grid.key(rnd.nextInt(rows), rnd.nextInt(cols)),
                        new Grid.Value(t, null, false, t.isEmpty() ? Grid.Kind.BLANK : Grid.Kind.TEXT, false));
            }
            List<CellRangeAddress> regions = new ArrayList<>();
            for (int i = 0; i < rnd.nextInt(4); i++) {
                int r = rnd.nextInt(rows);
                int c = rnd.nextInt(cols);
                regions.add(new CellRangeAddress(r, r + rnd.nextInt(3), c, c + rnd.nextInt(4)));
            }
            Grid g = Grid.of(Place.file("t.xlsx").sheet("S"), cells, regions, new BitSet(), new BitSet());
            for (int r = -1; r <= g.rows(); r++) {
                for (int c = -1; c <= g.cols(); c++) {
                    assertThat(g.compactText(r, c)).isEqualTo(Text.compact(g.text(r, c)));
                }
                for (Predicate<String> test : tests) {
                    OptionalInt before = findAsBefore(g, r, test);
                    assertThat(Headers.find(g, r, test)).as("round %d row %d", round, r).isEqualTo(before);
                    found += before.isPresent() ? 1 : 0;
                }
            }
        }
        assertThat(found).isGreaterThan(100);
    }

    /** A sheet's XML may list its cells out of order, or one cell twice (the later counts): read as a map did. */
    @Test
    void cellsListedOutOfOrderOrTwiceReadAsBefore() throws Exception {
        byte[] book;
        try (XSSFWorkbook wb = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            wb.createSheet("进度").createRow(0).createCell(0).setCellValue("指标");
            wb.write(out);
            book = out.toByteArray();
        }
        Path f = dir.resolve("order.xlsx");
        Files.write(f, rewrite(book, "xl/worksheets/sheet1.xml", xml -> xml.replaceFirst("<sheetData>.*</sheetData>",
                "<sheetData><row r=\"3\"><c r=\"B3\"><v>3</v></c><c r=\"A3\"><v>2</v></c></row>"
                        + "<row r=\"1\"><c r=\"A1\"><v>1</v></c><c r=\"A1\"><v>9</v></c><c r=\"c2\"><v>5</v></c></row>"
                        + "</sheetData>")));
        Grid g = XlsxReader.read(f, "order.xlsx").get(0).grid();
        assertThat(g.rows()).isEqualTo(3);
        assertThat(g.cols()).isEqualTo(3);
        assertThat(g.text(0, 0)).isEqualTo("9");
        assertThat(g.text(1, 2)).isEqualTo("5"); // a lower-case reference, read the long way
        assertThat(g.text(2, 0)).isEqualTo("2");
        assertThat(g.text(2, 1)).isEqualTo("3");
        assertThat(g.texts(2)).containsExactly("2", "3");
        assertThat(XlsxReader.read(f, "order.xlsx", XlsxReader.Limits.DEFAULT, true).get(0).grid().texts(0))
                .isEqualTo(g.texts(0)); // as the StAX reading, which takes every reference the long way
    }

    /** {@link XlsxReaderTest#rewrite}, checking that the edit changed the part. */
    private static byte[] rewrite(byte[] zip, String name, java.util.function.UnaryOperator<String> change)
            throws IOException {
        return XlsxReaderTest.rewrite(zip, name, was -> {
            String now = change.apply(was);
            assertThat(now).isNotEqualTo(was);
            return now;
        });
    }
}
