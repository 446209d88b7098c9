package bulletin.service;

import bulletin.diag.BulletinException;
import bulletin.diag.ExitCode;
import bulletin.diag.Place;
import bulletin.diag.Problem;
import bulletin.diag.Problems;
import bulletin.diag.Severity;
import bulletin.diag.Tasks;
import bulletin.diag.Timing;
import bulletin.document.AppendixXlsx;
import bulletin.document.Appendices;
import bulletin.document.Chart;
import bulletin.document.DocxWriter;
import bulletin.document.Pdf;
import bulletin.document.Printed;
import bulletin.document.Wording;
import bulletin.engine.Engine;
import bulletin.engine.Guard;
import bulletin.engine.History;
import bulletin.ingest.ModelLoader;
import bulletin.ingest.NotesReader;
import bulletin.ingest.SnapshotReader;
import bulletin.model.IndicatorModel;
import bulletin.model.Notes;
import bulletin.model.Platform;
import bulletin.model.Snapshot;
import bulletin.report.GenerateReport;
import bulletin.report.ReadBack;
import bulletin.report.SnapshotJson;
import bulletin.report.ValidationReport;
import bulletin.validate.MonthCheck;
import bulletin.validate.PlatformCheck;
import bulletin.validate.TargetChecks;
import bulletin.validate.ValidationResult;
import bulletin.workspace.AtomicFile;
import bulletin.workspace.InputDigest;
import bulletin.workspace.Workspace;
import bulletin.workspace.WorkspaceConfig;
import bulletin.workspace.WorkspaceLock;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.FutureTask;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.docx4j.openpackaging.packages.WordprocessingMLPackage;

/**
 * {@code bulletin generate}, in phases: read the tables and the month's workbooks, check that there is a month
 * to publish, find last month, compute the snapshot ({@code bulletin.json}), word it, build the documents and
 * write them all at once. The documents are made from the snapshot as it reads back from {@code bulletin.json}
 * ({@link ReadBack}), so that every number in them is one the snapshot holds.
 */
public final class GenerateService {

    /** docx4j's contexts being built by {@link #warmUp}, or null where nothing started them early. */
    private static volatile CompletableFuture<Void> early;

    /**
     * Starts building docx4j's JAXB contexts on a thread of its own, at once: the process's entry calls it for a
     * {@code generate} before the command line and the workspace are read, which takes that second of the docx4j
     * floor off the run's longest path. A failure here (out of memory) is never told: the document's own loading
     * meets it again and reports it.
     */
    public static void warmUp() {
        CompletableFuture<Void> f = new CompletableFuture<>();
        Thread t = new Thread(() -> {
            try {
                DocxWriter.warmUp();
                Timing.mark("(docx4j contexts)");
                f.complete(null);
            } catch (Throwable e) { // told where the document is loaded: a class whose start failed stays failed
                f.completeExceptionally(e);
            }
        }, "docx4j-warm-up");
        t.setDaemon(true);
        early = f;
        t.start();
    }

