package bulletin.cli;

import static org.assertj.core.api.Assertions.assertThat;

import bulletin.forms.FormLayout;
import bulletin.model.Kind;
import bulletin.model.Snapshot;
import bulletin.model.Snapshot.Figure;
import bulletin.model.Snapshot.SnapshotIndicator;
import bulletin.service.TemplateService;
import bulletin.testing.Cli;
import bulletin.testing.Cli.Run;
import bulletin.testing.FormEdit;
import bulletin.testing.FormFiller;
import bulletin.testing.GeneratedSamples;
import bulletin.testing.Month;
import bulletin.testing.SecondCity;
import bulletin.text.Numbers;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 21 point 2: a blank where last month had a figure is an error naming the file, the cell, the indicator and
 * last month's value; --skip-invalid carries last month's figure and lists it; and no cumulative figure is ever
 * published below last month's (the last guard, on the computed month).
 */
class MissingFigureTest {

    @TempDir
    Path tmp;

    private static final String MAY_GUIYI = "progress/2026-05/2026-05_归义街道.xlsx";

    @Test
    void aBlankWhereAprilHadAFigureIsRefusedAndCarriedWithSkipInvalid() throws IOException {
        Path ws = Month.samples(tmp.resolve("ws"));
        BigDecimal april = FormEdit.get(ws.resolve("progress/2026-04/2026-04_归义街道.xlsx"), "03-05", FormLayout.COL_DONE);
        assertThat(april).isNotNull();
        FormEdit.blank(ws.resolve(MAY_GUIYI), "03-05", FormLayout.COL_DONE);

        Run v = Cli.in(ws, "validate", "--month", "5");
        assertThat(v.code()).as(v.toString()).isEqualTo(1);
        assertThat(v.out()).contains("2026-05_归义街道.xlsx", "missing-figure 进度填报!F16 [03-05",
                "累计完成未填，上月为 " + Numbers.format(april), "progress/2026-04/2026-04_归义街道.xlsx");
        // Only the blank that was made: a blank where April was blank too stays "no figure".
        assertThat(v.out().split("missing-figure", -1)).hasSize(2);

        Run g = Month.generate(ws, 5);
        assertThat(g.code()).as(g.toString()).isEqualTo(1);
        assertThat(g.err()).contains("missing-figure", "F16", "03-05", "未生成专报");
        assertThat(Month.outputs(ws, 5)).isEmpty();

        Run skip = Month.generate(ws, 5, "--skip-invalid");
        assertThat(skip.code()).as(skip.toString()).isZero();
        Snapshot s = Month.snapshot(ws, 5);
        assertThat(s.excluded()).extracting(e -> e.unit() + " " + e.code() + " " + e.cell() + " " + e.problem())
                .containsExactly("归义街道 03-05 F16 missing-figure");
        Figure f = Month.indicator(s, "03-05").units().get("归义街道");
        assertThat(f.carried()).isTrue();
        assertThat(f.carriedFrom()).isEqualTo("2026-04");
        assertThat(f.done()).isEqualByComparingTo(april);
        assertThat(f.source().file()).isEqualTo("progress/2026-04/2026-04_归义街道.xlsx");
        assertThat(skip.out()).contains("未采用的数据", "归义街道", "F16", "missing-figure");
        assertThat(Month.bulletinText(ws, 5)).contains("归义街道报表中", "未填（上月为" + Numbers.format(april) + "）",
                "上述数据未予采用").doesNotContain("progress/2026-04", "missing-figure");
        noTotalFalls(s);
    }

    /**
     * With April's bulletin published, the blank is compared with what it published, and carried from it. April's
     * bulletin is the suite's one generated April (GeneratedSamples.april: the samples' April as generate makes it).
     */
    @Test
    void aBlankIsComparedWithLastMonthsPublishedBulletin() throws IOException {
        Path ws = GeneratedSamples.addAprilTo(Month.samples(tmp.resolve("ws")));
        assertThat(GeneratedSamples.april().run().code()).isZero();
        BigDecimal published = Month.indicator(Month.snapshot(ws, 4), "03-05").units().get("归义街道").done();
        FormEdit.blank(ws.resolve(MAY_GUIYI), "03-05", FormLayout.COL_DONE);
        Run v = Cli.in(ws, "validate", "--month", "5");
        assertThat(v.code()).isEqualTo(1);
        assertThat(v.out()).contains("missing-figure 进度填报!F16 [03-05", "上月为 " + Numbers.format(published),
                "out/2026-04/bulletin.json，4月专报");
        assertThat(Month.generate(ws, 5, "--skip-invalid").code()).isZero();
        Snapshot s = Month.snapshot(ws, 5);
        assertThat(s.previous()).isEqualTo("snapshot");
        assertThat(Month.indicator(s, "03-05").units().get("归义街道").done()).isEqualByComparingTo(published);
        noTotalFalls(s);
    }

    /**
     * The last guard: a 全市 figure that would fall below the published one is refused even where no workbook's
     * check sees why (here April's bulletin.json was edited by hand to a larger 全市 figure), with or without
     * --skip-invalid, naming the indicator and both values; nothing is written. (April's bulletin: a copy of the
     * suite's one generated April, GeneratedSamples.april.)
     */
    @Test
    void aTotalBelowLastMonthsPublishedOneIsNeverWritten() throws IOException {
        Path ws = GeneratedSamples.addAprilTo(Month.samples(tmp.resolve("ws")));
        assertThat(GeneratedSamples.april().run().code()).isZero();
        Path json = ws.resolve("out/2026-04/bulletin.json");
        ObjectMapper m = new ObjectMapper();
        ObjectNode tree = (ObjectNode) m.readTree(json.toFile());
        for (var i : tree.get("indicators")) {
            if (i.get("code").asText().equals("03-05")) {
                ((ObjectNode) i.get("total")).put("done", 99999);
            }
        }
        m.writeValue(json.toFile(), tree);
        for (String[] args : List.of(new String[0], new String[] {"--skip-invalid"})) {
            Run g = Month.generate(ws, 5, args);
            assertThat(g.code()).as(g.toString()).isEqualTo(1);
            assertThat(g.err()).contains("published-decrease", "03-05", "全市", "99999", "out/2026-04/bulletin.json",
                    "未生成专报").doesNotContain("Exception");
            assertThat(Month.outputs(ws, 5)).isEmpty();
        }
    }

