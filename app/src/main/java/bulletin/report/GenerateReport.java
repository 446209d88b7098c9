package bulletin.report;

import bulletin.model.Card;
import bulletin.model.Snapshot;
import bulletin.text.Format;
import java.util.ArrayList;
import java.util.List;

/** What {@code generate} prints when it is done: the files, the schedule, the cards, who did not report. */
public final class GenerateReport {

    private GenerateReport() {
    }

    /** The terminal summary after generate. */
    public static String text(Snapshot s, boolean unchanged, List<String> written, List<String> kept,
                              List<String> notes) {
        StringBuilder sb = new StringBuilder();
        String head = s.year() + "年" + s.month() + "月工作专报（第" + s.issue() + "期）";
        if (unchanged) {
            sb.append(head).append("：与已有的专报完全相同，未改动文件\n");
        } else {
            sb.append("已生成 ").append(head).append("：\n");
            written.forEach(w -> sb.append("  ").append(w).append('\n'));
        }
        if (!kept.isEmpty()) {
            sb.append("内容有变化，原有文件已保留为：\n");
            kept.forEach(k -> sb.append("  ").append(k).append('\n'));
            sb.append("（不想保留旧文件时加 --force）\n");
        }
        sb.append("序时进度 ").append(Format.percent(s.schedule())).append("；");
        sb.append("省级 ").append(s.summary().province().onSchedule()).append("/").append(s.summary().province().scored())
                .append(" 个指标达到序时进度，市级 ").append(s.summary().city().onSchedule()).append("/")
                .append(s.summary().city().scored()).append(" 个\n");
        List<String> red = new ArrayList<>();
        List<String> yellow = new ArrayList<>();
        for (Snapshot.Behind b : s.summary().behind()) {
            String line = b.code() + " " + b.name() + " " + Format.percent(b.progress())
                    + (b.leadUnit() == null ? "" : "（" + b.leadUnit() + "）");
            (b.card() == Card.RED ? red : yellow).add(line);
        }
        sb.append("红牌 ").append(red.size()).append(" 个").append(red.isEmpty() ? "" : "：").append('\n');
        red.forEach(l -> sb.append("  ").append(l).append('\n'));
        sb.append("黄牌 ").append(yellow.size()).append(" 个").append(yellow.isEmpty() ? "" : "：").append('\n');
        yellow.forEach(l -> sb.append("  ").append(l).append('\n'));
        if (!s.summary().cleared().isEmpty()) {
            sb.append("上月的牌已摘除 ").append(s.summary().cleared().size()).append(" 个：")
                    .append(String.join("、", s.summary().cleared())).append('\n');
        }
        sb.append("未报送：").append(s.late().isEmpty() ? "无" : String.join("、", s.late()));
        if (!s.lateDepartments().isEmpty()) {
            sb.append("；牵头单位未报送：").append(String.join("、", s.lateDepartments()));
        }
        sb.append('\n');
        excluded(s, sb);
        notes.forEach(n -> sb.append("说明：").append(n).append('\n'));
        return sb.toString();
    }

    /** What --skip-invalid left out, a line each: the unit, the file and cell, the indicator, why. */
    private static void excluded(Snapshot s, StringBuilder sb) {
        if (s.excluded().isEmpty()) {
            return;
        }
        sb.append("未采用的数据（--skip-invalid，沿用上月）").append(s.excluded().size()).append(" 处：\n");
        for (Snapshot.Excluded e : s.excluded()) {
            sb.append("  ").append(e.unit() == null ? "" : e.unit() + " ").append(e.file());
            if (e.code() == null) {
                sb.append(" 整份未采用");
            } else {
                sb.append(e.sheet() == null ? "" : ":" + e.sheet() + (e.cell() == null ? "" : "!" + e.cell()))
                        .append(" 指标 ").append(e.code());
            }
            sb.append("（").append(e.problem()).append("：").append(e.message()).append("）\n");
        }
    }
}
