package bulletin.forms;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import bulletin.ingest.ModelLoader;
import bulletin.model.FormContract;
import bulletin.model.Indicator;
import bulletin.model.IndicatorModel;
import bulletin.model.Kind;
import bulletin.model.Snapshot;
import bulletin.ingest.SnapshotReader;
import bulletin.testing.Cli;
import bulletin.testing.SampleWorkspace;
import bulletin.workspace.Workspace;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The forms check themselves in the unit's own spreadsheet: {@code template --month 6} on the samples (May
 * generated first) writes forms whose 上月累计 is May's published figure; filled with the figures the units sent
 * for June, and recalculated by LibreOffice Calc, their 自查 column flags exactly the June mistakes a form can
 * show, and nothing on a correct row; each case of the validate corpus a form can express (falling, blank, text,
 * far above the target, 0.62) shows its flag. {@code validate} reads the filled new forms as it read the units'
 * own. LibreOffice runs once, over every file; where it is not installed the LibreOffice tests are skipped (an
 * assumption, with the reason).
 */
class FormSelfCheckIT {

    @TempDir
    static Path tmp;

    static Path ws;
    static Path refilled;
    static IndicatorModel model;
    static Snapshot may;
    static final YearMonth JUNE = YearMonth.of(2026, 6);
    /** The recalculated first sheet of each form, by file name: rows of cells. */
    static final Map<String, List<List<String>>> computed = new TreeMap<>();
    static String soffice;

    /** The corpus cases on one correct unit's June form: what is typed where, and what 自查 must say. */
    record Case(String name, String code, int col, Object value, String expected) {
    }

    static final String CLEAN_UNIT = "汨罗镇";
    static final List<Case> cases = new ArrayList<>();

