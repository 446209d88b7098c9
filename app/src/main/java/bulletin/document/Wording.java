package bulletin.document;

import bulletin.diag.BulletinException;
import bulletin.diag.ExitCode;
import bulletin.model.Level;
import bulletin.model.Notes;
import bulletin.model.Snapshot.SnapshotIndicator;
import bulletin.model.Snapshot;
import bulletin.text.Format;
import bulletin.text.Text;
import freemarker.cache.ClassTemplateLoader;
import freemarker.cache.FileTemplateLoader;
import freemarker.cache.MultiTemplateLoader;
import freemarker.cache.TemplateLoader;
import freemarker.core.TemplateClassResolver;
import freemarker.template.Configuration;
import freemarker.template.DefaultObjectWrapperBuilder;
import freemarker.template.TemplateException;
import freemarker.template.TemplateExceptionHandler;
import java.io.IOException;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The bulletin's wording: FreeMarker templates ({@code templates/bulletin.ftl} in the jar, overridden by a
 * workspace's own {@code templates/}) turned into a list of styled blocks. Templates are user-edited, so the
 * configuration is locked down: no class instantiation, no Java API access; the data model is plain maps,
 * lists, strings and numbers made from the snapshot.
 */
public final class Wording {

    public static final String TEMPLATE = "bulletin.ftl";

    /** One line of the rendered wording: a style and its text. */
    public record Block(String kind, String text) {
    }

    private Wording() {
    }

    static Configuration configuration(Path workspaceTemplates) throws IOException {
        Configuration cfg = new Configuration(Configuration.VERSION_2_3_34);
        List<TemplateLoader> loaders = new ArrayList<>();
        if (workspaceTemplates != null && Files.isDirectory(workspaceTemplates)) {
            loaders.add(new FileTemplateLoader(workspaceTemplates.toFile()));
        }
        loaders.add(new ClassTemplateLoader(Wording.class, "/templates"));
        cfg.setTemplateLoader(new MultiTemplateLoader(loaders.toArray(new TemplateLoader[0])));
        cfg.setDefaultEncoding("UTF-8");
        cfg.setNewBuiltinClassResolver(TemplateClassResolver.ALLOWS_NOTHING_RESOLVER);
        cfg.setAPIBuiltinEnabled(false);
        cfg.setObjectWrapper(new DefaultObjectWrapperBuilder(Configuration.VERSION_2_3_34).build());
        cfg.setTemplateExceptionHandler(TemplateExceptionHandler.RETHROW_HANDLER);
        cfg.setLogTemplateExceptions(false);
        cfg.setWrapUncheckedExceptions(true);
        cfg.setFallbackOnNullLoopVariable(false);
        return cfg;
    }

    /**
     * The configuration a render of this folder's templates uses: the workspace's own where its templates folder
     * holds a template ({@code .ftl}, any name: the template may be given for a locale, e.g. {@code
     * bulletin_zh_CN.ftl}); else the built-in template's, made and parsed once per JVM ({@link #BUILT_IN}). The
     * built-in template includes nothing and never changes while the program runs, so each render of it is the same
     * parse; a JVM that makes many bulletins (the tests: hundreds) parses it once, not each time.
     */
    static Configuration configurationFor(Path workspaceTemplates) throws IOException {
        if (ownTemplates(workspaceTemplates)) {
            return configuration(workspaceTemplates);
        }
        Configuration c = BUILT_IN.get();
        if (c == null) {
            c = configuration(null);
            c.getTemplate(TEMPLATE);
            if (!BUILT_IN.compareAndSet(null, c)) {
                c = BUILT_IN.get();
            }
        }
        return c;
    }

    /** The built-in template's configuration (thread-safe once made: FreeMarker's templates are read-only). */
    private static final java.util.concurrent.atomic.AtomicReference<Configuration> BUILT_IN =
            new java.util.concurrent.atomic.AtomicReference<>();

