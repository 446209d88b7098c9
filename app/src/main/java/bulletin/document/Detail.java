package bulletin.document;

import bulletin.model.Snapshot;
import bulletin.model.Snapshot.Figure;
import bulletin.model.Snapshot.SnapshotIndicator;
import bulletin.model.Snapshot.UnitText;
import bulletin.text.Format;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The facts of the themed style's appendix detail of a 形象进度 or text-target indicator (seed 002): the overall
 * 形象进度 and, for each unit in the tables' order, its own 形象进度 and its 进展情况. The wording ("总体形象进度60%。
 * 具体情况：1. 平江县进度50%，主体完工；2. …。") is the template's ({@code templates/bulletin.ftl}, macro {@code detail});
 * it writes one {@code @detail <code> <text>} line per indicator and the appendix puts the text across the unit
 * columns ({@link Wording#details}).
 */
final class Detail {

    private Detail() {
    }

    /** The facts of every indicator that has a 具体情况, in the tables' order (see {@link #of}). */
    static List<Map<String, Object>> all(Snapshot s) {
        List<Map<String, Object>> out = new ArrayList<>();
        for (SnapshotIndicator i : s.indicators()) {
            Map<String, Object> d = of(s, i, AppendixLayout.wordTarget(i) != null);
            if (d != null) {
                out.add(d);
            }
        }
        return out;
    }

    /**
     * The facts of one indicator's 具体情况: {@code code}, {@code level}, {@code name}, {@code progressText} (the
     * overall 形象进度, where it reports one), {@code row} ("进度", or "数量" for a text target without figures) and
     * {@code units}: each with {@code unit}, {@code progressText} and {@code carriedText} (沿用4月数据) where it has a
     * 形象进度, and {@code words} (its 进展情况, each without its closing stop). Null where the indicator is neither a
     * 形象进度 nor a text-target one, or no unit gives a 形象进度 or words: then the table keeps its figures.
     */
    static Map<String, Object> of(Snapshot s, SnapshotIndicator i, boolean textTarget) {
        boolean percent = i.kind().reportsPercent();
        if (!percent && !textTarget) {
            return null;
        }
        Map<String, List<String>> said = new LinkedHashMap<>();
        for (UnitText t : i.notes()) {
            if (!Draft.restates(t.text(), i.total().targetText())) {
                // one line per @detail: a unit's line breaks become spaces
                said.computeIfAbsent(t.unit(), k -> new ArrayList<>()).add(t.text().replaceAll("\\s*\\R\\s*", " ")
                        .replaceAll("[。；;，,.\\s]+$", ""));
            }
        }
        List<String> units = new ArrayList<>(s.units());
        said.keySet().stream().filter(u -> !units.contains(u)).forEach(units::add); // 市本级, departments: after
        List<Map<String, Object>> parts = new ArrayList<>();
        for (String u : units) {
            Figure f = i.units().get(u);
            boolean pct = percent && f != null && f.percent() != null && !i.appliedByLead(u);
            List<String> words = said.getOrDefault(u, List.of());
            if (!pct && words.isEmpty()) {
                continue;
            }
            Map<String, Object> p = new HashMap<>();
            p.put("unit", u);
            if (pct) {
                p.put("progressText", Format.number(f.percent()) + "%");
                p.put("carriedText", Draft.carriedMark(f).replaceAll("^（|）$", ""));
            }
            p.put("words", words);
            parts.add(p);
        }
        if (parts.isEmpty()) {
            return null;
        }
        Map<String, Object> d = new HashMap<>();
        d.put("code", i.code());
        d.put("level", i.level().id());
        d.put("name", i.name());
        d.put("row", percent ? "进度" : "数量");
        if (percent && i.total().progress() != null) {
            d.put("progressText", Format.percentText(i.total().progress()));
        }
        d.put("units", parts);
        return d;
    }
}
