package bulletin.report;

import bulletin.diag.Problem;
import bulletin.model.IndicatorModel;
import bulletin.model.MonthReports;
import bulletin.model.MonthlyReport;
import java.util.ArrayList;
import java.util.List;

/** What arrived for a month ({@code bulletin inspect --month M}): who reported, who did not, what was unreadable. */
public final class ReportsText {

    private ReportsText() {
    }

    public static String render(IndicatorModel model, MonthReports r) {
        StringBuilder sb = new StringBuilder();
        String m = r.month().getYear() + "年" + r.month().getMonthValue() + "月";
        sb.append(m).append("：progress/").append(r.month()).append("/ 中有 ").append(r.files().size())
                .append(" 个工作簿，读入 ").append(r.reports().size()).append(" 份报表\n");
        List<String> missingUnits = new ArrayList<>();
        for (String u : model.reporters()) {
            if (r.of(u).isEmpty()) {
                missingUnits.add(u);
            }
        }
        List<String> missingDepts = new ArrayList<>();
        for (String d : model.departments()) {
            if (r.of(d).isEmpty()) {
                missingDepts.add(d);
            }
        }
        sb.append("填报单位已报 ").append(model.reporters().size() - missingUnits.size()).append("/")
                .append(model.reporters().size());
        sb.append(missingUnits.isEmpty() ? "" : "，未报：" + String.join("、", missingUnits)).append('\n');
        if (!model.departments().isEmpty()) {
            sb.append("牵头单位已报 ").append(model.departments().size() - missingDepts.size()).append("/")
                    .append(model.departments().size());
            sb.append(missingDepts.isEmpty() ? "" : "，未报：" + String.join("、", missingDepts)).append('\n');
        }
        for (MonthlyReport rep : r.reports()) {
            long figures = rep.entries().values().stream().filter(e -> e.done() != null || e.percent() != null).count();
            long words = rep.entries().values().stream().filter(e -> e.note() != null || e.problem() != null).count();
            sb.append("  ").append(rep.reporter()).append("：").append(figures).append(" 项数字，").append(words)
                    .append(" 项文字（").append(rep.file()).append("）\n");
        }
        List<String> unknown = r.reports().stream().map(MonthlyReport::reporter)
                .filter(x -> !model.units().contains(x) && !model.departments().contains(x)).toList();
        if (!unknown.isEmpty()) {
            sb.append("不在指标表中的单位：").append(String.join("、", unknown)).append('\n');
        }
        for (Problem p : r.problems().all()) {
            sb.append(p.format()).append('\n');
        }
        return sb.toString();
    }
}
