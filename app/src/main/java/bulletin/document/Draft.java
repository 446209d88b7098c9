package bulletin.document;

import bulletin.model.Card;
import bulletin.model.Snapshot;
import bulletin.model.Snapshot.Figure;
import bulletin.model.Snapshot.SnapshotIndicator;
import bulletin.model.Snapshot.UnitText;
import bulletin.model.Status;
import bulletin.text.Format;
import bulletin.text.ShortName;
import bulletin.text.Text;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The facts 突出问题 and the cards are drafted from, in the register of seed 002: per behind indicator its short
 * name, completion, 序时进度, 责任单位, months behind, the units furthest behind and the units' own 存在问题;
 * the cards cleared, kept and new, each named; the units with the fewest indicators on schedule.
 */
final class Draft {

    /** Up to this many behind indicators are drafted one by one; more are grouped by 责任单位. */
    static final int ONE_BY_ONE = 5;

    private Draft() {
    }

    /** An indicator's short name as running text quotes it (see {@link ShortName}). */
    static String shortName(String name) {
        return ShortName.of(name);
    }

    /** The short name in quotation marks, unless it opens with its own: "“技兴三湘一人一技”职业技能培训". */
    static String quoted(String name) {
        return ShortName.quoted(name);
    }

    /** The short name bulletin.yaml gives an indicator ({@code short:}), else the one {@link ShortName} makes. */
    static String shortName(SnapshotIndicator i, Map<String, String> shorts) {
        String given = shorts.get(i.code());
        return given != null && !given.isBlank() ? Text.clean(given) : shortName(i.name());
    }

    /** {@link #shortName(SnapshotIndicator, Map)} in quotation marks, unless it carries its own. */
    static String quoted(SnapshotIndicator i, Map<String, String> shorts) {
        String n = shortName(i, shorts);
        return n.contains("“") ? n : "“" + n + "”";
    }

    /** A 单位 as running text writes it: "场(次)" → "场次". */
    static String measureText(String measure) {
        return measure == null ? "" : measure.replaceAll("[（(]([^）)]*)[）)]", "$1");
    }

    /**
     * The units' 存在问题 on one indicator, each text once with the units that wrote it, in the order first written;
     * the template words them ("归义街道等14个镇（街道）反映“5月农忙，培训班次推迟”").
     */
    static List<Map<String, Object>> problems(List<UnitText> texts) {
        List<Map<String, Object>> out = new ArrayList<>();
        byText(texts).forEach((text, units) -> out.add(Map.of("units", units, "text", shorten(text, 40))));
        return out;
    }

    /**
     * Units' texts with the same words said once, each with the units that wrote it, in the order first written; a
     * text without its closing full stop, since the template joins texts and ends the sentence itself.
     */
    static Map<String, List<String>> byText(List<UnitText> texts) {
        Map<String, List<String>> byText = new LinkedHashMap<>();
        for (UnitText t : texts) {
            byText.computeIfAbsent(t.text().replaceAll("[。；;，,.\\s]+$", ""), k -> new ArrayList<>()).add(t.unit());
        }
        return byText;
    }

    private static String shorten(String s, int max) {
        return s.length() <= max ? s : s.substring(0, max - 1) + "…";
    }

    /** Up to this many units are named as furthest behind, and every unit tied with the last of them. */
    static final int FURTHEST = 3;