    /** Whether the workspace's templates folder holds a template of its own; where it cannot be listed, as if so. */
    private static boolean ownTemplates(Path workspaceTemplates) {
        if (workspaceTemplates == null || !Files.isDirectory(workspaceTemplates)) {
            return false;
        }
        try (java.util.stream.Stream<Path> files = Files.list(workspaceTemplates)) {
            return files.anyMatch(f -> f.getFileName().toString().toLowerCase(java.util.Locale.ROOT).endsWith(".ftl"));
        } catch (IOException | RuntimeException e) {
            return true; // read as before: the template loader then says what is wrong
        }
    }

    /** The configuration with the template parsed, made on another thread by {@link #prepare}, or null. */
    private static final java.util.concurrent.atomic.AtomicReference<Ahead> AHEAD =
            new java.util.concurrent.atomic.AtomicReference<>();

    private record Ahead(Path templates, java.util.concurrent.CompletableFuture<Configuration> cfg) {
    }

    /**
     * Starts FreeMarker and parses the template on another thread (generate calls it while it reads the workbooks:
     * FreeMarker's start and the parse were most of the wording). The next {@link #render} of the same folder takes
     * it if it is ready and without fault; else, and for any later render, the template is read as before, so a
     * fault is told as ever, from the render's own thread and within its limits.
     */
    public static void prepare(Path workspaceTemplates) {
        AHEAD.set(new Ahead(workspaceTemplates, java.util.concurrent.CompletableFuture.supplyAsync(() -> {
            try {
                Configuration cfg = configurationFor(workspaceTemplates);
                cfg.getTemplate(TEMPLATE);
                return cfg;
            } catch (Throwable e) { // told by the render, which reads the template again
                return null;
            }
        })));
    }

    /** Waits, at most ten seconds, until what {@link #prepare} started is parsed (tests must not race it). */
    static void awaitAhead() throws Exception {
        Ahead a = AHEAD.get();
        if (a != null) {
            a.cfg().get(10, java.util.concurrent.TimeUnit.SECONDS);
        }
    }

    /** Drops what {@link #prepare} made and no render took. */
    public static void forgetAhead() {
        AHEAD.set(null);
    }

    /** The configuration {@link #prepare} made for this folder, if it is ready; taken once. */
    private static Configuration prepared(Path workspaceTemplates) {
        Ahead a = AHEAD.getAndSet(null);
        if (a == null || !java.util.Objects.equals(a.templates(), workspaceTemplates)) {
            return null;
        }
        return a.cfg().getNow(null);
    }

    /** Renders the wording of a snapshot and its notes, with more values for the template (e.g. stamp). */
    public static List<Block> render(Snapshot s, Notes notes, Path workspaceTemplates,
                                     Map<String, Object> extra) {
        String text;
        List<String> source;
        try {
            Configuration ready = prepared(workspaceTemplates);
            Configuration cfg = ready != null ? ready : configurationFor(workspaceTemplates);
            Map<String, Object> model = dataModel(s, notes, extra);
            extra.forEach((k, v) -> {
                if (!(v instanceof Snapshot)) {
                    model.put(k, v); // last month's snapshot is read here, not handed to the template
                }
            });
            text = BoundedRender.render(cfg, TEMPLATE, model); // a template that never ends is stopped
            source = source(cfg);
        } catch (TemplateException e) {
            String where = e.getTemplateSourceName() == null ? TEMPLATE : e.getTemplateSourceName();
            throw new BulletinException(ExitCode.USAGE, "templates/" + where
                    + (e.getLineNumber() == null ? "" : ":" + e.getLineNumber()) + ": 错误: 模板有误（"
                    + firstLine(e.getMessageWithoutStackTop()) + "）");
        } catch (freemarker.core.ParseException e) {
            throw new BulletinException(ExitCode.USAGE, "templates/" + e.getTemplateName() + ":" + e.getLineNumber()
                    + ": 错误: 模板语法有误（" + firstLine(e.getEditorMessage()) + "）");
        } catch (IOException e) {
            throw new BulletinException(ExitCode.USAGE, "templates/" + TEMPLATE + ": 错误: 无法读取模板（" + e.getMessage()
                    + "）");
        }
        return parse(Text.xmlSafe(text), source);
    }

