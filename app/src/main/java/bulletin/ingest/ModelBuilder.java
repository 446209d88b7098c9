package bulletin.ingest;

import bulletin.diag.BulletinException;
import bulletin.diag.Place;
import bulletin.diag.Problems;
import bulletin.model.Indicator;
import bulletin.model.IndicatorModel;
import bulletin.model.Item;
import bulletin.model.Kind;
import bulletin.model.Level;
import bulletin.model.Responsibility;
import bulletin.text.Numbers;
import bulletin.text.Text;
import bulletin.workspace.Workspace;
import bulletin.workspace.WorkspaceConfig;
import java.math.BigDecimal;
import java.time.Year;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/** Builds the indicator model from the tables read: codes, kinds, levels, and the join of the two tables. */
final class ModelBuilder {

    private final Workspace ws;
    private final WorkspaceConfig config;
    private final Problems problems;
    /** The reporting units of the tables' columns (without the reporters a 备注 adds, such as 市本级). */
    private Set<String> columnUnits = Set.of();

    ModelBuilder(Workspace ws, Problems problems) {
        this.ws = ws;
        this.config = ws.config();
        this.problems = problems;
    }

    IndicatorModel build(List<TargetTableReader.Table> targets, List<ResponsibilityTableReader.Table> resps,
                         List<String> sources) {
        TargetTableReader.Table first = targets.get(0);
        checkSameUnits(first, targets);
        columnUnits = new HashSet<>(first.units());
        List<String> units = orderUnits(withNoteReporters(first.units(), targets));
        int year = year(targets);
        List<LevelNote.Range> ranges = levelRanges(targets, resps);
        List<ResponsibilityTableReader.Row> respRows = resps.stream().flatMap(t -> t.rows().stream()).toList();
        boolean ownResponsible = targets.stream().flatMap(t -> t.rows().stream()).allMatch(r -> r.responsible() != null);
        if (resps.isEmpty() && !ownResponsible) {
            problems.warning("no-responsibility-table", Place.file("targets"),
                    "没有找到责任分解表（表头含“牵头”）：牵头领导和牵头单位将为空");
        }

        List<Indicator> indicators = new ArrayList<>();
        Map<Integer, Item> items = new LinkedHashMap<>();
        Map<Integer, Integer> perItem = new HashMap<>();
        Set<ResponsibilityTableReader.Row> used = new HashSet<>();
        Set<Integer> itemsWithoutLevel = new java.util.TreeSet<>();
        Map<String, Integer> samePlace = new HashMap<>();
        for (TargetTableReader.Table t : targets) {
            for (TargetTableReader.Row row : t.rows()) {
                int k = perItem.merge(row.item(), 1, Integer::sum);
                String code = String.format("%02d-%02d", row.item(), k);
                Level level = levelOf(row.item(), ranges);
                if (level == null) {
                    itemsWithoutLevel.add(row.item());
                    level = Level.CITY;
                }
                int place = samePlace.merge(row.item() + "\u0000" + leaf(row), 1, Integer::sum) - 1;
                Indicator ind = indicator(row, code, level, place, respRows, used);
                indicators.add(ind);
                String itemName = ind.path().size() > 1 ? ind.path().get(0) : ind.name();
                items.putIfAbsent(row.item(), new Item(row.item(), itemName, level, ind.responsibility()));
            }
        }
        reportLeftovers(itemsWithoutLevel, respRows, used, indicators);
        if (problems.hasErrors()) {
            throw BulletinException.invalid("无法读懂 targets/ 中的表格", problems.all());
        }
        String title = first.title();
        List<String> idle = idle(units, indicators);
        return new IndicatorModel(year, title, units, new ArrayList<>(items.values()), indicators, sources,
                problems.all(), idle, first.layout(), programme(targets));
    }

