package bulletin.engine;

import bulletin.diag.Problem;
import bulletin.diag.Severity;
import bulletin.model.Indicator;
import bulletin.model.IndicatorModel;
import bulletin.model.Snapshot;
import bulletin.model.Snapshot.Figure;
import bulletin.model.Snapshot.SnapshotIndicator;
import bulletin.model.Source;
import bulletin.text.Numbers;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The last guard on a computed month, before anything is written: a cumulative figure never falls below the one
 * last month published. The checks of the workbooks ({@code cumulative-decrease}, {@code missing-figure}) should
 * stop every way there is to it; this finds any that was missed, on the figures themselves.
 *
 * <p>Held: each unit's figure and a lead department's 全市 figure, and a 全市 figure that is a sum of the units'.
 * Not held: rates (not cumulative: they may go down), and a 全市 figure that is a mean of the units' (形象进度, a
 * figure every unit must reach), which falls rightly when a unit with no figure last month reports a low one; the
 * units' own figures under it are held.
 */
public final class Guard {

    public static final String CODE = "published-decrease";

    private Guard() {
    }

    /**
     * Every figure of {@code now} below the same figure of {@code before}, as an error naming the indicator and both
     * values; none where there is no last month.
     *
     * @param label how to name last month's bulletin ({@code out/2026-05/bulletin.json}), or null where it was
     *              computed again from its workbooks
     */
    public static List<Problem> falls(IndicatorModel model, Snapshot now, Snapshot before, String label) {
        List<Problem> out = new ArrayList<>();
        if (before == null) {
            return out;
        }
        Map<String, SnapshotIndicator> last = new LinkedHashMap<>();
        before.indicators().forEach(i -> last.put(i.code(), i));
        String was = before.month() + "月" + (label == null ? "（据报表重新计算）的" : "公布的");
        String where = label == null ? "" : "（" + label + "）";
        for (SnapshotIndicator i : now.indicators()) {
            SnapshotIndicator p = last.get(i.code());
            Indicator ind = model.indicator(i.code()).orElse(null);
            if (p == null || ind == null || !i.kind().cumulative() || !p.kind().cumulative()) {
                continue;
            }
            boolean percent = i.kind().reportsPercent();
            boolean sum = i.kind().sumsUnits(i.perUnit());
            if ((sum || ind.reportedByLeadUnit()) && p.total() != null) {
                fall(i, "全市", i.total(), p.total(), percent, was, where, out);
            }
            for (var e : i.units().entrySet()) {
                Figure f = p.units().get(e.getKey());
                if (ind.appliesTo(e.getKey()) && f != null) {
                    fall(i, e.getKey(), e.getValue(), f, percent, was, where, out);
                }
            }
        }
        return out;
    }

    private static void fall(SnapshotIndicator i, String who, Figure now, Figure before, boolean percent, String was,
                             String where, List<Problem> out) {
        BigDecimal a = percent ? now.percent() : now.done();
        BigDecimal b = percent ? before.percent() : before.done();
        if (a == null || b == null || a.compareTo(b) >= 0) {
            return;
        }
        String what = percent ? "形象进度" : "累计完成";
        String mark = percent ? "%" : "";
        Source at = now.source();
        out.add(new Problem(Severity.ERROR, CODE, at == null ? null : at.file(), at == null ? null : at.sheet(),
                at == null ? null : at.cell(), "指标 " + i.code() + "（" + i.name() + "）" + who + "的" + what + "将是 "
                + Numbers.format(a) + mark + "，比" + was + " " + Numbers.format(b) + mark + " 少" + where,
                Numbers.format(a), "不少于 " + Numbers.format(b)).about(i.code(), i.name()));
    }
}
