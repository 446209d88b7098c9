package bulletin.validate;

import static org.assertj.core.api.Assertions.assertThat;

import bulletin.diag.Place;
import bulletin.diag.Problem;
import bulletin.diag.Problems;
import bulletin.diag.Severity;
import bulletin.ingest.ModelLoader;
import bulletin.ingest.ProgressReader;
import bulletin.model.FormContract;
import bulletin.model.Indicator;
import bulletin.model.IndicatorModel;
import bulletin.service.TemplateService;
import bulletin.testing.FormFiller;
import bulletin.testing.TreeCopy;
import bulletin.workspace.Workspace;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.YearMonth;
import java.util.List;
import java.util.stream.Stream;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.util.CellReference;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The fingerprint in a form's hidden sheet read back: a form made before its reporter's targets changed is
 * reported ({@code form-outdated}), by {@code validate} and by the reader {@code generate} uses; an untouched form
 * is not, nor is one without a fingerprint.
 */
class FormFingerprintTest {

    static final Path SAMPLES = Path.of("samples/miluo-2026");
    static final YearMonth MAY = YearMonth.of(2026, 5);
    static final String UNIT = "归义街道";

    /** The sample tables and 归义街道's May form, made once for the class (read only: each test copies it). */
    @TempDir
    static Path shared;

    static Path base;

    @TempDir
    Path ws;

    Path form;

    /** The sample tables in a workspace of their own, with the forms {@code template --month 5} writes. */
    @BeforeAll
    static void forms() throws IOException {
        base = shared.resolve("base");
        Files.createDirectories(base.resolve("targets"));
        try (Stream<Path> s = Files.list(SAMPLES.resolve("targets"))) {
            for (Path p : s.toList()) {
                Files.copy(p, base.resolve("targets").resolve(p.getFileName()));
            }
        }
        Files.copy(SAMPLES.resolve("bulletin.yaml"), base.resolve("bulletin.yaml"));
        TemplateService.writeForms(base, "5", false);
    }

    /** A copy of the tables and forms for this test, and 归义街道's May form put in as its workbook and returned. */
    @BeforeEach
    void workspace() throws IOException {
        TreeCopy.copy(base, ws);
        form = ws.resolve("progress/2026-05/" + TemplateService.fileName(MAY, UNIT));
        Files.createDirectories(form.getParent());
        Files.copy(ws.resolve("forms/2026-05/" + TemplateService.fileName(MAY, UNIT)), form);
    }

    IndicatorModel model() {
        return ModelLoader.load(Workspace.open(ws));
    }

    List<Problem> validate(IndicatorModel model) {
        return Validator.workbook(form, "progress/2026-05/x.xlsx", model, MAY, null).problems();
    }

    static List<Problem> outdated(List<Problem> problems) {
        return problems.stream().filter(p -> p.code().equals("form-outdated")).toList();
    }

    /** Sets {@code unit}'s target for {@code code} in the target table to {@code value}. */
    void changeTarget(IndicatorModel model, String code, String unit, double value) throws IOException {
        Indicator i = model.indicators().stream().filter(x -> x.code().equals(code)).findFirst().orElseThrow();
        Place at = Place.parse(i.source());
        Path file = ws.resolve(at.file());
        try (XSSFWorkbook wb = openWorkbook(file)) {
            Sheet sh = wb.getSheet(at.sheet());
            int row = new CellReference(at.cell()).getRow();
            int col = -1;
            for (int r = 0; r < row && col < 0; r++) {
                for (Cell c : sh.getRow(r) == null ? List.<Cell>of() : sh.getRow(r)) {
                    if (c.getCellType() == org.apache.poi.ss.usermodel.CellType.STRING
                            && c.getStringCellValue().strip().equals(unit)) {
                        col = c.getColumnIndex();
                    }
                }
            }
            assertThat(col).as("column of " + unit).isGreaterThanOrEqualTo(0);
            sh.getRow(row).getCell(col, Row.MissingCellPolicy.CREATE_NULL_AS_BLANK).setCellValue(value);
            try (OutputStream out = Files.newOutputStream(file)) {
                wb.write(out);
            }
        }
    }

