package bulletin.service;

import bulletin.model.MonthReports;
import bulletin.model.Notes;
import bulletin.workspace.WorkspaceLock;
import bulletin.diag.BulletinException;
import bulletin.diag.ExitCode;
import bulletin.diag.Problem;
import bulletin.diag.Problems;
import bulletin.diag.Timing;
import bulletin.engine.Engine;
import bulletin.ingest.ModelLoader;
import bulletin.ingest.NotesReader;
import bulletin.ingest.ProgressReader;
import bulletin.ingest.SnapshotReader;
import bulletin.workspace.Workspace;
import bulletin.workspace.WorkspaceConfig;
import bulletin.model.Card;
import bulletin.model.IndicatorModel;
import bulletin.model.Snapshot;
import bulletin.document.AppendixXlsx;
import bulletin.workspace.AtomicFile;
import bulletin.document.Chart;
import bulletin.document.DocxWriter;
import bulletin.text.Format;
import bulletin.document.Pdf;
import bulletin.report.SnapshotJson;
import bulletin.document.Wording;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Stream;
import org.docx4j.openpackaging.packages.WordprocessingMLPackage;

/**
 * {@code bulletin generate}: workspace → model → engine → snapshot ({@code bulletin.json}) → the .docx, made
 * from the snapshot read back, so that every number in the document is one the snapshot holds.
 */
public final class GenerateService {

    public static final String SNAPSHOT = "bulletin.json";

    private GenerateService() {
    }

    /** What the user asked for. */
    public record Options(Path workspace, String month, String date, Integer issue, boolean force,
                          boolean requireAll, boolean pdf) {
    }

    /**
     * What was done.
     *
     * @param written  files written, relative to the workspace
     * @param kept     earlier files kept under a new name (old → new)
     * @param unchanged true where the bulletin was already there with the same content and nothing was written
     * @param notes    what the user should know: how last month was found, unreadable workbooks, …
     * @param pdfError why the PDF asked for could not be made, or null
     */
    public record Result(Snapshot snapshot, List<String> written, List<String> kept, boolean unchanged,
                         List<String> notes, List<Problem> problems, String pdfError) {
    }

    /** The month's documents, as {@code generate} names them (earlier copies carry "-旧N" and do not match). */
    static final java.util.regex.Pattern OUTPUT = java.util.regex.Pattern.compile(
            "(工作专报|推进情况统计表)（第\\d+期）\\.(docx|pdf|xlsx)");

    public static String docxName(int issue) {
        return "工作专报（第" + issue + "期）.docx";
    }

    public static Result generate(Options o) {
        Workspace ws = Workspace.open(o.workspace());
        try (WorkspaceLock lock = WorkspaceLock.acquire(ws)) {
            return generate(ws, o);
        }
    }