    /**
     * The units with a target furthest behind on one indicator, grouped by their completion, lowest first: the three
     * lowest under schedule and every unit tied with the third ("新市街道、长乐镇等5个镇（街道）均为0%"), never a
     * unit left out at the cut. A unit whose figure is carried is named with the month it comes from.
     */
    static List<Map<String, Object>> furthestBehind(SnapshotIndicator i) {
        if (i.kind().lowerIsBetter()) {
            return furthestAbove(i);
        }
        List<Map.Entry<String, Figure>> behind = new ArrayList<>();
        if (i.units().values().stream().filter(f -> f.target() != null).count() < 2) {
            return List.of(); // one unit's figure is the indicator's: nobody to rank
        }
        for (var e : i.units().entrySet()) {
            Figure f = e.getValue();
            if (f.status() == Status.BEHIND && f.progress() != null) {
                behind.add(e);
            }
        }
        behind.sort(Comparator.comparing(e -> e.getValue().progress()));
        Map<String, List<String>> byProgress = new LinkedHashMap<>();
        BigDecimal cut = behind.isEmpty() ? null : behind.get(Math.min(FURTHEST, behind.size()) - 1).getValue().progress();
        for (var e : behind) {
            if (e.getValue().progress().compareTo(cut) > 0) {
                break;
            }
            byProgress.computeIfAbsent(Format.percentText(e.getValue().progress()), k -> new ArrayList<>())
                    .add(e.getKey() + carriedMark(e.getValue()));
        }
        List<Map<String, Object>> out = new ArrayList<>();
        byProgress.forEach((progress, units) -> out.add(Map.of("units", units, "progressText", progress)));
        return out;
    }

    /**
     * The words of a ceiling's figure: "levelText" (4.9%), "ceilingText" (4.3%) and, where it is breached,
     * "overText" (0.6个百分点); empty for a figure without a ceiling or without a value.
     */
    static Map<String, Object> ceiling(String measure, Figure f) {
        Map<String, Object> x = new HashMap<>();
        if (f == null || f.done() == null || f.target() == null) {
            return x;
        }
        boolean pct = "%".equals(measure) || "％".equals(measure);
        String unit = pct ? "%" : measureText(measure);
        x.put("levelText", Format.number(f.done()) + unit);
        x.put("ceilingText", Format.number(f.target()) + unit);
        if (f.done().compareTo(f.target()) > 0) {
            x.put("overText", Format.number(f.done().subtract(f.target())) + (pct ? "个百分点" : unit));
        }
        return x;
    }

    /** The units above a ceiling, the three highest first ("华容县5.2%"): a unit under it is never named. */
    private static List<Map<String, Object>> furthestAbove(SnapshotIndicator i) {
        List<Map.Entry<String, Figure>> above = new ArrayList<>();
        for (var e : i.units().entrySet()) {
            if (e.getValue().status() == Status.BEHIND && e.getValue().done() != null) {
                above.add(e);
            }
        }
        above.sort(Comparator.comparing((Map.Entry<String, Figure> e) -> e.getValue().done()).reversed());
        List<Map<String, Object>> out = new ArrayList<>();
        for (var e : above.subList(0, Math.min(3, above.size()))) {
            out.add(Map.of("units", List.of(e.getKey()), "progressText",
                    ceiling(i.measure(), e.getValue()).get("levelText")));
        }
        return out;
    }

    /** "（沿用4月数据）" after a unit whose figure is carried from an earlier month; "" otherwise. */
    static String carriedMark(Figure f) {
        if (!f.carried()) {
            return "";
        }
        String from = f.carriedFrom();
        return from != null && from.matches("\\d{4}-\\d{2}") ? "（沿用" + Integer.parseInt(from.substring(5)) + "月数据）"
                : "（沿用上月数据）";
    }

    /**
     * Whether an indicator's total rests only on carried figures: every unit that has a figure has it from an
     * earlier month. A card on such an indicator says so.
     */
    static boolean carriedOnly(SnapshotIndicator i) {
        List<Figure> with = i.units().values().stream().filter(f -> f.done() != null || f.percent() != null).toList();
        return !with.isEmpty() && with.stream().allMatch(Figure::carried);
    }

    /**
     * The words a card resting only on carried figures carries: "本月无新报数据，沿用5月数据" (the latest month they
     * come from); "" where the indicator has a figure of this month.
     */
    static String carriedText(SnapshotIndicator i) {
        if (!carriedOnly(i)) {
            return "";
        }
        String from = i.units().values().stream().map(Figure::carriedFrom).filter(f -> f != null && f.matches(
                "\\d{4}-\\d{2}")).max(String::compareTo).orElse(null);
        return "本月无新报数据，沿用" + (from == null ? "上月" : Integer.parseInt(from.substring(5)) + "月") + "数据";
    }

