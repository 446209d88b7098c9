package bulletin.document;

import bulletin.model.Snapshot.Excluded;
import bulletin.model.Snapshot.Figure;
import bulletin.model.Snapshot.SnapshotIndicator;
import bulletin.model.Snapshot;
import bulletin.text.Format;
import bulletin.text.Text;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The notes under an appendix table that say which figures are carried (marked {@link AppendixLayout#MARK}) and
 * why: "注：神鼎山镇未报送5月报表，表中带＊的数据沿用4月累计数。", or a figure or a workbook left out as wrong.
 */
final class CarriedNotes {

    private CarriedNotes() {
    }

    static List<String> of(Snapshot s, List<SnapshotIndicator> inds) {
        // Units with a carried figure in this table, by the month the figures come from.
        Map<String, Set<String>> carried = new LinkedHashMap<>();
        for (String u : s.units()) {
            for (SnapshotIndicator i : inds) {
                Figure f = i.units().get(u);
                if (f != null && f.carried()) {
                    carried.computeIfAbsent(u, k -> new LinkedHashSet<>()).add(Format.monthLabel(f.carriedFrom()));
                }
            }
        }
        // A lead department's 全市 figure, carried.
        for (SnapshotIndicator i : inds) {
            if (i.total().carried() && i.leadUnit() != null) {
                carried.computeIfAbsent(i.leadUnit(), k -> new LinkedHashSet<>())
                        .add(Format.monthLabel(i.total().carriedFrom()));
            }
        }
        List<String> out = new ArrayList<>();
        Map<String, List<String>> lateBy = new LinkedHashMap<>();
        List<String> late = new ArrayList<>(s.late());
        late.addAll(s.lateDepartments());
        for (String u : late) {
            if (carried.containsKey(u) && s.leftOutWhole(u) == null) {
                lateBy.computeIfAbsent(String.join("、", carried.get(u)), k -> new ArrayList<>()).add(u);
            }
        }
        lateBy.forEach((from, units) -> out.add("注：" + String.join("、", units) + "未报送" + s.month() + "月报表，表中带"
                + AppendixLayout.MARK + "的数据沿用" + from + "累计数。"));
        for (String u : late) {
            Excluded whole = s.leftOutWhole(u);
            if (whole != null) {
                String file = whole.file() == null ? "" : whole.file().substring(whole.file().lastIndexOf('/') + 1);
                out.add("注：" + Rejected.whole(whole, file, s.month()) + "，未予采用" // office prose, as 突出问题
                        + (carried.containsKey(u) ? "，表中带" + AppendixLayout.MARK + "的数据沿用"
                                + String.join("、", carried.get(u)) + "累计数" : "") + "。");
            }
        }
        for (Excluded e : s.excluded()) {
            SnapshotIndicator i = inds.stream().filter(x -> x.code().equals(e.code())).findFirst().orElse(null);
            if (i == null) {
                continue;
            }
            Figure f = e.unit() != null && e.unit().equals(i.leadUnit()) ? i.total() : i.units().get(e.unit());
            out.add("注：" + e.unit() + "报表中" + Rejected.figure(e, Draft.quoted(i.name())) + "，未予采用"
                    + (f != null && f.carried() ? "，表中带" + AppendixLayout.MARK + "的数据沿用"
                            + Format.monthLabel(f.carriedFrom()) + "累计数" : "") + "。");
        }
        return out;
    }
}