    /**
     * The areas of the table with no target and no text task in any indicator (issue 22): they get no form, are
     * not required to report and are never named late. None where some indicator is set for every unit at once
     * (one figure or text merged across the unit columns, with no lead department to report it): that asks every
     * unit. None either where no unit would be left.
     */
    static List<String> idle(List<String> units, List<Indicator> indicators) {
        boolean forAll = indicators.stream().anyMatch(i -> !i.hasUnitTargets() && !i.reportedByLeadUnit()
                && (i.targetText() != null || i.totalTarget() != null));
        if (forAll) {
            return List.of();
        }
        List<String> idle = units.stream().filter(u -> indicators.stream().noneMatch(i -> i.appliesTo(u))).toList();
        return idle.size() == units.size() ? List.of() : idle;
    }

    /** Known names of the programme, longest first, as a notice's title writes them. */
    private static final java.util.regex.Pattern PROGRAMME = java.util.regex.Pattern.compile(
            "十大民生工程|重点民生实事|为民办实事|民生实事|十大民生实事|民生工程|惠民实事|为民实事");

    /**
     * The programme's own name: bulletin.yaml's {@code programme:} where set, else the name the tables' title
     * gives ("临湖市2026年民生实事项目任务分解表" → 民生实事), else 重点民生实事.
     */
    private String programme(List<TargetTableReader.Table> targets) {
        String set = configuredProgramme();
        if (set != null) {
            return set;
        }
        for (TargetTableReader.Table t : targets) {
            if (t.title() != null) {
                java.util.regex.Matcher m = PROGRAMME.matcher(Text.compact(t.title()));
                if (m.find()) {
                    return m.group();
                }
            }
        }
        return IndicatorModel.DEFAULT_PROGRAMME;
    }

    /** bulletin.yaml's {@code programme:}, or null. */
    private String configuredProgramme() {
        String p = config.programme();
        return p == null || p.isBlank() ? null : Text.compact(p);
    }

    /**
     * The units of the table's columns, then the reporters a 备注 gives a figure of their own ("市本级 250"), in
     * the order they first appear: they report like the units and their column follows the units'.
     */
    private static List<String> withNoteReporters(List<String> units, List<TargetTableReader.Table> targets) {
        List<String> out = new ArrayList<>(units);
        Set<String> seen = new HashSet<>(units); // a set beside the list: a row's units are not searched in a list
        for (TargetTableReader.Table t : targets) {
            for (TargetTableReader.Row row : t.rows()) {
                for (String u : row.targets().keySet()) {
                    if (seen.add(u)) {
                        out.add(u);
                    }
                }
            }
        }
        return out;
    }

    private static String leaf(TargetTableReader.Row row) {
        return row.rawPath().get(row.rawPath().size() - 1);
    }

    /** Every target table must name the same reporting units as the first. */
    private void checkSameUnits(TargetTableReader.Table first, List<TargetTableReader.Table> targets) {
        for (TargetTableReader.Table t : targets.subList(1, targets.size())) {
            if (!new HashSet<>(t.units()).equals(new HashSet<>(first.units()))) {
                problems.error("unit-mismatch", t.place(), "这张指标表的填报单位与 " + first.place().format()
                        + " 不同：" + String.join("、", t.units()));
            }
        }
    }