    /** The template's own lines, as the clerk edited them, to name the line of a directive. */
    private static List<String> source(Configuration cfg) throws IOException {
        TemplateLoader loader = cfg.getTemplateLoader();
        Object found = loader.findTemplateSource(TEMPLATE);
        if (found == null) {
            return List.of();
        }
        try (java.io.Reader r = loader.getReader(found, "UTF-8")) {
            StringWriter w = new StringWriter();
            r.transferTo(w);
            return List.of(w.toString().split("\r?\n", -1));
        } finally {
            loader.closeTemplateSource(found);
        }
    }

    private static String firstLine(String s) {
        if (s == null) {
            return "";
        }
        int i = s.indexOf('\n');
        return (i < 0 ? s : s.substring(0, i)).strip();
    }

    /** The directives a template line may start with; DocxWriter gives each its style. */
    static final java.util.Set<String> DIRECTIVES = java.util.Set.of("title", "issue", "office", "date", "h1", "h2",
            "h3", "p", "attach", "sign", "chart", "appendix", "detail");

    /**
     * The appendix's 具体情况 the template wrote, by indicator code: its lines {@code @detail <code> <text>} (the
     * themed style's; none in the itemised one; the first line of a code counts). A code no indicator of the month
     * has is never looked up: the appendix asks by its indicators' codes.
     */
    public static Map<String, String> details(List<Block> blocks) {
        Map<String, String> out = new java.util.LinkedHashMap<>();
        for (Block b : blocks) {
            int sp = b.text().indexOf(' ');
            if (b.kind().equals("detail") && sp > 0 && !b.text().substring(sp + 1).isBlank()) {
                out.putIfAbsent(b.text().substring(0, sp), b.text().substring(sp + 1).strip());
            }
        }
        return out;
    }

    /**
     * The rendered text as blocks: a line {@code @kind text} is a block of that kind, any other line a paragraph.
     * An unknown directive written in the template is an error naming its line; a line that only looks like one
     * because a figure or a unit's words begin with "@" stays text, whole.
     */
    static List<Block> parse(String text, List<String> source) {
        List<Block> out = new ArrayList<>();
        for (String raw : text.split("\r?\n")) {
            String line = raw.strip();
            if (line.isEmpty()) {
                continue;
            }
            int sp = line.indexOf(' ');
            String kind = !line.startsWith("@") ? "p" : sp < 0 ? line.substring(1) : line.substring(1, sp);
            if (!line.startsWith("@")) {
                out.add(new Block("p", line));
            } else if (DIRECTIVES.contains(kind)) {
                out.add(new Block(kind, sp < 0 ? "" : line.substring(sp + 1).strip()));
            } else {
                unknownDirective(kind, source);
                out.add(new Block("p", line));
            }
        }
        return out;
    }

    private static void unknownDirective(String kind, List<String> source) {
        java.util.regex.Pattern at = java.util.regex.Pattern.compile("^\\s*@" + java.util.regex.Pattern.quote(kind)
                + "(\\s|$)");
        for (int i = 0; i < source.size(); i++) {
            if (at.matcher(source.get(i)).find()) {
                throw new BulletinException(ExitCode.USAGE, "templates/" + TEMPLATE + ":" + (i + 1) + ": 错误: 未知的指令“@"
                        + kind + "”（可用的指令：@" + String.join("、@", DIRECTIVES.stream().sorted().toList()) + "）");
            }
        }
    }

