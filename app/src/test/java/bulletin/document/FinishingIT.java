package bulletin.document;

import static bulletin.testing.RenderedPages.onPath;
import static bulletin.testing.RenderedPages.run;
import static org.assertj.core.api.Assertions.assertThat;

import bulletin.testing.GeneratedSamples;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * GB/T 9704 pagination (issue 23, points 8 and 9) on the samples' May as LibreOffice renders it: an integration
 * test (failsafe, {@code mvn verify}), since it starts LibreOffice and poppler; {@link FinishingTest} reads the same
 * document's XML.
 */
class FinishingIT {

    static final Path DOCX = Path.of("out/2026-05/工作专报（第3期）.docx");

    /**
     * The rendered May (LibreOffice): no page of the text but its last is under a third full (a page with the
     * chart counts as full), each 附件 title is two lines under its label, and each note is on a page with its
     * table's rows.
     */
    @Test
    void theRenderedMayHasNoShortPageAndTheTitleOnTheThirdLine(@TempDir Path tmp) throws Exception {
        Optional<Path> soffice = Pdf.soffice();
        Assumptions.assumeTrue(soffice.isPresent(), "LibreOffice (soffice) is not installed");
        Assumptions.assumeTrue(onPath("pdftotext") && onPath("pdfimages"), "poppler-utils are not installed");
        Path pdf = tmp.resolve("may.pdf");
        Path docx = GeneratedSamples.may().workspace().resolve(DOCX);
        Files.write(pdf, Pdf.convert(soffice.get(), docx, Files.createDirectories(tmp.resolve("work"))));
        int pages = Integer.parseInt(run(List.of("pdfinfo", pdf.toString())).lines()
                .filter(l -> l.startsWith("Pages:")).findFirst().orElseThrow().replaceAll("\\D", ""));
        List<List<String>> text = new ArrayList<>();
        for (int i = 1; i <= pages; i++) {
            String page = run(List.of("pdftotext", "-layout", "-f", "" + i, "-l", "" + i, pdf.toString(), "-"));
            text.add(page.lines().filter(l -> !l.isBlank()).map(String::strip).toList());
        }
        // The masthead's issuer line: office and date on one line.
        assertThat(text.get(0)).anyMatch(l -> l.matches(".*工作专班.*2026 ?年 ?5 ?月 ?30 ?日"));
        int firstAppendix = -1;
        for (int i = 0; i < pages && firstAppendix < 0; i++) {
            if (!text.get(i).isEmpty() && text.get(i).get(0).matches("附件 ?1")) {
                firstAppendix = i;
            }
        }
        assertThat(firstAppendix).as("附件1 starts a page").isPositive();
        // The text's pages but its last: a third of 22 lines at least (the page number's line not counted).
        for (int i = 0; i < firstAppendix - 1; i++) {
            boolean picture = run(List.of("pdfimages", "-list", "-f", "" + (i + 1), "-l", "" + (i + 1),
                    pdf.toString())).lines().count() > 2;
            int lines = text.get(i).size() - 1;
            assertThat(picture || lines >= Math.ceil(PageFit.PAGE / 3))
                    .as("page %d holds %d lines:%n%s", i + 1, lines, String.join("\n", text.get(i))).isTrue();
        }
        for (int i = firstAppendix; i < pages; i++) {
            List<String> page = text.get(i);
            if (page.get(0).matches("附件 ?\\d")) {
                // The title two lines under the label: one blank line between them in the layout's text.
                String layout = run(List.of("pdftotext", "-layout", "-f", "" + (i + 1), "-l", "" + (i + 1),
                        pdf.toString(), "-"));
                List<String> raw = layout.lines().dropWhile(String::isBlank).toList();
                int title = 1;
                while (title < raw.size() && raw.get(title).isBlank()) {
                    title++;
                }
                assertThat(title).as("blank lines under %s on page %d", page.get(0), i + 1).isGreaterThanOrEqualTo(2);
                assertThat(raw.get(title)).contains("表");
            }
            // The page number in the left margin (the upright sheet's foot), not at the landscape foot.
            String bbox = run(List.of("pdftotext", "-bbox", "-f", "" + (i + 1), "-l", "" + (i + 1),
                    pdf.toString(), "-"));
            java.util.regex.Matcher m = java.util.regex.Pattern
                    .compile("<word xMin=\"([0-9.]+)\"[^>]*>" + (i + 1) + "</word>").matcher(bbox);
            List<Double> xs = new ArrayList<>();
            while (m.find()) {
                xs.add(Double.parseDouble(m.group(1)));
            }
            assertThat(xs).as("page %d's number", i + 1).anyMatch(x -> x < 1134 / 20.0);
            for (int k = 0; k < page.size(); k++) {
                if (page.get(k).startsWith("注：")) {
                    // A note never opens a page: rows of its table come before it.
                    assertThat(page.subList(0, k)).as("page %d", i + 1).anyMatch(l -> l.matches(".*(指标|数量|进度).*"));
                }
            }
        }
    }
}