    /**
     * The indicator of one target row: its responsibility joined from the responsibility table (the row used
     * is added to {@code used}), its kind, and the settings of bulletin.yaml.
     */
    private Indicator indicator(TargetTableReader.Row row, String code, Level level, int place,
                                List<ResponsibilityTableReader.Row> respRows, Set<ResponsibilityTableReader.Row> used) {
        List<String> path = row.rawPath().stream().map(Text::stripEnumerator).toList();
        String rawName = row.rawPath().get(row.rawPath().size() - 1);
        String name = path.get(path.size() - 1);
        Optional<ResponsibilityTableReader.Row> resp = join(row, path, respRows);
        resp.ifPresent(used::add);
        if (resp.isEmpty() && !respRows.isEmpty() && row.responsible() == null) {
            problems.warning("unjoined-indicator", place(row.place()), "指标“" + name + "”（" + code
                    + "）在责任分解表中找不到对应的行（按序号 " + row.item() + " 和名称匹配），牵头单位未知");
        }
        BigDecimal headline = Headline.pick(name, row.measure(), expected(row), place);
        WorkspaceConfig.IndicatorOverride o = config.indicators().get(code);
        boolean targetSet = o != null && o.target() != null;
        if (!targetSet) {
            resp.ifPresent(r -> checkHeadline(row, code, name, headline, r));
        }
        Responsibility r = resp.map(ResponsibilityTableReader.Row::responsibility)
                .orElseGet(() -> row.responsible() == null ? Responsibility.NONE
                        : ResponsibilityTableReader.joint(null, row.responsible(), List.of(), null));
        BigDecimal total = targetSet ? o.target() : row.totalTarget();
        boolean perUnit = o != null && o.additive() != null ? !o.additive() : perUnit(row, headline);
        if (perUnit && headline == null && total == null) {
            total = mostCommon(row.targets()); // additive: false without a figure in the name
        }
        BigDecimal city = total != null ? total : perUnit ? headline : sum(row.targets());
        Kinds.Guess kind = kind(code, name, Headline.clause(name, row.measure(), headline), row, city);
        return new Indicator(code, row.item(), path, name, Text.enumerator(rawName), row.measure(),
                level, kind.kind(), row.targets(), row.unitTexts(), row.targetText(), total,
                headline, r, row.note(), row.place(), schedule(code, o),
                !perUnit && kind.kind().cumulative(), targetSet, kind.reason(), pending(code, o), from(code, o),
                row.textAcrossUnits());
    }

    private static String pending(String code, WorkspaceConfig.IndicatorOverride o) {
        if (o == null || o.pending() == null) {
            return null;
        }
        String p = o.pending().strip();
        return p.isEmpty() || p.equalsIgnoreCase("true") ? "上级任务暂未下达" : p;
    }

    private int from(String code, WorkspaceConfig.IndicatorOverride o) {
        if (o == null || o.from() == null) {
            return 1;
        }
        if (o.from() < 1 || o.from() > 12) {
            throw BulletinException.usage(ws.configPlace("indicators", code, "from") + ": 错误: 指标 " + code + " 的 from 应是 1 到 12 的月份，而不是 "
                    + o.from());
        }
        return o.from();
    }

    /**
     * Whether every reporter must reach the figure of the name: at least two units hold a number and every
     * number they hold is that figure ("每个县市区整合电子证照不少于80类": 80 in each column); or every unit of the
     * columns holds it and only a reporter the 备注 adds (市本级 250) has a figure of its own.
     */
    private boolean perUnit(TargetTableReader.Row row, BigDecimal headline) {
        if (headline == null) {
            return false;
        }
        List<BigDecimal> all = List.copyOf(row.targets().values());
        List<BigDecimal> columns = row.targets().entrySet().stream().filter(e -> columnUnits.contains(e.getKey()))
                .map(Map.Entry::getValue).toList();
        if (all.size() >= 2 && all.stream().allMatch(v -> v.compareTo(headline) == 0)) {
            return true;
        }
        return columns.size() >= 2 && columns.size() < all.size()
                && columns.stream().allMatch(v -> v.compareTo(headline) == 0);
    }

    /** The figure most units hold (the first of equals), or null without any. */
    private static BigDecimal mostCommon(Map<String, BigDecimal> targets) {
        Map<BigDecimal, Integer> count = new java.util.LinkedHashMap<>();
        targets.values().forEach(v -> count.merge(v.stripTrailingZeros(), 1, Integer::sum));
        return count.entrySet().stream().max(Map.Entry.comparingByValue()).map(Map.Entry::getKey).orElse(null);
    }

    /** The figure the units' targets make: the one figure they all hold, else their sum; null without any. */
    private static BigDecimal expected(TargetTableReader.Row row) {
        if (row.targets().isEmpty()) {
            return row.totalTarget();
        }
        BigDecimal first = row.targets().values().iterator().next();
        if (row.targets().size() >= 2 && row.targets().values().stream().allMatch(v -> v.compareTo(first) == 0)) {
            return first;
        }
        return sum(row.targets());
    }

