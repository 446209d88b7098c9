package bulletin.document;

import static org.assertj.core.api.Assertions.assertThat;

import bulletin.document.AppendixLayout.Merge;
import bulletin.document.AppendixLayout.Shade;
import bulletin.model.Card;
import bulletin.model.Kind;
import bulletin.model.Level;
import bulletin.model.Snapshot.Figure;
import bulletin.model.Snapshot.SnapshotIndicator;
import bulletin.model.Snapshot;
import bulletin.model.Status;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;

/** The appendix table laid out once: its cells and merges, and the xlsx copy holding exactly that layout. */
class AppendixLayoutTest {

    private static final List<String> UNITS = List.of("甲镇", "乙镇");

    private static Figure figure(String target, String done, String progress, Status status) {
        return new Figure(target == null ? null : new BigDecimal(target), null, done == null ? null : new BigDecimal(done),
                null, progress == null ? null : new BigDecimal(progress), status, null, false);
    }

    /** 乙镇 sent nothing in May: its April figure stands. */
    private static Figure carried(Figure f) {
        return new Figure(f.target(), f.targetText(), f.done(), f.percent(), f.progress(), f.status(), null, true,
                new bulletin.model.Source("progress/2026-04/乙镇.xlsx", "进度填报", "F5"), "2026-04");
    }

    private static SnapshotIndicator indicator(String code, int item, List<String> path, Card card,
                                               Figure total, Figure a, Figure b) {
        Map<String, Figure> units = new LinkedHashMap<>();
        units.put("甲镇", a);
        units.put("乙镇", b);
        return new SnapshotIndicator(code, item, path.get(0), path.get(path.size() - 1), path, Level.CITY,
                Kind.QUANTITY, "人", null, new BigDecimal("0.4167"), total, units, card, null, null, List.of(), List.of(), false, 0, null);
    }

    /** Item 1 with one task of two indicators; item 2 a project that is its own only indicator. */
    private static Snapshot snapshot() {
        Figure none = new Figure(null, null, null, null, null, Status.NOT_SCORED, null, false);
        List<SnapshotIndicator> inds = List.of(
                indicator("01-01", 1, List.of("就业", "技能培训", "培训人数"), Card.RED,
                        figure("100", "30", "0.3", Status.BEHIND), figure("60", "10", "0.1667", Status.BEHIND),
                        carried(figure("40", "20", "0.5", Status.ON_SCHEDULE))),
                indicator("01-02", 1, List.of("就业", "技能培训", "新增岗位"), null,
                        figure("10", "5", "0.5", Status.ON_SCHEDULE), figure("10", "5", "0.5", Status.ON_SCHEDULE), none),
                indicator("02-01", 2, List.of("提质改造市一中1所"), null,
                        figure("1", "1", "1", Status.DONE), figure("1", "1", "1", Status.DONE), none));
        Snapshot.LevelSummary empty = new Snapshot.LevelSummary(0, 0, 0, 0, 0, 0);
        return new Snapshot(2026, 5, 3, "2026-05-30", new BigDecimal("0.4167"), "t", "o", UNITS, "absent", inds,
                new Snapshot.Summary(empty, empty, List.of(), List.of(), List.of(), 0), List.of("乙镇"), List.of(), null,
                List.of());
    }

