package bulletin.samples;

import bulletin.forms.FormLayout;
import bulletin.forms.FormWriter.ReporterType;
import bulletin.forms.FormWriter;
import bulletin.ingest.ModelLoader;
import bulletin.model.Indicator;
import bulletin.model.IndicatorModel;
import bulletin.model.Kind;
import bulletin.service.TemplateService;
import bulletin.testing.FormFiller;
import bulletin.testing.ResponsibilitySheet;
import bulletin.testing.TargetSheet;
import bulletin.workspace.Workspace;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/**
 * Writes the sample workspace {@code samples/miluo-2026}: the Miluo 2026 tables of seed 000 in the official
 * layout (from {@code samples/miluo/*.tsv} in the test resources), filled monthly workbooks for March to
 * May, and May's platform counts (附件3). March follows seed 001 where it gives figures; April and May are
 * illustrative.
 *
 * <p>Run: {@code mvn -q test -Dtest=SamplesTest -Dbulletin.writeSamples=true}.
 */
public final class MiluoSamples {

    public static final List<String> UNITS = List.of("归义街道", "新市街道", "大荆镇", "三江镇", "长乐镇", "罗江镇",
            "屈子祠镇", "桃林寺镇", "白塘镇", "汨罗镇", "古培镇", "白水镇", "川山坪镇", "弼时镇", "神鼎山镇");

    /** The unit that sends no workbook in May. */
    public static final String MISSING_IN_MAY = "神鼎山镇";
    /** Behind schedule in April and in May: a red card in May. */
    public static final String BEHIND_TWICE = "15-01";
    /** On schedule in April, behind in May: a yellow card in May. */
    public static final String BEHIND_IN_MAY = "03-05";

    static final String NOTE = "注：1—10项为省级重点民生实事，11—18项为市级重点民生实事。";

    private MiluoSamples() {
    }

    public static void main(String[] args) throws IOException {
        write(Path.of(args.length > 0 ? args[0] : "samples/miluo-2026"));
    }

    public static void write(Path dir) throws IOException {
        Files.createDirectories(dir.resolve("targets"));
        writeTargets(dir.resolve("targets/2026年省、岳阳市重点民生实事项目指标任务分解表.xlsx"));
        writeResponsibility(dir.resolve("targets/2026年省、岳阳市重点民生实事项目责任分解表.xlsx"));
        Files.writeString(dir.resolve("bulletin.yaml"), resource("bulletin.yaml"), StandardCharsets.UTF_8);
        Files.createDirectories(dir.resolve("notes"));
        Files.writeString(dir.resolve("notes/2026-05.md"), resource("notes-2026-05.md"), StandardCharsets.UTF_8);
        IndicatorModel model = ModelLoader.load(Workspace.open(dir));
        // The four months' workbooks are independent of one another: written on both cores.
        bulletin.testing.Parallel.each(List.of(3, 4, 5, 6), m -> writeMonth(dir, model, YearMonth.of(2026, m)));
        juneMistakes(dir, model);
        writePlatform(dir.resolve("platform/2026-05.xlsx"));
    }

    /** The modules of the platform's table (seed 002, 附件3), under their group headings. */
    static final List<String[]> PLATFORM_MODULES = List.of(new String[] {"码上通管理", "政策文件", "建设内容", "项目详情",
            "工作动态", "成效展示"}, new String[] {"工作动态管理", "工作专报", "工作总结", "建管用库", "信息公开"});

