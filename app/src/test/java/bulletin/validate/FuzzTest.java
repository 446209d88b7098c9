package bulletin.validate;

import static org.assertj.core.api.Assertions.assertThat;

import bulletin.forms.FormLayout;
import bulletin.ingest.Grid;
import bulletin.ingest.ProgressReader;
import bulletin.model.Indicator;
import bulletin.model.IndicatorModel;
import bulletin.model.MonthlyReport;
import bulletin.model.ReportEntry;
import bulletin.model.Source;
import bulletin.workspace.Workspace;
import java.math.BigDecimal;
import bulletin.report.ValidationReport;
import bulletin.testing.Cli;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.api.parallel.Isolated;

/**
 * Mutates a valid form a few hundred ways (cells to text, deleted rows, shuffled columns, truncated or flipped
 * bytes; far-away cells, rows, merges and column ranges; huge sizes declared in the XML and the zip; control
 * characters in text cells) and checks that the tool always ends with a message and an exit code, never an
 * uncaught exception (an OutOfMemoryError included).
 *
 * <p>{@code validate --month 5 FILE} loads the indicator model (and last month's workbooks) before it looks at
 * the file; none of that depends on the file, and the model is an immutable record. So each mutation is first
 * checked in-process with the model loaded once ({@link #report}), and read as generate reads its figures from
 * the same parse; then all 300 files go to the real command in one run, which must say of each exactly what the
 * in-process check said. Every 31st case (each kind at least once) also runs the command on its own, as every
 * case used to, in a workspace of what that command reads ({@link BadInputs#monthOfOne}).
 */
@Isolated("System.err is replaced, and nothing else may print to it meanwhile")
class FuzzTest {

    static final Path SAMPLES = Path.of("samples/miluo-2026");
    static final int KINDS = 8;
    static final String[] JUNK = {"约300", "正在推进", "12abc", "", " ", "-7", "1e9", "１２３", "50%", "0.5", "=1/0",
        "#N/A", "/", "NaN", "∞", "1,2,3", "999999999999999999999", "\u0000", "<b>x</b>", "03-05", "一百"};

    @TempDir
    Path tmp;

    @TempDir
    static Path shared;

    /** The indicator model, 归义街道's valid May form, and a workspace of what validate reads for it: made once. */
    static IndicatorModel model;
    static byte[] valid;
    static Path monthOfOne;

    @BeforeAll
    static void fixtures() throws Exception {
        model = BadInputs.model(SAMPLES);
        valid = BadInputs.valid(model);
        monthOfOne = BadInputs.monthOfOne(SAMPLES, shared.resolve("month-of-one"));
    }

