package bulletin.bench;

import bulletin.forms.FormLayout;
import bulletin.forms.FormWriter.ReporterType;
import bulletin.forms.FormWriter;
import bulletin.ingest.ModelLoader;
import bulletin.model.Indicator;
import bulletin.model.IndicatorModel;
import bulletin.service.TemplateService;
import bulletin.testing.ResponsibilitySheet;
import bulletin.testing.TargetSheet;
import bulletin.workspace.Workspace;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/**
 * Synthetic but realistic workspaces for the benchmark, in the same official layouts as the samples: {@code units}
 * reporting units, {@code indicators} indicators over projects of 3–6 (most quantities with a target per unit, some
 * 形象进度, rates, and city-wide ones reported by lead departments), filled forms for {@code months} months.
 */
public final class Workloads {

    /**
     * The generator's version: the benchmark keeps the workspaces it made under target/bench/ and makes them again
     * only when this (or the size) changes. Raise it with any change to what is written.
     */
    public static final String VERSION = "3";

    private Workloads() {
    }

    public static void write(Path dir, int units, int indicators, int months) throws IOException {
        write(dir, units, indicators, months, true);
    }

    /** As above; without {@code snapshots}, generate has to compute every earlier month from its workbooks. */
    public static void write(Path dir, int units, int indicators, int months, boolean snapshots) throws IOException {
        Random rnd = new Random(units * 1000L + indicators);
        List<String> unitNames = new ArrayList<>();
        for (int u = 0; u < units; u++) {
            unitNames.add("第" + (u + 1) + "单位" + (u % 3 == 0 ? "镇" : u % 3 == 1 ? "街道" : "乡"));
        }
        TargetSheet t = new TargetSheet("2026年重点民生实事项目指标任务分解表", unitNames)
                .closingNote("注：1—" + Math.max(1, indicators / 8) + "项为省级重点民生实事，其余为市级重点民生实事。");
        ResponsibilitySheet r = new ResponsibilitySheet("2026年重点民生实事项目责任分解表");
        int item = 0;
        int k = 0;
        while (k < indicators) {
            item++;
            int size = Math.min(indicators - k, 3 + rnd.nextInt(4));
            for (int j = 0; j < size; j++, k++) {
                String name = (j + 1) + ".第" + (k + 1) + "项指标" + (k % 7 == 3 ? "建设食堂" : "任务") + (10 + k) + "个";
                String lead = "市第" + (k % 9 + 1) + "局";
                if (k % 11 == 5) {
                    t.merged(item, "项目" + item, "主要任务" + item, name, "个", BigDecimal.valueOf(100 + k));
                } else {
                    List<Object> targets = new ArrayList<>();
                    for (int u = 0; u < units; u++) {
                        targets.add(k % 13 == 7 ? (Object) BigDecimal.valueOf(90)
                                : u % 5 == 4 && k % 2 == 0 ? null : BigDecimal.valueOf(5 + rnd.nextInt(200)));
                    }
                    t.line(item, "项目" + item, "主要任务" + item, name, k % 13 == 7 ? "%" : "个", targets);
                }
                r.line(item, "项目" + item, name.substring(name.indexOf('.') + 1), "领导" + (k % 5), lead, "市财政局");
            }
        }
        Path targets = dir.resolve("targets");
        Files.createDirectories(targets);
        try (XSSFWorkbook wb = new XSSFWorkbook(); OutputStream out = Files.newOutputStream(targets.resolve("tables.xlsx"))) {
            t.writeTo(wb, "指标任务分解表");
            r.writeTo(wb, "责任分解表");
            wb.write(out);
        }
        Files.writeString(dir.resolve("bulletin.yaml"), "title: 某市实现好惠民生增福祉的期盼工作专报\noffice: 某市工作专班\n");
        IndicatorModel model = ModelLoader.load(Workspace.open(dir));
        List<String> reporters = new ArrayList<>(model.units());
        reporters.addAll(model.departments());
        YearMonth first = YearMonth.of(2026, 13 - months);
        // Each reporter's blank form is written once (POI, the slow part) and every month's filled form is made
        // from it by editing two parts of the zip: the month in the shared strings and the figures in the sheet.
        java.util.Map<String, Form> forms = new java.util.concurrent.ConcurrentHashMap<>();
        reporters.parallelStream().forEach(who -> {
            try {
                forms.put(who, Form.of(model, who, model.units().contains(who) ? ReporterType.UNIT
                        : ReporterType.DEPARTMENT, first));
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        });
        // Cumulative figures never fall (validate's rule, which generate applies): each is at least last month's.
        java.util.Map<String, BigDecimal> last = new java.util.HashMap<>();
        for (int m = 1; m <= months; m++) {
            YearMonth month = YearMonth.of(2026, 12 - months + m);
            Path out = dir.resolve("progress").resolve(month.toString());
            Files.createDirectories(out);
            for (String who : reporters) {
                Form form = forms.get(who);
                ReporterType type = form.type;
                java.util.Map<String, String> values = new java.util.LinkedHashMap<>();
                for (Indicator i : model.indicatorsFor(who)) {
                    if (type == ReporterType.UNIT && !i.appliesTo(who)) {
                        continue;
                    }
                    double share = month.getMonthValue() / 12.0 * (0.8 + rnd.nextDouble() * 0.5);
                    String key = who + "/" + i.code();
                    if (i.kind().reportsPercent()) {
                        BigDecimal p = BigDecimal.valueOf(Math.min(100, Math.round(share * 100)));
                        values.put(form.cell(i.code(), FormLayout.COL_PERCENT),
                                p.max(last.getOrDefault(key, BigDecimal.ZERO)).toPlainString());
                        last.merge(key, p, BigDecimal::max);
                    } else {
                        BigDecimal target = type == ReporterType.UNIT ? i.targets().get(who) : i.cityTarget();
                        BigDecimal v = target == null ? BigDecimal.TEN
                                : i.measure().equals("%") ? BigDecimal.valueOf(85 + rnd.nextInt(15))
                                : target.multiply(BigDecimal.valueOf(share)).setScale(0, RoundingMode.HALF_UP);
                        if (!i.measure().equals("%")) { // a rate is not cumulative
                            v = v.max(last.getOrDefault(key, BigDecimal.ZERO));
                            last.put(key, v);
                        }
                        values.put(form.cell(i.code(), FormLayout.COL_DONE), v.toPlainString());
                    }
                }
                Files.write(out.resolve(TemplateService.fileName(month, who)), form.filled(month, values));
            }
        }
        if (snapshots) {
            snapshots(dir, months);
        }
    }

    /** The snapshots of every month but the last, as earlier runs of generate would have left them. */
    static void snapshots(Path dir, int months) throws IOException {
        Workspace ws = Workspace.open(dir);
        IndicatorModel model = ModelLoader.load(ws);
        bulletin.model.Snapshot prev = null;
        for (int m = 1; m < months; m++) {
            YearMonth month = YearMonth.of(2026, 12 - months + m);
            var reports = bulletin.ingest.ProgressReader.read(ws, model, month);
            prev = bulletin.engine.Engine.compute(new bulletin.engine.Engine.Input(model, month, reports.reports(), prev,
                    prev == null ? "absent" : "snapshot", m, month.atEndOfMonth().toString(), "专报", "专班", null));
            Path out = ws.outDir(month).resolve("bulletin.json");
            Files.createDirectories(out.getParent());
            Files.writeString(out, bulletin.report.SnapshotJson.write(prev));
        }
    }

    /** A reporter's blank form, unpacked: the zip's parts, and the row of each indicator code. */
    private static final class Form {
        private static final String SHEET = "xl/worksheets/sheet1.xml";
        private static final String STRINGS = "xl/sharedStrings.xml";
        final ReporterType type;
        final YearMonth month;
        final java.util.Map<String, byte[]> parts = new java.util.LinkedHashMap<>();
        final java.util.Map<String, Integer> rows = new java.util.HashMap<>();

        private Form(ReporterType type, YearMonth month) {
            this.type = type;
            this.month = month;
        }

        static Form of(IndicatorModel model, String who, ReporterType type, YearMonth month) throws IOException {
            Form f = new Form(type, month);
            ByteArrayOutputStream blank = new ByteArrayOutputStream();
            FormWriter.write(model, who, type, month, 25, blank);
            try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(blank.toByteArray()))) {
                for (ZipEntry e = in.getNextEntry(); e != null; e = in.getNextEntry()) {
                    f.parts.put(e.getName(), in.readAllBytes());
                }
            }
            // Each indicator's row, read from the parts as FormFiller.rowOf finds it (the first row below the
            // header whose code cell holds the code), without a POI load of the form.
            String workbook = new String(f.parts.get("xl/workbook.xml"), StandardCharsets.UTF_8);
            if (!workbook.contains("<sheets><sheet name=\"" + FormLayout.DATA_SHEET + "\" r:id=\"rId3\"")) {
                throw new IllegalStateException("the data sheet is not the first");
            }
            List<String> strings = new ArrayList<>();
            java.util.regex.Matcher si = java.util.regex.Pattern.compile("<si><t(?: [^>]*)?>([^<]*)</t></si>|<si>")
                    .matcher(new String(f.parts.get(STRINGS), StandardCharsets.UTF_8));
            while (si.find()) {
                strings.add(si.group(1));
            }
            java.util.Map<String, Integer> codeRows = new java.util.HashMap<>();
            java.util.regex.Matcher c = java.util.regex.Pattern.compile("<c r=\"" + (char) ('A' + FormLayout.COL_CODE)
                    + "(\\d+)\"[^>]* t=\"s\"[^>]*><v>(\\d+)</v>").matcher(new String(f.parts.get(SHEET),
                            StandardCharsets.UTF_8));
            while (c.find()) {
                int row = Integer.parseInt(c.group(1)) - 1;
                String text = strings.get(Integer.parseInt(c.group(2)));
                if (row > FormLayout.HEADER_ROW && text != null) {
                    codeRows.putIfAbsent(text, row);
                }
            }
            for (Indicator i : model.indicatorsFor(who)) {
                f.rows.put(i.code(), codeRows.getOrDefault(i.code(), -1));
            }
            return f;
        }