    static XSSFWorkbook openWorkbook(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            return new XSSFWorkbook(in);
        }
    }

    void editForm(FormEdit edit) throws IOException {
        try (FormFiller f = new FormFiller(Files.readAllBytes(form))) {
            edit.edit(f);
            try (OutputStream out = Files.newOutputStream(form)) {
                f.save(out);
            }
        }
    }

    interface FormEdit {
        void edit(FormFiller f);
    }

    @Test
    void aFormOfTheCurrentTargetsIsNotReported() {
        assertThat(validate(model())).isEmpty();
    }

    @Test
    void aFormMadeBeforeATargetChangedIsReported() throws IOException {
        IndicatorModel before = model();
        changeTarget(before, "03-05", UNIT, 120);
        IndicatorModel after = model();

        List<Problem> found = outdated(validate(after));
        assertThat(found).hasSize(1);
        Problem p = found.get(0);
        assertThat(p.severity()).isEqualTo(Severity.WARNING);
        assertThat(p.file()).isEqualTo("progress/2026-05/x.xlsx");
        assertThat(p.sheet()).isEqualTo(FormContract.META_SHEET);
        assertThat(p.cell()).isEqualTo("B5");
        assertThat(p.found()).isEqualTo(FormContract.fingerprint(before, UNIT));
        assertThat(p.expected()).isEqualTo(FormContract.fingerprint(after, UNIT)).isNotEqualTo(p.found());
        assertThat(p.message()).contains("目标或填报方式有改动", "bulletin template");
        // The target the form shows is the old one: that is reported too, at its cell.
        assertThat(validate(after)).extracting(Problem::code).contains("locked-changed");

        // The reader generate uses reports it as well.
        Problems reading = new Problems();
        ProgressReader.readOne(form, "progress/2026-05/x.xlsx", after, MAY, reading);
        assertThat(outdated(reading.all())).extracting(Problem::cell).containsExactly("B5");
    }

    @Test
    void aFormWhoseIndicatorsChangedSaysWhich() throws IOException {
        IndicatorModel model = model();
        List<String> codes = model.indicatorsFor(UNIT).stream().map(Indicator::code).toList();
        String last = codes.get(codes.size() - 1);
        editForm(f -> {
            for (Row r : f.workbook().getSheet(FormContract.META_SHEET)) {
                if (r.getCell(0).getStringCellValue().equals(last)) {
                    r.getCell(0).setCellValue("99-01");
                }
            }
            setMeta(f, FormContract.KEY_FINGERPRINT, "0123456789abcdef");
        });
        List<Problem> found = outdated(validate(model));
        assertThat(found).hasSize(1);
        assertThat(found.get(0).message()).contains("填报表中 47 项，现在 47 项", "新增编码 " + last,
                "不再有编码 99-01", "重新生成");

        // Where the indicator rows are not all there, the message does not guess.
        editForm(f -> setMeta(f, FormContract.KEY_CODES, "48"));
        assertThat(outdated(validate(model)).get(0).message()).contains("指标、目标或填报方式有改动")
                .doesNotContain("99-01");
    }

    @Test
    void aFormWithoutAFingerprintIsNotChecked() throws IOException {
        IndicatorModel before = model();
        editForm(f -> setMeta(f, FormContract.KEY_FINGERPRINT, ""));
        changeTarget(before, "03-05", UNIT, 120);
        assertThat(outdated(validate(model()))).isEmpty();
    }

    @Test
    void theCommittedSampleFormsCarryTheFingerprintOfTheSampleTables() throws IOException {
        IndicatorModel model = ModelLoader.load(Workspace.open(SAMPLES));
        List<Path> files;
        try (Stream<Path> s = Files.walk(SAMPLES.resolve("progress"))) {
            files = s.filter(p -> p.toString().endsWith(".xlsx")).sorted().toList();
        }
        int withFingerprint = 0;
        for (Path p : files) {
            ProgressReader.Form f = ProgressReader.parse(p, p.toString(), model, new Problems()).orElseThrow();
            String fingerprint = f.meta().get(FormContract.KEY_FINGERPRINT);
            if (fingerprint != null) {
                assertThat(fingerprint).as(p.toString()).isEqualTo(FormContract.fingerprint(model, f.reporter()));
                withFingerprint++;
            }
            assertThat(outdated(Validator.workbook(p, p.toString(), model, null, null).problems())).isEmpty();
        }
        assertThat(withFingerprint).isGreaterThan(100);
    }

    static void setMeta(FormFiller f, String key, String value) {
        for (Row r : f.workbook().getSheet(FormContract.META_SHEET)) {
            if (r.getCell(0) != null && key.equals(r.getCell(0).getStringCellValue())) {
                r.getCell(1).setCellValue(value);
                return;
            }
        }
        throw new IllegalArgumentException("no entry " + key);
    }
}