    @Test
    void everyMutationEndsWithAMessageAndAnExitCode() throws Exception {
        YearMonth may = YearMonth.of(2026, 5);
        Random rnd = new Random(20260530L);
        int[] exits = new int[3];
        List<String> all = new ArrayList<>(List.of("validate", "--month", "5"));
        StringBuilder reports = new StringBuilder();
        // Libraries must not print to the process's own stderr either (their logging is switched off).
        java.io.PrintStream realErr = System.err;
        ByteArrayOutputStream stray = new ByteArrayOutputStream();
        System.setErr(new java.io.PrintStream(stray, true, java.nio.charset.StandardCharsets.UTF_8));
        try {
        // The 300 files, made one after another from the one seeded Random; then each checked on its own (the
        // checks share nothing but the immutable model and last month's figures, so on both cores), and the
        // checks' results asserted on here in the cases' order.
        List<Path> cases = new ArrayList<>();
        for (int n = 0; n < 300; n++) {
            byte[] bytes = mutate(valid, rnd, n % KINDS);
            Path file = tmp.resolve("case-" + n + ".xlsx");
            Files.write(file, bytes);
            cases.add(file);
        }
        lastMonth(model);
        List<Object> checked = bulletin.testing.Parallel.map(java.util.stream.IntStream.range(0, 300).boxed().toList(),
                n -> {
                    try {
                        return check(cases.get(n), may);
                    } catch (RuntimeException e) {
                        return new AssertionError("case " + n + " (" + kind(n % KINDS) + "): uncaught " + e, e);
                    }
                });
        // The real command, run on its own for every 31st case, and (below) on all the files at once: these runs
        // only read, so they too run on both cores, the one on all the files first; asserted on in order here.
        List<String> every = new ArrayList<>(all);
        cases.forEach(c -> every.add(c.toString()));
        List<Integer> onTheirOwn = java.util.stream.IntStream.range(0, 300).filter(n -> n % 31 == 0).boxed().toList();
        List<Integer> commands = new ArrayList<>(List.of(-1));
        commands.addAll(onTheirOwn);
        List<Cli.Run> commandRuns = bulletin.testing.Parallel.map(commands, n -> n < 0
                ? Cli.in(SAMPLES, every.toArray(new String[0]))
                : Cli.in(monthOfOne, "validate", "--month", "5", cases.get(n).toString()));
        for (int n = 0; n < 300; n++) {
            Path file = cases.get(n);
            if (checked.get(n) instanceof AssertionError uncaught) {
                throw uncaught;
            }
            Cli.Run r = (Cli.Run) checked.get(n);
            if (n % 31 == 0) {
                Cli.Run cli = commandRuns.get(1 + onTheirOwn.indexOf(n));
                assertThat(cli).as("case %d (%s) on the command line", n, kind(n % KINDS)).isEqualTo(r);
            }
            assertThat(r.code()).as("case %d (%s)\n%s", n, kind(n % KINDS), r).isIn(0, 1);
            assertThat(r.out() + r.err()).as("case %d", n).doesNotContain("Exception", "\tat ", "内部出错");
            assertThat(r.out()).contains("共检查 1 个文件");
            exits[r.code()]++;
            all.add(file.toString());
            reports.append(withoutSummary(r.out()));
        }
        // The real command, with its own model and last month's workbooks, on all the files at once: of each
        // file it says exactly what the in-process check said, in the same order.
        assertThat(all).isEqualTo(every);
        Cli.Run cli = commandRuns.get(0);
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
     * What {@code validate --month 5 FILE} says of one file ({@link #report}), and generate's reading of the same
     * workbook: its figures, as {@code ProgressReader.readOne} takes them after the same parse (a form that parses
     * is read without an uncaught exception too).
     */
    private static Cli.Run check(Path file, YearMonth may) {
        Validator.Checked c = Validator.workbook(file, file.toString().replace('\\', '/'), model, may, null);
        // The month's rules that need last month (missing-figure, a fall below it), as ValidateService applies them.
        c = MonthCheck.judge(List.of(c), model, lastMonth(model), List.of(file), new java.util.HashMap<>()).get(0);
        Cli.Run r = report(c);
        if (c.form() != null) {
            ProgressReader.report(c.form(), may, java.util.Set.of());
        }
        return r;
    }

    /**
     * Hand edits as units make them in Excel and WPS (issue 21): an input cell moved to the other figure column or
     * to another row, input cells merged, input cells blanked, the form sheet, a figure column or a row duplicated.
     * Of each edited form, what the rules accept (the form as a whole, less the indicators an error names, as
     * {@code generate --skip-invalid} takes it) is compared with the workbook as POI reads it, cell by cell: every
     * figure taken is the value of its own cell (not a merged range's first cell, not another sheet's or column's),
     * unless a problem names that cell; and no indicator's figure is missing while its row holds a number in the
     * other figure column, unless a problem names the indicator.
     */
    @Test
    void noFigureTakenDiffersFromItsOwnCellUnlessAProblemNamesIt() throws Exception {
        YearMonth may = YearMonth.of(2026, 5);
        // Last month's report of the form's unit (every edit is of 归义街道's form), as validate takes it.
        Map<String, MonthlyReport> april = new java.util.HashMap<>();
        ProgressReader.read(Workspace.open(monthOfOne), model, may.minusMonths(1)).reports()
                .forEach(r -> april.put(r.reporter(), r));
        assertThat(april).containsOnlyKeys(BadInputs.UNIT);
        int[] outcome = new int[3]; // refused as a whole, some indicators left out, all taken
        int compared = 0;
        // The 72 edits, each made from its own seeded Random and checked on its own (the cases share nothing but
        // the valid form's bytes, the immutable model and last month's reports, read only), on both cores; a failed
        // assertion is rethrown here, the first in the edits' order.
        List<int[]> results = bulletin.testing.Parallel.map(java.util.stream.IntStream.range(0, 72).boxed().toList(),
                n -> handEdited(handEditRaw(valid, new Random(20260521L + 1_000_003L * n), n % HAND_EDITS.length), n, may,
                        april));
        for (int[] r : results) {
            outcome[r[0]]++;
            compared += r[1];
        }
        // Each kind of edit both leaves forms that are taken and makes ones that are refused.
        assertThat(outcome[0]).as("refused as a whole").isGreaterThan(10);
        assertThat(outcome[1]).as("some indicators left out").isGreaterThan(10);
        assertThat(outcome[2]).as("taken whole").isGreaterThan(5);
        assertThat(compared).isGreaterThan(300);
    }

    /**
     * One hand-edited form checked as {@link #noFigureTakenDiffersFromItsOwnCellUnlessAProblemNamesIt} describes:
     * its outcome (0 refused as a whole, 1 some indicators left out, 2 all taken) and how many figures were
     * compared with their own cells.
     */
    private int[] handEdited(byte[] bytes, int n, YearMonth may, Map<String, MonthlyReport> april) throws Exception {
        int kind = n % HAND_EDITS.length;
        Path file = tmp.resolve("edit-" + n + ".xlsx");
        Files.write(file, bytes);
        String what = "edit " + n + " (" + HAND_EDITS[kind] + ")";
        Validator.Checked c = Validator.workbook(file, "edit.xlsx", model, may, (m, r) -> april.get(r));
        if (c.wrongAsAWhole(false)) {
            assertThat(c.problems()).as(what).anyMatch(p -> Validator.Checked.counts(p, false));
            return new int[] {0, 0};
        }
        int compared = 0;
        java.util.Set<String> wrong = new java.util.LinkedHashSet<>();
        c.problems().stream().filter(p -> Validator.Checked.counts(p, false) && p.indicator() != null)
                .forEach(p -> wrong.add(p.indicator()));
        int outcome = wrong.isEmpty() ? 2 : 1;
        MonthlyReport report = ProgressReader.report(c.form(), may, wrong);
        try (XSSFWorkbook wb = new XSSFWorkbook(new ByteArrayInputStream(bytes))) {
            // A form taken has one column for each figure: never one picked among two of the same name.
            Row header = wb.getSheet(FormLayout.DATA_SHEET).getRow(FormLayout.HEADER_ROW);
            for (String word : List.of("累计完成", "形象进度")) {
                long columns = java.util.stream.StreamSupport.stream(header.spliterator(), false)
                        .filter(h -> h.getCellType() == org.apache.poi.ss.usermodel.CellType.STRING
                                && h.getStringCellValue().contains(word)).count();
                assertThat(columns).as("%s: columns headed %s in a form taken", what, word).isLessThanOrEqualTo(1);
            }
            for (ReportEntry e : report.entries().values()) {
                Indicator ind = model.indicator(e.code()).orElseThrow();
                compared += ownCell(wb, e.done(), e.doneAt(), c.problems(), what + " " + e.code()) ? 1 : 0;
                compared += ownCell(wb, e.percent(), e.percentAt(), c.problems(), what + " " + e.code()) ? 1 : 0;
                boolean percentKind = ind.kind().reportsPercent();
                BigDecimal figure = percentKind ? e.percent() : e.done();
                Source other = percentKind ? e.doneAt() : e.percentAt();
                boolean applies = ind.appliesTo(BadInputs.UNIT);
                if (figure == null && applies && other != null && number(wb, other) != null) {
                    assertThat(c.problems()).as("%s: %s's figure is in the other column (%s) and nothing says so",
                            what, e.code(), other.cell()).anyMatch(p -> e.code().equals(p.indicator()));
                }
            }
        }
        return new int[] {outcome, compared};
    }

    static final String[] HAND_EDITS = {"move", "merge", "blank", "duplicate sheet", "duplicate column", "duplicate row"};

    /**
     * Compares a figure taken with its own cell as POI reads it (merged ranges not resolved); false where there was
     * nothing to compare (no such column) or a problem names the cell.
     */
    static boolean ownCell(XSSFWorkbook wb, BigDecimal taken, Source at, List<bulletin.diag.Problem> problems,
                           String what) {
        if (at == null || problems.stream().anyMatch(p -> at.sheet().equals(p.sheet()) && at.cell().equals(p.cell()))) {
            return false;
        }
        assertThat(at.sheet()).as(what).isEqualTo(FormLayout.DATA_SHEET);
        BigDecimal own = number(wb, at);
        if (own == null) {
            assertThat(taken).as("%s: %s is empty", what, at.cell()).isNull();
        } else {
            assertThat(taken).as("%s: %s", what, at.cell()).isNotNull();
            assertThat(taken).as("%s: %s", what, at.cell()).isEqualByComparingTo(own);
        }
        return true;
    }

    /** The number a cell itself holds (in percent where formatted so), or null where it holds none. */
    static BigDecimal number(XSSFWorkbook wb, Source at) {
        org.apache.poi.ss.util.CellReference ref = new org.apache.poi.ss.util.CellReference(at.cell());
        Row row = wb.getSheet(at.sheet()).getRow(ref.getRow());
        Cell cell = row == null ? null : row.getCell(ref.getCol());
        if (cell == null || cell.getCellType() != org.apache.poi.ss.usermodel.CellType.NUMERIC) {
            return null;
        }
        BigDecimal v = new BigDecimal(Double.toString(cell.getNumericCellValue()));
        return cell.getCellStyle().getDataFormatString().contains("%") ? v.movePointRight(2) : v;
    }

    /**
     * One hand edit of the valid form, of the given kind ({@link #HAND_EDITS}): a move, a blanking or a duplicated row
     * made in the sheet's XML ({@link RawSheet}) exactly as POI makes it in {@link #handEdit} (the same use of the
     * Random, the same parts; {@link #theRawHandEditsAreWhatPoiWrites}), without a POI load and write; the merges,
     * duplicated sheets and columns through POI.
     */
    static byte[] handEditRaw(byte[] valid, Random rnd, int kind) throws Exception {
        if (kind != 0 && kind != 2 && kind != 5) {
            return handEdit(valid, rnd, kind);
        }
        return parts(valid, e -> {
            RawSheet sh = new RawSheet(e);
            int first = FormLayout.HEADER_ROW + 1;
            int rows = sh.lastRow() - first + 1;
            int[] inputs = {FormLayout.COL_DONE, FormLayout.COL_PERCENT};
            List<Integer> filled = new ArrayList<>();
            for (int r = first; r <= sh.lastRow(); r++) {
                for (int c : inputs) {
                    if (sh.isNumber(r, c) && !filled.contains(r)) {
                        filled.add(r);
                    }
                }
            }
            java.util.function.IntSupplier anyRow = () -> rnd.nextInt(4) == 0 ? first + rnd.nextInt(rows)
                    : filled.get(rnd.nextInt(filled.size()));
            switch (kind) {
                case 0 -> {
                    for (int i = 0; i < 1 + rnd.nextInt(3); i++) {
                        int r = anyRow.getAsInt();
                        int c = inputs[rnd.nextInt(2)];
                        int toRow;
                        int toCol;
                        if (rnd.nextBoolean()) {
                            toRow = r;
                            toCol = c == FormLayout.COL_DONE ? FormLayout.COL_PERCENT : FormLayout.COL_DONE;
                        } else {
                            toRow = anyRow.getAsInt();
                            toCol = c;
                        }
                        if (sh.isNumber(r, c) && (toRow != r || toCol != c)) {
                            sh.setNumber(toRow, toCol, sh.numberAt(r, c));
                            sh.setBlank(r, c);
                        }
                    }
                }
                case 2 -> {
                    for (int i = 0; i < 1 + rnd.nextInt(3); i++) {
                        int r = anyRow.getAsInt();
                        sh.setBlank(r, inputs[rnd.nextInt(2)]);
                    }
                }
                default -> sh.copyRowBelow(first + rnd.nextInt(rows), () -> rnd.nextInt(3));
            }
            sh.save();
        });
    }

    /**
     * The moves, blankings and duplicated rows made in the XML are what POI writes, part for part (checked once on
     * 100 seeds of each; here on one of each that edits something).
     */
    @Test
    void theRawHandEditsAreWhatPoiWrites() throws Exception {
        Map<String, String> unedited = texts(valid);
        for (int kind : new int[] {0, 2, 5}) {
            long seed = kind == 5 ? 4 : 2; // seeds whose edit moves, blanks and copies numbers
            Map<String, String> raw = texts(handEditRaw(valid, new Random(seed), kind));
            Map<String, String> poi = texts(handEdit(valid, new Random(seed), kind));
            assertThat(raw).as("kind %d seed %d: an edit", kind, seed).isNotEqualTo(unedited);
            assertThat(List.copyOf(raw.keySet())).as("kind %d seed %d: parts", kind, seed)
                    .isEqualTo(List.copyOf(poi.keySet()));
            assertThat(raw).as("kind %d seed %d", kind, seed).isEqualTo(poi);
        }
    }

    /** One hand edit of the valid form, of the given kind ({@link #HAND_EDITS}). */
    static byte[] handEdit(byte[] valid, Random rnd, int kind) throws Exception {
        try (XSSFWorkbook wb = new XSSFWorkbook(new ByteArrayInputStream(valid))) {
            XSSFSheet sh = wb.getSheet(FormLayout.DATA_SHEET);
            int first = FormLayout.HEADER_ROW + 1;
            int rows = sh.getLastRowNum() - first + 1;
            int[] inputs = {FormLayout.COL_DONE, FormLayout.COL_PERCENT};
            // Most rows are other units' indicators, left blank: the edits mostly touch the rows with figures.
            List<Integer> filled = new ArrayList<>();
            for (int r = first; r <= sh.getLastRowNum(); r++) {
                for (int c : inputs) {
                    Cell cell = sh.getRow(r).getCell(c);
                    if (cell != null && cell.getCellType() == org.apache.poi.ss.usermodel.CellType.NUMERIC
                            && !filled.contains(r)) {
                        filled.add(r);
                    }
                }
            }
            java.util.function.IntSupplier anyRow = () -> rnd.nextInt(4) == 0 ? first + rnd.nextInt(rows)
                    : filled.get(rnd.nextInt(filled.size()));
            switch (kind) {
                case 0 -> { // a figure moved to the other figure column, or to another row's cell
                    for (int i = 0; i < 1 + rnd.nextInt(3); i++) {
                        int r = anyRow.getAsInt();
                        int c = inputs[rnd.nextInt(2)];
                        Cell from = sh.getRow(r).getCell(c, Row.MissingCellPolicy.CREATE_NULL_AS_BLANK);
                        Cell to = rnd.nextBoolean()
                                ? sh.getRow(r).getCell(c == FormLayout.COL_DONE ? FormLayout.COL_PERCENT : FormLayout.COL_DONE,
                                        Row.MissingCellPolicy.CREATE_NULL_AS_BLANK)
                                : sh.getRow(anyRow.getAsInt()).getCell(c, Row.MissingCellPolicy.CREATE_NULL_AS_BLANK);
                        if (from.getCellType() == org.apache.poi.ss.usermodel.CellType.NUMERIC && from != to) {
                            to.setCellValue(from.getNumericCellValue());
                            from.setBlank();
                        }
                    }
                }
                case 1 -> { // two input cells merged, down or across; Excel keeps the first one's value only
                    int r = Math.min(anyRow.getAsInt(), sh.getLastRowNum() - 1);
                    boolean down = rnd.nextInt(3) > 0;
                    int c = down ? inputs[rnd.nextInt(2)] : FormLayout.COL_DONE;
                    Cell second = down ? sh.getRow(r + 1).getCell(c, Row.MissingCellPolicy.CREATE_NULL_AS_BLANK)
                            : sh.getRow(r).getCell(c + 1, Row.MissingCellPolicy.CREATE_NULL_AS_BLANK);
                    if (rnd.nextBoolean()) {
                        second.setBlank();
                    }
                    sh.addMergedRegionUnsafe(new org.apache.poi.ss.util.CellRangeAddress(r, down ? r + 1 : r, c,
                            down ? c : c + 1));
                }
                case 2 -> { // input cells blanked
                    for (int i = 0; i < 1 + rnd.nextInt(3); i++) {
                        sh.getRow(anyRow.getAsInt()).getCell(inputs[rnd.nextInt(2)],
                                Row.MissingCellPolicy.CREATE_NULL_AS_BLANK).setBlank();
                    }
                }
                case 3 -> { // the form sheet kept twice: a draft copy before or after it, with a figure changed
                    XSSFSheet copy = wb.cloneSheet(wb.getSheetIndex(sh), "底稿" + rnd.nextInt(10));
                    wb.setSheetOrder(copy.getSheetName(), rnd.nextBoolean() ? 0 : 1);
                    wb.setActiveSheet(wb.getSheetIndex(sh));
                    copy.getRow(first + rnd.nextInt(rows)).getCell(inputs[rnd.nextInt(2)],
                            Row.MissingCellPolicy.CREATE_NULL_AS_BLANK).setCellValue(rnd.nextInt(100));
                }
                case 4 -> { // a figure column kept twice: inserted before or after, headed as the original or 上月…
                    int c = inputs[rnd.nextInt(2)];
                    int at = rnd.nextBoolean() ? c : c + 1;
                    sh.shiftColumns(at, FormLayout.COL_PROBLEM + 1, 1);
                    int original = at == c ? c + 1 : c;
                    String head = sh.getRow(FormLayout.HEADER_ROW).getCell(original).getStringCellValue();
                    for (int r = FormLayout.HEADER_ROW; r <= sh.getLastRowNum(); r++) {
                        Cell src = sh.getRow(r).getCell(original);
                        Cell dst = sh.getRow(r).getCell(at, Row.MissingCellPolicy.CREATE_NULL_AS_BLANK);
                        if (r == FormLayout.HEADER_ROW) {
                            dst.setCellValue(rnd.nextBoolean() ? head : "上月" + head);
                        } else if (src != null && src.getCellType() == org.apache.poi.ss.usermodel.CellType.NUMERIC) {
                            dst.setCellValue(Math.max(0, src.getNumericCellValue() - rnd.nextInt(5)));
                        }
                    }
                }
                default -> { // a row kept twice: its copy below the table, with another figure
                    Row src = sh.getRow(first + rnd.nextInt(rows));
                    Row dst = sh.createRow(sh.getLastRowNum() + 1);
                    for (Cell cell : src) {
                        Cell d = dst.createCell(cell.getColumnIndex());
                        switch (cell.getCellType()) {
                            case NUMERIC -> d.setCellValue(cell.getNumericCellValue() + rnd.nextInt(3));
                            case STRING -> d.setCellValue(cell.getStringCellValue());
                            default -> { }
                        }
                    }
                }
            }
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            wb.write(out);
            return out.toByteArray();
        }
    }

    /**
     * What {@code bulletin -w samples/miluo-2026 validate --month 5 FILE} prints and returns, without the
     * command's set-up: {@code ValidateService}'s report of one file checked with the model loaded once
     * ({@code Validator.workbook}). The check leaves out last month's workbooks (the cumulative-decrease check);
     * the run of all files on the real command line, which reads them, must agree with it file by file.
     */
    static Cli.Run report(Validator.Checked c) {
        ValidationResult r = new ValidationResult(YearMonth.of(2026, 5),
                List.of(new ValidationResult.FileResult(c.file(), c.problems())), List.of(), false);
        return new Cli.Run(r.valid() ? 0 : 1, ValidationReport.text(r), "");
    }

    private static java.util.Map<String, bulletin.model.MonthlyReport> april;

    /** April's figures as validate --month 5 compares May's workbooks with, computed once. */
    static synchronized java.util.Map<String, bulletin.model.MonthlyReport> lastMonth(IndicatorModel model) {
        if (april == null) {
            april = bulletin.service.ValidateService.lastMonth(SAMPLES, model, YearMonth.of(2026, 5));
        }
        return april;
    }

    /** A report without its last line, the summary ("共检查 N 个文件：…"): what it says of each file. */
    static String withoutSummary(String report) {
        int last = report.lastIndexOf("共检查 ");
        assertThat(last).as(report).isGreaterThanOrEqualTo(0);
        assertThat(last == 0 || report.charAt(last - 1) == '\n').as(report).isTrue();
        return report.substring(0, last);
    }

    static String kind(int k) {
        return new String[] {"cells", "rows", "columns", "truncate", "flip", "far", "sizes", "control"}[k];
    }

    static byte[] mutate(byte[] valid, Random rnd, int kind) throws Exception {
        switch (kind) {
            case 5:
                return parts(valid, e -> far(e, rnd));
            case 6:
                return declaredSizes(parts(valid, e -> sizes(e, rnd)), rnd);
            case 7:
                return rnd.nextBoolean() ? controlInXml(valid, rnd) : controlInCells(valid, rnd);
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
        // Cells to junk, rows deleted, two columns swapped: edited in the sheet's XML as POI's setCellValue and
        // removeRow would leave it (a string goes into the shared strings, a number is written as Double does),
        // without loading and writing the workbook through POI each time.
        return parts(valid, e -> {
            RawSheet sh = new RawSheet(e);
            int last = sh.lastRow();
            switch (kind) {
                case 0 -> {
                    for (int i = 0; i < 1 + rnd.nextInt(6); i++) {
                        int row = rnd.nextInt(last + 1);
                        if (!sh.hasRow(row)) {
                            continue;
                        }
                        int col = rnd.nextInt(9);
                        String j = JUNK[rnd.nextInt(JUNK.length)];
                        if (rnd.nextBoolean() && j.matches("-?[0-9.]+")) {
                            sh.number(row, col, Double.parseDouble(j));
                        } else {
                            sh.string(row, col, j);
                        }
                    }
                }
                case 1 -> {
                    for (int i = 0; i < 1 + rnd.nextInt(5); i++) {
                        int row = rnd.nextInt(last + 1);
                        if (sh.hasRow(row)) {
                            sh.removeRow(row);
                        }
                    }
                }
                default -> {
                    int a = rnd.nextInt(9);
                    int b = rnd.nextInt(9);
                    for (int row : sh.rows()) {
                        String va = sh.text(row, a);
                        String vb = sh.text(row, b);
                        sh.string(row, a, vb);
                        sh.string(row, b, va);
                    }
                }
            }
            sh.save();
        });
    }

    /**
     * The form's sheet ({@code sheet1.xml}, as POI wrote it: every row and cell with its {@code r}) and its shared
     * strings, edited as text: a cell set to a string or a number (created in column order where missing, keeping
     * its style), a row removed, a cell's value as POI's {@code Cell.toString} gives it.
     */
    static final class RawSheet {
        private static final java.util.regex.Pattern ROW =
                java.util.regex.Pattern.compile("<row r=\"(\\d+)\"[^>]*?(/>|>(.*?)</row>)");
        private static final java.util.regex.Pattern CELL =
                java.util.regex.Pattern.compile("<c r=\"([A-Z]+)(\\d+)\"([^>]*?)(/>|>(.*?)</c>)");
        private static final java.util.regex.Pattern SI = java.util.regex.Pattern.compile("<si>(.*?)</si>");

        private final Map<String, byte[]> entries;
        /** The rows' XML by 0-based row number, in order. */
        private final java.util.TreeMap<Integer, String> rows = new java.util.TreeMap<>();
        private String before;
        private final String after;
        private final List<String> strings = new ArrayList<>();
        private final StringBuilder added = new StringBuilder();
        private int count;

        RawSheet(Map<String, byte[]> entries) {
            this.entries = entries;
            String xml = FuzzTest.text(entries, BadInputs.FORM_SHEET);
            int open = xml.indexOf("<sheetData>") + "<sheetData>".length();
            int close = xml.indexOf("</sheetData>");
            before = xml.substring(0, open);
            after = xml.substring(close);
            java.util.regex.Matcher m = ROW.matcher(xml.substring(open, close));
            while (m.find()) {
                rows.put(Integer.parseInt(m.group(1)) - 1, m.group());
            }
            String sst = FuzzTest.text(entries, "xl/sharedStrings.xml");
            java.util.regex.Matcher si = SI.matcher(sst);
            while (si.find()) {
                strings.add(unescape(si.group(1).replaceAll("<[^>]*>", "")));
            }
            java.util.regex.Matcher c = java.util.regex.Pattern.compile("<sst count=\"(\\d+)\"").matcher(sst);
            count = c.find() ? Integer.parseInt(c.group(1)) : strings.size();
        }

        int lastRow() {
            return rows.isEmpty() ? -1 : rows.lastKey();
        }

        boolean hasRow(int row) {
            return rows.containsKey(row);
        }

        List<Integer> rows() {
            return new ArrayList<>(rows.keySet());
        }

        void removeRow(int row) {
            rows.remove(row);
        }

        /** The cell's XML, or null. */
        private java.util.regex.MatchResult cell(int row, int col) {
            java.util.regex.Matcher m = CELL.matcher(rows.get(row));
            String letters = a1(row, col).replaceAll("\\d", "");
            while (m.find()) {
                if (m.group(1).equals(letters)) {
                    return m.toMatchResult();
                }
            }
            return null;
        }

        /** What POI's {@code Cell.toString()} gives for the cell ("" where it has none). */
        String text(int row, int col) {
            java.util.regex.MatchResult c = cell(row, col);
            if (c == null || c.group(5) == null) {
                return "";
            }
            java.util.regex.Matcher t = java.util.regex.Pattern.compile("t=\"(\\w+)\"").matcher(c.group(3));
            String type = t.find() ? t.group(1) : "n";
            java.util.regex.Matcher v = java.util.regex.Pattern.compile("<v>(.*?)</v>").matcher(c.group(5));
            String value = v.find() ? unescape(v.group(1)) : null;
            return switch (type) {
                case "s" -> strings.get(Integer.parseInt(value));
                case "n" -> value == null ? "" : Double.toString(Double.parseDouble(value));
                default -> throw new IllegalStateException("a cell of type " + type + " in the valid form");
            };
        }

        void number(int row, int col, double value) {
            put(row, col, "t=\"n\"", "<v>" + value + "</v>");
        }

        /** As POI writes a string: into the shared strings (characters XML cannot hold written as "?"). */
        void string(int row, int col, String value) {
            StringBuilder x = new StringBuilder();
            value.chars().forEach(ch -> x.append(ch < 0x20 && ch != '\t' && ch != '\n' && ch != '\r' || ch == 0xFFFE
                    || ch == 0xFFFF ? "?" : ch == '<' ? "&lt;" : ch == '&' ? "&amp;" : ch == '\r' ? "&#13;"
                    : String.valueOf((char) ch)));
            String t = x.length() == 0 ? "<t/>" : !value.equals(value.strip())
                    ? "<t xml:space=\"preserve\">" + x + "</t>" : "<t>" + x + "</t>";
            added.append("<si>").append(t).append("</si>");
            strings.add(value);
            count++;
            put(row, col, "t=\"s\"", "<v>" + (strings.size() - 1) + "</v>");
        }

        private void put(int row, int col, String type, String content) {
            String ref = a1(row, col);
            java.util.regex.MatchResult c = cell(row, col);
            String xml = rows.get(row);
            if (c != null && type.equals("t=\"s\"") && c.group(3).matches(".*\\st=\"\\w+\".*")) {
                // a string over a typed cell: POI changes the type where it stands
                rows.put(row, xml.substring(0, c.start()) + "<c r=\"" + ref + "\""
                        + c.group(3).replaceFirst("(\\s)t=\"\\w+\"", "$1t=\"s\"") + ">" + content + "</c>"
                        + xml.substring(c.end()));
                return;
            }
            if (c != null) {
                String style = c.group(3).replaceAll("\\s*t=\"\\w+\"", "");
                rows.put(row, xml.substring(0, c.start()) + "<c r=\"" + ref + "\"" + style + " " + type + ">" + content
                        + "</c>" + xml.substring(c.end()));
                return;
            }
            // a new cell: POI gives a string the default style
            String made = "<c r=\"" + ref + "\" " + type + (type.equals("t=\"s\"") ? " s=\"0\"" : "") + ">" + content
                    + "</c>";
            if (xml.endsWith("/>")) {
                rows.put(row, xml.substring(0, xml.length() - 2) + ">" + made + "</row>");
                return;
            }
            java.util.regex.Matcher m = CELL.matcher(xml);
            int at = xml.lastIndexOf("</row>");
            while (m.find()) {
                if (columnOf(m.group(1)) > col) {
                    at = m.start();
                    break;
                }
            }
            rows.put(row, xml.substring(0, at) + made + xml.substring(at));
        }

        /** Whether the cell holds a number (POI's NUMERIC). */
        boolean isNumber(int row, int col) {
            java.util.regex.MatchResult c = cell(row, col);
            return c != null && c.group(5) != null && c.group(5).contains("<v>")
                    && (c.group(3).contains(" t=\"n\"") || !c.group(3).contains(" t=\""));
        }

        double numberAt(int row, int col) {
            java.util.regex.MatchResult c = cell(row, col);
            return Double.parseDouble(c.group(5).replaceAll("(?s).*<v>(.*?)</v>.*", "$1"));
        }

        /** As POI's {@code setCellValue(double)} leaves an existing cell: its type where it stands, else added. */
        void setNumber(int row, int col, double value) {
            java.util.regex.MatchResult c = existing(row, col);
            String attrs = c.group(3).contains(" t=\"") ? c.group(3).replaceFirst(" t=\"\\w+\"", " t=\"n\"")
                    : c.group(3) + " t=\"n\"";
            replace(row, c, "<c r=\"" + a1(row, col) + "\"" + attrs + "><v>" + value + "</v></c>");
        }

        /** As POI's {@code setBlank()} leaves an existing cell: its style kept, its type and value gone. */
        void setBlank(int row, int col) {
            java.util.regex.MatchResult c = existing(row, col);
            replace(row, c, "<c r=\"" + a1(row, col) + "\"" + c.group(3).replaceFirst(" t=\"\\w+\"", "") + "/>");
        }

        /**
         * A copy of a row below the last one, as POI's {@code createRow} and {@code createCell} make it: each cell in
         * the default style, a number raised by {@code raise.getAsInt()}, a text the same shared string, anything
         * else (a blank, a formula) an empty cell; the sheet's dimension reaching it.
         */
        void copyRowBelow(int src, java.util.function.IntSupplier raise) {
            int row = lastRow() + 1;
            StringBuilder x = new StringBuilder("<row r=\"" + (row + 1) + "\">");
            java.util.regex.Matcher m = CELL.matcher(rows.get(src));
            while (m.find()) {
                int col = columnOf(m.group(1));
                String ref = a1(row, col);
                if (isNumber(src, col)) {
                    x.append("<c r=\"" + ref + "\" t=\"n\" s=\"0\"><v>" + (numberAt(src, col) + raise.getAsInt())
                            + "</v></c>");
                } else if (m.group(3).contains(" t=\"s\"")) {
                    count++;
                    x.append("<c r=\"" + ref + "\" t=\"s\" s=\"0\">" + m.group(5) + "</c>");
                } else {
                    x.append("<c r=\"" + ref + "\" s=\"0\"/>");
                }
            }
            rows.put(row, x.append("</row>").toString());
            before = before.replaceFirst("(<dimension ref=\"[A-Z]+\\d+:[A-Z]+)\\d+\"", "$1" + (row + 1) + "\"");
        }

        private java.util.regex.MatchResult existing(int row, int col) {
            java.util.regex.MatchResult c = cell(row, col);
            if (c == null) {
                throw new IllegalStateException("no cell " + a1(row, col) + " in the valid form");
            }
            return c;
        }

        private void replace(int row, java.util.regex.MatchResult c, String xml) {
            String r = rows.get(row);
            rows.put(row, r.substring(0, c.start()) + xml + r.substring(c.end()));
        }

        private static int columnOf(String letters) {
            int c = 0;
            for (char ch : letters.toCharArray()) {
                c = c * 26 + (ch - 'A' + 1);
            }
            return c - 1;
        }

        private static String unescape(String s) {
            return s.replace("&lt;", "<").replace("&gt;", ">").replace("&quot;", "\"").replace("&apos;", "'")
                    .replace("&#13;", "\r").replace("&amp;", "&");
        }

        void save() {
            FuzzTest.put(entries, BadInputs.FORM_SHEET, before + String.join("", rows.values()) + after);
            String sst = FuzzTest.text(entries, "xl/sharedStrings.xml").replace("</sst>", added + "</sst>")
                    .replaceFirst("<sst count=\"\\d+\" uniqueCount=\"\\d+\"",
                            "<sst count=\"" + count + "\" uniqueCount=\"" + strings.size() + "\"");
            FuzzTest.put(entries, "xl/sharedStrings.xml", sst);
        }
    }

    /** The form's parts, edited, zipped again. */
    static byte[] parts(byte[] valid, BadInputs.ZipEdit edit) throws Exception {
        Map<String, byte[]> entries = new java.util.LinkedHashMap<>();
        try (java.util.zip.ZipInputStream in = new java.util.zip.ZipInputStream(new ByteArrayInputStream(valid))) {
            for (java.util.zip.ZipEntry e; (e = in.getNextEntry()) != null; ) {
                entries.put(e.getName(), in.readAllBytes());
            }
        }
        edit.edit(entries);
        return BadInputs.zipOf(entries, null);
    }

    static String text(Map<String, byte[]> e, String name) {
        return new String(e.get(name), StandardCharsets.UTF_8);
    }

    static void put(Map<String, byte[]> e, String name, String xml) {
        e.put(name, xml.getBytes(StandardCharsets.UTF_8));
    }

    /** A far row or column: near the grid's bounds, at Excel's, or beyond anything (up to 2147483647). */
    static long farRow(Random rnd) {
        long[] at = {Grid.MAX_ROWS - 1, Grid.MAX_ROWS, 1_048_575, 1_048_576, Integer.MAX_VALUE - 1L};
        return rnd.nextInt(3) == 0 ? rnd.nextInt(60) : at[rnd.nextInt(at.length)];
    }

    static long farCol(Random rnd) {
        long[] at = {Grid.MAX_COLS - 1, Grid.MAX_COLS, 16_383, 16_384, 18_277};
        return rnd.nextInt(3) == 0 ? rnd.nextInt(12) : at[rnd.nextInt(at.length)];
    }

    /** "XFD1048576" (0-based row and column), as far as three letters reach. */
    static String a1(long row, long col) {
        StringBuilder letters = new StringBuilder();
        for (long c = col + 1; c > 0; c = (c - 1) / 26) {
            letters.insert(0, (char) ('A' + (c - 1) % 26));
        }
        return letters + String.valueOf(row + 1);
    }

    /** Far references: a cell, a row, a merged region or a column range far away, in the form or its hidden sheet. */
    static void far(Map<String, byte[]> e, Random rnd) {
        String name = rnd.nextInt(3) == 0 ? BadInputs.META_SHEET : BadInputs.FORM_SHEET;
        String xml = text(e, name);
        long row = farRow(rnd);
        long col = farCol(rnd);
        switch (rnd.nextInt(4)) {
            case 0 -> xml = xml.replace("</sheetData>", "<row r=\"" + (row + 1) + "\"><c r=\"" + a1(row, col)
                    + "\" t=\"inlineStr\"><is><t>40</t></is></c></row></sheetData>");
            case 1 -> xml = xml.replace("</sheetData>", "<row r=\"" + (row + 1) + "\" hidden=\"1\"><c><v>7</v></c></row>"
                    + "</sheetData>");
            case 2 -> {
                String merge = "<mergeCell ref=\"" + a1(rnd.nextInt(60), rnd.nextInt(10)) + ":" + a1(row, col) + "\"/>";
                xml = xml.contains("<mergeCells") ? xml.replaceFirst("<mergeCells count=\"\\d+\">", "$0" + merge)
                        : xml.replace("</sheetData>", "</sheetData><mergeCells count=\"1\">" + merge + "</mergeCells>");
            }
            default -> {
                long min = rnd.nextBoolean() ? -rnd.nextInt(Integer.MAX_VALUE) : rnd.nextInt(20);
                long max = rnd.nextBoolean() ? Integer.MAX_VALUE : col + 1;
                String cols = "<col min=\"" + min + "\" max=\"" + max + "\" hidden=\"1\" width=\"3\"/>";
                xml = xml.contains("<cols>") ? xml.replace("<cols>", "<cols>" + cols)
                        : xml.replace("<sheetData", "<cols>" + cols + "</cols><sheetData");
            }
        }
        put(e, name, xml);
    }

    /** Sizes declared in the XML that no form has: the dimension, the counts, the rows' spans. */
    static void sizes(Map<String, byte[]> e, Random rnd) {
        String huge = rnd.nextBoolean() ? "2147483647" : "4294967296";
        String sheet = text(e, BadInputs.FORM_SHEET)
                .replaceFirst("<dimension ref=\"[^\"]*\"/>", "<dimension ref=\"A1:" + a1(farRow(rnd), farCol(rnd)) + "\"/>")
                .replaceFirst("<mergeCells count=\"\\d+\">", "<mergeCells count=\"" + huge + "\">")
                .replace("<row r=\"5\"", "<row spans=\"1:" + huge + "\" r=\"5\"");
        put(e, BadInputs.FORM_SHEET, sheet);
        put(e, "xl/sharedStrings.xml", text(e, "xl/sharedStrings.xml")
                .replaceFirst("count=\"\\d+\" uniqueCount=\"\\d+\"", "count=\"" + huge + "\" uniqueCount=\"" + huge + "\""));
    }

    /**
     * Sizes declared in the zip's central directory that lie: an entry's unpacked size set to far more than it is,
     * or to less (the reader counts what it unpacks, whatever is declared). Sometimes nothing is changed.
     */
    static byte[] declaredSizes(byte[] zip, Random rnd) {
        byte[] b = zip.clone();
        List<Integer> central = new ArrayList<>();
        for (int i = 0; i + 46 <= b.length; i++) {
            if (b[i] == 0x50 && b[i + 1] == 0x4b && b[i + 2] == 0x01 && b[i + 3] == 0x02) {
                central.add(i);
            }
        }
        if (central.isEmpty() || rnd.nextInt(4) == 0) {
            return b;
        }
        int at = central.get(rnd.nextInt(central.size())) + 24; // uncompressed size, little-endian
        long size = new long[] {0xFFFFFFFEL, 0x7FFFFFFFL, 200L * 1024 * 1024, 1, 0}[rnd.nextInt(5)];
        for (int k = 0; k < 4; k++) {
            b[at + k] = (byte) (size >>> (8 * k));
        }
        return b;
    }

    static final String[] CONTROL = {"\u0001", "\u000B", "\u000C", "\u0000", "\u001F", "\u007F", "\uFFFE", "\r\n",
        "\u0085", "\u2028"};

    static String control(Random rnd) {
        StringBuilder sb = new StringBuilder(JUNK[rnd.nextInt(JUNK.length)]);
        for (int i = 0; i < 1 + rnd.nextInt(3); i++) {
            sb.insert(rnd.nextInt(sb.length() + 1), CONTROL[rnd.nextInt(CONTROL.length)]);
        }
        return sb.toString();
    }

    /**
     * Control characters in text cells as a spreadsheet program writes them: edited in the sheet's XML and the shared
     * strings ({@link RawSheet}) exactly as POI's {@code setCellValue} and {@code write} leave them (characters XML
     * cannot hold written as "?"), without loading and writing the workbook through POI each time;
     * {@link #theRawCellEditsAreWhatPoiWrites} holds the two equal.
     */
    static byte[] controlInCells(byte[] valid, Random rnd) throws Exception {
        return parts(valid, e -> {
            RawSheet sh = new RawSheet(e);
            int last = sh.lastRow();
            for (int i = 0; i < 1 + rnd.nextInt(4); i++) {
                int row = rnd.nextInt(last + 1);
                if (sh.hasRow(row)) {
                    sh.string(row, rnd.nextInt(9), control(rnd));
                }
            }
            sh.save();
        });
    }

    /** A zip's parts as text, in their order. */
    static Map<String, String> texts(byte[] zip) throws Exception {
        Map<String, String> out = new java.util.LinkedHashMap<>();
        try (java.util.zip.ZipInputStream in = new java.util.zip.ZipInputStream(new ByteArrayInputStream(zip))) {
            for (java.util.zip.ZipEntry e; (e = in.getNextEntry()) != null; ) {
                out.put(e.getName(), new String(in.readAllBytes(), StandardCharsets.UTF_8));
            }
        }
        return out;
    }

    /** {@link #controlInCells} as POI made it: loaded, the cells set, written. */
    static byte[] controlInCellsWithPoi(byte[] valid, Random rnd) throws Exception {
        try (XSSFWorkbook wb = new XSSFWorkbook(new ByteArrayInputStream(valid))) {
            XSSFSheet sh = wb.getSheet(FormLayout.DATA_SHEET);
            for (int i = 0; i < 1 + rnd.nextInt(4); i++) {
                Row row = sh.getRow(rnd.nextInt(sh.getLastRowNum() + 1));
                if (row != null) {
                    row.getCell(rnd.nextInt(9), Row.MissingCellPolicy.CREATE_NULL_AS_BLANK).setCellValue(control(rnd));
                }
            }
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            wb.write(out);
            return out.toByteArray();
        }
    }

    /**
     * The control characters typed into cells by editing the XML are what POI writes, part for part (checked once on
     * 300 seeds; here on two that give a new cell, a number cell made text, text ending in a space and text with a
     * line break inside).
     */
    @Test
    void theRawCellEditsAreWhatPoiWrites() throws Exception {
        for (long seed : new long[] {3, 4}) {
            Map<String, String> raw = texts(controlInCells(valid, new Random(seed)));
            Map<String, String> poi = texts(controlInCellsWithPoi(valid, new Random(seed)));
            assertThat(List.copyOf(raw.keySet())).as("seed %d: parts", seed).isEqualTo(List.copyOf(poi.keySet()));
            assertThat(raw).as("seed %d", seed).isEqualTo(poi);
        }
    }

    /**
     * Control characters written raw, or as character references, into the XML of inline and shared strings:
     * most are not allowed in XML 1.0 at all, and the file is then one that cannot be parsed.
     */
    static byte[] controlInXml(byte[] valid, Random rnd) throws Exception {
        return parts(valid, e -> {
            String c = control(rnd);
            String written = rnd.nextBoolean() ? c : c.chars().mapToObj(ch -> ch < 0x20 || ch == 0x7F || ch > 0xFFFD
                    ? "&#" + ch + ";" : String.valueOf((char) ch)).reduce("", String::concat);
            if (rnd.nextBoolean()) {
                String ss = text(e, "xl/sharedStrings.xml");
                put(e, "xl/sharedStrings.xml", ss.replaceFirst("<si><t>([^<]*)</t></si>",
                        "<si><t xml:space=\"preserve\">$1" + java.util.regex.Matcher.quoteReplacement(written) + "</t></si>"));
            } else {
                String row = String.valueOf(5 + rnd.nextInt(40));
                String col = String.valueOf((char) ('A' + rnd.nextInt(9)));
                String xml = BadInputs.sheetXml(e).replaceFirst("<c r=\"" + col + row + "\"[^>]*?(/>|>.*?</c>)",
                        java.util.regex.Matcher.quoteReplacement("<c r=\"" + col + row + "\" t=\"inlineStr\"><is><t>" + written
                                + "</t></is></c>"));
                put(e, BadInputs.FORM_SHEET, xml);
            }
        });
    }
}
