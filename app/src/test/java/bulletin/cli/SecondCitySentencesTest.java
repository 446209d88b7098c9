package bulletin.cli;

import static org.assertj.core.api.Assertions.assertThat;

import bulletin.ingest.SnapshotReader;
import bulletin.model.Snapshot;
import bulletin.testing.Cli;
import bulletin.testing.Cli.Run;
import bulletin.testing.Month;
import bulletin.testing.SecondCity;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
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
        SecondCityTest.fillJune(ws);
        Month.withoutChart(ws); // what is checked is the words, not the picture (quicker)
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