    /**
     * May's platform counts, in the platform's own order of units (not the tables'), and four departments after
     * them (a blank cell is 0, as the platform exports it): 白水镇 uploads most, 川山坪镇 and 神鼎山镇 have nothing in
     * 建管用库 and 信息公开.
     */
    static final List<String> PLATFORM_MAY = List.of(
            "归义街道 14 36 32 18 40 12 11 8 7", "新市街道 11 25 22 14 28 9 9 6 5", "罗江镇 12 31 27 16 35 10 10 7 6",
            "白水镇 21 58 61 26 66 17 15 12 11", "长乐镇 9 18 17 11 21 8 7 4 4", "大荆镇 10 20 19 12 24 8 8 5 4",
            "三江镇 8 16 15 10 19 7 7 3 3", "屈子祠镇 9 17 16 11 20 7 6 4 3", "桃林寺镇 7 14 13 9 17 6 6 3 2",
            "白塘镇 8 15 14 9 18 6 6 3 3", "汨罗镇 8 16 15 10 18 7 6 4 3", "古培镇 7 13 12 8 16 6 5 2 2",
            "弼时镇 9 17 16 10 20 7 7 3 3", "川山坪镇 5 9 8 6 10 4 4 0 0", "神鼎山镇 4 7 7 5 8 3 3 0 0",
            "市卫健局 4 5 2 6 4 2 3 2 2", "市人社局 3 2 2 5 3 2 2 1 1", "市民政局 2 0 0 1 0 0 1 0 0",
            "市数据局 0 0 0 0 2 0 0 0 0");

    /**
     * The platform's table as seed 002 prints it: a title row, a two-row header (内容/单位 and 总数 down both rows,
     * the group headings across their modules), a row per unit with its 总数.
     */
    public static void writePlatform(Path file) throws IOException {
        try (XSSFWorkbook wb = new XSSFWorkbook()) {
            var sh = wb.createSheet("平台数据");
            int columns = 2 + PLATFORM_MODULES.stream().mapToInt(g -> g.length - 1).sum();
            sh.createRow(0).createCell(0).setCellValue("2026年5月民生实事平台信息上传情况表");
            sh.addMergedRegion(new org.apache.poi.ss.util.CellRangeAddress(0, 0, 0, columns - 1));
            var top = sh.createRow(1);
            var names = sh.createRow(2);
            top.createCell(0).setCellValue("内容\n单位");
            sh.addMergedRegion(new org.apache.poi.ss.util.CellRangeAddress(1, 2, 0, 0));
            int c = 1;
            for (String[] g : PLATFORM_MODULES) {
                top.createCell(c).setCellValue(g[0]);
                sh.addMergedRegion(new org.apache.poi.ss.util.CellRangeAddress(1, 1, c, c + g.length - 2));
                for (int k = 1; k < g.length; k++) {
                    names.createCell(c++).setCellValue(g[k]);
                }
            }
            top.createCell(c).setCellValue("总数");
            sh.addMergedRegion(new org.apache.poi.ss.util.CellRangeAddress(1, 2, c, c));
            int r = 3;
            for (String line : PLATFORM_MAY) {
                String[] f = line.split(" ");
                var row = sh.createRow(r++);
                row.createCell(0).setCellValue(f[0]);
                boolean department = f[0].startsWith("市");
                int sum = 0;
                for (int k = 1; k < f.length; k++) {
                    int n = Integer.parseInt(f[k]);
                    sum += n;
                    if (n > 0 || !department) {
                        row.createCell(k).setCellValue(n);
                    }
                }
                row.createCell(f.length).setCellValue(sum);
            }
            save(wb, file);
        }
    }