        /** The A1 reference of an indicator's cell in column {@code col}. */
        String cell(String code, int col) {
            return (char) ('A' + col) + String.valueOf(rows.get(code) + 1);
        }

        /** The form of {@code to} with the figures typed in: {@code values} by A1 reference. */
        byte[] filled(YearMonth to, java.util.Map<String, String> values) throws IOException {
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            try (ZipOutputStream out = new ZipOutputStream(bytes)) {
                out.setLevel(1); // the fastest: the forms are small, and a reader inflates any level alike
                for (var p : parts.entrySet()) {
                    byte[] data = p.getValue();
                    if (p.getKey().equals(STRINGS)) {
                        data = months(new String(data, StandardCharsets.UTF_8), to).getBytes(StandardCharsets.UTF_8);
                    } else if (p.getKey().equals(SHEET)) {
                        data = figures(new String(data, StandardCharsets.UTF_8), values)
                                .getBytes(StandardCharsets.UTF_8);
                    }
                    out.putNextEntry(new ZipEntry(p.getKey()));
                    out.write(data);
                    out.closeEntry();
                }
            }
            return bytes.toByteArray();
        }

        private String months(String xml, YearMonth to) {
            String y = month.getYear() + "年";
            return xml.replace(y + month.getMonthValue() + "月", to.getYear() + "年" + to.getMonthValue() + "月")
                    .replace("请于" + month.getMonthValue() + "月", "请于" + to.getMonthValue() + "月")
                    .replace(">" + month + "<", ">" + to + "<");
        }

