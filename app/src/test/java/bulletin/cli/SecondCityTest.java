package bulletin.cli;

import static org.assertj.core.api.Assertions.assertThat;

import bulletin.engine.Engine;
import bulletin.ingest.SnapshotReader;
import bulletin.model.Snapshot;
import bulletin.model.Snapshot.Figure;
import bulletin.model.Snapshot.SnapshotIndicator;
import bulletin.model.Status;
import bulletin.service.TemplateService;
import bulletin.testing.Cli;
import bulletin.testing.Cli.Run;
import bulletin.testing.FormFiller;
import bulletin.testing.Month;
import bulletin.testing.SecondCity;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.YearMonth;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Another city's notice read with no configuration (issue 14): the 备注 reporter, a target every unit must reach,
 * a raised standard, two figures in a project name, single works projects and the responsibility table's 责任单位,
 * then June's forms filled and the engine's results checked figure by figure.
 */
class SecondCityTest {

    @TempDir
    static Path tmp;
    static Path ws;
    static JsonNode model;
    static Snapshot june;
    static Run targets;
    static Run generate;

    /** Each reporter's June figures: 累计完成 or 形象进度 per code, in the order of {@link SecondCity#UNITS}, then 市本级. */
    static final Map<String, String> JUNE = Map.of(
            "01-01", "50 40 30 35 45 25 125",
            "01-02", "100 100 75 75 100 50 100",
            "01-03", "300 250 250 250 250 200 -",
            "02-01", "40 40 80 20 60 0 -",
            "03-01", "100 100 100 100 0 0 -",
            "04-01", "15 10 15 10 14 - -",
            "04-02", "30 25 30 25 34 - -",
            "05-01", "- - - - - 40 -",
            "05-02", "70 - - - - - -",
            "06-01", "50 50 40 40 40 40 -");

    /**
     * The filled workbooks by the forms they were filled from: {@link #fillJune} of the very same forms (every part
     * byte for byte, but the time of writing in docProps/core.xml) in another workspace gives the same workbooks, so
     * the seven POI loads and writes are done once per test JVM for the three classes that fill the second city's
     * June (this one, SecondCitySentencesTest, ThemedSecondCityTest).
     */
    private static final Map<String, Map<String, byte[]>> FILLED = new java.util.HashMap<>();