    private static BigDecimal sum(Map<String, BigDecimal> targets) {
        return targets.isEmpty() ? null : targets.values().stream().reduce(BigDecimal.ZERO, BigDecimal::add);
    }

    /**
     * The figure in the indicator's name should be one the responsibility table's name of it states: a project
     * name there may state several ("除险加固小型水库128座、运行管护标准化建设288座"), and any of them will do.
     */
    private void checkHeadline(TargetTableReader.Row row, String code, String name, BigDecimal mine,
                               ResponsibilityTableReader.Row resp) {
        String respName = Text.stripEnumerator(resp.rawPath().get(resp.rawPath().size() - 1));
        BigDecimal theirs = Headline.of(respName, row.measure());
        if (mine != null && theirs != null && !Headline.states(respName, row.measure(), mine)
                && similarity(respName, name) >= 0.5) {
            problems.warning("headline-mismatch", place(row.place()), "指标“" + name + "”（" + code
                    + "）的名称与责任分解表不一致：这里是 " + Numbers.format(mine) + row.measure()
                    + "，责任分解表（" + resp.place() + "）是 " + Numbers.format(theirs) + row.measure());
        }
    }

    /** What is left over once every row is read: items without a level, unused responsibility rows and codes. */
    private void reportLeftovers(Set<Integer> itemsWithoutLevel, List<ResponsibilityTableReader.Row> respRows,
                                 Set<ResponsibilityTableReader.Row> used, List<Indicator> indicators) {
        if (!itemsWithoutLevel.isEmpty()) {
            problems.warning("no-level-note", Place.file("targets"), "表格注释中没有说明第 "
                    + itemsWithoutLevel.stream().map(String::valueOf).reduce((a, b) -> a + "、" + b).orElse("")
                    + " 项是省级还是市级，暂按市级处理（可在 bulletin.yaml 的 levels 中设置）");
        }
        for (ResponsibilityTableReader.Row row : respRows) {
            if (!used.contains(row)) {
                problems.warning("unused-responsibility", place(row.place()), "责任分解表中的“"
                        + Text.stripEnumerator(row.rawPath().get(row.rawPath().size() - 1))
                        + "”没有对应到任何指标");
            }
        }
        unknownCodes(indicators);
        checkThemes(indicators);
    }

    /**
     * {@code themes:} names projects by their numbers in the tables: a number the tables do not have, a project
     * under two lead-ins, a lead-in without projects or without words, or one carrying its own bold marks or stop
     * (the template adds them) would drop, repeat or garble a theme in silence: each is refused with its line.
     */
    private void checkThemes(List<Indicator> indicators) {
        Set<Integer> numbers = new HashSet<>();
        indicators.forEach(i -> numbers.add(i.item()));
        List<String> wrong = new ArrayList<>();
        Map<Integer, String> seen = new HashMap<>();
        config.themes().forEach((lead, items) -> {
            String at = ws.configPlace("themes", lead) + ": 错误: ";
            String l = lead == null ? "" : lead.strip();
            if (l.isEmpty()) {
                wrong.add(at + "themes 中有一个主题没有写主题句");
            } else if (l.contains("*") || l.matches(".*[。；;，,]$")) {
                wrong.add(at + "主题句“" + l + "”不要带“*”或结尾的标点（加粗和句号由模板加上）");
            }
            if (items == null || items.isEmpty()) {
                wrong.add(at + "主题“" + l + "”没有列出项目序号（如 [1, 5, 7]）");
                return;
            }
            for (Integer n : items) {
                String before = n == null ? null : seen.putIfAbsent(n, l);
                if (n == null || !numbers.contains(n)) {
                    wrong.add(at + "主题“" + l + "”中的项目序号 " + n + " 不是指标表中的项目（项目序号见 bulletin inspect）");
                } else if (before != null) {
                    wrong.add(at + "项目 " + n + " 同时列在主题“" + before + "”和“" + l + "”中：每个项目只能属于一个主题");
                }
            }
        });
        if (!wrong.isEmpty()) {
            throw BulletinException.usage(String.join("\n", wrong));
        }
    }