    @BeforeAll
    static void build() throws Exception {
        ws = SampleWorkspace.copyTo(tmp.resolve("ws"));
        assertThat(Cli.in(ws, "generate", "--month", "5").code()).isZero();
        Cli.Run template = Cli.in(ws, "template", "--month", "6");
        assertThat(template.code()).isZero();
        assertThat(template.out()).contains("“上月累计”一列：取自 5月专报（out/2026-05/bulletin.json）");
        model = ModelLoader.load(Workspace.open(ws));
        may = SnapshotReader.kept(ws.resolve("out/2026-05/bulletin.json"), YearMonth.of(2026, 5));

        // The units' June figures, typed into the new forms; the files that are no June form of the tool's (May's
        // form sent again) are kept as they are.
        refilled = tmp.resolve("refilled");
        SampleWorkspace.copyTo(refilled);
        Path june = refilled.resolve("progress/2026-06");
        Path forms = ws.resolve("forms/2026-06");
        Path recalc = Files.createDirectories(tmp.resolve("recalc"));
        try (Stream<Path> files = Files.list(june)) {
            for (Path sent : files.sorted().toList()) {
                String reporter = junReporter(sent);
                if (reporter == null) {
                    continue;
                }
                byte[] blank = Files.readAllBytes(forms.resolve(
                        bulletin.service.TemplateService.fileName(JUNE, reporter)));
                byte[] filled = copyFigures(Files.readAllBytes(sent), blank);
                Files.write(sent, filled);
                String name = sent.getFileName().toString();
                if (!name.startsWith("2026-06_")) {
                    continue; // the copy of 大荆镇's form: the same figures, checked once
                }
                Files.write(recalc.resolve("june-" + ascii(reporter) + ".xlsx"), filled);
                if (reporter.equals(CLEAN_UNIT)) {
                    corpus(filled, recalc);
                }
            }
        }

        soffice = findSoffice();
        if (soffice != null) {
            Path out = Files.createDirectories(tmp.resolve("csv"));
            List<String> cmd = new ArrayList<>(List.of(soffice, "-env:UserInstallation=" + tmp.resolve("lo").toUri(),
                    "--headless", "--convert-to", "csv:Text - txt - csv (StarCalc):44,34,76", "--outdir",
                    out.toString()));
            try (Stream<Path> files = Files.list(recalc)) {
                files.sorted().forEach(p -> cmd.add(p.toString()));
            }
            Process p = new ProcessBuilder(cmd).redirectErrorStream(true)
                    .redirectOutput(tmp.resolve("soffice.log").toFile()).start();
            if (!p.waitFor(120, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                throw new AssertionError("LibreOffice did not finish within 120 s");
            }
            try (Stream<Path> files = Files.list(out)) {
                for (Path csv : files.toList()) {
                    computed.put(csv.getFileName().toString().replace(".csv", ""),
                            parseCsv(Files.readString(csv, StandardCharsets.UTF_8)));
                }
            }
        }
    }

    /** The corpus cases on the clean unit's filled form, one file each. */
    static void corpus(byte[] filled, Path recalc) throws IOException {
        String unit = CLEAN_UNIT;
        Indicator quantity = model.indicatorsFor(unit).stream().filter(i -> i.kind() == Kind.QUANTITY
                && i.appliesTo(unit) && positive(published(unit, i.code(), false))
                && positive(i.targets().get(unit))).findFirst().orElseThrow();
        Indicator progress = model.indicatorsFor(unit).stream().filter(i -> i.kind() == Kind.PROGRESS
                && i.appliesTo(unit) && published(unit, i.code(), true) != null
                && published(unit, i.code(), true).compareTo(BigDecimal.ONE) > 0).findFirst().orElseThrow();
        BigDecimal last = published(unit, quantity.code(), false);
        String lastText = bulletin.text.Numbers.format(last);
        BigDecimal lastPct = published(unit, progress.code(), true);
        BigDecimal target = quantity.targets().get(unit);
        cases.add(new Case("falling", quantity.code(), FormLayout.COL_DONE,
                last.subtract(last.min(BigDecimal.ONE)).doubleValue(), "低于上月（上月为 " + lastText + "）"));
        cases.add(new Case("blank", quantity.code(), FormLayout.COL_DONE, null, "未填（上月为 " + lastText + "）"));
        cases.add(new Case("text", quantity.code(), FormLayout.COL_DONE, "约300", "请填数字"));
        cases.add(new Case("far-above", quantity.code(), FormLayout.COL_DONE,
                target.multiply(BigDecimal.TEN).max(last).doubleValue(), "超过全年目标1.5倍"));
        cases.add(new Case("decimal-percent", progress.code(), FormLayout.COL_PERCENT, 0.62,
                "低于上月（上月为 " + bulletin.text.Numbers.format(lastPct) + "）"));
        cases.add(new Case("above-100", progress.code(), FormLayout.COL_PERCENT, 120.0, "超过100"));
        for (Case c : cases) {
            try (XSSFWorkbook wb = new XSSFWorkbook(new ByteArrayInputStream(filled))) {
                Cell cell = dataRow(wb.getSheet(FormLayout.DATA_SHEET), c.code())
                        .getCell(c.col(), Row.MissingCellPolicy.CREATE_NULL_AS_BLANK);
                if (c.value() == null) {
                    cell.setBlank();
                } else if (c.value() instanceof Double d) {
                    cell.setCellValue(d);
                } else {
                    cell.setCellValue((String) c.value());
                }
                try (OutputStream out = Files.newOutputStream(recalc.resolve("case-" + c.name() + ".xlsx"))) {
                    wb.write(out);
                }
            }
        }
    }

    static boolean positive(BigDecimal v) {
        return v != null && v.signum() > 0;
    }

    /** May's published figure of a unit for an indicator (the cumulative figure, or the 形象进度). */
    static BigDecimal published(String unit, String code, boolean percent) {
        for (Snapshot.SnapshotIndicator i : may.indicators()) {
            if (i.code().equals(code)) {
                Snapshot.Figure f = i.units().get(unit);
                if (f == null) {
                    boolean byLead = model.indicator(code).map(Indicator::reportedByLeadUnit).orElse(false);
                    f = byLead && unit.equals(i.leadUnit()) ? i.total() : null;
                }
                return f == null ? null : percent ? f.percent() : f.done();
            }
        }
        return null;
    }

    /** The reporter of a June form made by the tool (its hidden sheet says 2026-06); null for any other file. */
    static String junReporter(Path file) throws IOException {
        try (XSSFWorkbook wb = new XSSFWorkbook(Files.newInputStream(file))) {
            XSSFSheet meta = wb.getSheet(FormContract.META_SHEET);
            if (meta == null) {
                return null;
            }
            Map<String, String> e = FormWriterTest.entries(meta);
            return JUNE.toString().equals(e.get(FormContract.KEY_MONTH)) ? e.get(FormContract.KEY_REPORTER) : null;
        }
    }

    /** Types the figures and words of {@code sent} (by code) into the blank form, as they were typed there. */
    static byte[] copyFigures(byte[] sent, byte[] blank) throws IOException {
        try (XSSFWorkbook from = new XSSFWorkbook(new ByteArrayInputStream(sent));
             XSSFWorkbook to = new XSSFWorkbook(new ByteArrayInputStream(blank))) {
            XSSFSheet src = from.getSheet(FormLayout.DATA_SHEET);
            XSSFSheet dst = to.getSheet(FormLayout.DATA_SHEET);
            for (Row r : src) {
                if (r.getRowNum() <= FormLayout.HEADER_ROW || r.getCell(FormLayout.COL_CODE) == null) {
                    continue;
                }
                Row d = dataRow(dst, r.getCell(FormLayout.COL_CODE).getStringCellValue());
                for (int c : new int[] {FormLayout.COL_DONE, FormLayout.COL_PERCENT, FormLayout.COL_NOTE,
                    FormLayout.COL_PROBLEM}) {
                    Cell s = r.getCell(c);
                    if (s == null || s.getCellType() == CellType.BLANK) {
                        continue;
                    }
                    Cell t = d.getCell(c, Row.MissingCellPolicy.CREATE_NULL_AS_BLANK);
                    if (s.getCellType() == CellType.NUMERIC) {
                        t.setCellValue(s.getNumericCellValue());
                    } else {
                        t.setCellValue(s.getStringCellValue());
                    }
                }
            }
            java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
            to.write(out);
            return out.toByteArray();
        }
    }

    static Row dataRow(XSSFSheet sh, String code) {
        for (Row r : sh) {
            Cell c = r.getCell(FormLayout.COL_CODE);
            if (r.getRowNum() > FormLayout.HEADER_ROW && c != null && c.getCellType() == CellType.STRING
                    && code.equals(c.getStringCellValue())) {
                return r;
            }
        }
        throw new AssertionError("no row " + code);
    }

    static String ascii(String reporter) {
        return Integer.toHexString(reporter.hashCode());
    }

    static String findSoffice() {
        for (String dir : System.getenv().getOrDefault("PATH", "").split(java.io.File.pathSeparator)) {
            for (String name : List.of("soffice", "libreoffice")) {
                Path p = Path.of(dir, name);
                if (Files.isExecutable(p)) {
                    return p.toString();
                }
            }
        }
        return null;
    }

    static void needLibreOffice() {
        assumeTrue(soffice != null, "LibreOffice (soffice) is not installed: the forms' 自查 formulas are not "
                + "recalculated here (apt-get install libreoffice-calc-nogui)");
        // soffice without its Calc component (libreoffice-writer alone, as for --pdf) converts no workbook at all.
        assumeTrue(!computed.isEmpty(), "LibreOffice converted no workbook: its Calc component is probably not "
                + "installed (apt-get install libreoffice-calc-nogui); see soffice.log");
    }

    /** The 自查 of each data row of a recalculated form, by code; and its count line. */
    static Map<String, String> checks(String file) {
        List<List<String>> rows = computed.get(file);
        assertThat(rows).as(file + " recalculated").isNotNull();
        Map<String, String> out = new LinkedHashMap<>();
        for (int r = FormLayout.HEADER_ROW + 1; r < rows.size(); r++) {
            List<String> row = rows.get(r);
            if (row.size() > FormLayout.COL_CHECK && !row.get(FormLayout.COL_CODE).isEmpty()) {
                out.put(row.get(FormLayout.COL_CODE), row.get(FormLayout.COL_CHECK));
            }
        }
        return out;
    }

    static String count(String file) {
        return computed.get(file).get(FormLayout.COUNT_ROW).get(FormLayout.COUNT_COL);
    }

    static boolean flagged(String check) {
        return !check.equals(FormLayout.CHECK_OK) && !check.equals(FormLayout.CHECK_NONE)
                && !check.equals(FormRules.UNFILLED);
    }

    @Test
    void lastMonthColumnHoldsMaysPublishedFigureForEveryUnitAndIndicator() throws IOException {
        int compared = 0;
        List<String> reporters = new ArrayList<>(model.units());
        reporters.addAll(model.departments());
        for (String who : reporters) {
            Path form = ws.resolve("forms/2026-06").resolve(bulletin.service.TemplateService.fileName(JUNE, who));
            try (XSSFWorkbook wb = new XSSFWorkbook(Files.newInputStream(form))) {
                XSSFSheet sh = wb.getSheet(FormLayout.DATA_SHEET);
                assertThat(sh.getRow(FormLayout.HEADER_ROW).getCell(FormLayout.COL_LAST).getStringCellValue())
                        .isEqualTo("上月累计");
                for (Indicator i : model.indicatorsFor(who)) {
                    Row row = dataRow(sh, i.code());
                    Cell c = row.getCell(FormLayout.COL_LAST);
                    assertThat(c.getCellStyle().getLocked()).isTrue();
                    boolean applies = model.departments().contains(who) || i.appliesTo(who);
                    BigDecimal want = applies ? published(who, i.code(), i.kind().reportsPercent()) : null;
                    if (want == null) {
                        assertThat(c.getCellType()).as(who + " " + i.code()).isEqualTo(CellType.BLANK);
                    } else {
                        assertThat(BigDecimal.valueOf(c.getNumericCellValue()).compareTo(want))
                                .as(who + " " + i.code() + " 上月累计 " + c.getNumericCellValue() + " = " + want)
                                .isZero();
                        compared++;
                    }
                    if (applies) {
                        // The input cell refuses below last month's published figure (a rate may fall: below 0).
                        int col = i.kind().reportsPercent() ? FormLayout.COL_PERCENT : FormLayout.COL_DONE;
                        var v = sh.getDataValidations().stream().filter(d -> d.getRegions().getCellRangeAddress(0)
                                .isInRange(row.getRowNum(), col)).toList();
                        assertThat(v).as(who + " " + i.code()).hasSize(1);
                        assertThat(v.get(0).getErrorStyle()).isEqualTo(
                                org.apache.poi.ss.usermodel.DataValidation.ErrorStyle.STOP);
                        BigDecimal min = want == null || i.kind() == Kind.RATE ? BigDecimal.ZERO : want;
                        assertThat(v.get(0).getValidationConstraint().getFormula1()).as(who + " " + i.code())
                                .isEqualTo(bulletin.text.Numbers.format(min));
                    }
                }
            }
        }
        assertThat(compared).as("figures compared").isGreaterThan(150);
    }

    @Test
    void juneFiguresFlagExactlyTheMistakesAFormCanShow() {
        needLibreOffice();
        Map<String, String> flags = new TreeMap<>();
        int rows = 0;
        for (String u : reporterFiles()) {
            for (var e : checks("june-" + ascii(u)).entrySet()) {
                rows++;
                if (flagged(e.getValue())) {
                    flags.put(u + " " + e.getKey(), e.getValue());
                }
            }
        }
        assertThat(rows).isGreaterThan(400);
        // The samples' June mistakes a form can show: words in a figure cell, a figure below May's, 形象进度 above
        // 100, full-width digits (text to a spreadsheet); May's form sent again and a unit that sent none cannot.
        assertThat(flags).containsExactlyInAnyOrderEntriesOf(Map.of(
                "归义街道 03-05", "请填数字",
                "罗江镇 04-01", "低于上月（上月为 " + bulletin.text.Numbers.format(published("罗江镇", "04-01", false))
                        + "）",
                "白水镇 06-01", "超过100",
                "长乐镇 03-05", "请填数字"));
        assertThat(count("june-" + ascii("罗江镇"))).isEqualTo("本表还有 1 处需要核对");
        assertThat(count("june-" + ascii(CLEAN_UNIT))).isEqualTo("本表已全部自查通过");
    }

    static List<String> reporterFiles() {
        List<String> out = new ArrayList<>();
        for (String u : computed.keySet()) {
            if (u.startsWith("june-")) {
                List<String> all = new ArrayList<>(model.units());
                all.addAll(model.departments());
                all.stream().filter(x -> ("june-" + ascii(x)).equals(u)).forEach(out::add);
            }
        }
        return out;
    }

    @Test
    void eachCorpusCaseAFormCanExpressIsFlaggedOnItsRowAlone() {
        needLibreOffice();
        assertThat(cases).hasSize(6);
        for (Case c : cases) {
            Map<String, String> checks = checks("case-" + c.name());
            assertThat(checks.get(c.code())).as(c.name()).isEqualTo(c.expected());
            assertThat(checks.entrySet().stream().filter(e -> flagged(e.getValue())).map(Map.Entry::getKey))
                    .as(c.name() + ": only its row").containsExactly(c.code());
            assertThat(count("case-" + c.name())).isEqualTo("本表还有 1 处需要核对");
        }
    }

    @Test
    void validateReadsTheFilledNewFormsAsItReadTheUnitsOwn() throws IOException {
        Cli.Run before = Cli.in(SampleWorkspace.copyTo(tmp.resolve("orig")), "validate", "--month", "6");
        Cli.Run after = Cli.in(refilled, "validate", "--month", "6");
        assertThat(after.code()).isEqualTo(before.code()).isEqualTo(1);
        assertThat(after.out()).isEqualTo(before.out());
    }

    /** A minimal CSV reader: fields separated by commas, quoted with doubled quotes, rows by newlines. */
    static List<List<String>> parseCsv(String text) {
        List<List<String>> rows = new ArrayList<>();
        List<String> row = new ArrayList<>();
        StringBuilder f = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < text.length(); i++) {
            char ch = text.charAt(i);
            if (quoted) {
                if (ch == '"' && i + 1 < text.length() && text.charAt(i + 1) == '"') {
                    f.append('"');
                    i++;
                } else if (ch == '"') {
                    quoted = false;
                } else {
                    f.append(ch);
                }
            } else if (ch == '"') {
                quoted = true;
            } else if (ch == ',') {
                row.add(f.toString());
                f.setLength(0);
            } else if (ch == '\n') {
                row.add(f.toString());
                f.setLength(0);
                rows.add(row);
                row = new ArrayList<>();
            } else if (ch != '\r') {
                f.append(ch);
            }
        }
        if (f.length() > 0 || !row.isEmpty()) {
            row.add(f.toString());
            rows.add(row);
        }
        return rows;
    }
}