    @Test
    void blocksMergesAndShading() {
        AppendixLayout t = AppendixLayout.of(snapshot(), Level.CITY);
        assertThat(AppendixLayout.of(snapshot(), Level.PROVINCE)).isNull();
        assertThat(t.number()).as("the only appendix is 附件1 (issue 22, point 10)").isEqualTo(1);
        assertThat(t.title()).isEqualTo("市级重点民生实事项目5月推进情况统计表");
        assertThat(t.rows()).hasSize(1 + 3 * 3);
        assertThat(t.rows().get(0)).extracting(AppendixLayout.Cell::text)
                .containsExactly("序号", "项目名称", "项目主要任务", "指标", "单位", "推进情况", "全市", "甲镇", "乙镇");
        assertThat(t.blocks()).containsExactly(1, 4, 7);
        assertThat(t.rows().get(1)).extracting(AppendixLayout.Cell::text)
                .containsExactly("1", "就业", "技能培训", "培训人数", "人", "指标", "100", "60", "40");
        assertThat(t.rows().get(3)).extracting(AppendixLayout.Cell::text)
                .containsExactly("", "", "", "", "", "进度", "30.00%", "16.67%", "50.00%");
        // 乙镇's carried figure is marked on its 数量 and 进度 rows, not on its target, and the note says why.
        assertThat(t.rows().get(1).get(8).shown()).isEqualTo("40");
        assertThat(t.rows().get(2).get(8).shown()).isEqualTo("20＊");
        assertThat(t.rows().get(3).get(8).shown()).isEqualTo("50.00%＊");
        assertThat(t.rows().get(2).get(7).shown()).isEqualTo("10");
        assertThat(t.notes()).containsExactly("注：乙镇未报送5月报表，表中带＊的数据沿用4月累计数。");
        // A unit with no target of its own shows "/" on all three rows.
        assertThat(t.rows().get(5).get(8).text()).isEqualTo("/");
        // The red card shades the total and the unit behind, not the unit on schedule.
        assertThat(t.rows().get(3)).extracting(AppendixLayout.Cell::shade)
                .containsExactly(Shade.NONE, Shade.NONE, Shade.NONE, Shade.NONE, Shade.NONE, Shade.NONE,
                        Shade.RED, Shade.RED, Shade.NONE);
        assertThat(t.merges()).containsExactlyInAnyOrder(
                new Merge(1, 3, 3, 3), new Merge(1, 4, 3, 4),       // 01-01's name and unit
                new Merge(4, 3, 6, 3), new Merge(4, 4, 6, 4),       // 01-02's
                new Merge(1, 2, 6, 2),                              // the task over both
                new Merge(1, 0, 6, 0), new Merge(1, 1, 6, 1),       // the item's number and name
                new Merge(7, 1, 9, 3), new Merge(7, 4, 9, 4),       // the single project: one name across three
                new Merge(7, 0, 9, 0));
        assertThat(t.rows().get(7).get(1).text()).isEqualTo("提质改造市一中1所");
    }

    @Test
    void theWorkbookHoldsTheSameCellsAndMerges() throws IOException {
        Snapshot s = snapshot();
        AppendixLayout t = AppendixLayout.of(s, Level.CITY);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        AppendixXlsx.write(s, new DocxWriter.Look(false, "FFFF00", "FF7C80", null), out);
        try (XSSFWorkbook wb = new XSSFWorkbook(new ByteArrayInputStream(out.toByteArray()))) {
            XSSFSheet sh = wb.getSheet("附件1"); // the city level's table is the only one: 附件1
            org.apache.poi.ss.usermodel.DataFormatter fmt = new org.apache.poi.ss.usermodel.DataFormatter();
            for (int r = 0; r < t.rows().size(); r++) {
                for (int c = 0; c < t.columns(); c++) {
                    String expected = t.rows().get(r).get(c).shown();
                    assertThat(fmt.formatCellValue(sh.getRow(r + 1).getCell(c))).as("r%d c%d", r, c)
                            .isEqualTo(expected);
                }
            }
            // Every merge of the layout, one row lower under the title, and the title across the table.
            java.util.Set<String> merges = sh.getMergedRegions().stream().map(CellRangeAddress::formatAsString)
                    .collect(Collectors.toSet());
            java.util.Set<String> expected = t.merges().stream()
                    .map(m -> new CellRangeAddress(m.r1() + 1, m.r2() + 1, m.c1(), m.c2()).formatAsString())
                    .collect(Collectors.toSet());
            expected.add(new CellRangeAddress(0, 0, 0, t.columns() - 1).formatAsString());
            int note = t.rows().size() + 2;
            expected.add(new CellRangeAddress(note, note, 0, t.columns() - 1).formatAsString());
            assertThat(merges).isEqualTo(expected);
            // The carried figure is still a number, its mark in the number format; the note under the table.
            var carried = sh.getRow(3).getCell(8);
            assertThat(carried.getCellType()).isEqualTo(org.apache.poi.ss.usermodel.CellType.NUMERIC);
            assertThat(carried.getNumericCellValue()).isEqualTo(20.0);
            assertThat(fmt.formatCellValue(carried)).isEqualTo("20＊");
            assertThat(sh.getRow(note).getCell(0).getStringCellValue()).isEqualTo(t.notes().get(0));
        }
    }
}