    /**
     * The share of the city's target assigned to no unit: the target less the units' targets, where the units'
     * targets add up to less (the city's 1650 人次 against the towns' 968: 682); null where they make the whole.
     */
    static BigDecimal unassigned(SnapshotIndicator i) {
        BigDecimal target = i.total().target();
        if (target == null || i.perUnit() || !i.kind().counted()) {
            return null;
        }
        BigDecimal units = i.units().values().stream().map(Figure::target).filter(t -> t != null)
                .reduce(BigDecimal.ZERO, BigDecimal::add);
        return units.signum() > 0 && target.compareTo(units) > 0 ? target.subtract(units) : null;
    }

    /** What the units with a target have done of their own targets together (a fraction), or null. */
    static BigDecimal unitsProgress(SnapshotIndicator i) {
        BigDecimal target = BigDecimal.ZERO;
        BigDecimal done = BigDecimal.ZERO;
        for (Figure f : i.units().values()) {
            if (f.target() != null && f.target().signum() > 0) {
                target = target.add(f.target());
                done = done.add(f.done() == null ? BigDecimal.ZERO : f.done());
            }
        }
        return target.signum() > 0 ? done.divide(target, 4, java.math.RoundingMode.HALF_UP) : null;
    }

    /**
     * Where a behind indicator's gap lies in the share assigned to no unit: the units together are on schedule
     * against their own targets, so the 突出问题 names that share and its lead department, not the units.
     */
    static boolean gapIsUnassigned(SnapshotIndicator i) {
        BigDecimal share = unitsProgress(i);
        return unassigned(i) != null && share != null && i.schedule() != null && share.compareTo(i.schedule()) >= 0;
    }

    /** Whether an indicator is judged against a schedule of its own, not the month's. */
    static boolean ownSchedule(Snapshot s, SnapshotIndicator i) {
        return i.schedule() != null && s.schedule() != null && i.schedule().compareTo(s.schedule()) != 0;
    }

    /** Each behind indicator, drafted. */
    static List<Map<String, Object>> behind(Snapshot s) {
        return behind(s, Map.of());
    }

    /** Each behind indicator, drafted, with bulletin.yaml's {@code short:} names by code. */
    static List<Map<String, Object>> behind(Snapshot s, Map<String, String> shorts) {
        List<Map<String, Object>> out = new ArrayList<>();
        for (SnapshotIndicator i : s.indicators()) {
            if (i.total().status() != Status.BEHIND) {
                continue;
            }
            Map<String, Object> x = new HashMap<>();
            x.put("code", i.code());
            x.put("name", shortName(i, shorts));
            x.put("quoted", quoted(i, shorts));
            x.put("progressText", Format.percentText(i.total().progress()));
            x.put("scheduleText", Format.percentText(i.schedule()));
            x.put("kind", i.kind().id());
            x.putAll(ceiling(i.measure(), i.total()));
            x.put("leadUnit", i.leadUnit() == null ? "未明确" : i.leadUnit());
            x.put("card", i.card() == null ? "" : i.card().label());
            x.put("months", i.behindMonths());
            boolean gap = gapIsUnassigned(i);
            x.put("furthest", gap ? List.of() : furthestBehind(i));
            x.put("gapIsUnassigned", gap);
            if (unassigned(i) != null) {
                x.put("unassignedText", Format.number(unassigned(i)) + measureText(i.measure()));
                x.put("unitsProgressText", Format.percentText(unitsProgress(i)));
            }
            x.put("ownSchedule", ownSchedule(s, i));
            x.put("carriedText", carriedText(i));
            x.put("problems", problems(i.problems())); // the units' own words still reach the paper, after the gap
            out.add(x);
        }
        return out;
    }

