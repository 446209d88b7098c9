package bulletin.document;

import static org.assertj.core.api.Assertions.assertThat;

import bulletin.model.Notes;
import bulletin.model.Platform;
import bulletin.model.Snapshot;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** The platform paragraph of 工作进展 as the built-in template words it, from counts made up for the case. */
class PlatformWordingTest {

    static final List<String> MODULES = List.of("政策文件", "工作动态", "信息公开");

    /** A unit ("甲镇 5 0 0") or, with a leading "*", another row. */
    static Snapshot snapshot(String... rows) {
        List<Platform.Row> out = new ArrayList<>();
        List<String> units = new ArrayList<>();
        Map<String, Long> totals = new LinkedHashMap<>();
        MODULES.forEach(m -> totals.put(m, 0L));
        for (String line : rows) {
            String[] f = line.split(" ");
            boolean unit = !f[0].startsWith("*");
            String name = f[0].replace("*", "");
            Map<String, Long> counts = new LinkedHashMap<>();
            for (int k = 0; k < MODULES.size(); k++) {
                counts.put(MODULES.get(k), Long.parseLong(f[k + 1]));
                totals.merge(MODULES.get(k), Long.parseLong(f[k + 1]), Long::sum);
            }
            out.add(new Platform.Row(name, unit, counts, counts.values().stream().mapToLong(Long::longValue).sum(), null));
            if (unit) {
                units.add(name);
            }
        }
        Platform p = new Platform("platform/2026-05.xlsx", null, MODULES.stream().map(m -> new Platform.Module(m, null))
                .toList(), out, totals, totals.values().stream().mapToLong(Long::longValue).sum());
        Snapshot.LevelSummary none = new Snapshot.LevelSummary(0, 0, 0, 0, 0, 0);
        return new Snapshot(2026, 5, 3, "2026-05-30", new BigDecimal("0.4167"), "t", "o", units, "absent", List.of(),
                new Snapshot.Summary(none, none, List.of(), List.of(), List.of(), 0), List.of(), List.of(), null,
                List.of()).withPlatform(p);
    }

    static String paragraph(Snapshot s) {
        return Wording.render(s, Notes.EMPTY, null, Map.of()).stream().map(Wording.Block::text)
                .filter(t -> t.contains("平台情况")).collect(Collectors.joining("\n"));
    }

    @Test
    void theTotalsTheThreeUnitsWithMostUploadsAndTheUnitsWithAnEmptyModule() {
        String p = paragraph(snapshot("甲镇 5 4 3", "乙镇 9 9 9", "丙镇 1 0 0", "丁镇 2 2 2", "戊镇 3 0 0", "*市直 50 50 50"));
        assertThat(p).isEqualTo("湖南省“民生实事保障”平台情况：共上传数据199条，其中政策文件70条、工作动态65条、信息公开64条"
                + "（详见附件1）。平台数据上传数量较多的有：乙镇、甲镇和丁镇。丙镇、戊镇的工作动态、信息公开两个模块数据为零，"
                + "相关单位需高度重视，立即对标整改，补齐短板。");
    }

    @Test
    void aTieWithTheThirdIsNamedTooAndAUnitWithNothingAtAllIsSaidSo() {
        String p = paragraph(snapshot("甲镇 5 5 5", "乙镇 3 3 3", "丙镇 2 2 2", "丁镇 2 1 3", "戊镇 0 0 0", "己镇 1 0 1"));
        assertThat(p).contains("较多的有：甲镇、乙镇、丙镇和丁镇。");
        assertThat(p).contains("戊镇各模块数据均为零；己镇的工作动态模块数据为零，相关单位需高度重视");
    }

    @Test
    void noUnitWithAnEmptyModuleNoCallToCatchUp() {
        String p = paragraph(snapshot("甲镇 1 1 1", "乙镇 2 2 2"));
        assertThat(p).endsWith("较多的有：乙镇和甲镇。").doesNotContain("为零", "整改");
    }

    @Test
    void noPlatformCountsNoParagraphAndNoThirdAttachment() {
        Snapshot.LevelSummary none = new Snapshot.LevelSummary(0, 0, 0, 0, 0, 0);
        Snapshot s = new Snapshot(2026, 5, 3, "2026-05-30", new BigDecimal("0.4167"), "t", "o", List.of("甲镇"), "absent",
                List.of(), new Snapshot.Summary(none, none, List.of(), List.of(), List.of(), 0), List.of(), List.of(),
                null, List.of());
        List<Wording.Block> blocks = Wording.render(s, Notes.EMPTY, null, Map.of());
        assertThat(blocks).noneMatch(b -> b.text().contains("平台"));
        assertThat(blocks).noneMatch(b -> b.kind().equals("attach") && b.text().startsWith("3."));
        assertThat(blocks).noneMatch(b -> b.kind().equals("appendix") && b.text().equals("3"));
        List<Wording.Block> with = Wording.render(snapshot("甲镇 1 1 1"), Notes.EMPTY, null, Map.of());
        // Without indicators the platform's table is the only appendix, so it is 附件1 (issue 22, point 10).
        assertThat(with).contains(new Wording.Block("attach", "附件：1.2026年5月民生实事平台信息上传情况表"),
                new Wording.Block("appendix", "3"));
    }
}