    /**
     * What {@code generate --skip-invalid} left out, one entry per unit: a whole workbook with its reason, or the
     * figures with theirs (the indicator's short name and the first clause of the check's message, "形象进度超过
     * 100（120）"), and {@code prose}: the same as the office writes it, one sentence per unit without a problem code,
     * a cell, a file's path or a cut name ("新市街道误报5月报表", "归义街道报表中“技兴三湘一人一技”职业技能培训填为
     * “约40”"). Files and cells are for the terminal and the snapshot, not for the paper.
     */
    static List<Map<String, Object>> excluded(Snapshot s, Map<String, String> shorts) {
        Map<String, Map<String, Object>> byUnit = new java.util.LinkedHashMap<>();
        for (Snapshot.Excluded e : s.excluded()) {
            String unit = e.unit() == null ? e.file() : e.unit();
            Map<String, Object> x = byUnit.computeIfAbsent(unit + (e.code() == null ? "#whole" : ""), k -> {
                Map<String, Object> n = new HashMap<>();
                n.put("unit", unit);
                n.put("file", e.file());
                // A file whose unit could not be told is named by its file name, never by its path.
                n.put("named", e.unit() != null);
                n.put("fileName", e.file().substring(e.file().lastIndexOf('/') + 1));
                n.put("whole", e.code() == null);
                n.put("reason", "（" + Text.firstClause(e.message()) + "）");
                n.put("reasons", new ArrayList<String>());
                n.put("parts", new ArrayList<String>());
                n.put("prose", e.code() != null ? "" : Rejected.whole(e, (String) n.get("fileName"), s.month()));
                return n;
            });
            if (e.code() != null) {
                @SuppressWarnings("unchecked")
                List<String> reasons = (List<String>) x.get("reasons");
                String name = s.indicators().stream().filter(i -> i.code().equals(e.code())).findFirst()
                        .map(i -> Draft.shortName(i, shorts)).orElse(e.code());
                reasons.add("“" + name + "”" + Text.firstClause(e.message()));
                x.put("count", reasons.size());
                @SuppressWarnings("unchecked")
                List<String> parts = (List<String>) x.get("parts");
                parts.add(Rejected.figure(e, name));
                x.put("prose", unit + "报表中" + String.join("，", parts));
            }
        }
        return new ArrayList<>(byUnit.values());
    }

    /**
     * The facts the template is given for a month ({@code inspect --month M --json}): the same data model as
     * {@link #render}, without the clerk's notes, and with the caller's values (programme, style, themes…).
     */
    public static Map<String, Object> facts(Snapshot s, Map<String, Object> extra) {
        Map<String, Object> model = dataModel(s, Notes.EMPTY, extra);
        extra.forEach((k, v) -> {
            if (!(v instanceof Snapshot) && !k.equals(SHORT_NAMES)) {
                model.put(k, v);
            }
        });
        model.remove("notes");
        return new java.util.TreeMap<>(model);
    }

    static Map<String, Object> dataModel(Snapshot s, Notes notes) {
        return dataModel(s, notes, Map.of());
    }

