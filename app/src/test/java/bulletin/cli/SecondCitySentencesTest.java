package bulletin.cli;

import static org.assertj.core.api.Assertions.assertThat;

import bulletin.ingest.SnapshotReader;
import bulletin.model.Snapshot;
import bulletin.service.TemplateService;
import bulletin.testing.Cli;
import bulletin.testing.Cli.Run;
import bulletin.testing.FormFiller;
import bulletin.testing.SecondCity;
import java.io.IOException;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 23 on a second city (the 临江 fixture, six districts and 市本级): its June bulletin holds what any city's
 * must (SentencesTest.holdsForAnyCity), its short names read, and its ranking holds the districts only.
 */
class SecondCitySentencesTest {

    @TempDir
    static Path tmp;
    static List<String> text;
    static Snapshot june;

    @BeforeAll
    static void fillAndGenerateJune() throws IOException {
        Path ws = tmp.resolve("临江");
        SecondCity.writeWorkspace(ws);
        assertThat(Cli.in(ws, "template", "--month", "6").code()).isZero();
        YearMonth jun = YearMonth.of(2026, 6);
        Files.createDirectories(ws.resolve("progress/2026-06"));
        List<String> reporters = new ArrayList<>(SecondCity.UNITS);
        reporters.add("市本级");
        for (int u = 0; u < reporters.size(); u++) {
            String unit = reporters.get(u);
            Path form = ws.resolve("forms/2026-06").resolve(TemplateService.fileName(jun, unit));
            try (FormFiller f = new FormFiller(Files.readAllBytes(form))) {
                for (var e : SecondCityTest.JUNE.entrySet()) {
                    String v = e.getValue().split(" ")[u];
                    if (v.equals("-")) {
                        continue;
                    }
                    boolean percent = e.getKey().equals("03-01") || e.getKey().startsWith("05")
                            || e.getKey().equals("04-02") || e.getKey().equals("06-01");
                    if (percent) {
                        f.percent(e.getKey(), new BigDecimal(v));
                    } else {
                        f.done(e.getKey(), new BigDecimal(v));
                    }
                }
                try (OutputStream out = Files.newOutputStream(ws.resolve("progress/2026-06").resolve(unit + ".xlsx"))) {
                    f.save(out);
                }
            }
        }
        Run r = Cli.in(ws, "generate", "--month", "6", "--date", "2026-06-30");
        assertThat(r.code()).as(r.toString()).isZero();
        june = SnapshotReader.read(ws.resolve("out/2026-06/bulletin.json"), "bulletin.json");
        try (var list = Files.list(ws.resolve("out/2026-06"))) {
            text = SentencesTest.paragraphs(list.filter(p -> p.toString().endsWith(".docx")).findFirst().orElseThrow());
        }
    }

    @Test
    void theSecondCitysJuneHoldsWhatAnyCitysBulletinMust() {
        assertThat(june.indicators().stream().filter(i -> i.card() != null)).isNotEmpty();
        SentencesTest.holdsForAnyCity("临江6月", text, june);
    }

    @Test
    void theStandardRaisedFromOneFigureToAnotherHasAShortNameThatReads() {
        String all = String.join("\n", text);
        assertThat(all).doesNotContain("城乡低保标准从”").doesNotContain("“城乡低保标准从");
    }
}