    /** Fills the June forms that {@code template} wrote in {@code ws} with {@link #JUNE}'s figures, as returned. */
    static void fillJune(Path ws) throws IOException {
        YearMonth jun = YearMonth.of(2026, 6);
        Path dir = Files.createDirectories(ws.resolve("progress/2026-06"));
        java.util.List<String> reporters = new java.util.ArrayList<>(SecondCity.UNITS);
        reporters.add("市本级");
        java.security.MessageDigest digest;
        try {
            digest = java.security.MessageDigest.getInstance("SHA-256");
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
        for (String unit : reporters) {
            digest.update((unit + "\n").getBytes(java.nio.charset.StandardCharsets.UTF_8));
            // Every part but docProps/core.xml, which holds the second the form was written.
            Path form = ws.resolve("forms/2026-06").resolve(TemplateService.fileName(jun, unit));
            try (var zip = new java.util.zip.ZipInputStream(Files.newInputStream(form))) {
                for (var e = zip.getNextEntry(); e != null; e = zip.getNextEntry()) {
                    byte[] part = zip.readAllBytes();
                    if (!e.getName().equals("docProps/core.xml")) {
                        digest.update((e.getName() + "\n").getBytes(java.nio.charset.StandardCharsets.UTF_8));
                        digest.update(part);
                    }
                }
            }
        }
        String forms = java.util.HexFormat.of().formatHex(digest.digest());
        synchronized (FILLED) {
            Map<String, byte[]> filled = FILLED.get(forms);
            if (filled == null) {
                filled = fillJune(ws, reporters);
                FILLED.put(forms, filled);
            }
            for (var e : filled.entrySet()) {
                Files.write(dir.resolve(e.getKey()), e.getValue());
            }
        }
    }

    /** Each reporter's June form in {@code ws} filled with POI as a clerk would: the workbook's name and bytes. */
    private static Map<String, byte[]> fillJune(Path ws, java.util.List<String> reporters) throws IOException {
        YearMonth jun = YearMonth.of(2026, 6);
        Map<String, byte[]> filled = new java.util.LinkedHashMap<>();
        for (int u = 0; u < reporters.size(); u++) {
            String unit = reporters.get(u);
            Path form = ws.resolve("forms/2026-06").resolve(TemplateService.fileName(jun, unit));
            try (FormFiller f = new FormFiller(Files.readAllBytes(form))) {
                for (var e : JUNE.entrySet()) {
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
                java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
                f.save(out);
                filled.put(unit + ".xlsx", out.toByteArray());
            }
        }
        return filled;
    }

    @BeforeAll
    static void readFillAndGenerate() throws IOException {
        ws = tmp.resolve("临江");
        SecondCity.writeWorkspace(ws);
        targets = Cli.in(ws, "validate", "--targets");
        Run json = Cli.in(ws, "inspect", "--json");
        assertThat(json.code()).as(json.toString()).isZero();
        model = new ObjectMapper().readTree(json.out());
        Run template = Cli.in(ws, "template", "--month", "6");
        assertThat(template.code()).as(template.toString()).isZero();
        fillJune(ws);
        Month.withoutChart(ws); // what is checked is the figures, not the picture (quicker)
        generate = Cli.in(ws, "generate", "--month", "6");
        assertThat(generate.code()).as(generate.toString()).isZero();
        june = SnapshotReader.read(ws.resolve("out/2026-06/bulletin.json"), "bulletin.json");
    }

    static JsonNode indicator(String code) {
        for (JsonNode i : model.get("indicators")) {
            if (i.get("code").asText().equals(code)) {
                return i;
            }
        }
        throw new AssertionError("no indicator " + code);
    }

    static SnapshotIndicator at(String code) {
        return Engine.find(june, code).orElseThrow();
    }

    @Test
    void aNoteNamingTheCityLevelMakesItAReporterWithItsOwnTarget() {
        assertThat(model.get("units").toString()).endsWith("\"高新区\",\"市本级\"]");
        assertThat(indicator("01-01").get("targets").get("市本级").decimalValue()).isEqualByComparingTo("250");
        assertThat(indicator("01-01").get("total").decimalValue()).isEqualByComparingTo("700");
        assertThat(indicator("01-01").get("note").isNull()).isTrue();
        assertThat(indicator("01-02").get("targets").get("市本级").decimalValue()).isEqualByComparingTo("200");
        assertThat(indicator("01-02").get("total").decimalValue()).isEqualByComparingTo("1200");
        // A note in words stays a note; "/" is none.
        assertThat(indicator("01-03").get("note").asText()).isEqualTo("含临时救助");
        assertThat(indicator("02-01").get("note").isNull()).isTrue();
        assertThat(ws.resolve("forms/2026-06").resolve(TemplateService.fileName(YearMonth.of(2026, 6), "市本级")))
                .isRegularFile();
    }

    @Test
    void aFigureEveryUnitMustReachIsNotAddedUp() {
        JsonNode e = indicator("02-01");
        assertThat(e.get("additive").asBoolean()).isFalse();
        assertThat(e.get("total").decimalValue()).isEqualByComparingTo("80");
        assertThat(indicator("01-01").get("additive").asBoolean()).isTrue();
    }

    @Test
    void aRaisedStandardIsMeasuredByItsNewLevel() {
        JsonNode s = indicator("03-01");
        assertThat(s.get("headline").decimalValue()).isEqualByComparingTo("650");
        assertThat(s.get("kind").asText()).isEqualTo("standard");
        assertThat(s.get("total").decimalValue()).isEqualByComparingTo("650");
    }

    @Test
    void kindsFollowWhatIsMeasuredAndSayWhy() {
        assertThat(indicator("05-01").get("kind").asText()).isEqualTo("progress");
        assertThat(indicator("05-01").get("kindReason").asText()).contains("单个工程项目");
        assertThat(indicator("05-02").get("kind").asText()).isEqualTo("progress");
        assertThat(indicator("06-01").get("kind").asText()).isEqualTo("progress");
        assertThat(indicator("04-02").get("kind").asText()).isEqualTo("progress");
        assertThat(indicator("04-01").get("kind").asText()).isEqualTo("quantity");
        assertThat(indicator("01-01").get("kind").asText()).isEqualTo("quantity");
        assertThat(indicator("01-03").get("kindReason").asText()).contains("资金");
        Run one = Cli.in(ws, "inspect", "--indicator", "05-01");
        assertThat(one.out()).contains("类型：形象进度（单个工程项目，目标1项）");
    }

    @Test
    void theResponsibilityTablesUnitColumnsAreReadAndAnUnknownColumnIsReported() {
        for (JsonNode i : model.get("indicators")) {
            assertThat(i.get("relatedUnits").size()).as(i.get("code").asText()).isPositive();
        }
        assertThat(indicator("03-01").get("relatedUnits").toString())
                .isEqualTo("[\"各县市区人民政府\",\"市财政局\",\"市医保局\"]");
        assertThat(indicator("02-01").get("leadUnit").asText()).isEqualTo("市数据局");
        assertThat(targets.out() + targets.err()).contains("unknown-column", "完成时限");
    }

    @Test
    void noMismatchIsRaisedThatTheNoteOrASecondFigureExplains() {
        assertThat(targets.out() + targets.err()).doesNotContain("headline-mismatch", "total-mismatch");
        assertThat(generate.out() + generate.err()).doesNotContain("名称写的是", "不一致");
        assertThat(indicator("04-02").get("headline").decimalValue()).isEqualByComparingTo("288");
    }

    @Test
    void juneIsComputedFigureByFigure() {
        Figure jobs = at("01-01").total();
        assertThat(jobs.target()).isEqualByComparingTo("700");
        assertThat(jobs.done()).isEqualByComparingTo("350"); // 225 by the districts, 125 by 市本级
        assertThat(jobs.progress()).isEqualByComparingTo("0.5");
        assertThat(jobs.status()).isEqualTo(Status.ON_SCHEDULE);
        assertThat(at("01-01").units().get("市本级").progress()).isEqualByComparingTo("0.5");

        Figure training = at("01-02").total();
        assertThat(training.done()).isEqualByComparingTo("600");
        assertThat(training.progress()).isEqualByComparingTo("0.5");

        Figure licences = at("02-01").total();
        assertThat(licences.target()).isEqualByComparingTo("80");
        assertThat(licences.done()).isEqualByComparingTo("40"); // the mean of 40, 40, 80, 20, 60, 0
        assertThat(licences.progress()).isEqualByComparingTo("0.5");
        assertThat(at("02-01").perUnit()).isTrue();

        assertThat(at("03-01").total().progress()).isEqualByComparingTo("0.6667");
        assertThat(at("04-01").total().target()).isEqualByComparingTo("128");
        assertThat(at("04-01").total().done()).isEqualByComparingTo("64");
        assertThat(at("04-01").total().progress()).isEqualByComparingTo("0.5");
        assertThat(at("04-02").total().progress()).isEqualByComparingTo("0.288");
        assertThat(at("05-01").total().progress()).isEqualByComparingTo("0.4");
        assertThat(at("05-01").total().status()).isEqualTo(Status.BEHIND);
        assertThat(at("05-02").total().progress()).isEqualByComparingTo("0.7");
        assertThat(at("06-01").total().progress()).isEqualByComparingTo("0.4333");
        assertThat(june.units()).endsWith("市本级");
    }

    @Test
    void theBulletinWordsTheMeanAsAMean() throws IOException {
        // The paragraphs' words as POI gives them (testing/DocxText).
        String text = bulletin.testing.DocxText.paragraphs(ws.resolve("out/2026-06/工作专报（第1期）.docx"));
        assertThat(text).contains("各县市区平均完成40类，平均完成全年任务的50%");
    }
}
