package bulletin.report;

import bulletin.model.Indicator;
import bulletin.model.IndicatorModel;
import bulletin.model.Item;
import bulletin.model.Level;
import bulletin.text.Numbers;
import bulletin.text.Text;
import java.util.ArrayList;
import java.util.List;

/** The indicator model as a table a clerk can read in a terminal ({@code bulletin inspect}). */
public final class ModelText {

    private ModelText() {
    }

    public static String render(IndicatorModel model) {
        StringBuilder sb = new StringBuilder();
        boolean titled = model.title() != null && model.title().contains(String.valueOf(model.year()));
        sb.append(titled ? model.title() : model.year() + "年" + (model.title() == null ? "" : "  " + model.title()))
                .append('\n');
        sb.append("填报单位（").append(model.units().size()).append("）：").append(String.join("、", model.units()))
                .append('\n');
        if (!model.idleUnits().isEmpty()) {
            sb.append("其中没有任务的单位（").append(model.idleUnits().size()).append("，不发填报表，不要求报送）：")
                    .append(String.join("、", model.idleUnits())).append('\n');
        }
        if (!model.departments().isEmpty()) {
            sb.append("直接填报全市数的牵头单位（").append(model.departments().size()).append("）：")
                    .append(String.join("、", model.departments())).append('\n');
        }
        long province = model.indicators().stream().filter(i -> i.level() == Level.PROVINCE).count();
        sb.append("项目 ").append(model.items().size()).append(" 个，指标 ").append(model.indicators().size())
                .append(" 个（省级 ").append(province).append(" 个，市级 ")
                .append(model.indicators().size() - province).append(" 个）\n");

        List<String[]> rows = new ArrayList<>();
        rows.add(new String[] {"编码", "级别", "类型", "指标", "单位", "全市目标", "单位数", "牵头单位"});
        int lastItem = -1;
        for (Indicator i : model.indicators()) {
            if (i.item() != lastItem) {
                Item it = model.item(i.item()).orElseThrow();
                rows.add(new String[] {"", "", "", it.number() + " " + it.name(), "", "", "", ""});
                lastItem = i.item();
            }
            rows.add(new String[] {
                i.code(), i.level().label(), i.kind().label(), "  " + i.name(), i.measure(), target(i),
                i.hasUnitTargets() ? String.valueOf(i.targets().size() + i.unitTexts().size()) : "—",
                i.responsibility().leadUnit() == null ? "？" : i.responsibility().leadUnit()});
        }
        int[] max = {6, 4, 8, 44, 8, 20, 6, 16};
        int[] width = new int[max.length];
        for (String[] r : rows) {
            for (int c = 0; c < r.length; c++) {
                width[c] = Math.min(max[c], Math.max(width[c], Text.width(r[c])));
            }
        }
        sb.append('\n');
        for (String[] r : rows) {
            StringBuilder line = new StringBuilder();
            for (int c = 0; c < r.length; c++) {
                String cell = Text.fit(r[c], width[c]);
                line.append(c == r.length - 1 ? cell : Text.pad(cell, width[c])).append(c == r.length - 1 ? "" : "  ");
            }
            sb.append(line.toString().stripTrailing()).append('\n');
        }
        if (!model.problems().isEmpty()) {
            sb.append('\n');
            model.problems().forEach(p -> sb.append(p.format()).append('\n'));
        }
        sb.append("\n用 bulletin inspect --indicator 编码 查看某个指标各单位的目标，--json 输出全部内容。\n");
        return sb.toString();
    }

    private static String target(Indicator i) {
        if (i.cityTarget() != null) {
            return Numbers.format(i.cityTarget());
        }
        if (i.targetText() != null) {
            return i.targetText();
        }
        if (!i.unitTexts().isEmpty()) {
            return i.unitTexts().values().iterator().next();
        }
        return "—";
    }

    /** One indicator in full, with every unit's target. */
    public static String renderOne(IndicatorModel model, Indicator i) {
        StringBuilder sb = new StringBuilder();
        sb.append(i.code()).append("  ").append(i.fullName()).append('\n');
        sb.append("级别：").append(i.level().label()).append("    类型：").append(i.kind().label())
                .append("（").append(i.kindReason()).append("）")
                .append("    单位：").append(i.measure().isEmpty() ? "—" : i.measure()).append('\n');
        sb.append("方向：").append(i.kind().direction()).append('\n');
        if (i.targetText() != null) {
            sb.append("目标（文字）：").append(i.targetText()).append('\n');
        }
        if (i.cityTarget() != null) {
            sb.append("全市目标：").append(Numbers.format(i.cityTarget()));
            if (i.targetSet()) {
                sb.append("（bulletin.yaml 中设置）");
            } else if (i.perUnit()) {
                sb.append("（每个单位都要达到；全市完成情况取各单位完成率的平均值）");
            } else if (i.totalTarget() == null) {
                sb.append("（各单位之和）");
            }
            sb.append('\n');
        }
        if (i.headline() != null) {
            sb.append("名称中的目标数：").append(Numbers.format(i.headline())).append(' ').append(i.measure()).append('\n');
        }
        var r = i.responsibility();
        sb.append("牵头领导：").append(orDash(r.leader())).append("    牵头单位：").append(orDash(r.leadUnit()));
        if (r.person() != null) {
            sb.append("    责任人：").append(r.person());
        }
        sb.append('\n');
        if (!r.relatedUnits().isEmpty()) {
            sb.append("相关责任单位：").append(String.join("、", r.relatedUnits())).append('\n');
        }
        if (i.note() != null) {
            sb.append("备注：").append(i.note()).append('\n');
        }
        String standard = i.standardForAll();
        if (standard != null) {
            sb.append("目标单元格跨全部单位列合并：这一标准是每个单位的目标，由牵头单位").append(r.leadUnit())
                    .append("统一落实并填报进度，各单位不必填报（单位自行填报的，以其所填为准）。\n");
        } else if (i.reportedByLeadUnit()) {
            sb.append("各单位没有分解目标：全市数由牵头单位").append(r.leadUnit()).append("填报。\n");
        }
        int w = model.units().stream().mapToInt(Text::width).max().orElse(4);
        for (String u : model.units()) {
            String t = i.targets().containsKey(u) ? Numbers.format(i.targets().get(u))
                    : standard != null ? standard + " · 由" + r.leadUnit() + "统一落实"
                    : i.unitTexts().getOrDefault(u, "/");
            sb.append("  ").append(Text.pad(u, w)).append("  ").append(t).append('\n');
        }
        sb.append("来源：").append(i.source()).append('\n');
        return sb.toString();
    }

    private static String orDash(String s) {
        return s == null ? "—" : s;
    }
}
