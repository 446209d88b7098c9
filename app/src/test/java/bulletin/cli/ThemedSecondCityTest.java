package bulletin.cli;

import static org.assertj.core.api.Assertions.assertThat;

import bulletin.cli.ThemedStyleTest.Para;
import bulletin.testing.Cli.Run;
import bulletin.testing.Cli;
import bulletin.testing.SecondCity;
import bulletin.text.ShortName;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 27 on the second fixture city (临江, 县市区 as units, no bulletin.yaml of its own): {@code style: themed}
 * without {@code themes:} groups the city's projects in order under their headings, bold, and its appendix's
 * 形象进度 rows hold each 区县's 进度; and (point 5) the short 工作进展 loses nothing about a carded indicator (its card,
 * figure and lead unit are told in the bulletin), has no chart, and the appendix's 具体情况 comes from the template's
 * {@code @detail} lines.
 */
class ThemedSecondCityTest {

    @TempDir
    static Path tmp;
    static Path ws;
    static List<ThemedStyleTest.Para> paragraphs;

    @BeforeAll
    static void fillAndGenerateJune() throws IOException {
        ws = tmp.resolve("临江");
        SecondCity.writeWorkspace(ws);
        Files.writeString(ws.resolve("bulletin.yaml"), "style: themed\n", StandardCharsets.UTF_8);
        assertThat(Cli.in(ws, "template", "--month", "6").code()).isZero();
        SecondCityTest.fillJune(ws);
        Run r = Cli.in(ws, "generate", "--month", "6", "--date", "2026-06-30");
        assertThat(r.code()).as(r.toString()).isZero();
        paragraphs = ThemedStyleTest.paragraphs(ws);
    }

    @Test
    void eachLevelHasItsThemesWithBoldLeadIns() {
        List<ThemedStyleTest.Para> themed = paragraphs.stream().filter(p -> p.text().contains("。一是")).toList();
        assertThat(themed).isNotEmpty().allSatisfy(p -> {
            assertThat(p.text()).contains("二是");
            assertThat(p.bold()).endsWith("稳步推进|");
        });
        assertThat(themed).anySatisfy(p -> assertThat(p.text()).containsPattern("市级\\S*\\d+个项目\\d+个指标任务中"));
    }

    @Test
    void theAppendixProgressRowsHoldEachUnitsProgress() {
        assertThat(paragraphs).anySatisfy(p -> assertThat(p.text()).startsWith("总体形象进度")
                .containsPattern("具体情况：1\\. \\S+进度\\d+(\\.\\d+)?%"));
    }

    @Test
    void everyCardedIndicatorIsToldWithItsCardFigureAndUnit() throws IOException {
        JsonNode snapshot;
        try (Stream<Path> files = Files.list(ws.resolve("out/2026-06"))) {
            snapshot = new ObjectMapper().readTree(files.filter(f -> f.toString().endsWith(".json")).findFirst()
                    .orElseThrow().toFile());
        }
        List<String> carded = new ArrayList<>();
        for (JsonNode i : snapshot.get("indicators")) {
            String name = ShortName.of(i.get("name").asText());
            if (ThemedStyleTest.toldWithItsCard(paragraphs, i, name) == null) {
                continue;
            }
            carded.add(name);
            // ...and not among the themes' clauses
            assertThat(paragraphs).filteredOn(p -> p.text().contains("。一是"))
                    .noneSatisfy(p -> assertThat(p.text()).contains(name));
        }
        assertThat(carded).as("the second city's June has a carded indicator").isNotEmpty();
    }

    @Test
    void noChartAndTheDetailComesFromTheTemplate() throws IOException {
        assertThat(paragraphs).noneMatch(p -> p.text().startsWith("图1"));
        String xml = ThemedStyleTest.documentXml(ws);
        assertThat(xml).doesNotContain("<w:drawing>").doesNotContain("@detail");
        assertThat(paragraphs).anySatisfy(p -> assertThat(p.text()).startsWith("总体形象进度")
                .containsPattern("。具体情况：1\\. \\S+进度\\d+(\\.\\d+)?%.*。$"));
    }
}
