package bulletin.document;

import bulletin.text.Format;
import bulletin.model.Level;
import bulletin.model.Snapshot;
import bulletin.model.Snapshot.Figure;
import bulletin.model.Snapshot.SnapshotIndicator;
import bulletin.model.Status;
import java.util.ArrayList;
import java.util.List;

/**
 * The appendix tables (附件1 provincial, 附件2 city level) as rows of text: one block of three rows per
 * indicator, 指标 / 数量 / 进度, under 序号 | 项目名称 | 项目主要任务 | 指标 | 单位 | 推进情况 | 全市 | the units.
 * Shared by the .docx and the .xlsx copies so both show the same cells.
 */
public final class Appendix {

    public static final String NONE = "/";
    public static final String IN_PROGRESS = "正在推进";
    public static final List<String> FIXED = List.of("序号", "项目名称", "项目主要任务", "指标", "单位", "推进情况", "全市");

    /**
     * One indicator's block: the name cells and three rows of figures (全市 first, then each unit).
     * {@code wordTarget} is set where the target is words for the whole city (no unit has one of its own): the
     * 指标 row then carries it once, across the 全市 and unit columns, as the official tables do.
     */
    public record Block(SnapshotIndicator indicator, String task, List<String> targets, List<String> done,
                        List<String> progress, List<Boolean> behind, String wordTarget) {

        /** A project that is its own only indicator (item 11 "县域普通高中办学条件提质改造1所"). */
        public boolean single() {
            return indicator.path().size() == 1;
        }
    }

    private Appendix() {
    }

    public static String title(Level level, int month) {
        return (level == Level.PROVINCE ? "省级" : "市级") + "重点民生实事项目" + month + "月推进情况统计表";
    }

    public static List<String> header(Snapshot s) {
        List<String> h = new ArrayList<>(FIXED);
        h.addAll(s.units());
        return h;
    }

    public static List<Block> blocks(Snapshot s, Level level) {
        List<Block> out = new ArrayList<>();
        for (SnapshotIndicator i : s.indicators()) {
            if (!i.level().equals(level.id())) {
                continue;
            }
            List<String> t = new ArrayList<>();
            List<String> d = new ArrayList<>();
            List<String> p = new ArrayList<>();
            List<Boolean> b = new ArrayList<>();
            boolean percentKind = i.kind().equals("progress") || i.kind().equals("standard");
            boolean rate = i.kind().equals("rate");
            add(i.total(), percentKind, rate, true, t, d, p, b);
            for (String u : s.units()) {
                add(i.units().get(u), percentKind, rate, false, t, d, p, b);
            }
            String task = i.path().size() >= 3 ? i.path().get(1) : "";
            boolean unitScoped = i.units().values().stream().anyMatch(f -> f.target() != null || f.targetText() != null);
            String words = !unitScoped && i.total().target() == null ? i.total().targetText() : null;
            out.add(new Block(i, task, t, d, p, b, words));
        }
        return out;
    }

    private static void add(Figure f, boolean percentKind, boolean rate, boolean total, List<String> t, List<String> d,
                            List<String> p, List<Boolean> b) {
        boolean scoped = f != null && (f.target() != null || f.targetText() != null);
        if (!scoped && !total) {
            t.add(NONE);
            d.add(NONE);
            p.add(NONE);
            b.add(false);
            return;
        }
        t.add(f.target() != null ? Format.number(f.target()) : f.targetText() != null ? f.targetText() : NONE);
        if (percentKind) {
            d.add(f.percent() != null || f.status() != Status.NOT_SCORED ? IN_PROGRESS : NONE);
        } else {
            d.add(f.done() == null ? NONE : rate ? f.done().setScale(2, java.math.RoundingMode.HALF_UP).toPlainString()
                    : Format.number(f.done()));
        }
        p.add(f.progress() != null ? Format.percent(f.progress()) : NONE);
        b.add(f.status() == Status.BEHIND);
    }
}