        private static String figures(String xml, java.util.Map<String, String> values) {
            java.util.TreeMap<Integer, String> byPlace = new java.util.TreeMap<>();
            for (var v : values.entrySet()) {
                int at = xml.indexOf("<c r=\"" + v.getKey() + "\" s=\"");
                int close = at < 0 ? -1 : xml.indexOf("/>", at);
                if (at < 0 || close < 0 || xml.lastIndexOf('>', close - 1) > at) {
                    throw new IllegalStateException("no blank input cell " + v.getKey());
                }
                byPlace.put(close, v.getValue());
            }
            StringBuilder sb = new StringBuilder(xml.length() + values.size() * 32);
            int from = 0;
            for (var v : byPlace.entrySet()) {
                sb.append(xml, from, v.getKey()).append(" t=\"n\"><v>").append(v.getValue()).append("</v></c>");
                from = v.getKey() + 2;
            }
            return sb.append(xml, from, xml.length()).toString();
        }
    }

    public static void main(String[] args) throws IOException {
        int[] n = Arrays.stream(args, 1, 4).mapToInt(Integer::parseInt).toArray();
        long t0 = System.nanoTime();
        write(Path.of(args[0]), n[0], n[1], n[2], args.length < 5 || Boolean.parseBoolean(args[4]));
        System.err.printf("%.1f s%n", (System.nanoTime() - t0) / 1e9);
    }
}