    private static Result generate(Workspace ws, Options o) {
        Timing.mark("start");
        // The document stack (JAXB, docx4j, the reference document) and the chart's font lookup start on the
        // other core while this one reads the workbooks: together they cost about as much as the reading.
        Path templates = ws.root().resolve("templates");
        CompletableFuture<WordprocessingMLPackage> reference = CompletableFuture.supplyAsync(() -> {
            try {
                return DocxWriter.reference(templates);
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        });
        CompletableFuture<Optional<String>> chartFont = ws.config().chartOrDefault()
                ? CompletableFuture.supplyAsync(Chart::chineseFont) : CompletableFuture.completedFuture(Optional.empty());
        IndicatorModel model = ModelLoader.load(ws);
        Timing.mark("tables read");
        YearMonth month = Months.parse(o.month(), model.year());
        LocalDate date = date(o.date());
        if (o.issue() != null && o.issue() < 1) {
            throw BulletinException.usage("--issue 应是正整数");
        }
        List<String> notes = new ArrayList<>();
        Problems problems = new Problems();

        MonthReports reports = ProgressReader.read(ws, model, month);
        problems.addAll(reports.problems());
        Timing.mark("workbooks read");
        if (reports.reports().isEmpty()) {
            throw new BulletinException(ExitCode.INVALID_INPUT, ws.show(ws.progressDir(month)) + "/ 中没有可读的报表，"
                    + "无法生成" + month.getMonthValue() + "月的专报" + (reports.files().isEmpty()
                            ? "（文件夹不存在或是空的）" : ""), reports.problems().all());
        }
        List<String> missing = model.units().stream().filter(u -> reports.of(u).isEmpty()).toList();
        if (o.requireAll() && !missing.isEmpty()) {
            throw new BulletinException(ExitCode.INVALID_INPUT, "以下单位没有报送" + month.getMonthValue() + "月的报表："
                    + String.join("、", missing) + "（使用了 --require-all，未生成专报）", reports.problems().all());
        }

        Previous prev = previous(ws, model, month, notes);
        Timing.mark("last month");
        int issue = o.issue() != null ? o.issue() : prev.nextIssue();
        Notes narrative = NotesReader.read(ws.notesFile(month), ws.show(ws.notesFile(month)), problems);
        if (!Files.exists(ws.notesFile(month))) {
            notes.add("没有 " + ws.show(ws.notesFile(month)) + "：工作动态、下一步工作安排等栏目将留空待补");
        }

        String title = orDefault(ws.config().title(), "重点民生实事工作专报");
        String office = orDefault(ws.config().office(), "重点民生实事工作专班办公室");
        Snapshot computed = Engine.compute(new Engine.Input(model, month, reports.reports(), prev.snapshot(),
                prev.source(), issue, date.toString(), title, office, digest(ws, month)));
        String json = SnapshotJson.write(computed);
        Snapshot snapshot = SnapshotReader.parse(json);
        Timing.mark("engine and snapshot");

        // The chart is drawn and the workbook written on the other core while this one words and builds the
        // document; the document asks for the chart last.
        DocxWriter.Look look = look(ws);
        CompletableFuture<byte[]> chartJob = chartFont.thenApplyAsync(font -> font.flatMap(
                name -> Chart.render(snapshot, name, 156)).orElse(null));
        CompletableFuture<byte[]> xlsxJob = CompletableFuture.supplyAsync(
                () -> bytes(out -> AppendixXlsx.write(snapshot, look, out), ".xlsx"));
        Map<String, Object> extra = new HashMap<>();
        if (ws.config().stamp() != null && !ws.config().stamp().isBlank()) {
            extra.put("stamp", ws.config().stamp().strip());
        }
        List<Wording.Block> blocks = Wording.render(snapshot, narrative, templates, extra);
        Timing.mark("wording");
        DocxWriter.Look withChart = look.withChart(ws.config().chartOrDefault() ? () -> join(chartJob) : null);
        byte[] docx = bytes(out -> DocxWriter.write(snapshot, blocks, join(reference), withChart, out), ".docx");
        Timing.mark("docx and chart");
        if (ws.config().chartOrDefault() && join(chartFont).isEmpty()) {
            notes.add("本机没有能显示中文的字体，专报中略去了完成情况图（Linux 上可安装 fonts-noto-cjk）");
        }
        byte[] xlsx = join(xlsxJob);
        Timing.mark("xlsx");

        Path out = ws.outDir(month);
        Path jsonFile = out.resolve(SNAPSHOT);
        Path docxFile = out.resolve(docxName(issue));
        Path xlsxFile = out.resolve(AppendixXlsx.fileName(issue));
        Path pdfFile = out.resolve(docxName(issue).replace(".docx", ".pdf"));
        List<String> written = new ArrayList<>();
        List<String> kept = new ArrayList<>();
        boolean unchanged = Files.exists(jsonFile) && Files.exists(docxFile) && Files.exists(xlsxFile)
                && same(jsonFile, json);
        if (!unchanged) {
            try (AtomicFile.Batch batch = new AtomicFile.Batch(ws::show)) {
                // Everything is on disk under temporary names before any earlier file is touched.
                batch.add(docxFile, docx);
                batch.add(xlsxFile, xlsx);
                batch.add(jsonFile, json.getBytes(StandardCharsets.UTF_8)); // last: it marks the month complete
                if (!o.force()) {
                    keepEarlier(ws, out, kept);
                }
                batch.commit();
            }
            written.add(ws.show(docxFile));
            written.add(ws.show(xlsxFile));
            written.add(ws.show(jsonFile));
        }
        Timing.mark("written");
        String pdfError = null;
        if (o.pdf() && (!unchanged || !Files.exists(pdfFile))) {
            Optional<Path> soffice = Pdf.soffice();
            if (soffice.isEmpty()) {
                pdfError = "没有找到 LibreOffice（soffice），无法生成 PDF；.docx 已生成，可在 Word 或 WPS 中“另存为 PDF”。"
                        + "安装 LibreOffice 后重试，或用环境变量 BULLETIN_SOFFICE 指明 soffice 的位置";
            } else {
                try {
                    byte[] pdf = Pdf.convert(soffice.get(), docxFile);
                    AtomicFile.write(pdfFile, ws.show(pdfFile), w -> w.write(pdf));
                    written.add(ws.show(pdfFile));
                } catch (IOException e) {
                    pdfError = "无法生成 PDF（" + e.getMessage() + "）；.docx 已生成";
                }
            }
        }
        return new Result(snapshot, written, kept, unchanged, notes, problems.all(), pdfError);
    }

    /** The result of a background job; its failure is rethrown as it was (a BulletinException stays one). */
    private static <T> T join(CompletableFuture<T> job) {
        try {
            return job.join();
        } catch (java.util.concurrent.CompletionException e) {
            Throwable c = e.getCause();
            if (c instanceof BulletinException be) {
                throw be;
            }
            if (c instanceof java.io.UncheckedIOException u) {
                throw BulletinException.usage(u.getCause().getMessage());
            }
            throw e;
        }
    }

    /** Writes a document to memory, so that nothing reaches out/ unless every document could be made. */
    private static byte[] bytes(AtomicFile.Writer w, String what) {
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        try {
            w.write(b);
        } catch (IOException e) {
            throw BulletinException.output("无法生成 " + what + "（" + e.getMessage() + "）", e);
        }
        return b.toByteArray();
    }

    private static final java.util.regex.Pattern RGB = java.util.regex.Pattern.compile("[0-9A-Fa-f]{6}|none");

    /** The appendix look from bulletin.yaml (the chart is added by the caller). */
    private static DocxWriter.Look look(Workspace ws) {
        WorkspaceConfig.Appendix a = ws.config().appendix();
        if (a.paper() != null && !a.paper().trim().equalsIgnoreCase("A4") && !a.a3()) {
            throw BulletinException.usage(Workspace.CONFIG_FILE + ": 错误: appendix.paper 只能是 A4 或 A3，而不是“"
                    + a.paper() + "”");
        }
        for (String c : List.of(a.behindOrDefault(), a.redOrDefault())) {
            if (!RGB.matcher(c).matches()) {
                throw BulletinException.usage(Workspace.CONFIG_FILE + ": 错误: appendix 的颜色应写成 6 位十六进制（如 FFFF00）"
                        + "或 none，而不是“" + c + "”");
            }
        }
        return new DocxWriter.Look(a.a3(), a.behindOrDefault(), a.redOrDefault(), null);
    }

    private static boolean same(Path file, String json) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8).equals(json);
        } catch (IOException e) {
            return false;
        }
    }

    /**
     * Earlier outputs of the month that the new run would replace are kept under a numbered name
     * ({@code 工作专报（第3期）-旧1.docx}, {@code bulletin-旧1.json}): a bulletin that differs is never lost.
     */
    private static void keepEarlier(Workspace ws, Path out, List<String> kept) {
        if (!Files.isDirectory(out)) {
            return;
        }
        List<Path> current;
        try (Stream<Path> s = Files.list(out)) {
            current = s.filter(p -> {
                String n = p.getFileName().toString();
                return n.equals(SNAPSHOT) || OUTPUT.matcher(n).matches();
            }).sorted().toList();
        } catch (IOException e) {
            throw BulletinException.output(ws.show(out) + ": 错误: 无法读取文件夹（" + e.getMessage() + "）", e);
        }
        if (current.isEmpty()) {
            return;
        }
        int k = 1;
        while (true) {
            final int n = k;
            if (current.stream().noneMatch(p -> Files.exists(renamed(p, n)))) {
                break;
            }
            k++;
        }
        for (Path p : current) {
            Path target = renamed(p, k);
            try {
                Files.move(p, target, StandardCopyOption.ATOMIC_MOVE);
            } catch (IOException e) {
                throw BulletinException.output(ws.show(p) + ": 错误: 无法保留旧文件（" + e.getMessage()
                        + "；如果文件正被 Word/WPS 打开，请关闭后重试）", e);
            }
            kept.add(ws.show(p) + " → " + target.getFileName());
        }
    }

    private static Path renamed(Path p, int k) {
        String n = p.getFileName().toString();
        int dot = n.lastIndexOf('.');
        return p.resolveSibling(n.substring(0, dot) + "-旧" + k + n.substring(dot));
    }

    /** Last month: its snapshot, or computed from its workbooks, or absent; and the issue number that follows. */
    record Previous(Snapshot snapshot, String source, int nextIssue) {
    }

    static Previous previous(Workspace ws, IndicatorModel model, YearMonth month, List<String> notes) {
        if (month.getMonthValue() == 1) {
            return new Previous(null, "absent", 1);
        }
        YearMonth pm = month.minusMonths(1);
        String label = pm.getMonthValue() + "月";
        Path file = ws.outDir(pm).resolve(SNAPSHOT);
        if (Files.exists(file)) {
            Snapshot s = SnapshotReader.read(file, ws.show(file));
            return new Previous(s, "snapshot", s.issue() + 1);
        }
        Snapshot s = computeFromWorkbooks(ws, model, pm, 0);
        if (s != null) {
            notes.add("上月（" + label + "）没有快照 " + ws.show(file) + "，已根据 " + ws.show(ws.progressDir(pm))
                    + "/ 的报表重新计算（第" + s.issue() + "期），用于黄牌、红牌和环比");
            return new Previous(s, "computed", s.issue() + 1);
        }
        notes.add("没有上月（" + label + "）的快照或报表：不计红牌和环比" + (month.getMonthValue() > 1 ? "，期号从第1期起" : ""));
        return new Previous(null, "absent", 1);
    }

    /** A month computed from its workbooks, with its own previous month in turn; null where it has none. */
    private static Snapshot computeFromWorkbooks(Workspace ws, IndicatorModel model, YearMonth m, int depth) {
        if (m.getYear() != model.year() || depth > 12) {
            return null;
        }
        Path snap = ws.outDir(m).resolve(SNAPSHOT);
        if (Files.exists(snap)) {
            return SnapshotReader.read(snap, ws.show(snap));
        }
        MonthReports r = ProgressReader.read(ws, model, m);
        if (r.reports().isEmpty()) {
            return null;
        }
        Snapshot before = m.getMonthValue() == 1 ? null : computeFromWorkbooks(ws, model, m.minusMonths(1), depth + 1);
        int issue = before == null ? 1 : before.issue() + 1;
        return Engine.compute(new Engine.Input(model, m, r.reports(), before, before == null ? "absent" : "computed",
                issue, m.atEndOfMonth().toString(), null, null, null));
    }

    private static LocalDate date(String s) {
        if (s == null) {
            return LocalDate.now();
        }
        try {
            return LocalDate.parse(s.trim());
        } catch (DateTimeParseException e) {
            throw BulletinException.usage("--date 的值“" + s + "”无法识别：请写成 2026-05-30");
        }
    }

    private static String orDefault(String s, String d) {
        return s == null || s.isBlank() ? d : s;
    }

    /** A digest of everything the bulletin is made from, so that "same inputs" can be told. */
    static String digest(Workspace ws, YearMonth month) {
        try {
            MessageDigest md = MessageDigest.getInstance("SHA-256");
            List<Path> files = new ArrayList<>();
            for (Path dir : List.of(ws.targetsDir(), ws.progressDir(month), ws.root().resolve("templates"))) {
                if (Files.isDirectory(dir)) {
                    try (Stream<Path> s = Files.walk(dir)) {
                        s.filter(Files::isRegularFile).sorted().forEach(files::add);
                    }
                }
            }
            files.add(ws.notesFile(month));
            files.add(ws.root().resolve(Workspace.CONFIG_FILE));
            for (Path p : files) {
                if (Files.exists(p)) {
                    md.update(ws.show(p).getBytes(StandardCharsets.UTF_8));
                    try (InputStream in = Files.newInputStream(p)) {
                        md.update(in.readAllBytes());
                    }
                }
            }
            try (InputStream in = GenerateService.class.getResourceAsStream("/templates/" + Wording.TEMPLATE)) {
                if (in != null) {
                    md.update(in.readAllBytes());
                }
            }
            return HexFormat.of().formatHex(md.digest(), 0, 12);
        } catch (IOException | NoSuchAlgorithmException e) {
            return null;
        }
    }

    /** The terminal summary after generate. */
    public static String summary(Result r) {
        Snapshot s = r.snapshot();
        StringBuilder sb = new StringBuilder();
        String head = s.year() + "年" + s.month() + "月工作专报（第" + s.issue() + "期）";
        if (r.unchanged()) {
            sb.append(head).append("：与已有的专报完全相同，未改动文件\n");
        } else {
            sb.append("已生成 ").append(head).append("：\n");
            r.written().forEach(w -> sb.append("  ").append(w).append('\n'));
        }
        if (!r.kept().isEmpty()) {
            sb.append("内容有变化，原有文件已保留为：\n");
            r.kept().forEach(k -> sb.append("  ").append(k).append('\n'));
            sb.append("（不想保留旧文件时加 --force）\n");
        }
        sb.append("序时进度 ").append(Format.percent(s.schedule())).append("；");
        sb.append("省级 ").append(s.summary().province().onSchedule()).append("/").append(s.summary().province().scored())
                .append(" 个指标达到序时进度，市级 ").append(s.summary().city().onSchedule()).append("/")
                .append(s.summary().city().scored()).append(" 个\n");
        List<String> red = new ArrayList<>();
        List<String> yellow = new ArrayList<>();
        for (Snapshot.Behind b : s.summary().behind()) {
            String line = b.code() + " " + b.name() + " " + Format.percent(b.progress())
                    + (b.leadUnit() == null ? "" : "（" + b.leadUnit() + "）");
            (b.card() == Card.RED ? red : yellow).add(line);
        }
        sb.append("红牌 ").append(red.size()).append(" 个").append(red.isEmpty() ? "" : "：").append('\n');
        red.forEach(l -> sb.append("  ").append(l).append('\n'));
        sb.append("黄牌 ").append(yellow.size()).append(" 个").append(yellow.isEmpty() ? "" : "：").append('\n');
        yellow.forEach(l -> sb.append("  ").append(l).append('\n'));
        if (!s.summary().cleared().isEmpty()) {
            sb.append("上月的牌已摘除 ").append(s.summary().cleared().size()).append(" 个：")
                    .append(String.join("、", s.summary().cleared())).append('\n');
        }
        sb.append("未报送：").append(s.late().isEmpty() ? "无" : String.join("、", s.late()));
        if (!s.lateDepartments().isEmpty()) {
            sb.append("；牵头单位未报送：").append(String.join("、", s.lateDepartments()));
        }
        sb.append('\n');
        r.notes().forEach(n -> sb.append("说明：").append(n).append('\n'));
        return sb.toString();
    }
}