    /**
     * June is the month with mistakes, for {@code validate} to catch: words where a number belongs, a cumulative
     * figure that went down, 形象进度 above 100, full-width digits, May's form sent again, a unit that sent two
     * workbooks, a unit that sent none.
     */
    static void juneMistakes(Path dir, IndicatorModel model) throws IOException {
        Path june = dir.resolve("progress/2026-06");
        YearMonth jun = YearMonth.of(2026, 6);
        edit(june.resolve(TemplateService.fileName(jun, "归义街道")), f -> f.text("03-05", FormLayout.COL_DONE, "约40"));
        edit(june.resolve(TemplateService.fileName(jun, "罗江镇")), f -> f.done("04-01", new BigDecimal("0.5")));
        edit(june.resolve(TemplateService.fileName(jun, "白水镇")), f -> f.percent("06-01", new BigDecimal("120")));
        edit(june.resolve(TemplateService.fileName(jun, "长乐镇")), f -> f.text("03-05", FormLayout.COL_DONE, "５０"));
        Files.delete(june.resolve(TemplateService.fileName(jun, "新市街道")));
        Files.copy(dir.resolve("progress/2026-05/" + TemplateService.fileName(YearMonth.of(2026, 5), "新市街道")),
                june.resolve(TemplateService.fileName(YearMonth.of(2026, 5), "新市街道")));
        Files.copy(june.resolve(TemplateService.fileName(jun, "大荆镇")), june.resolve("大荆镇6月报表（修改版）.xlsx"));
        Files.delete(june.resolve(TemplateService.fileName(jun, MISSING_IN_MAY)));
    }

    interface FormEdit {
        void edit(FormFiller f);
    }

    private static void edit(Path file, FormEdit e) throws IOException {
        try (FormFiller f = new FormFiller(Files.readAllBytes(file))) {
            e.edit(f);
            saveFilled(f, file);
        }
    }

