package bulletin.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A shared string table with a long run of items that hold no text element ({@code <si/>}, legal and read as "")
 * is read as the StAX reading reads it: the per-thread memo of the last workbook's strings, which grows only when a
 * text is met, must make room for the index of the first text after the run, however far past it is.
 */
class SharedStringsGapTest {

    @TempDir
    Path dir;

    @Test
    void aTextAfterManyEmptyItemsIsRead() throws Exception {
        byte[] book;
        try (XSSFWorkbook wb = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            wb.createSheet("进度").createRow(0).createCell(0).setCellValue("指标");
            wb.write(out);
            book = out.toByteArray();
        }
        Path f = dir.resolve("gap.xlsx");
        byte[] gap = XlsxReaderTest.rewrite(book, "xl/sharedStrings.xml", xml -> xml
                .replaceAll(" (unique)?[cC]ount=\"\\d+\"", "")
                .replace("</sst>", "<si/>".repeat(600) + "<si><t>末尾</t></si></sst>"));
        Files.write(f, XlsxReaderTest.rewrite(gap, "xl/worksheets/sheet1.xml", xml -> xml
                .replace("</row>", "<c r=\"B1\" t=\"s\"><v>601</v></c></row>")));
        // A thread of its own: a fresh memo (one grown by an earlier reading on this thread would hide the case).
        ExecutorService one = Executors.newSingleThreadExecutor();
        try {
            Grid fast = one.submit(() -> XlsxReader.read(f, "gap.xlsx").get(0).grid()).get();
            Grid stax = XlsxReader.read(f, "gap.xlsx", XlsxReader.Limits.DEFAULT, true).get(0).grid();
            assertThat(fast.texts(0)).containsExactly("指标", "末尾").isEqualTo(stax.texts(0));
        } finally {
            one.shutdown();
        }
    }

    @Test
    void theReadingOfTheRunIsKeptForTheNextWorkbook() throws Exception {
        // the same workbook twice on one thread: the second reading meets the memo the first one grew
        byte[] book;
        try (XSSFWorkbook wb = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            wb.createSheet("进度").createRow(0).createCell(0).setCellValue("指标");
            wb.write(out);
            book = out.toByteArray();
        }
        Path f = dir.resolve("gap2.xlsx");
        byte[] gap = XlsxReaderTest.rewrite(book, "xl/sharedStrings.xml", xml -> xml
                .replaceAll(" (unique)?[cC]ount=\"\\d+\"", "")
                .replace("</sst>", "<si><t>x</t></si>".repeat(300) + "<si/>".repeat(1000)
                        + "<si><t>末尾</t></si></sst>"));
        Files.write(f, XlsxReaderTest.rewrite(gap, "xl/worksheets/sheet1.xml", xml -> xml
                .replace("</row>", "<c r=\"B1\" t=\"s\"><v>1301</v></c></row>")));
        ExecutorService one = Executors.newSingleThreadExecutor();
        try {
            List<String> first = one.submit(() -> XlsxReader.read(f, "gap2.xlsx").get(0).grid().texts(0)).get();
            List<String> second = one.submit(() -> XlsxReader.read(f, "gap2.xlsx").get(0).grid().texts(0)).get();
            assertThat(first).containsExactly("指标", "末尾");
            assertThat(second).isEqualTo(first);
        } finally {
            one.shutdown();
        }
    }
}