    /** The template's data: the snapshot's facts, drafted (see {@link Draft}), and the clerk's notes. */
    static Map<String, Object> dataModel(Snapshot s, Notes notes, Map<String, Object> extra) {
        Map<String, Object> m = new HashMap<>();
        @SuppressWarnings("unchecked")
        Map<String, String> shorts = extra.get(SHORT_NAMES) instanceof Map<?, ?> given ? (Map<String, String>) given
                : Map.of();
        m.put("excluded", excluded(s, shorts));
        m.put("title", s.title());
        m.put("office", s.office());
        String unitsWord = Text.unitsWord(s.units());
        m.put("unitsWord", unitsWord);
        m.put("issue", s.issue());
        m.put("year", s.year());
        m.put("month", s.month());
        m.put("dateText", Format.chineseDate(LocalDate.parse(s.date())));
        m.put("asOfText", asOf(s, extra.get("deadline")));
        m.put("scheduleText", Format.percentText(s.schedule()));
        // Praised as ranked: the reporting units of one tier (no 市本级 or department among the 县市区).
        String tier = Draft.tier(s.units());
        m.put("unitsOnSchedule", s.summary().unitsOnSchedule().stream().filter(u -> Draft.tier(u).equals(tier))
                .toList());
        m.put("unitsBehind", Draft.unitsBehind(s));
        // A unit whose workbook was left out as wrong did report: 突出问题 says so under 报表数据有误 instead.
        m.put("late", s.late().stream().filter(u -> s.leftOutWhole(u) == null).toList());
        m.put("lateDepartments", s.lateDepartments());
        m.put("cards", Draft.cards(s, shorts));
        List<Map<String, Object>> behind = Draft.behind(s, shorts);
        m.put("behind", behind);
        m.put("oneByOne", behind.size() <= Draft.ONE_BY_ONE);
        m.put("behindGroups", Draft.groups(behind));
        List<Snapshot.UnitText> behindTexts = new ArrayList<>();
        s.indicators().stream().filter(i -> i.total().status() == bulletin.model.Status.BEHIND)
                .forEach(i -> behindTexts.addAll(i.problems()));
        m.put("behindProblems", Draft.problems(behindTexts));
        m.put("otherProblems", Draft.otherProblems(s, shorts));
        // How the template names many units together: "归义街道等14个镇（街道）".
        m.put("unitsKind", unitsWord.startsWith("各") ? unitsWord.substring(1) : "单位");
        String programme = String.valueOf(extra.getOrDefault("programme", AppendixLayout.PROGRAMME));
        m.put("programme", programme);
        m.put("levels", levels(s, String.valueOf(extra.getOrDefault("noticeTitle", "")), programme,
                extra.get(PREVIOUS) instanceof Snapshot p ? p : null));
        m.put("style", "themed".equals(extra.get(STYLE)) ? "themed" : "itemised");
        @SuppressWarnings("unchecked")
        Map<String, List<Integer>> given = extra.get(THEMES) instanceof Map<?, ?> t ? (Map<String, List<Integer>>) t
                : Map.of();
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> levelMaps = (List<Map<String, Object>>) m.get("levels");
        for (Map<String, Object> l : levelMaps) {
            l.put("themes", Themes.of(s, Level.ofId((String) l.get("id")), given, shorts));
        }
        m.put("details", Detail.all(s)); // the appendix's 具体情况: the template words them (@detail)
        m.put("notes", notes(notes));
        m.put("numerals", List.of("一", "二", "三", "四", "五", "六", "七", "八", "九", "十"));
        m.put("attachments", AppendixLayout.titles(s, programme)); // only the appendices the bulletin has, numbered in order
        if (s.platform() != null) {
            m.put("platform", platform(s));
        }
        return m;
    }

    /** 截至: the reporting deadline of the month ("5月25日", bulletin.yaml's deadline), else the bulletin's date. */
    static String asOf(Snapshot s, Object deadline) {
        LocalDate date = LocalDate.parse(s.date());
        if (deadline instanceof Integer d && d >= 1) {
            java.time.YearMonth ym = java.time.YearMonth.of(s.year(), s.month());
            return s.month() + "月" + Math.min(d, ym.lengthOfMonth()) + "日";
        }
        return date.getMonthValue() + "月" + date.getDayOfMonth() + "日";
    }

    private static Map<String, Object> notes(Notes notes) {
        Map<String, Object> n = new HashMap<>();
        for (String sec : List.of(Notes.NEWS, Notes.PROBLEMS, Notes.NEXT, Notes.PRACTICE)) {
            List<Map<String, Object>> paras = new ArrayList<>();
            for (Notes.Paragraph p : notes.of(sec)) {
                paras.add(Map.of("text", p.text(), "heading", p.heading(),
                        "numbered", p.text().matches("^[0-9０-９一二三四五六七八九十]+[.、．].*")));
            }
            n.put(sec, paras);
        }
        return n;
    }