    static String resource(String name) throws IOException {
        try (InputStream in = MiluoSamples.class.getResourceAsStream("/samples/miluo/" + name)) {
            if (in == null) {
                throw new IOException("missing resource " + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    static List<String[]> tsv(String name) throws IOException {
        List<String[]> out = new ArrayList<>();
        for (String line : resource(name).split("\n")) {
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            out.add(line.split("\t", -1));
        }
        return out;
    }

    private static String orNull(String s) {
        return s == null || s.isEmpty() ? null : s;
    }

    /** The committed sample workspace, whose tables {@code SamplesTest} holds to be what this class writes. */
    static final Path COMMITTED = Path.of("samples/miluo-2026");

    /**
     * The target table as {@link #writeTargets} writes it, copied from the committed samples (SamplesTest holds them
     * to be what it writes, every part but the time of creation) instead of written with POI again.
     */
    public static void copyTargets(Path file) throws IOException {
        Files.createDirectories(file.getParent());
        Files.copy(COMMITTED.resolve("targets/2026年省、岳阳市重点民生实事项目指标任务分解表.xlsx"), file);
    }

    /** The responsibility table as {@link #writeResponsibility} writes it, copied as {@link #copyTargets} is. */
    public static void copyResponsibility(Path file) throws IOException {
        Files.createDirectories(file.getParent());
        Files.copy(COMMITTED.resolve("targets/2026年省、岳阳市重点民生实事项目责任分解表.xlsx"), file);
    }

    public static void writeTargets(Path file) throws IOException {
        TargetSheet t = new TargetSheet("2026年省、岳阳市重点民生实事项目指标任务分解表", UNITS).closingNote(NOTE);
        for (String[] f : tsv("targets.tsv")) {
            int item = Integer.parseInt(f[0]);
            String spec = f[5];
            if (spec.startsWith("*")) {
                String v = spec.substring(1);
                Object value = v.matches("\\d+(\\.\\d+)?") ? (Object) new BigDecimal(v) : v;
                t.merged(item, orNull(f[1]), orNull(f[2]), f[3], f[4], value);
            } else {
                List<Object> targets = new ArrayList<>();
                for (String tok : spec.split(" ")) {
                    if (tok.equals("-")) {
                        targets.add(null);
                    } else if (tok.startsWith("'")) {
                        targets.add(tok.substring(1));
                    } else {
                        targets.add(new BigDecimal(tok));
                    }
                }
                if (targets.size() != UNITS.size()) {
                    throw new IllegalStateException("row " + f[3] + " has " + targets.size() + " targets");
                }
                t.line(item, orNull(f[1]), orNull(f[2]), f[3], f[4], targets);
            }
        }
        try (XSSFWorkbook wb = new XSSFWorkbook()) {
            t.writeTo(wb, "附件2");
            save(wb, file);
        }
    }

    public static void writeResponsibility(Path file) throws IOException {
        ResponsibilitySheet r = new ResponsibilitySheet("2026年省、岳阳市重点民生实事项目责任分解表").closingNote(NOTE);
        for (String[] f : tsv("responsibility.tsv")) {
            r.line(Integer.parseInt(f[0]), f[1], orNull(f[2]), f[3], f[4], f[5]);
        }
        try (XSSFWorkbook wb = new XSSFWorkbook()) {
            r.writeTo(wb, "附件1");
            save(wb, file);
        }
    }

    private static void save(XSSFWorkbook wb, Path file) throws IOException {
        Files.createDirectories(file.getParent());
        try (OutputStream out = Files.newOutputStream(file)) {
            wb.write(out);
        }
    }

    // ---- monthly figures -------------------------------------------------------------------------------

    /** Figures of the lead departments for March, April, May: seed 001 for March where it gives them. */
    static final Map<String, String[]> DEPARTMENT = Map.ofEntries(
            Map.entry("01-04", new String[] {"100", "100", "100", "已完成1个托育托管服务点培育"}),
            Map.entry("02-01", new String[] {"63", "90", "105", "市二中维修改造正在施工，市三中正在办理前期手续"}),
            Map.entry("02-03", new String[] {"", "", "", "省级统筹，由省教育厅牵头推进"}),
            Map.entry("03-01", new String[] {"1386", "2150", "2760", "春风行动招聘会达成就业意向2160人"}),
            Map.entry("03-02", new String[] {"", "", "", "省级统筹，省人社厅牵头"}),
            Map.entry("03-03", new String[] {"460", "3200", "4100", "创业担保贷款按月发放"}),
            Map.entry("03-04", new String[] {"", "", "", "省级统筹，省人社厅牵头"}),
            Map.entry("05-01", new String[] {"10", "35", "45", "已完成前期立项、设计、概算"}),
            Map.entry("05-02", new String[] {"0", "100", "100", "4月起已按不低于1200元/人的标准执行"}),
            Map.entry("06-02", new String[] {"6", "190", "240", "已摸排870户，选点214户"}),
            Map.entry("07-01", new String[] {"0", "100", "100", "4月份提标并补齐1-3月份差额"}),
            Map.entry("07-02", new String[] {"100", "100", "100", "1月份已完成提标"}),
            Map.entry("07-03", new String[] {"0", "100", "100", "4月份提标并补齐1-3月份差额"}),
            Map.entry("07-04", new String[] {"25", "70", "88", ""}),
            Map.entry("07-05", new String[] {"46", "62", "75", ""}),
            Map.entry("07-06", new String[] {"68", "120", "150", ""}),
            Map.entry("08-01", new String[] {"", "", "", "省级统筹，省公安厅牵头"}),
            Map.entry("08-02", new String[] {"", "", "", "岳阳市公安局暂未下达相关工作任务"}),
            Map.entry("08-03", new String[] {"0", "3", "6", "待省厅、市级推出方案后落实执行"}),
            Map.entry("08-04", new String[] {"0", "30", "45", ""}),
            Map.entry("08-05", new String[] {"55.1", "58.3", "61", "省级统筹，由省人社厅负责"}),
            Map.entry("09-01", new String[] {"598.8", "1350.5", "2210.3", "补贴资金按批次发放"}),
            Map.entry("09-03", new String[] {"0", "2", "3", ""}),
            Map.entry("10-01", new String[] {"", "", "", "暂未收到上级工作任务"}),
            Map.entry("10-02", new String[] {"", "", "", "暂未收到上级工作任务"}),
            Map.entry("10-03", new String[] {"0", "950", "1300", "第一批项目已全部开工"}),
            Map.entry("10-04", new String[] {"8", "13", "16", ""}),
            Map.entry("11-01", new String[] {"30", "38", "45", "市二中教学楼维修改造已开工建设"}),
            Map.entry("12-01", new String[] {"", "", "", "三家医院已执行职工、城乡居民生育包干政策"}),
            Map.entry("13-01", new String[] {"437", "760", "1010", ""}),
            Map.entry("13-02", new String[] {"10", "31", "40", ""}),
            Map.entry("13-03", new String[] {"450", "580", "731", ""}),
            Map.entry("14-01", new String[] {"0", "3", "4", "补贴资金已落实"}),
            Map.entry("16-01", new String[] {"1.5", "2.2", "3.25", ""}),
            Map.entry("16-02", new String[] {"0", "4.2", "11.92", "早稻育秧已完成"}),
            Map.entry("17-01", new String[] {"0", "3300", "4240", "第一批项目已全部开工"}));

    /** March per unit where seed 001 gives a city figure; by unit index. */
    static final Map<String, String> MARCH = Map.of(
            "01-03", "1 1 1 1 1 1 1 1 1 1 1 1 0 0 0",
            "02-02", "40 - - - 20 30 - - - 30 - - - - -",
            "03-05", "10 4 4 4 4 4 4 4 4 5 5 5 5 5 5",
            "04-02", "1 0 1 0 1 0 1 0 1 0 1 0 0 0 0",
            "09-02", "1 - - - 1 1 - - - 1 - 1 - - -",
            "06-01", "- - - - - - - 0 - - - 0 - - -",
            "15-01", "0 0 0 0 0 0 0 0 0 0 0 0 0 0 0",
            "18-01", "- 5 - - - - - - - - - - - - -");

    /** 形象进度 for April and May. */
    static final Map<String, String[]> PROGRESS = Map.of(
            "02-02", new String[] {"50 - - - 30 40 - - - 40 - - - - -", "62 - - - 45 52 - - - 50 - - - - -",
                "70 - - - 55 60 - - - 58 - - - - -"},
            "06-01", new String[] {"- - - - - - - 38 - - - 35 - - -", "- - - - - - - 48 - - - 45 - - -",
                "- - - - - - - 55 - - - 52 - - -"},
            "18-01", new String[] {"- 35 - - - - - - - - - - - - -", "- 45 - - - - - - - - - - - - -",
                "- 55 - - - - - - - - - - - - -"});

    private static void writeMonth(Path dir, IndicatorModel model, YearMonth month) throws IOException {
        Path out = dir.resolve("progress").resolve(month.toString());
        Files.createDirectories(out);
        int m = month.getMonthValue();
        for (int u = 0; u < UNITS.size(); u++) {
            String unit = UNITS.get(u);
            if (m == 5 && unit.equals(MISSING_IN_MAY)) {
                continue;
            }
            RawFiller f = new RawFiller(form(model, unit, ReporterType.UNIT, month));
            for (Indicator i : model.indicators()) {
                if (i.appliesTo(unit)) {
                    fillUnit(f, i, unit, u, m);
                }
            }
            saveFilled(f, out.resolve(TemplateService.fileName(month, unit)));
        }
        for (String d : model.departments()) {
            RawFiller f = new RawFiller(form(model, d, ReporterType.DEPARTMENT, month));
            for (Indicator i : model.indicatorsFor(d)) {
                if (i.cityFigureByLead()) {
                    continue; // optional, left blank: the towns' mean stands
                }
                String[] v = DEPARTMENT.get(i.code());
                if (v == null) {
                    throw new IllegalStateException("no sample figures for " + i.code() + " " + i.name());
                }
                String value = m <= 5 ? v[m - 3] : june(v[2], i.kind().reportsPercent());
                if (!value.isEmpty()) {
                    if (i.kind().reportsPercent()) {
                        f.percent(i.code(), new BigDecimal(value));
                    } else {
                        f.done(i.code(), new BigDecimal(value));
                    }
                }
                if (!v[3].isEmpty()) {
                    f.note(i.code(), v[3]);
                }
            }
            saveFilled(f, out.resolve(TemplateService.fileName(month, d)));
        }
    }

    /** A lead department's June figure: May's, a fifth more (形象进度 ten points more, at most 100). */
    private static String june(String may, boolean percent) {
        if (may.isEmpty()) {
            return may;
        }
        BigDecimal v = new BigDecimal(may);
        BigDecimal j = percent ? v.add(BigDecimal.TEN).min(BigDecimal.valueOf(100))
                : v.multiply(new BigDecimal("1.2")).setScale(Math.max(0, v.scale()), RoundingMode.HALF_UP);
        return j.toPlainString();
    }

    private static byte[] form(IndicatorModel model, String reporter, ReporterType type, YearMonth month)
            throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        FormWriter.write(model, reporter, type, month, 25, bytes);
        return bytes.toByteArray();
    }

    private static void saveFilled(RawFiller f, Path file) throws IOException {
        Files.write(file, f.bytes());
    }

    private static void saveFilled(FormFiller f, Path file) throws IOException {
        try (OutputStream o = Files.newOutputStream(file)) {
            f.save(o);
        }
    }

    private static void fillUnit(RawFiller f, Indicator i, String unit, int u, int m) {
        String code = i.code();
        if (i.kind() == Kind.PROGRESS) {
            String row = m == 3 ? MARCH.get(code) : PROGRESS.get(code)[m - 4];
            f.percent(code, new BigDecimal(row.split(" ")[u]));
            if (m == 5) {
                f.note(code, "主体工程施工中");
            }
            return;
        }
        if (i.kind() == Kind.RATE) {
            BigDecimal rate = code.equals("01-02") ? BigDecimal.valueOf(100)
                    : BigDecimal.valueOf(88 + Math.floorMod((unit + code + m).hashCode(), 9));
            f.done(code, rate);
            return;
        }
        BigDecimal target = i.targets().get(unit);
        BigDecimal done;
        if (m == 3 && MARCH.containsKey(code)) {
            done = new BigDecimal(MARCH.get(code).split(" ")[u].replace("-", "0"));
        } else if (code.equals("04-01")) {
            // Seed 001's 52.92% in March, rising after it: a cumulative figure never falls.
            done = scale(target, new BigDecimal(m == 3 ? "0.5292" : m == 4 ? "0.5600" : m == 5 ? "0.6000" : "0.6500"));
        } else if (code.equals(BEHIND_TWICE)) {
            done = floor(target, m == 4 ? "0.20" : m == 5 ? "0.30" : "0.40");
            if (m == 5 && target.signum() > 0) {
                f.problem(code, "部分桥梁整治资金尚未到位，施工队伍不足");
            }
            f.note(code, m == 4 ? "已完成排查，正在编制整治设计方案" : "整治工程陆续开工");
        } else if (code.equals(BEHIND_IN_MAY)) {
            // Measured against 1650 (bulletin.yaml), not the towns' 968: on schedule in April, behind in May.
            done = floor(target, m == 4 ? "0.60" : m == 5 ? "0.66" : "0.80");
            if (m == 5) {
                f.problem(code, "5月农忙，培训班次推迟");
            }
        } else {
            double factor = 1.0 + Math.floorMod((unit + code).hashCode(), 30) / 100.0;
            BigDecimal share = BigDecimal.valueOf(m).divide(BigDecimal.valueOf(12), 6, RoundingMode.HALF_UP)
                    .multiply(BigDecimal.valueOf(factor));
            done = target.scale() > 0 && target.stripTrailingZeros().scale() > 0 ? scale(target, share)
                    : target.multiply(share).setScale(0, RoundingMode.CEILING);
        }
        f.done(code, done);
    }

    private static BigDecimal scale(BigDecimal target, BigDecimal share) {
        return target.multiply(share).setScale(4, RoundingMode.HALF_UP).stripTrailingZeros();
    }

    private static BigDecimal floor(BigDecimal target, String share) {
        return target.multiply(new BigDecimal(share)).setScale(0, RoundingMode.FLOOR);
    }
}