    /**
     * A code under {@code indicators:} that the tables do not have would leave its indicator without the settings
     * meant for it, in silence: it is refused with its line and the nearest real code.
     */
    private void unknownCodes(List<Indicator> indicators) {
        List<String> codes = indicators.stream().map(Indicator::code).toList();
        List<String> wrong = new ArrayList<>();
        for (String code : config.indicators().keySet().stream().sorted().toList()) {
            if (!codes.contains(code)) {
                String near = nearestCode(code, codes);
                wrong.add(ws.configPlace("indicators", code) + ": 错误: indicators 中的编码“" + code + "”不是任何指标的编码"
                        + (near == null ? "" : "，是不是“" + near + "”？"));
            }
        }
        if (!wrong.isEmpty()) {
            throw BulletinException.usage(String.join("\n", wrong) + "\n（指标编码写作“03-05”：项目序号和指标序号各两位；"
                    + "用 bulletin inspect 查看全部编码）");
        }
    }

    private static final Pattern CODE_WRITTEN_OTHERWISE =
            Pattern.compile("^\\D*(\\d{1,2})\\D+(\\d{1,2})\\D*$|^(\\d{2})(\\d{2})$");

    /**
     * The real code a mistyped one most likely means: the same two numbers written another way ("16-2", "16.02",
     * "1602" for 16-02), else the code nearest by edit distance, at most two characters away; null where none is.
     */
    static String nearestCode(String wrong, List<String> codes) {
        java.util.regex.Matcher m = CODE_WRITTEN_OTHERWISE.matcher(wrong.strip());
        if (m.matches()) {
            String item = m.group(1) != null ? m.group(1) : m.group(3);
            String k = m.group(2) != null ? m.group(2) : m.group(4);
            String same = String.format("%02d-%02d", Integer.parseInt(item), Integer.parseInt(k));
            if (codes.contains(same)) {
                return same;
            }
        }
        String best = null;
        int bestDistance = 3;
        for (String c : codes) {
            int d = editDistance(wrong.strip(), c);
            if (d < bestDistance) {
                best = c;
                bestDistance = d;
            }
        }
        return best;
    }