    /**
     * The city level as a county's paper names it: seed 001 says 岳阳市级 where the notice is "2026年省、岳阳市重点民生
     * 实事…"; without such a title, 市级.
     */
    static String levelLabel(Level level, String noticeTitle) {
        return levelLabel(level, noticeTitle, AppendixLayout.PROGRAMME);
    }

    /** The level's label with the programme's own name: 省级民生实事, 岳阳市级重点民生实事. */
    static String levelLabel(Level level, String noticeTitle, String programme) {
        if (level == Level.PROVINCE) {
            return "省级" + programme;
        }
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("省[、,，]\\s*(\\p{IsHan}{2,6}?[市州])").matcher(
                noticeTitle == null ? "" : noticeTitle);
        return (m.find() ? m.group(1) + "级" : "市级") + programme;
    }

    /** The key of {@code extra} under which the caller may give bulletin.yaml's {@code short:} names, by code. */
    public static final String SHORT_NAMES = "shortNames";

    /** The key of {@code extra} for bulletin.yaml's {@code style:} ("itemised" or "themed"). */
    public static final String STYLE = "style";

    /** The key of {@code extra} for bulletin.yaml's {@code themes:} (lead-in → project numbers, in order). */
    public static final String THEMES = "themeGroups";

    /** The key of {@code extra} under which the caller may give last month's snapshot. */
    public static final String PREVIOUS = "previousSnapshot";

    private static List<Map<String, Object>> levels(Snapshot s, String noticeTitle, String programme,
                                                    Snapshot previous) {
        List<Map<String, Object>> levels = new ArrayList<>();
        for (Level level : Level.values()) {
            Snapshot.LevelSummary sum = level == Level.PROVINCE ? s.summary().province() : s.summary().city();
            List<SnapshotIndicator> at = s.indicators().stream().filter(i -> i.level() == level).toList();
            if (at.isEmpty()) {
                continue;
            }
            Map<String, Object> l = new HashMap<>();
            l.put("id", level.id());
            l.put("label", levelLabel(level, noticeTitle, programme));
            l.put("summary", levelSummary(sum));
            Map<Integer, Map<String, Object>> items = new LinkedHashMap<>();
            for (SnapshotIndicator i : at) {
                if (!shown(i)) {
                    continue; // nothing to say but the target: left out, as seed 001 does
                }
                Map<String, Object> x = indicator(s, i, previous);
                Map<String, Object> item = items.computeIfAbsent(i.item(), k -> {
                    Map<String, Object> n = new HashMap<>();
                    n.put("number", i.item());
                    n.put("name", i.itemName());
                    n.put("indicators", new ArrayList<Map<String, Object>>());
                    return n;
                });
                @SuppressWarnings("unchecked")
                List<Map<String, Object>> list = (List<Map<String, Object>>) item.get("indicators");
                list.add(x);
            }
            l.put("items", new ArrayList<>(items.values()));
            levels.add(l);
        }
        return levels;
    }

