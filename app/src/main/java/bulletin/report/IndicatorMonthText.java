package bulletin.report;

import bulletin.model.Snapshot.Figure;
import bulletin.model.Snapshot.SnapshotIndicator;
import bulletin.model.Snapshot;
import bulletin.text.Format;

/**
 * {@code inspect --indicator CODE --month M}: every unit's target, figure and completion for one indicator, and
 * the workbook cell each figure came from (or 未报送, or 沿用4月 for a carried one).
 */
public final class IndicatorMonthText {

    private IndicatorMonthText() {
    }

    public static String render(Snapshot s, String code) {
        SnapshotIndicator i = s.indicators().stream().filter(x -> x.code().equals(code)).findFirst().orElseThrow();
        StringBuilder sb = new StringBuilder();
        sb.append(i.code()).append("  ").append(i.name()).append('\n');
        sb.append(s.year()).append("年").append(s.month()).append("月；单位：").append(i.measure())
                .append("；序时进度 ").append(Format.percent(i.schedule())).append('\n');
        sb.append(row("全市", i.total(), i, s)).append('\n');
        for (String u : s.units()) {
            Figure f = i.units().get(u);
            if (f != null && (f.target() != null || f.targetText() != null || f.done() != null || f.percent() != null)) {
                sb.append(row(u, f, i, s)).append('\n');
            }
        }
        s.excluded().stream().filter(e -> code.equals(e.code()) || e.code() == null).forEach(e -> sb.append("  未采用：")
                .append(e.unit() == null ? "" : e.unit() + " ").append(e.file())
                .append(e.cell() == null ? "" : ":" + (e.sheet() == null ? "" : e.sheet() + "!") + e.cell())
                .append("（").append(e.message()).append("）\n"));
        return sb.toString();
    }

    private static String row(String who, Figure f, SnapshotIndicator i, Snapshot s) {
        String target = f.target() != null ? Format.number(f.target()) : f.targetText() != null ? f.targetText() : "/";
        boolean percent = i.kind().reportsPercent();
        String figure = percent ? (f.percent() == null ? "—" : Format.number(f.percent()) + "%")
                : f.done() == null ? "—" : Format.number(f.done());
        String done = f.progress() == null ? "—" : Format.percent(f.progress());
        String from;
        if (who.equals("全市") && f.source() == null && !f.carried()) {
            from = i.averaged() ? "各单位平均" : "各单位合计";
        } else if (f.carried()) {
            // a standard the lead department applies for every unit: its figure, so its report, for each unit
            boolean lead = !who.equals("全市") && i.appliedByLead(who);
            String reporter = who.equals("全市") || lead ? i.leadUnit() : who;
            boolean wrong = s.excluded().stream().anyMatch(e -> reporter != null && reporter.equals(e.unit())
                    && (e.code() == null || e.code().equals(i.code())));
            boolean late = !wrong && (s.late().contains(who) || s.lateDepartments().contains(reporter));
            from = (lead ? reporter : "") + (late ? "未报送，" : "有误未采用，") + "沿用" + Format.monthLabel(f.carriedFrom()) + "（"
                    + (f.source() == null ? "" : f.source().format()) + "）";
        } else if (f.source() != null && !who.equals("全市") && i.appliedByLead(who)) {
            from = "由" + i.leadUnit() + "统一落实（" + f.source().format() + "）";
        } else if (f.source() != null) {
            from = f.source().format();
        } else {
            from = s.late().contains(who) ? "未报送" : "未填";
        }
        return String.format("  %-6s 目标 %-10s 完成 %-10s 进度 %-8s %s", who, target, figure, done, from);
    }
}