    /** Levenshtein distance: insertions, deletions and substitutions of one character each. */
    private static int editDistance(String a, String b) {
        int[] row = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            row[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            int diagonal = row[0];
            row[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int above = row[j];
                row[j] = Math.min(Math.min(row[j] + 1, row[j - 1] + 1),
                        diagonal + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1));
                diagonal = above;
            }
        }
        return row[b.length()];
    }

    private static Place place(String formatted) {
        return Place.parse(formatted);
    }

    private List<String> orderUnits(List<String> units) {
        if (config.units().isEmpty()) {
            return units;
        }
        Set<String> given = new HashSet<>(config.units());
        if (!given.equals(new HashSet<>(units)) || given.size() != config.units().size()) {
            List<String> missing = units.stream().filter(u -> !given.contains(u)).toList();
            List<String> unknown = config.units().stream().filter(u -> !units.contains(u)).toList();
            throw BulletinException.usage(Workspace.CONFIG_FILE + ": 错误: units 必须与指标表中的填报单位一一对应"
                    + (missing.isEmpty() ? "" : "；缺少：" + String.join("、", missing))
                    + (unknown.isEmpty() ? "" : "；表中没有：" + String.join("、", unknown)));
        }
        return config.units();
    }

    private int year(List<TargetTableReader.Table> targets) {
        if (config.year() != null) {
            return config.year();
        }
        for (TargetTableReader.Table t : targets) {
            if (t.year() != null) {
                return t.year();
            }
        }
        int now = Year.now().getValue();
        problems.warning("no-year", targets.get(0).place(), "标题中没有年份（如“2026年…”），按 " + now
                + " 年处理（可在 bulletin.yaml 中设置 year）");
        return now;
    }

    private List<LevelNote.Range> levelRanges(List<TargetTableReader.Table> targets,
                                              List<ResponsibilityTableReader.Table> resps) {
        List<LevelNote.Range> out = new ArrayList<>();
        try {
            for (var e : config.levels().entrySet()) {
                Level level = switch (e.getKey()) {
                    case "province", "省级" -> Level.PROVINCE;
                    case "city", "市级" -> Level.CITY;
                    default -> throw BulletinException.usage(Workspace.CONFIG_FILE + ": 错误: levels 只能设置 province"
                            + " 和 city，而不是“" + e.getKey() + "”");
                };
                out.addAll(LevelNote.parseList(e.getValue(), level));
            }
        } catch (NumberFormatException e) {
            throw BulletinException.usage(Workspace.CONFIG_FILE + ": 错误: levels 的写法应如 \"1-10\"（" + e.getMessage()
                    + "）");
        }
        targets.stream().map(TargetTableReader.Table::levelNote).filter(n -> n != null)
                .forEach(n -> out.addAll(n.ranges()));
        resps.stream().map(ResponsibilityTableReader.Table::levelNote).filter(n -> n != null)
                .forEach(n -> out.addAll(n.ranges()));
        return out;
    }

    private static Level levelOf(int item, List<LevelNote.Range> ranges) {
        return ranges.stream().filter(r -> item >= r.from() && item <= r.to()).map(LevelNote.Range::level)
                .findFirst().orElse(null);
    }

    /** A schedule from bulletin.yaml: 12 cumulative shares, as fractions (0.5) or percentages (50). */
    private static List<BigDecimal> schedule(String code, WorkspaceConfig.IndicatorOverride o) {
        if (o == null || o.schedule() == null || o.schedule().isEmpty()) {
            return List.of();
        }
        List<BigDecimal> s = o.schedule();
        if (s.size() != 12) {
            throw BulletinException.usage(Workspace.CONFIG_FILE + ": 错误: 指标 " + code + " 的 schedule 应有 12 个数"
                    + "（1–12 月末应累计完成的比例），现在有 " + s.size() + " 个");
        }
        boolean percent = s.stream().anyMatch(v -> v.compareTo(BigDecimal.ONE) > 0);
        List<BigDecimal> out = new ArrayList<>();
        BigDecimal last = BigDecimal.ZERO;
        for (BigDecimal v : s) {
            BigDecimal f = percent ? v.movePointLeft(2) : v;
            if (f.signum() < 0 || f.compareTo(BigDecimal.ONE) > 0 || f.compareTo(last) < 0) {
                throw BulletinException.usage(Workspace.CONFIG_FILE + ": 错误: 指标 " + code + " 的 schedule 应是 0 到 1"
                        + "（或 0 到 100）之间逐月不减的累计比例");
            }
            last = f;
            out.add(f);
        }
        return out;
    }

    private Kinds.Guess kind(String code, String name, String clause, TargetTableReader.Row row, BigDecimal city) {
        WorkspaceConfig.IndicatorOverride o = config.indicators().get(code);
        if (o != null && o.kind() != null) {
            Kind k = Kind.parse(o.kind()).orElseThrow(() -> BulletinException.usage(Workspace.CONFIG_FILE
                    + ": 错误: 指标 " + code + " 的 kind“" + o.kind()
                    + "”无法识别（可用：quantity、progress、standard、rate、ceiling、text）"));
            return new Kinds.Guess(k, "bulletin.yaml 中指定");
        }
        return Kinds.guess(name, clause, row.measure(), city != null, city, config.progressKeywordsOrDefault(),
                row.ceilingWords());
    }

    /**
     * The responsibility row for an indicator: the only row of its item, or the row of its item whose name is
     * most like one of the indicator's name levels. Names differ a little between the two tables
     * ("（550户）" against "550户", a leading enumerator), so the match is by similarity, and a weak or
     * ambiguous match is reported rather than guessed.
     */
    static Optional<ResponsibilityTableReader.Row> join(TargetTableReader.Row row, List<String> path,
                                                        List<ResponsibilityTableReader.Row> rows) {
        List<ResponsibilityTableReader.Row> same = rows.stream().filter(r -> r.item() == row.item()).toList();
        if (same.size() == 1) {
            return Optional.of(same.get(0));
        }
        List<ResponsibilityTableReader.Row> pool = same.isEmpty() ? rows : same;
        double threshold = same.isEmpty() ? 0.6 : 0.3;
        // each name keyed once (the key is the costly part), each row scored once: the same scores as before
        List<String> pathKeys = path.stream().map(ModelBuilder::key).toList();
        double[] scores = new double[pool.size()];
        ResponsibilityTableReader.Row best = null;
        double bestScore = 0;
        for (int i = 0; i < pool.size(); i++) {
            ResponsibilityTableReader.Row r = pool.get(i);
            double s = score(r, pathKeys);
            scores[i] = s;
            if (s > bestScore) {
                bestScore = s;
                best = r;
            }
        }
        if (best == null || bestScore < threshold) {
            return Optional.empty();
        }
        double top = bestScore;
        ResponsibilityTableReader.Row b = best;
        boolean ambiguous = false;
        for (int i = 0; i < pool.size() && !ambiguous; i++) {
            ResponsibilityTableReader.Row r = pool.get(i);
            ambiguous = r != b && scores[i] >= top - 0.02 && !r.responsibility().equals(b.responsibility());
        }
        return ambiguous ? Optional.empty() : Optional.of(best);
    }

    /**
     * How well a responsibility row names an indicator: its own (last) name against the indicator's name and,
     * a little less, its task. The project name is left out: every row of an item shares it. The indicator's
     * names come keyed ({@link #key}).
     */
    private static double score(ResponsibilityTableReader.Row r, List<String> pathKeys) {
        String own = key(r.rawPath().get(r.rawPath().size() - 1));
        double s = similarityOfKeys(own, pathKeys.get(pathKeys.size() - 1));
        for (int i = 1; i < pathKeys.size() - 1; i++) {
            s = Math.max(s, 0.9 * similarityOfKeys(own, pathKeys.get(i)));
        }
        return s;
    }

    /** Dice coefficient over character bigrams of the names without enumerators, punctuation and spaces. */
    static double similarity(String a, String b) {
        return similarityOfKeys(key(a), key(b));
    }

    private static double similarityOfKeys(String x, String y) {
        if (x.isEmpty() || y.isEmpty()) {
            return 0;
        }
        if (x.equals(y)) {
            return 1;
        }
        if (x.length() < 2 || y.length() < 2) {
            return 0;
        }
        Map<String, Integer> grams = new HashMap<>();
        for (int i = 0; i + 1 < x.length(); i++) {
            grams.merge(x.substring(i, i + 2), 1, Integer::sum);
        }
        int common = 0;
        for (int i = 0; i + 1 < y.length(); i++) {
            String g = y.substring(i, i + 2);
            Integer n = grams.get(g);
            if (n != null && n > 0) {
                common++;
                grams.put(g, n - 1);
            }
        }
        double dice = 2.0 * common / (x.length() - 1 + y.length() - 1);
        // One name containing the other ("培训乡村医生30人" in "提升基层医疗卫生服务能力，培训乡村医生30人").
        if (Math.min(x.length(), y.length()) >= 5 && (x.contains(y) || y.contains(x))) {
            dice = Math.max(dice, 0.8);
        }
        return dice;
    }

    /** Punctuation and symbols, left out of a name's key (compiled once, not per name). */
    private static final Pattern KEY_DROPS = Pattern.compile("[\\p{P}\\p{S}“”‘’（）()、，。；：！？《》【】]");

    private static String key(String s) {
        return KEY_DROPS.matcher(Text.halfWidth(Text.stripEnumerator(Text.compact(s)))).replaceAll("");
    }
}
