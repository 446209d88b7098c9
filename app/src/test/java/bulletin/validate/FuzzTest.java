package bulletin.validate;

import static org.assertj.core.api.Assertions.assertThat;

import bulletin.diag.Problems;
import bulletin.forms.FormLayout;
import bulletin.ingest.ProgressReader;
import bulletin.model.IndicatorModel;
import bulletin.report.ValidationReport;
import bulletin.testing.Cli;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Mutates a valid form a few hundred ways (cells to text, deleted rows, shuffled columns, truncated or flipped
 * bytes) and checks that the tool always ends with a message and an exit code, never an uncaught exception.
 *
 * <p>{@code validate --month 5 FILE} loads the indicator model (and last month's workbooks) before it looks at
 * the file; none of that depends on the file, and the model is an immutable record. So each mutation is first
 * checked in-process with the model loaded once ({@link #validate}); then all 300 files go to the real command
 * in one run, which must say of each exactly what the in-process check said. Every 31st case (each kind twice)
 * also runs the command on its own, as every case used to.
 */
class FuzzTest {

    static final Path SAMPLES = Path.of("samples/miluo-2026");
    static final String[] JUNK = {"约300", "正在推进", "12abc", "", " ", "-7", "1e9", "１２３", "50%", "0.5", "=1/0",
        "#N/A", "/", "NaN", "∞", "1,2,3", "999999999999999999999", "\u0000", "<b>x</b>", "03-05", "一百"};

    @TempDir
    Path tmp;

    @Test
    void everyMutationEndsWithAMessageAndAnExitCode() throws Exception {
        IndicatorModel model = BadInputs.model(SAMPLES);
        byte[] valid = BadInputs.valid(model);
        Random rnd = new Random(20260530L);
        int[] exits = new int[3];
        List<String> all = new ArrayList<>(List.of("validate", "--month", "5"));
        StringBuilder reports = new StringBuilder();
        // Libraries must not print to the process's own stderr either (their logging is switched off).
        java.io.PrintStream realErr = System.err;
        ByteArrayOutputStream stray = new ByteArrayOutputStream();
        System.setErr(new java.io.PrintStream(stray, true, java.nio.charset.StandardCharsets.UTF_8));
        try {
        for (int n = 0; n < 300; n++) {
            byte[] bytes = mutate(valid, rnd, n % 5);
            Path file = tmp.resolve("case-" + n + ".xlsx");
            Files.write(file, bytes);

            Problems problems = new Problems();
            ProgressReader.readOne(file, file.getFileName().toString(), model, YearMonth.of(2026, 5), problems);

            Cli.Run r;
            try {
                r = validate(file, model);
            } catch (RuntimeException e) {
                throw new AssertionError("case " + n + " (" + kind(n % 5) + "): uncaught " + e, e);
            }
            if (n % 31 == 0) {
                Cli.Run cli = Cli.in(SAMPLES, "validate", "--month", "5", file.toString());
                assertThat(cli).as("case %d (%s) on the command line", n, kind(n % 5)).isEqualTo(r);
            }
            assertThat(r.code()).as("case %d (%s)\n%s", n, kind(n % 5), r).isIn(0, 1);
            assertThat(r.out() + r.err()).as("case %d", n).doesNotContain("Exception", "\tat ", "内部出错");
            assertThat(r.out()).contains("共检查 1 个文件");
            exits[r.code()]++;
            all.add(file.toString());
            reports.append(withoutSummary(r.out()));
        }
        // The real command, with its own model and last month's workbooks, on all the files at once: of each
        // file it says exactly what the in-process check said, in the same order.
        Cli.Run cli = Cli.in(SAMPLES, all.toArray(new String[0]));
        assertThat(cli.code()).as("all cases on one command line").isEqualTo(exits[1] > 0 ? 1 : 0);
        assertThat(cli.out() + cli.err()).doesNotContain("Exception", "\tat ", "内部出错");
        assertThat(cli.out()).contains("共检查 300 个文件");
        // All the cases are 归义街道's forms: given together they are one unit's workbooks several times over,
        // which the month's section says (unique-error); of each file the run says what the check said.
        String files = withoutSummary(cli.out());
        int general = files.indexOf("\n5月整体\n");
        assertThat(general).as("the month's section").isGreaterThan(0);
        assertThat(files.substring(general)).contains("unique-error", "归义街道");
        assertThat(files.substring(0, general + 1)).isEqualTo(reports.toString());
        } finally {
            System.setErr(realErr);
        }
        assertThat(stray.toString(java.nio.charset.StandardCharsets.UTF_8)).isEmpty();
        // The mutations really do break things, and some leave a valid form.
        assertThat(exits[1]).isGreaterThan(100);
        assertThat(exits[0]).isGreaterThan(5);
    }

    /**
     * What {@code bulletin -w samples/miluo-2026 validate --month 5 FILE} prints and returns, without the
     * command's set-up: {@code ValidateService}'s calls for one file, with the model loaded once. It leaves out
     * last month's workbooks (the cumulative-decrease check); the run of all files on the real command line,
     * which reads them, must agree with it file by file.
     */
    static Cli.Run validate(Path file, IndicatorModel model) {
        YearMonth may = YearMonth.of(2026, 5);
        Validator.Checked c = Validator.workbook(file, file.toString().replace('\\', '/'), model, may, null);
        ValidationResult r = new ValidationResult(may, List.of(new ValidationResult.FileResult(c.file(), c.problems())),
                List.of(), false);
        return new Cli.Run(r.valid() ? 0 : 1, ValidationReport.text(r), "");
    }

    /** A report without its last line, the summary ("共检查 N 个文件：…"): what it says of each file. */
    static String withoutSummary(String report) {
        int last = report.lastIndexOf("共检查 ");
        assertThat(last).as(report).isGreaterThanOrEqualTo(0);
        assertThat(last == 0 || report.charAt(last - 1) == '\n').as(report).isTrue();
        return report.substring(0, last);
    }

    static String kind(int k) {
        return new String[] {"cells", "rows", "columns", "truncate", "flip"}[k];
    }

    static byte[] mutate(byte[] valid, Random rnd, int kind) throws Exception {
        switch (kind) {
            case 3:
                return Arrays.copyOf(valid, rnd.nextInt(valid.length));
            case 4: {
                byte[] b = valid.clone();
                for (int i = 0; i < 1 + rnd.nextInt(8); i++) {
                    b[rnd.nextInt(b.length)] ^= (byte) (1 << rnd.nextInt(8));
                }
                return b;
            }
            default:
                break;
        }
        try (XSSFWorkbook wb = new XSSFWorkbook(new ByteArrayInputStream(valid))) {
            XSSFSheet sh = wb.getSheet(FormLayout.DATA_SHEET);
            int last = sh.getLastRowNum();
            switch (kind) {
                case 0 -> {
                    for (int i = 0; i < 1 + rnd.nextInt(6); i++) {
                        Row row = sh.getRow(rnd.nextInt(last + 1));
                        if (row == null) {
                            continue;
                        }
                        Cell c = row.getCell(rnd.nextInt(9), Row.MissingCellPolicy.CREATE_NULL_AS_BLANK);
                        String j = JUNK[rnd.nextInt(JUNK.length)];
                        if (rnd.nextBoolean() && j.matches("-?[0-9.]+")) {
                            c.setCellValue(Double.parseDouble(j));
                        } else {
                            c.setCellValue(j);
                        }
                    }
                }
                case 1 -> {
                    for (int i = 0; i < 1 + rnd.nextInt(5); i++) {
                        Row row = sh.getRow(rnd.nextInt(last + 1));
                        if (row != null) {
                            sh.removeRow(row);
                        }
                    }
                }
                default -> {
                    int a = rnd.nextInt(9);
                    int b = rnd.nextInt(9);
                    for (Row row : sh) {
                        Cell ca = row.getCell(a);
                        Cell cb = row.getCell(b);
                        String va = ca == null ? "" : ca.toString();
                        String vb = cb == null ? "" : cb.toString();
                        row.getCell(a, Row.MissingCellPolicy.CREATE_NULL_AS_BLANK).setCellValue(vb);
                        row.getCell(b, Row.MissingCellPolicy.CREATE_NULL_AS_BLANK).setCellValue(va);
                    }
                }
            }
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            wb.write(out);
            return out.toByteArray();
        }
    }
}