    /**
     * The platform's counts for 工作进展 and 附件3: the total, each module's total (under its group heading where
     * the file has one; "" where not), the units with most uploads (three, and any tied with the third), and the
     * units grouped by the modules they have nothing in ({@code count} modules, {@code countText} in words, 两 for
     * 2; {@code all} where that is every module).
     */
    static Map<String, Object> platform(Snapshot s) {
        bulletin.model.Platform p = s.platform();
        Map<String, Object> x = new HashMap<>();
        x.put("title", PlatformLayout.title(s.year(), s.month()));
        x.put("number", AppendixLayout.numberOf(s, "3"));
        x.put("total", String.valueOf(p.total()));
        List<Map<String, Object>> groups = new ArrayList<>();
        for (bulletin.model.Platform.Module mod : p.modules()) {
            String g = mod.group() == null ? "" : mod.group();
            if (groups.isEmpty() || !groups.get(groups.size() - 1).get("name").equals(g)) {
                groups.add(new HashMap<>(Map.of("name", g, "modules", new ArrayList<Map<String, Object>>())));
            }
            @SuppressWarnings("unchecked")
            List<Map<String, Object>> mods = (List<Map<String, Object>>) groups.get(groups.size() - 1).get("modules");
            mods.add(Map.of("name", mod.name(), "count", String.valueOf(p.totals().get(mod.name()))));
        }
        x.put("groups", groups);
        List<bulletin.model.Platform.Row> units = p.rows().stream().filter(r -> r.unit() && r.total() > 0)
                .sorted((a, b) -> Long.compare(b.total(), a.total())).toList();
        long third = units.size() < 3 ? 0 : units.get(2).total();
        x.put("top", units.stream().filter(r -> units.indexOf(r) < 3 || r.total() == third)
                .map(bulletin.model.Platform.Row::name).toList());
        Map<List<String>, List<String>> byEmpty = new LinkedHashMap<>();
        p.rows().stream().filter(r -> r.unit() && !r.emptyModules().isEmpty())
                .forEach(r -> byEmpty.computeIfAbsent(r.emptyModules(), k -> new ArrayList<>()).add(r.name()));
        List<Map<String, Object>> empty = new ArrayList<>();
        byEmpty.forEach((mods, who) -> empty.add(Map.of("units", String.join("、", who), "modules",
                String.join("、", mods), "count", mods.size(), "countText", mods.size() == 2 ? "两"
                        : mods.size() <= 10 ? "一二三四五六七八九十".substring(mods.size() - 1, mods.size())
                        : String.valueOf(mods.size()), "all", mods.size() == p.modules().size())));
        x.put("empty", empty);
        return x;
    }

    private static Map<String, Object> levelSummary(Snapshot.LevelSummary sum) {
        Map<String, Object> x = new HashMap<>();
        x.put("items", sum.items());
        x.put("indicators", sum.indicators());
        x.put("scored", sum.scored());
        x.put("onSchedule", sum.onSchedule());
        x.put("done", sum.done());
        x.put("behind", sum.behind());
        return x;
    }

    /** Whether an indicator appears in 工作进展: it has a figure, a reason it is not scored, or words of progress. */
    static boolean shown(SnapshotIndicator i) {
        boolean figure = i.total().done() != null || i.total().progress() != null || i.total().percent() != null;
        return figure || i.pending() != null || !said(i).isEmpty();
    }

    /** The units' 进展情况, without those that only restate the target: they say nothing new. */
    private static List<Snapshot.UnitText> said(SnapshotIndicator i) {
        return i.notes().stream().filter(t -> !Draft.restates(t.text(), i.total().targetText())).toList();
    }

    /**
     * A unit's 进展情况 on an indicator, said last month in the same words: not this month's news. Left out where
     * the indicator has a figure to tell; where its words are all it has, they are kept, marked "（与上月相同）".
     */
    static List<Snapshot.UnitText> fresh(SnapshotIndicator i, List<Snapshot.UnitText> said, Snapshot previous) {
        if (previous == null) {
            return said;
        }
        java.util.Set<String> before = new java.util.HashSet<>();
        previous.indicators().stream().filter(p -> p.code().equals(i.code())).findFirst()
                .ifPresent(p -> p.notes().forEach(t -> before.add(t.unit() + "\n" + Text.compact(t.text()))));
        boolean figure = i.total().done() != null || i.total().progress() != null || i.total().percent() != null
                || i.pending() != null;
        List<Snapshot.UnitText> out = new ArrayList<>();
        for (Snapshot.UnitText t : said) {
            if (!before.contains(t.unit() + "\n" + Text.compact(t.text()))) {
                out.add(t);
            } else if (!figure) {
                out.add(new Snapshot.UnitText(t.unit(), t.text().replaceAll("[。；;，,.\\s]+$", "") + "（与上月相同）",
                        t.source()));
            }
        }
        return out;
    }

