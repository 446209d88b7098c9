package bulletin.document;

import bulletin.model.Level;
import bulletin.model.Snapshot;
import bulletin.model.Snapshot.SnapshotIndicator;
import bulletin.model.Snapshot.UnitText;
import bulletin.model.Status;
import bulletin.text.Format;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The themed style's groups (seed 002): per level, each theme's lead-in and the notable indicators its paragraph
 * names, one clause each: those completed, those furthest ahead of schedule, and figures the units' notes give.
 * A carded indicator is never among them (the summary and 突出问题 tell it).
 */
final class Themes {

    /**
     * At most this many clauses under one theme, to keep 工作进展 on one page: the completed indicators (at most
     * {@link #DONE}) make one clause together ("A、B均已完成全年任务"), each other indicator one.
     */
    static final int CLAUSES = 2;

    /** At most this many completed indicators are named under one theme. */
    static final int DONE = 3;

    private Themes() {
    }

    /**
     * The level's themes in order: bulletin.yaml's {@code themes:} (lead-in → project numbers) where it names any of
     * the level's projects, with the projects it leaves out under a last theme; else the level's projects in order
     * in three or four groups.
     */
    static List<Map<String, Object>> of(Snapshot s, Level level, Map<String, List<Integer>> given,
                                        Map<String, String> shorts) {
        Map<Integer, List<SnapshotIndicator>> items = new LinkedHashMap<>();
        s.indicators().stream().filter(i -> i.level() == level)
                .forEach(i -> items.computeIfAbsent(i.item(), k -> new ArrayList<>()).add(i));
        Map<String, List<Integer>> groups = new LinkedHashMap<>();
        List<Integer> left = new ArrayList<>(items.keySet());
        given.forEach((lead, numbers) -> {
            List<Integer> here = numbers == null ? List.of()
                    : numbers.stream().filter(items::containsKey).distinct().toList();
            if (!here.isEmpty() && lead != null && !lead.isBlank()) {
                groups.put(lead.strip(), here);
                left.removeAll(here);
            }
        });
        if (groups.isEmpty()) {
            groups.putAll(defaults(items, left));
        } else if (!left.isEmpty()) {
            groups.put("其他项目有序推进", left); // nothing is dropped in silence
        }
        List<Map<String, Object>> out = new ArrayList<>();
        groups.forEach((lead, numbers) -> {
            List<SnapshotIndicator> in = new ArrayList<>();
            numbers.forEach(n -> in.addAll(items.get(n)));
            Map<String, Object> t = new HashMap<>();
            t.put("lead", lead);
            t.put("items", numbers);
            t.put("indicators", notable(s, in, shorts));
            out.add(t);
        });
        return out;
    }

    /** The level's projects in order, in three groups (four from eight projects), each led by its projects' names. */
    private static Map<String, List<Integer>> defaults(Map<Integer, List<SnapshotIndicator>> items,
                                                       List<Integer> numbers) {
        Map<String, List<Integer>> out = new LinkedHashMap<>();
        int n = numbers.size();
        int groups = Math.min(n, n >= 8 ? 4 : 3);
        int from = 0;
        for (int g = 0; g < groups; g++) {
            int size = n / groups + (g < n % groups ? 1 : 0);
            List<Integer> part = numbers.subList(from, from + size);
            from += size;
            String first = heading(items.get(part.get(0)));
            List<String> headings = part.stream().map(k -> heading(items.get(k))).toList();
            String lead = headings.stream().allMatch(h -> h.length() <= 6) && part.size() <= 3
                    ? String.join("、", headings) + "稳步推进" // the tables' headings: 幼有所育、学有所教
                    : part.size() == 1 ? first + "稳步推进"
                    : part.size() == 2 ? first + "、" + heading(items.get(part.get(1))) + "稳步推进"
                    : first + "等" + part.size() + "个项目稳步推进";
            out.put(lead, List.copyOf(part));
        }
        return out;
    }

    /** A project's heading as a lead-in says it: the tables' heading (幼有所育), or its name made short. */
    private static String heading(List<SnapshotIndicator> item) {
        String name = item.get(0).itemName();
        return name.length() <= 8 ? name : Draft.shortName(name);
    }

    /**
     * The indicators a theme names, in the tables' order: those completed (at most {@link #DONE}) and those furthest
     * ahead, else one whose units' notes give a figure ({@link #CLAUSES} clauses in all); none carded, none behind.
     */
    static List<Map<String, Object>> notable(Snapshot s, List<SnapshotIndicator> in, Map<String, String> shorts) {
        List<SnapshotIndicator> fit = in.stream().filter(i -> i.card() == null && i.pending() == null
                && i.total().status() != Status.BEHIND).toList();
        List<SnapshotIndicator> ranked = new ArrayList<>(fit.stream().filter(i -> i.total().progress() != null)
                .toList());
        ranked.sort(Comparator.comparing((SnapshotIndicator i) -> i.total().status() == Status.DONE ? 0 : 1)
                .thenComparing(i -> ahead(s, i), Comparator.reverseOrder()));
        List<SnapshotIndicator> chosen = new ArrayList<>(ranked.stream()
                .filter(i -> i.total().status() == Status.DONE).limit(DONE).toList());
        int room = CLAUSES - (chosen.isEmpty() ? 0 : 1);
        ranked.stream().filter(i -> i.total().status() != Status.DONE).limit(room).forEach(chosen::add);
        long open = chosen.stream().filter(i -> i.total().status() != Status.DONE).count();
        if (open < room) {
            fit.stream().filter(i -> !chosen.contains(i) && noteFigure(i) != null)
                    .limit(room - open).forEach(chosen::add);
        }
        List<Map<String, Object>> out = new ArrayList<>();
        for (SnapshotIndicator i : in) {
            if (!chosen.contains(i)) {
                continue;
            }
            Map<String, Object> x = new HashMap<>();
            x.put("code", i.code());
            x.put("name", Draft.shortName(i, shorts));
            x.put("kind", i.kind().id());
            x.put("unit", Draft.measureText(i.measure()));
            x.put("done", i.total().status() == Status.DONE);
            x.put("perUnit", i.perUnit());
            put(x, "doneText", Format.number(i.total().done()));
            put(x, "progressText", Format.percentText(i.total().progress()));
            put(x, "note", noteFigure(i));
            out.add(x);
        }
        return out;
    }

    /** How far an indicator is ahead of its schedule (completion less 序时进度). */
    private static BigDecimal ahead(Snapshot s, SnapshotIndicator i) {
        BigDecimal schedule = i.schedule() != null ? i.schedule() : s.schedule();
        return schedule == null ? i.total().progress() : i.total().progress().subtract(schedule);
    }

    /** The first unit's note that gives a figure, without its closing stop, short: "新市街道：已开工3所". */
    static String noteFigure(SnapshotIndicator i) {
        for (UnitText t : i.notes()) {
            String text = t.text().replaceAll("[。；;，,.\\s]+$", "");
            if (text.matches(".*\\d.*") && !Draft.restates(text, i.total().targetText())) {
                return text.length() <= 40 ? text : text.substring(0, 39) + "…";
            }
        }
        return null;
    }

    private static void put(Map<String, Object> m, String k, Object v) {
        if (v != null) {
            m.put(k, v);
        }
    }
}