    /**
     * Waits for an early {@link #warmUp}, so that only one thread ever initialises docx4j's classes, and throws what
     * it met (out of memory above all: told as such, not as the "could not initialize class" that follows it).
     */
    private static void awaitWarmUp() {
        CompletableFuture<Void> f = early;
        if (f == null) {
            return;
        }
        try {
            f.join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof Error err) {
                throw err;
            }
            if (e.getCause() instanceof RuntimeException re) {
                throw re;
            }
            throw e;
        }
    }


    public static final String SNAPSHOT = Workspace.SNAPSHOT_FILE;

    /** The month's documents, as {@code generate} names them (earlier copies carry "-旧N" and do not match). */
    static final Pattern OUTPUT = Pattern.compile("(工作专报|推进情况统计表)（第\\d+期）\\.(docx|pdf|xlsx)");

    /** The chart's width: the text block's (156 mm). */
    private static final double CHART_MM = 156;

    private static final String DEFAULT_TITLE = "重点民生实事工作专报";
    private static final String DEFAULT_OFFICE = "重点民生实事工作专班办公室";

    private GenerateService() {
    }

    /** What the user asked for. */
    public record Options(Path workspace, String month, String date, Integer issue, boolean force,
                          boolean requireAll, boolean pdf, boolean skipInvalid, boolean strict) {

        public Options(Path workspace, String month, String date, Integer issue, boolean force, boolean requireAll,
                       boolean pdf) {
            this(workspace, month, date, issue, force, requireAll, pdf, false, false);
        }
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

        /** The terminal summary. */
        public String summary() {
            return GenerateReport.text(snapshot, unchanged, written, kept, notes);
        }
    }

    public static String docxName(int issue) {
        return "工作专报（第" + issue + "期）.docx";
    }

    public static Result generate(Options o) {
        Timing.mark("command line read");
        Workspace ws = Workspace.open(o.workspace());
        Timing.mark("workspace opened");
        try (WorkspaceLock lock = WorkspaceLock.acquire(ws)) {
            Run run = new Run(ws, o);
            lock.recovered().forEach(d -> run.notes.add("上次运行在替换 " + ws.show(d) + "/ 中的文件时中断，已先恢复原有的专报"));
            return run.run();
        } finally {
            SnapshotReader.forgetAhead();
            Wording.forgetAhead();
        }
    }

    /** The documents made in memory: nothing reaches out/ unless every one of them could be made. */
    private record Documents(byte[] json, byte[] docx, byte[] xlsx) {
    }

    /** One run of {@code generate}: the phases in order, sharing what the earlier ones found. */
    private static final class Run {
        private final Workspace ws;
        private final Options o;
        private final List<String> notes = new ArrayList<>();
        /** The clerk's notes for the month, read in phase 1. */
        private Notes narrative;
        private final Problems problems = new Problems();
        private CompletableFuture<WordprocessingMLPackage> reference;
        private CompletableFuture<Optional<String>> chartFont;
        private IndicatorModel model;
        private YearMonth month;
        private LocalDate date;
        private MonthCheck monthCheck;
        private MonthCheck.Accepted accepted;
        private History.Previous previous;
        private WorkspaceHistory months;
        /** Whether the date is the existing bulletin's, kept because its inputs are unchanged. */
        private boolean keptDate;
        private Snapshot snapshot;
        /**
         * {@code bulletin.json}: the computed snapshot written once ({@link SnapshotJson#bytes}, on another core);
         * {@link #snapshot} is what these bytes read back as ({@link ReadBack}: the same records, not parsed from
         * these 3.7 MB at province size), and writing that gives these very bytes ({@code SnapshotJsonFixpointTest}).
         */
        private CompletableFuture<byte[]> json;
        /** The appendix tables and the workbook begun before the wording ({@link #startAppendices}), or null. */
        private Appendices appendicesAhead;
        private CompletableFuture<byte[]> xlsxAhead;
        /** The digest of the month's inputs, made on another core from the end of the history on. */
        private FutureTask<String> digestJob;
        /** The chart being drawn since the snapshot was made ({@link #startChart}), and the snapshot it is of. */
        private CompletableFuture<byte[]> chartJob;
        private Snapshot chartFor;

        Run(Workspace ws, Options o) {
            this.ws = ws;
            this.o = o;
        }

        Result run() {
            Timing.mark("start");
            warmUpDocumentStack();
            read();
            history();
            startDigest();
            check();
            compute(o.date() == null);
            Documents docs = build(word());
            Output out = new Output(ws, month, snapshot.issue());
            if (out.recover()) {
                notes.add("上次运行在替换 " + ws.show(out.dir) + "/ 中的文件时中断，已先恢复原有的专报");
            }
            List<Path> stale = out.stale(docs);
            if (keptDate && stale.contains(out.json)) {
                // The month's content changed after all (its history did): a new bulletin is dated today.
                keptDate = false;
                date = LocalDate.now();
                compute(false);
                docs = build(word());
                stale = out.stale(docs);
            }
            warnLateDate();
            boolean unchanged = stale.isEmpty();
            List<String> written = new ArrayList<>();
            List<String> kept = new ArrayList<>();
            if (!unchanged) {
                out.write(docs, stale, o.force(), written, kept);
                if (!stale.contains(out.json)) {
                    notes.add("专报内容未变，但 " + String.join("、", stale.stream().map(ws::show).toList())
                            + " 缺少或已损坏，已重新生成");
                }
            }
            Timing.mark("written (" + bulletin.ingest.Workbooks.openings() + " workbooks opened)");
            boolean pdfDue = o.pdf() && (stale.contains(out.json) || !out.pdfIntact());
            String pdfError = pdfDue ? pdf(out, written, kept) : null;
            return new Result(snapshot, written, kept, unchanged, notes, problems.all(), pdfError);
        }

        /**
         * The document stack (JAXB, docx4j, the reference document) and the chart's font lookup start on the
         * other core while this one reads the workbooks: together they cost about as much as the reading.
         */
        private void warmUpDocumentStack() {
            Path templates = ws.templatesDirChecked();
            reference = CompletableFuture.supplyAsync(() -> {
                awaitWarmUp();
                try {
                    WordprocessingMLPackage pkg = DocxWriter.reference(templates);
                    Timing.mark("(reference loaded)");
                    return pkg;
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
            // Jackson's deserializers for the snapshot, built while this core reads the tables (last month's
            // snapshot read there too), where out/ holds a snapshot at all: without one (a history computed from
            // the workbooks) no snapshot is read, and that CPU would be taken from the reading.
            if (readLastMonthAhead()) {
                CompletableFuture.runAsync(SnapshotReader::warmUp);
            }
            Wording.prepare(ws.templatesDir());
            chartFont = ws.config().chartOrDefault()
                    ? CompletableFuture.supplyAsync(Chart::chineseFont) : CompletableFuture.completedFuture(Optional.empty());
        }

        /**
         * Last month's snapshot, read on the other core while this one reads the tables (at province size 3.7 MB
         * of JSON). The month asked for is certain only with the tables' year: the one folder of {@code out/} that
         * is the month before it (for a year the month could be in) is read ahead; {@link SnapshotReader#kept}
         * takes it only if it is the file asked for, unchanged. None or several: nothing is read ahead. Returns
         * whether any folder of {@code out/} holds a {@code bulletin.json} (or out/ could not be listed).
         */
        private boolean readLastMonthAhead() {
            Path outRoot = ws.outDir(YearMonth.of(2000, 1)).getParent();
            if (!Files.isDirectory(outRoot)) {
                return false;
            }
            List<YearMonth> candidates = new ArrayList<>();
            boolean any = false;
            try (Stream<Path> dirs = Files.list(outRoot)) {
                for (Path d : dirs.toList()) {
                    any |= Files.exists(d.resolve(SNAPSHOT));
                    try {
                        YearMonth before = YearMonth.parse(d.getFileName().toString());
                        YearMonth asked = before.plusMonths(1);
                        if (Months.parse(o.month(), asked.getYear()).equals(asked)) {
                            candidates.add(before);
                        }
                    } catch (RuntimeException e) {
                        // not a month's folder, or not the month before the one asked for
                    }
                }
            } catch (IOException | RuntimeException e) {
                return true;
            }
            if (candidates.size() == 1) {
                SnapshotReader.readAhead(ws.snapshotFile(candidates.get(0)));
            }
            return any;
        }

        /** Phase 1: the tables, the month, the date, and the month's workbooks. */
        private void read() {
            if (o.issue() != null && (o.issue() < 1 || o.issue() > SnapshotReader.MAX_ISSUE)) {
                throw BulletinException.usage("--issue 的值 " + o.issue() + " 不对：期号应是 1 到 "
                        + SnapshotReader.MAX_ISSUE + " 之间的整数");
            }
            model = ModelLoader.load(ws);
            // A name whose figure the units' targets do not make: the clerk decides which stands (bulletin.yaml).
            TargetChecks.check(model).stream().filter(p -> p.code().equals("headline-mismatch"))
                    .forEach(p -> notes.add(p.place().format() + "：" + p.message()));
            Timing.mark("tables read");
            month = Months.parse(o.month(), model.year());
            date = date(o.date(), model.year());
            // The clerk's notes before any workbook: notes that cannot be read stop the run at once (exit 2).
            Path notesFile = ws.notesFile(month);
            narrative = NotesReader.read(notesFile, ws.show(notesFile), problems);
        }

        /**
         * Phase 2: the month judged by validate's rules. Any error (or, with --strict, any warning) refuses the month
         * unless --skip-invalid leaves out what is wrong; a month with no usable workbook, or (with --require-all)
         * a unit missing, is refused.
         */
        private void check() {
            // The month's workbooks, read once and judged against last month as history() found it.
            monthCheck = months.check(month, () -> previous.snapshot(), true);
            Timing.mark("workbooks read");
            ValidationResult verdict = monthCheck.verdict(o.strict());
            if (!verdict.valid() && !o.skipInvalid()) {
                throw refusal(verdict);
            }
            accepted = monthCheck.accepted(o.strict());
            monthCheck.files().forEach(c -> c.problems().forEach(problems::add));
            monthCheck.general().forEach(problems::add);
            if (monthCheck.platform() != null) {
                monthCheck.platform().problems().forEach(problems::add);
            }
            if (accepted.reports().isEmpty()) {
                boolean none = monthCheck.files().isEmpty();
                throw new BulletinException(ExitCode.INVALID_INPUT, ws.show(ws.progressDir(month)) + "/ 中没有可读的报表，"
                        + "无法生成" + month.getMonthValue() + "月的专报" + (none ? "（文件夹不存在或是空的）" : ""),
                        none ? List.of() : problems.all());
            }
            List<String> missing = model.reporters().stream()
                    .filter(u -> accepted.reports().stream().noneMatch(r -> r.reporter().equals(u))).toList();
            if (o.requireAll() && !missing.isEmpty()) {
                throw new BulletinException(ExitCode.INVALID_INPUT, "以下单位没有报送" + month.getMonthValue() + "月的报表："
                        + String.join("、", missing) + "（使用了 --require-all，未生成专报）", problems.all());
            }
        }

        /** Nothing is written: the problems as validate prints them, and what to do. */
        private BulletinException refusal(ValidationResult verdict) {
            long errors = verdict.files().stream().mapToLong(ValidationResult.FileResult::errors).sum()
                    + verdict.general().stream().filter(p -> p.severity() == Severity.ERROR).count();
            String what = errors > 0 ? " " + errors + " 个错误" : "警告（使用了 --strict）";
            return new BulletinException(ExitCode.INVALID_INPUT, month.getMonthValue() + "月的报表有" + what
                    + "，未生成专报，原有文件未改动。请改正上面列出的报表后重新运行；或加 --skip-invalid，略过有误的数据"
                    + "（沿用上月）生成专报，并在专报中说明。").withReport(ValidationReport.problemsOnly(verdict));
        }

        /** Phase 3: last month, for cards, gains and the issue number. */
        private void history() {
            months = new WorkspaceHistory(ws, model);
            previous = History.before(model, month, months);
            notes.addAll(months.notes());
            SnapshotReader.forgetAhead(); // what was read ahead and not taken is not kept
            YearMonth pm = month.minusMonths(1);
            String label = pm.getMonthValue() + "月";
            Path keptFile = ws.snapshotFile(pm);
            if (previous.how() == History.How.COMPUTED) {
                notes.add("上月（" + label + "）没有快照 " + ws.show(keptFile) + "，已根据 " + ws.show(ws.progressDir(pm))
                        + "/ 的报表重新计算（第" + previous.snapshot().issue() + "期），用于黄牌、红牌和环比");
            } else if (previous.how() == History.How.ABSENT && month.getMonthValue() > 1) {
                notes.add("没有上月（" + label + "）的快照或报表：不计红牌和环比，期号从第1期起");
            }
            Timing.mark("last month");
        }

        /**
         * Phase 4: the engine's snapshot, written as JSON and taken as it reads back ({@link ReadBack}), so the
         * documents see what is kept. Without
         * --date ({@code mayKeepDate}), a month whose bulletin is already there, made from the very same inputs,
         * keeps that bulletin's date: a daily scheduled run of a finished month changes nothing.
         */
        private void compute(boolean mayKeepDate) {
            int issue = o.issue() != null ? o.issue() : previous.nextIssue();
            if (issue > SnapshotReader.MAX_ISSUE) { // before anything is written: no later run could read it
                throw BulletinException.usage("期号将是第" + issue + "期，超过了 " + SnapshotReader.MAX_ISSUE
                        + "：请用 --issue 指定 1 到 " + SnapshotReader.MAX_ISSUE + " 之间的期号");
            }
            // The defaults follow the programme's own name (issue 22): 重点民生实事工作专报 only where it is called so.
            String defaultTitle = DEFAULT_TITLE.replace(IndicatorModel.DEFAULT_PROGRAMME, model.programme());
            String defaultOffice = DEFAULT_OFFICE.replace(IndicatorModel.DEFAULT_PROGRAMME, model.programme());
            String title = orDefault(ws.config().title(), defaultTitle);
            String office = orDefault(ws.config().office(), defaultOffice);
            if (blank(ws.config().title()) || blank(ws.config().office())) {
                notes.add("专报用的是默认的" + (blank(ws.config().title()) ? "标题“" + defaultTitle + "”" : "")
                        + (blank(ws.config().title()) && blank(ws.config().office()) ? "和" : "")
                        + (blank(ws.config().office()) ? "发文单位“" + defaultOffice + "”" : "") + "：请在 bulletin.yaml 中加上"
                        + (blank(ws.config().title()) ? " title: …" : "") + (blank(ws.config().office()) ? " office: …" : ""));
            }
            String digest = Tasks.take(digestJob); // made here where its thread has not begun it yet
            if (mayKeepDate) {
                keepDate(digest, issue);
            }
            // bulletin.yaml's name: as the bulletin prints it
            Map<String, String> names = ws.config().byIndicator(WorkspaceConfig.IndicatorOverride::name);
            Snapshot computed = Printed.named(Engine.compute(new Engine.Input(model, month, accepted.reports(),
                    previous.snapshot(), previous.how().id(), issue, date.toString(), title, office, digest,
                    accepted.excluded())).withPlatform(platform()), names);
            // written on another core while this one reads it back, words and builds the documents
            json = CompletableFuture.supplyAsync(() -> SnapshotJson.bytes(computed));
            snapshot = ReadBack.of(computed); // what json reads back as (ReadBackTest), without parsing it
            guard();
            startChart();
            startAppendices();
            Timing.mark("engine and snapshot");
        }

        /**
         * The digest of the inputs ({@link InputDigest}: SHA-256 of the month's workbooks, 2.5 MB at province size)
         * needs nothing this core finds: it is made on a thread of its own while this core checks the month's
         * workbooks and computes. Started only after the history, which takes both cores where it is computed.
         */
        private void startDigest() {
            digestJob = new FutureTask<>(() -> InputDigest.of(ws, month, List.of("/templates/" + Wording.TEMPLATE)));
            Tasks.ahead("input digest", digestJob);
        }

        /**
         * The chart needs the snapshot alone: it is drawn on the other core from here on, while this one words the
         * bulletin and builds the document (drawing it only once the wording was done left this core waiting for
         * it). The themed template places no chart, so none is started for it; a custom template without
         * {@code @chart} leaves the drawing unused.
         */
        private void startChart() {
            chartFor = snapshot;
            chartJob = ws.config().chartOrDefault() && !ws.config().themed() ? chart(snapshot) : null;
        }

        /**
         * The chart, drawn once docx4j's contexts are built (where {@link #warmUp} started them): they are the run's
         * longest path, and a chart drawn beside them took the core they needed; after them it is drawn while the
         * reference loads and this core words and builds the document.
         */
        private CompletableFuture<byte[]> chart(Snapshot s) {
            CompletableFuture<Void> f = early;
            CompletableFuture<?> contexts = f == null ? CompletableFuture.completedFuture(null) : f.handle((v, e) -> v);
            return chartFont.thenCombine(contexts, (font, ready) -> font)
                    .thenApplyAsync(font -> font.flatMap(name -> Chart.render(s, name, CHART_MM)).orElse(null));
        }

        /** The existing bulletin's date, where it was made from the same inputs under the same issue number. */
        private void keepDate(String digest, int issue) {
            Path json = ws.outDir(month).resolve(SNAPSHOT);
            if (!Files.isRegularFile(json)) {
                return;
            }
            try {
                Snapshot before = SnapshotReader.kept(json, month);
                if (digest.equals(before.inputs()) && before.issue() == issue && before.date() != null) {
                    date = LocalDate.parse(before.date());
                    keptDate = true;
                }
            } catch (SnapshotReader.Damaged | java.time.format.DateTimeParseException e) {
                // a damaged snapshot is replaced as before, with today's date
            }
        }

        /**
         * A bulletin dated by default (no --date) more than a month after its 截至 day: a warning naming the date
         * used, since a month made late (or made again) should carry the date it was issued.
         */
        private void warnLateDate() {
            if (o.date() != null) {
                return;
            }
            Integer deadline = ws.config().deadline();
            LocalDate asOf = deadline != null && deadline >= 1
                    ? month.atDay(Math.min(deadline, month.lengthOfMonth())) : month.atEndOfMonth();
            if (date.isAfter(asOf.plusMonths(1))) {
                problems.warning("late-date", Place.NOWHERE, "专报的日期是 " + date + "（" + (keptDate ? "沿用已有专报的日期"
                        : "今天") + "），比截至日期 " + asOf + " 晚一个多月：如应写发文当时的日期，请加 --date，如 --date "
                        + asOf.plusDays(5));
            }
        }

        /**
         * The last guard, on the snapshot about to be written: no cumulative 全市 figure (nor a unit's) falls below
         * what last month published. The checks should have stopped every way there is to it; should one be
         * missed, nothing is written and the indicator is named with both values.
         */
        private void guard() {
            List<Problem> falls = Guard.falls(model, snapshot, previous.snapshot(),
                    previous.how() == History.How.SNAPSHOT
                            ? ws.show(ws.snapshotFile(month.minusMonths(1))) : null);
            if (falls.isEmpty()) {
                return;
            }
            throw new BulletinException(ExitCode.INVALID_INPUT, month.getMonthValue() + "月的专报中有 " + falls.size()
                    + " 个累计数比上月公布的少（" + Guard.CODE + "，见上），未生成专报，原有文件未改动："
                    + "累计数只增不减，请核对这些指标的报表后重新运行",
                    falls);
        }

        /**
         * The month's platform counts for 附件3, or null: none in the workspace, or (with --skip-invalid) counts with
         * errors, which leave 附件3 out; the terminal says which.
         */
        private Platform platform() {
            PlatformCheck check = monthCheck.platform();
            if (check == null) {
                return null;
            }
            Platform p = check.usable(o.strict());
            notes.add(p != null ? "附件3（平台信息上传情况表）取自 " + check.file()
                    : check.file() + " 有误，专报略去了附件3（平台信息上传情况表）：改正后重新生成即可补上");
            return p;
        }

        /** Phase 5: the wording blocks from the templates and the clerk's notes. */
        private List<Wording.Block> word() {
            Path notesFile = ws.notesFile(month);
            List<String> empty = new ArrayList<>();
            for (String section : List.of(Notes.NEWS, Notes.NEXT)) {
                if (narrative.of(section).isEmpty()) {
                    empty.add("“" + section + "”");
                }
            }
            if (!empty.isEmpty()) {
                notes.add("专报中略去了" + String.join("", empty) + "一节：没有内容（在 " + ws.show(notesFile)
                        + " 中以“# " + Notes.NEWS + "”等标题写上内容即可）");
            }
            Map<String, Object> extra = new HashMap<>();
            if (ws.config().deadline() != null) {
                extra.put("deadline", ws.config().deadline());
            }
            extra.put("noticeTitle", model.title() == null ? "" : model.title());
            extra.put("programme", model.programme());
            extra.put(Wording.STYLE, ws.config().themed() ? "themed" : "itemised");
            extra.put(Wording.THEMES, ws.config().themes());
            // bulletin.yaml's short: names, for the cards and 突出问题
            extra.put(Wording.SHORT_NAMES, ws.config().byIndicator(WorkspaceConfig.IndicatorOverride::shortName));
            if (previous != null && previous.snapshot() != null) {
                extra.put(Wording.PREVIOUS, previous.snapshot()); // a unit's words unchanged since then are not news
            }
            String stamp = ws.config().stamp();
            if (stamp != null && !stamp.isBlank()) {
                extra.put("stamp", stamp.strip());
            }
            List<Wording.Block> blocks = Wording.render(snapshot, narrative, ws.templatesDir(), extra);
            Timing.mark("wording");
            return blocks;
        }

        /**
         * Phase 6: the documents, in memory. The chart is drawn and the workbook written on the other core while
         * this one builds the document; the document asks for the chart last.
         */
        private Documents build(List<Wording.Block> blocks) {
            DocxWriter.Look look = look(ws.config().appendix()).withProgramme(model.programme())
                    .withDetails(Wording.details(blocks));
            // The themed template places no chart (@chart): then none is drawn, nor a missing font told.
            boolean chart = ws.config().chartOrDefault() && blocks.stream().anyMatch(b -> b.kind().equals("chart"));
            CompletableFuture<byte[]> chartJob = !chart ? CompletableFuture.completedFuture(null)
                    : this.chartJob != null && chartFor == snapshot ? this.chartJob : chart(snapshot);
            // The appendix tables laid out once, on another core, for both the document and the workbook: those
            // begun while this core worded the bulletin where the wording gave what they were begun with.
            boolean ahead = appendicesAhead != null && appendicesAhead.isFor(snapshot, look);
            Appendices appendices = ahead ? appendicesAhead : Appendices.start(snapshot, look);
            CompletableFuture<byte[]> xlsxJob = ahead ? xlsxAhead : xlsx(snapshot, look, appendices);
            // Where the chart's size is known (a font to draw it, bars to draw), the document places it by that size
            // and takes the picture only as it writes it, after document.xml (Chart.Later).
            java.util.function.Supplier<byte[]> png = () -> join(chartJob);
            Optional<int[]> size = chart && join(chartFont).isPresent() ? Chart.size(snapshot, CHART_MM)
                    : Optional.empty();
            DocxWriter.Look withChart = look.withChart(!chart ? null
                    : size.isPresent() ? new Chart.Later(size.get()[0], size.get()[1], png) : png);
            byte[] docx = bytes(out -> DocxWriter.write(snapshot, blocks, join(reference), withChart, appendices, out),
                    ".docx");
            Timing.mark("docx and chart");
            if (chart && join(chartFont).isEmpty()) {
                notes.add("本机没有能显示中文的字体，专报中略去了完成情况图（Linux 上可安装 fonts-noto-cjk）");
            }
            byte[] xlsx = join(xlsxJob);
            Timing.mark("xlsx");
            return new Documents(join(json), docx, xlsx);
        }

        /**
         * In the itemised style the wording gives the appendix no 具体情况 (only the themed template writes
         * {@code @detail} lines): the appendix tables are laid out and the workbook written on other threads from
         * the moment the reference document has loaded, while this one words the bulletin (waiting, for the most
         * part, on the template's own thread) or builds the document. A wording that does give some has them made
         * again ({@link #build}); the themed style starts nothing here.
         */
        private void startAppendices() {
            appendicesAhead = null;
            xlsxAhead = null;
            if (ws.config().themed()) {
                return;
            }
            DocxWriter.Look guess = look(ws.config().appendix()).withProgramme(model.programme()).withDetails(Map.of());
            // After the reference document has loaded: the document waits for that first, and on a busy machine
            // these would take the core its loading needs.
            CompletableFuture<?> loaded = reference.handle((pkg, e) -> null);
            Snapshot s = snapshot;
            appendicesAhead = Appendices.start(s, guess, loaded);
            Appendices a = appendicesAhead;
            xlsxAhead = loaded.thenApplyAsync(x -> xlsxBytes(s, guess, a));
        }

        /** The xlsx copy of the appendix tables, written on another core. */
        private static CompletableFuture<byte[]> xlsx(Snapshot s, DocxWriter.Look look, Appendices appendices) {
            return CompletableFuture.supplyAsync(() -> xlsxBytes(s, look, appendices));
        }

        private static byte[] xlsxBytes(Snapshot s, DocxWriter.Look look, Appendices appendices) {
            return bytes(out -> AppendixXlsx.write(s, look, appendices, out), ".xlsx");
        }

        /** Phase 7 (asked for): the PDF copy through LibreOffice; a failure is reported, the .docx stands. */
        private String pdf(Output out, List<String> written, List<String> kept) {
            Optional<Path> soffice = Pdf.soffice();
            if (soffice.isEmpty()) {
                return "没有找到 LibreOffice（soffice），无法生成 PDF；.docx 已生成，可在 Word 或 WPS 中“另存为 PDF”。"
                        + "安装 LibreOffice 后重试，或用环境变量 BULLETIN_SOFFICE 指明 soffice 的位置";
            }
            Path work = null;
            try {
                work = ws.newTempDir("pdf"); // the workspace's own temporary folder, not the system's
                byte[] pdf = Pdf.convert(soffice.get(), out.docx, work);
                out.writePdf(pdf, o.force(), written, kept);
                return null;
            } catch (IOException e) {
                return "无法生成 PDF（" + e.getMessage() + "）；.docx 已生成";
            } finally {
                if (work != null) {
                    Workspace.deleteTree(ws.tempDir());
                }
            }
        }
    }

    /**
     * The month's output files, written so that at every moment either the earlier set or the new one is
     * complete: the new files are staged under temporary names, the earlier ones kept, and only then are the
     * current files replaced, {@code bulletin.json} (which marks the month) last ({@link AtomicFile.Batch}).
     */
    private static final class Output {
        private final Workspace ws;
        private final Path dir;
        private final Path json;
        private final Path docx;
        private final Path xlsx;
        private final Path pdf;

        Output(Workspace ws, YearMonth month, int issue) {
            this.ws = ws;
            dir = ws.outDir(month);
            json = dir.resolve(SNAPSHOT);
            docx = dir.resolve(docxName(issue));
            xlsx = dir.resolve(AppendixXlsx.fileName(issue));
            pdf = dir.resolve(docxName(issue).replace(".docx", ".pdf"));
        }

        /** Undoes what a killed run left half done and removes its temporary files; true where it undid one. */
        boolean recover() {
            return AtomicFile.Batch.recover(dir, ws::show);
        }

        /**
         * The files to write, in order: all three where the snapshot differs; else only those missing or damaged
         * (not holding what this snapshot makes); none where the bulletin is there, unchanged.
         */
        List<Path> stale(Documents docs) {
            if (!AtomicFile.holds(json, docs.json())) {
                return List.of(docx, xlsx, json);
            }
            List<Path> stale = new ArrayList<>();
            if (!AtomicFile.holds(docx, docs.docx())) {
                stale.add(docx);
            }
            if (!AtomicFile.holds(xlsx, docs.xlsx())) {
                stale.add(xlsx);
            }
            return stale;
        }

        /** A PDF is there (a regular file that begins as one). */
        boolean pdfIntact() {
            if (!Files.isRegularFile(pdf, LinkOption.NOFOLLOW_LINKS)) {
                return false;
            }
            try (InputStream in = Files.newInputStream(pdf)) {
                return new String(in.readNBytes(5), StandardCharsets.ISO_8859_1).equals("%PDF-");
            } catch (IOException e) {
                return false;
            }
        }

        /**
         * Writes the stale files. Where the snapshot is new, the month's other current outputs (another issue's,
         * the PDF) leave with the earlier set; without --force every earlier file is kept as "-旧N".
         */
        void write(Documents docs, List<Path> stale, boolean force, List<String> written, List<String> kept) {
            WorkspaceLock.check(ws);
            Map<Path, byte[]> content = Map.of(docx, docs.docx(), xlsx, docs.xlsx(),
                    json, docs.json());
            AtomicFile.Batch batch = new AtomicFile.Batch(dir, ws::show);
            stale.forEach(p -> batch.add(p, content.get(p)));
            List<Path> retire = stale.contains(json)
                    ? current().stream().filter(p -> !stale.contains(p)).toList() : List.of();
            kept.addAll(batch.commit(!force, retire));
            stale.forEach(p -> written.add(ws.show(p)));
        }

        /** The PDF, replacing one that is missing or damaged (kept as "-旧N" without --force). */
        void writePdf(byte[] content, boolean force, List<String> written, List<String> kept) {
            AtomicFile.Batch batch = new AtomicFile.Batch(dir, ws::show);
            batch.add(pdf, content);
            kept.addAll(batch.commit(!force, List.of()));
            written.add(ws.show(pdf));
        }

        /** The month's current outputs, as {@code generate} names them. */
        private List<Path> current() {
            if (!Files.isDirectory(dir)) {
                return List.of();
            }
            try (Stream<Path> s = Files.list(dir)) {
                return s.filter(p -> {
                    String n = p.getFileName().toString();
                    return n.equals(SNAPSHOT) || OUTPUT.matcher(n).matches();
                }).sorted().toList();
            } catch (IOException e) {
                throw BulletinException.output(ws.show(dir) + ": 错误: 无法读取文件夹（" + e.getMessage() + "）", e);
            }
        }
    }

    /** The appendix look from bulletin.yaml, checked when it was read (the chart is added by the caller). */
    private static DocxWriter.Look look(WorkspaceConfig.Appendix a) {
        return new DocxWriter.Look(a.a3(), a.behindOrDefault(), a.redOrDefault(), null);
    }

    /** The result of a background job; its failure is rethrown as it was (a BulletinException stays one). */
    private static <T> T join(CompletableFuture<T> job) {
        try {
            return job.join();
        } catch (CompletionException e) {
            Throwable c = e.getCause();
            if (c instanceof BulletinException be) {
                throw be;
            }
            if (c instanceof UncheckedIOException u) {
                throw BulletinException.usage(u.getCause().getMessage());
            }
            throw e;
        }
    }

    /** Writes a document to memory. */
    private static byte[] bytes(AtomicFile.Writer w, String what) {
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        try {
            w.write(b);
        } catch (IOException e) {
            throw BulletinException.output("无法生成 " + what + "（" + e.getMessage() + "）", e);
        }
        return b.toByteArray();
    }

    /** The bulletin's date: today, or {@code --date}, which must fall within the tables' year, give or take one. */
    private static LocalDate date(String s, int year) {
        if (s == null) {
            return LocalDate.now();
        }
        LocalDate d;
        try {
            d = LocalDate.parse(s.trim());
        } catch (DateTimeParseException e) {
            throw BulletinException.usage("--date 的值“" + s + "”无法识别：请写成 " + year + "-05-30");
        }
        if (d.getYear() < year - 1 || d.getYear() > year + 1) {
            throw BulletinException.usage("--date 的值“" + s + "”不对：指标表是 " + year + " 年的，专报日期应在 " + (year - 1)
                    + " 年到 " + (year + 1) + " 年之间（如 " + year + "-05-30）");
        }
        return d;
    }

    private static String orDefault(String s, String d) {
        return blank(s) ? d : s;
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }
}