    /** Many behind indicators grouped by 责任单位: "市人社局（“城镇新增就业”“创业担保贷款”等3个指标）". */
    static List<Map<String, Object>> groups(List<Map<String, Object>> behind) {
        Map<String, List<Map<String, Object>>> byLead = new LinkedHashMap<>();
        for (Map<String, Object> b : behind) {
            byLead.computeIfAbsent((String) b.get("leadUnit"), k -> new ArrayList<>()).add(b);
        }
        List<Map<String, Object>> out = new ArrayList<>();
        byLead.forEach((lead, list) -> {
            Map<String, Object> g = new HashMap<>();
            g.put("leadUnit", lead);
            g.put("names", list.stream().limit(2).map(b -> (String) b.get("quoted")).toList());
            g.put("count", list.size());
            g.put("red", list.stream().filter(b -> "红牌".equals(b.get("card"))).count());
            out.add(g);
        });
        return out;
    }

    /** The 存在问题 the units wrote on indicators that are not behind, grouped by text. */
    static List<Map<String, Object>> otherProblems(Snapshot s, Map<String, String> shorts) {
        List<Map<String, Object>> out = new ArrayList<>();
        for (SnapshotIndicator i : s.indicators()) {
            if (i.total().status() != Status.BEHIND) {
                for (Map<String, Object> p : problems(i.problems())) {
                    Map<String, Object> x = new HashMap<>(p);
                    x.put("indicator", quoted(i, shorts));
                    out.add(x);
                }
            }
        }
        return out;
    }

    /**
     * The cards told with their memory: last month's cards cleared (named), those still behind (named, with how
     * many months running), and the new yellow cards.
     */
    static Map<String, Object> cards(Snapshot s) {
        return cards(s, Map.of());
    }

    /** The cards, with bulletin.yaml's {@code short:} names by code. */
    static Map<String, Object> cards(Snapshot s, Map<String, String> shorts) {
        Map<String, Object> m = new HashMap<>();
        List<String> cleared = new ArrayList<>();
        for (String code : s.summary().cleared()) {
            s.indicators().stream().filter(i -> i.code().equals(code)).findFirst()
                    .ifPresent(i -> cleared.add(quoted(i, shorts)));
        }
        List<Map<String, Object>> red = new ArrayList<>();
        List<Map<String, Object>> yellow = new ArrayList<>();
        for (SnapshotIndicator i : s.indicators()) {
            if (i.card() == null) {
                continue;
            }
            Map<String, Object> x = new HashMap<>();
            x.put("name", quoted(i, shorts));
            x.put("progressText", Format.percentText(i.total().progress()));
            x.put("scheduleText", Format.percentText(i.schedule()));
            x.put("kind", i.kind().id());
            x.putAll(ceiling(i.measure(), i.total()));
            x.put("months", Math.max(i.card() == Card.RED ? 2 : 1, i.behindMonths()));
            x.put("leadUnit", i.leadUnit() == null ? "未明确" : i.leadUnit());
            x.put("ownSchedule", ownSchedule(s, i));
            x.put("carriedText", carriedText(i));
            (i.card() == Card.RED ? red : yellow).add(x);
        }
        m.put("previous", s.summary().previousCards());
        m.put("cleared", cleared);
        m.put("red", red);
        m.put("yellow", yellow.size() > ONE_BY_ONE ? List.of() : yellow);
        m.put("yellowCount", yellow.size());
        return m;
    }

