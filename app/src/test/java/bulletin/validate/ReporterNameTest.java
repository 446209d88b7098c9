package bulletin.validate;

import static org.assertj.core.api.Assertions.assertThat;

import bulletin.diag.Problem;
import bulletin.model.IndicatorModel;
import bulletin.testing.FormFiller;
import java.io.ByteArrayOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Who a form made by hand is from, when only its file name says: the name is read through invisible characters,
 * with a warning; a name the tables do not know is an error, never a form dropped in silence.
 */
class ReporterNameTest {

    static IndicatorModel model;

    @TempDir
    Path dir;

    @BeforeAll
    static void load() {
        model = BadInputs.model(ValidateCorpusTest.SAMPLES);
    }

    /** 归义街道's May form without its hidden sheet and with an empty 填报单位 line, saved as {@code name}. */
    private Path saved(String name) throws Exception {
        try (FormFiller f = new FormFiller(BadInputs.valid(model))) {
            BadInputs.byHand(f, "填报单位：");
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            f.save(out);
            Path p = dir.resolve(name);
            Files.write(p, out.toByteArray());
            return p;
        }
    }

    private Validator.Checked check(Path p) {
        return Validator.workbook(p, p.getFileName().toString(), model, BadInputs.MAY, null);
    }

    private static List<String> codes(Validator.Checked c) {
        return c.problems().stream().map(p -> p.severity().name() + " " + p.code()).toList();
    }

    @Test
    void aFileNameWithTheUnitInItNeedsNoWord() throws Exception {
        Validator.Checked c = check(saved("2026-05_归义街道办事处.xlsx"));
        assertThat(c.reporter()).isEqualTo("归义街道");
        assertThat(codes(c)).containsExactly("WARNING form-version");
    }

    @Test
    void aFileNameReadThroughAnInvisibleCharacterIsSaid() throws Exception {
        Validator.Checked c = check(saved("2026-05_归义\u200B街道.xlsx"));
        assertThat(c.reporter()).isEqualTo("归义街道");
        assertThat(c.wrongAsAWhole(false)).isFalse();
        assertThat(codes(c)).containsExactlyInAnyOrder("WARNING form-version", "WARNING reporter-normalised");
        Problem p = c.problems().stream().filter(x -> x.code().equals("reporter-normalised")).findFirst().orElseThrow();
        assertThat(p.file()).isEqualTo("2026-05_归义\u200B街道.xlsx");
        assertThat(p.message()).contains("2026-05_归义<U+200B>街道.xlsx", "按“归义街道”读取", "文件名");
    }

    @Test
    void aFileNameWithNoUnitOfTheTablesIsAnError() throws Exception {
        Validator.Checked c = check(saved("2026-05_归义镇.xlsx"));
        assertThat(c.reporter()).isNull();
        assertThat(c.wrongAsAWhole(false)).isTrue();
        assertThat(codes(c)).containsExactly("ERROR unknown-reporter");
    }

    /** Two reporters of the tables that normalise alike are not guessed between. */
    @Test
    void aNameThatCouldBeEitherOfTwoIsNotGuessed() throws Exception {
        Path p;
        try (FormFiller f = new FormFiller(BadInputs.valid(model))) {
            BadInputs.byHand(f, "填报单位：归义街道办事处");
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            f.save(out);
            p = dir.resolve("x.xlsx");
            Files.write(p, out.toByteArray());
        }
        var units = new java.util.ArrayList<>(model.units());
        units.add("归义街道办");
        IndicatorModel twice = new IndicatorModel(model.year(), model.title(), units, model.items(),
                model.indicators(), model.sources(), model.problems());
        Validator.Checked c = Validator.workbook(p, "x.xlsx", twice, BadInputs.MAY, null);
        assertThat(codes(c)).contains("ERROR form-mismatch").doesNotContain("WARNING reporter-normalised");
    }
}
