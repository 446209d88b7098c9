package bulletin.cli;

import static bulletin.testing.RenderedPages.onPath;
import static bulletin.testing.RenderedPages.run;
import static org.assertj.core.api.Assertions.assertThat;

import bulletin.document.Pdf;
import bulletin.testing.Cli;
import bulletin.testing.Cli.Run;
import bulletin.testing.SampleWorkspace;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 27, point 5: the samples' May in the themed style has 工作进展 on one page as LibreOffice sets it (as seed
 * 002). An integration test (failsafe): it runs LibreOffice once and poppler on each page.
 */
class ThemedPageIT {

    @TempDir
    static Path tmp;
    static Path ws;

    @BeforeAll
    static void generate() throws IOException {
        ws = SampleWorkspace.copyTo(tmp.resolve("themed"));
        Files.writeString(ws.resolve("bulletin.yaml"), ThemedStyleTest.THEMES, StandardCharsets.UTF_8,
                StandardOpenOption.APPEND);
        Run given = Cli.in(ws, "generate", "--month", "5", "--date", "2026-05-30", "--pdf");
        assertThat(given.code()).as(given.toString()).isZero();
    }

    @Test
    void progressFitsOneRenderedPage() throws Exception {
        Assumptions.assumeTrue(Pdf.soffice().isPresent(), "LibreOffice (soffice) is not installed");
        Assumptions.assumeTrue(onPath("pdftotext") && onPath("pdfinfo"), "poppler-utils are not installed");
        Path pdf = ThemedPageTest.file(ws, ".pdf");
        int pages = Integer.parseInt(run(List.of("pdfinfo", pdf.toString())).lines()
                .filter(l -> l.startsWith("Pages:")).findFirst().orElseThrow().replaceAll("\\D", ""));
        int progress = -1;
        int next = -1;
        for (int p = 1; p <= pages && next < 0; p++) {
            for (String line : run(List.of("pdftotext", "-layout", "-f", "" + p, "-l", "" + p, pdf.toString(), "-"))
                    .lines().map(String::strip).toList()) {
                if (line.matches("[一二三四五六七八九十]、 ?工作进展")) {
                    progress = p;
                } else if (progress > 0 && next < 0 && line.matches("[一二三四五六七八九十]、 ?\\S{2,8}")) {
                    next = p;
                }
            }
        }
        assertThat(progress).as("工作进展's heading").isPositive();
        assertThat(next).as("the heading after 工作进展").isPositive();
        assertThat(next - progress).as("工作进展 on page %d, the next section on page %d", progress, next)
                .isLessThanOrEqualTo(1);
    }
}