    /**
     * The units with the smallest share of their scored indicators on schedule (all below 100%), up to three and
     * every unit tied with the third, ranked by that share and grouped by it ({@code units}, {@code shareText}; a
     * group of one also gives {@code scored} and {@code onSchedule}). Only this month's
     * figures count (a carried figure says nothing of this month), and only the reporting units of one tier are
     * ranked: no 市本级 or department among the 县市区 or 镇（街道）.
     */
    static List<Map<String, Object>> unitsBehind(Snapshot s) {
        String tier = tier(s.units());
        Map<String, int[]> count = new LinkedHashMap<>();
        for (SnapshotIndicator i : s.indicators()) {
            for (var e : i.units().entrySet()) {
                Figure f = e.getValue();
                if (f.status() == Status.NOT_SCORED || f.carried() || !tier.equals(tier(e.getKey()))) {
                    continue;
                }
                int[] c = count.computeIfAbsent(e.getKey(), k -> new int[2]);
                c[0]++;
                if (f.status().onSchedule()) {
                    c[1]++;
                }
            }
        }
        List<Map.Entry<String, int[]>> ranked = new ArrayList<>(count.entrySet().stream()
                .filter(e -> e.getValue()[1] < e.getValue()[0]).toList());
        ranked.sort(Comparator.comparingDouble(e -> (double) e.getValue()[1] / e.getValue()[0]));
        List<Map<String, Object>> out = new ArrayList<>();
        double cut = ranked.isEmpty() ? 0 : share(ranked.get(Math.min(FURTHEST, ranked.size()) - 1));
        Map<String, Map<String, Object>> byShare = new LinkedHashMap<>();
        for (var e : ranked) {
            if (share(e) > cut) {
                break;
            }
            BigDecimal share = BigDecimal.valueOf(e.getValue()[1]).divide(BigDecimal.valueOf(e.getValue()[0]), 4,
                    java.math.RoundingMode.HALF_UP);
            Map<String, Object> g = byShare.computeIfAbsent(Format.percentText(share), k -> {
                Map<String, Object> n = new HashMap<>();
                n.put("unit", e.getKey());
                n.put("units", new ArrayList<String>());
                n.put("scored", e.getValue()[0]);
                n.put("onSchedule", e.getValue()[1]);
                n.put("shareText", k);
                out.add(n);
                return n;
            });
            @SuppressWarnings("unchecked")
            List<String> units = (List<String>) g.get("units");
            units.add(e.getKey());
        }
        return out;
    }

    private static double share(Map.Entry<String, int[]> e) {
        return (double) e.getValue()[1] / e.getValue()[0];
    }

    /**
     * A unit's tier as its name tells: "town" (镇、乡、街道), "county" (县、区、市, and 管理区、新区), "other" (市本级,
     * departments, companies); of a list, the tier most of them have.
     */
    static String tier(String unit) {
        if (unit.endsWith("本级") || unit.startsWith("市") && !unit.endsWith("市")) {
            return "other";
        }
        if (unit.endsWith("镇") || unit.endsWith("乡") || unit.endsWith("街道") || unit.endsWith("办事处")) {
            return "town";
        }
        return unit.endsWith("县") || unit.endsWith("区") || unit.endsWith("市") ? "county" : "other";
    }

    static String tier(List<String> units) {
        Map<String, Integer> n = new HashMap<>();
        units.forEach(u -> n.merge(tier(u), 1, Integer::sum));
        return n.entrySet().stream().max(Map.Entry.comparingByValue()).map(Map.Entry::getKey).orElse("other");
    }

    /** Whether a unit's note only restates the target ("省级统筹，省人社厅牵头" under that very target). */
    static boolean restates(String note, String targetText) {
        if (targetText == null || note == null) {
            return false;
        }
        String a = Text.compact(note).replaceAll("[\\p{P}“”，。；、]", "");
        String b = Text.compact(targetText).replaceAll("[\\p{P}“”，。；、]", "");
        return !a.isEmpty() && (b.contains(a) || a.contains(b) || similar(a, b));
    }

    private static boolean similar(String a, String b) {
        int common = 0;
        for (int k = 0; k + 1 < a.length(); k++) {
            if (b.contains(a.substring(k, k + 2))) {
                common++;
            }
        }
        return a.length() > 1 && common * 2 >= (a.length() - 1) * 3 / 2;
    }
}