    private static final java.util.regex.Pattern NAME_FIGURE = java.util.regex.Pattern.compile(
            "(?<![A-Za-z\\d.])(\\d+(?:\\.\\d+)?)\\s*(万|亿)?");

    /**
     * "按全市目标90座计" where an indicator is measured against a target that is none of the figures its name states
     * ("共80座" measured against 90): said once, beside its completion. Null where the name states the target, or
     * states no figure.
     */
    static String statedTarget(SnapshotIndicator i) {
        BigDecimal target = i.total().target();
        if (target == null || !i.kind().counted() || i.perUnit()) {
            return null;
        }
        java.util.regex.Matcher m = NAME_FIGURE.matcher(i.name());
        boolean any = false;
        while (m.find()) {
            any = true;
            BigDecimal v = new BigDecimal(m.group(1));
            String measure = i.measure() == null ? "" : i.measure();
            BigDecimal scaled = m.group(2) == null || measure.startsWith(m.group(2)) ? v
                    : v.multiply(m.group(2).equals("万") ? BigDecimal.valueOf(10_000) : BigDecimal.valueOf(100_000_000));
            if (v.compareTo(target) == 0 || scaled.compareTo(target) == 0) {
                return null;
            }
        }
        return any ? "按全市目标" + Format.number(target) + Draft.measureText(i.measure()) + "计" : null;
    }

    private static Map<String, Object> indicator(Snapshot s, SnapshotIndicator i, Snapshot previous) {
        Map<String, Object> x = new HashMap<>();
        x.put("code", i.code());
        x.put("name", i.name());
        x.put("unit", Draft.measureText(i.measure()));
        x.put("kind", i.kind().id());
        x.put("perUnit", i.perUnit());
        x.put("status", i.total().status().id());
        x.put("statusLabel", i.total().status().label());
        x.put("card", i.card() == null ? "" : i.card().label());
        putIfNotNull(x, "pending", i.pending());
        putIfNotNull(x, "doneText", Format.number(i.total().done()));
        x.put("zero", i.total().done() != null && i.total().done().signum() == 0);
        putIfNotNull(x, "targetText", i.total().targetText());
        putIfNotNull(x, "progressText", Format.percentText(i.total().progress()));
        putIfNotNull(x, "gainText", Format.number(i.gain()));
        x.put("gainPositive", i.gain() != null && i.gain().signum() > 0);
        if (i.kind().rateShown()) {
            putIfNotNull(x, "rateText", i.total().done() == null ? null
                    : Format.percentText(i.total().done().movePointLeft(2)));
        }
        x.put("averaged", i.averaged());
        x.putAll(Draft.ceiling(i.measure(), i.total()));
        List<Snapshot.UnitText> said = fresh(i, said(i), previous);
        x.put("notes", grouped(said));
        putIfNotNull(x, "statedTarget", statedTarget(i));
        BigDecimal unassigned = Draft.unassigned(i);
        if (unassigned != null) {
            x.put("unassignedText", Format.number(unassigned) + Draft.measureText(i.measure()));
        }
        x.put("ownSchedule", Draft.ownSchedule(s, i));
        x.put("scheduleText", Format.percentText(i.schedule() != null ? i.schedule() : s.schedule()));
        x.put("carriedText", Draft.carriedText(i));
        x.put("notesSayDone", said.stream().anyMatch(t -> t.text().contains("完成")));
        x.put("problems", grouped(i.problems()));
        return x;
    }

    /** Units' texts with the same words said once: "归义街道、新市街道：整治工程陆续开工". */
    private static List<Map<String, Object>> grouped(List<Snapshot.UnitText> texts) {
        List<Map<String, Object>> out = new ArrayList<>();
        Draft.byText(texts).forEach((text, units) -> out.add(Map.of("units", String.join("、", units), "text", text)));
        return out;
    }

    private static void putIfNotNull(Map<String, Object> m, String k, Object v) {
        if (v != null) {
            m.put(k, v);
        }
    }
}
