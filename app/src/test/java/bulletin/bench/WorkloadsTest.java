package bulletin.bench;

import static org.assertj.core.api.Assertions.assertThat;

import bulletin.testing.Cli;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.ZipFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The benchmark's workloads: the filled forms it makes from each reporter's one blank form (the month replaced in
 * the zip's parts, the figures typed into the sheet's XML) are what the tool accepts for their month.
 */
class WorkloadsTest {

    @Test
    void everyMonthsFormsAreAcceptedForTheirMonth(@TempDir Path dir) throws Exception {
        Workloads.write(dir, 4, 10, 2);
        for (String month : new String[] {"11", "12"}) {
            Cli.Run run = Cli.in(dir, "validate", "--month", month);
            assertThat(run.code()).as(run.toString()).isZero();
            assertThat(run.out()).as(run.toString()).contains("0 个不合格").contains("结论：可以使用");
        }
        try (var files = Files.list(dir.resolve("progress/2026-12"))) {
            Path form = files.filter(p -> p.getFileName().toString().startsWith("2026-12_第1单位")).findFirst()
                    .orElseThrow();
            try (ZipFile zip = new ZipFile(form.toFile())) {
                String strings = new String(zip.getInputStream(zip.getEntry("xl/sharedStrings.xml")).readAllBytes(),
                        java.nio.charset.StandardCharsets.UTF_8);
                assertThat(strings).contains("2026年12月").contains("请于12月").contains(">2026-12<")
                        .doesNotContain("2026年11月");
                String sheet = new String(zip.getInputStream(zip.getEntry("xl/worksheets/sheet1.xml")).readAllBytes(),
                        java.nio.charset.StandardCharsets.UTF_8);
                assertThat(sheet).containsPattern("<c r=\"F\\d+\" s=\"\\d+\" t=\"n\"><v>\\d+</v></c>");
            }
        }
        // the snapshots of the months before the last, as earlier runs of generate leave them
        assertThat(dir.resolve("out/2026-11/bulletin.json")).exists();
        assertThat(dir.resolve("out/2026-12/bulletin.json")).doesNotExist();
    }
}