    /** The second city: a quantity and a 形象进度 left blank in June where May had them. */
    @Test
    void theSecondCitysBlanksAreNamedAndCarried() throws IOException {
        Path ws = tmp.resolve("临江");
        SecondCity.writeWorkspace(ws);
        Month.withoutChart(ws); // the picture is not what is checked (quicker)
        Map<String, String> figures = Map.of("01-01", "50 40 30 35 45 25 125", "03-01", "60 60 60 60 0 0 -");
        fill(ws, 5, figures, null);
        fill(ws, 6, figures, "东城区");
        Run v = Cli.in(ws, "validate", "--month", "6");
        assertThat(v.code()).as(v.toString()).isEqualTo(1);
        assertThat(v.out()).contains("progress/2026-06/东城区.xlsx", "missing-figure", "[01-01", "上月为 50",
                "[03-01", "形象进度未填，上月为 60%");
        assertThat(Month.generate(ws, 6).code()).isEqualTo(1);
        assertThat(Month.outputs(ws, 6)).isEmpty();
        Run g = Month.generate(ws, 6, "--skip-invalid");
        assertThat(g.code()).as(g.toString()).isZero();
        Snapshot s = Month.snapshot(ws, 6);
        assertThat(s.excluded()).extracting(e -> e.unit() + " " + e.code() + " " + e.problem())
                .containsExactlyInAnyOrder("东城区 01-01 missing-figure", "东城区 03-01 missing-figure");
        assertThat(Month.indicator(s, "01-01").units().get("东城区").done()).isEqualByComparingTo("50");
        assertThat(Month.indicator(s, "03-01").units().get("东城区").percent()).isEqualByComparingTo("60");
        assertThat(Month.indicator(s, "01-01").units().get("东城区").carriedFrom()).isEqualTo("2026-05");
        noTotalFalls(s);
    }

    /** A blank in January, or where last month was blank too, stays "no figure": nothing to carry, nothing lost. */
    @Test
    void aBlankStaysNoFigureInJanuaryAndWhereLastMonthHadNone() throws IOException {
        Path ws = tmp.resolve("临江");
        SecondCity.writeWorkspace(ws);
        Map<String, String> figures = Map.of("01-01", "10 8 6 7 9 5 25");
        fill(ws, 1, figures, "东城区");
        Run jan = Cli.in(ws, "validate", "--month", "1");
        assertThat(jan.code()).as(jan.toString()).isZero();
        assertThat(jan.out()).doesNotContain("missing-figure");
        fill(ws, 2, figures, "东城区");
        Run feb = Cli.in(ws, "validate", "--month", "2");
        assertThat(feb.code()).as(feb.toString()).isZero();
        assertThat(feb.out()).doesNotContain("missing-figure");
        // And where January had the figure, February's blank is named.
        fill(ws, 1, figures, null);
        Run named = Cli.in(ws, "validate", "--month", "2");
        assertThat(named.code()).isEqualTo(1);
        assertThat(named.out()).contains("progress/2026-02/东城区.xlsx", "missing-figure", "[01-01", "上月为 10");
    }

    /**
     * Each reporter's form of the month from template, filled from {@code figures} (per code, one value per
     * reporter in the order of {@link SecondCity#UNITS} then 市本级, "-" for none), leaving {@code blankFor}'s blank.
     */
    static void fill(Path ws, int month, Map<String, String> figures, String blankFor) throws IOException {
        Run t = Cli.in(ws, "template", "--month", String.valueOf(month));
        assertThat(t.code()).as(t.toString()).isZero();
        YearMonth ym = YearMonth.of(2026, month);
        Path dir = ws.resolve(String.format("progress/2026-%02d", month));
        Files.createDirectories(dir);
        List<String> reporters = new ArrayList<>(SecondCity.UNITS);
        reporters.add("市本级");
        for (int u = 0; u < reporters.size(); u++) {
            String unit = reporters.get(u);
            Path form = ws.resolve(String.format("forms/2026-%02d", month)).resolve(TemplateService.fileName(ym, unit));
            try (FormFiller f = new FormFiller(Files.readAllBytes(form))) {
                for (var e : figures.entrySet()) {
                    String v = e.getValue().split(" ")[u];
                    if (v.equals("-") || unit.equals(blankFor)) {
                        continue;
                    }
                    if (e.getKey().equals("03-01")) {
                        f.percent(e.getKey(), new BigDecimal(v));
                    } else {
                        f.done(e.getKey(), new BigDecimal(v));
                    }
                }
                try (OutputStream out = Files.newOutputStream(dir.resolve(unit + ".xlsx"))) {
                    f.save(out);
                }
            }
        }
    }

    /** No cumulative 全市 figure (a sum of the units') fell since last month. */
    static void noTotalFalls(Snapshot s) {
        int held = 0;
        for (SnapshotIndicator i : s.indicators()) {
            if (i.kind() == Kind.QUANTITY && !i.perUnit() && i.gain() != null) {
                assertThat(i.gain().signum()).as("gain of %s", i.code()).isGreaterThanOrEqualTo(0);
                held++;
            }
        }
        assertThat(held).isPositive();
    }
}
