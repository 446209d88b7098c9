package bulletin.document;

import bulletin.model.Snapshot;
import bulletin.model.Snapshot.Figure;
import bulletin.model.Snapshot.SnapshotIndicator;
import bulletin.model.Snapshot.UnitText;
import bulletin.text.Format;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The themed style's appendix detail of a 形象进度 or text-target indicator (seed 002): "总体形象进度60%。具体情况：
 * 1. 平江县进度50%，主体完工；2. …。", each unit in the tables' order with its 形象进度 and its own 进展情况.
 */
final class Detail {

    private Detail() {
    }

    /**
     * The detail of one indicator, or null where it is neither a 形象进度 nor a text-target indicator, or no unit
     * gives a 形象进度 or words: then the table keeps its figures.
     */
    static String of(Snapshot s, SnapshotIndicator i, boolean textTarget) {
        if (!i.kind().reportsPercent() && !textTarget) {
            return null;
        }
        Map<String, List<String>> said = new LinkedHashMap<>();
        for (UnitText t : i.notes()) {
            if (!Draft.restates(t.text(), i.total().targetText())) {
                said.computeIfAbsent(t.unit(), k -> new ArrayList<>()).add(t.text().replaceAll("[。；;，,.\\s]+$", ""));
            }
        }
        List<String> units = new ArrayList<>(s.units());
        said.keySet().stream().filter(u -> !units.contains(u)).forEach(units::add); // 市本级, departments: after
        List<String> parts = new ArrayList<>();
        for (String u : units) {
            Figure f = i.units().get(u);
            String pct = i.kind().reportsPercent() && f != null && f.percent() != null && !i.appliedByLead(u)
                    ? "进度" + Format.number(f.percent()) + "%" + Draft.carriedMark(f) : null;
            List<String> words = said.getOrDefault(u, List.of());
            if (pct == null && words.isEmpty()) {
                continue;
            }
            parts.add(u + (pct == null ? "：" : pct + (words.isEmpty() ? "" : "，")) + String.join("，", words));
        }
        if (parts.isEmpty()) {
            return null;
        }
        StringBuilder b = new StringBuilder();
        if (i.kind().reportsPercent() && i.total().progress() != null) {
            b.append("总体形象进度").append(Format.percentText(i.total().progress())).append("。");
        }
        b.append("具体情况：");
        for (int k = 0; k < parts.size(); k++) {
            b.append(k + 1).append(". ").append(parts.get(k)).append(k < parts.size() - 1 ? "；" : "。");
        }
        return b.toString();
    }
}
