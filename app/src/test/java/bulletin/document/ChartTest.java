package bulletin.document;

import static org.assertj.core.api.Assertions.assertThat;

import bulletin.ingest.SnapshotReader;
import bulletin.model.Level;
import bulletin.model.Snapshot;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;

/** The chart's data: bars numbered as the text numbers the items, and a tick where an indicator has its own schedule. */
class ChartTest {

    private static String indicator(String code, int item, String itemName, String name, String level, String schedule,
                                    String progress, String status) {
        return "{\"code\":\"" + code + "\",\"item\":" + item + ",\"itemName\":\"" + itemName + "\",\"name\":\"" + name
                + "\",\"path\":[\"" + itemName + "\",\"" + name + "\"],\"level\":\"" + level
                + "\",\"kind\":\"quantity\",\"unit\":\"人\",\"schedule\":" + schedule + ",\"total\":{\"progress\":"
                + progress + ",\"status\":\"" + status + "\"},\"units\":{},\"notes\":[],\"problems\":[]}";
    }

    /**
     * 省级: item 1 with two indicators, item 2 with a text target only (numbered, not drawn), item 3 its own only
     * indicator; 市级 (item 11 in the notice, 1. in the text): 水稻机插机抛 judged against its own 60% for May.
     */
    static Snapshot snapshot() {
        String json = "{\"year\":2026,\"month\":5,\"issue\":3,\"date\":\"2026-05-30\",\"schedule\":0.4167,"
                + "\"units\":[],\"indicators\":["
                + indicator("01-01", 1, "幼有所育", "产前筛查率、新生儿疾病筛查率达90%以上（省卫健委）", "province", "0.4167",
                        "1.0159", "done") + ","
                + indicator("01-02", 1, "幼有所育", "培育1个省级职工子女托育托管服务点", "province", "0.4167", "0.3",
                        "behind") + ","
                + indicator("02-01", 2, "学有所教", "新增省属高校校舍面积", "province", "0.4167", "null", "not-scored") + ","
                + indicator("03-01", 3, "城镇新增就业6000人", "城镇新增就业6000人", "province", "0.4167", "0.46",
                        "on-schedule") + ","
                + indicator("11-01", 11, "提高粮食产能", "高标准农田建设5万亩", "city", "0.4167", "0.65", "on-schedule") + ","
                + indicator("11-02", 11, "提高粮食产能", "水稻机插机抛作业16.5万亩", "city", "0.6", "0.5", "behind")
                + "]}";
        return SnapshotReader.parse(json);
    }

    @Test
    void indicatorsAreNumberedAsTheTextNumbersThemWithinTheirLevel() {
        assertThat(Chart.numbers(snapshot())).containsExactly(
                java.util.Map.entry("01-01", "1(1)"), java.util.Map.entry("01-02", "1(2)"),
                // 02-01 has nothing to say but its target: the text leaves it (and its item) out, so 03-01 is 2.
                java.util.Map.entry("03-01", "2"),
                java.util.Map.entry("11-01", "1(1)"), java.util.Map.entry("11-02", "1(2)"));
    }

    @Test
    void barsCarryTheTextsNumbersAndATickWhereTheScheduleIsTheIndicatorsOwn() {
        var bars = Chart.bars(snapshot());
        assertThat(bars).extracting(Chart.Bar::label).containsExactly("1(1) 产前筛查率…",
                "1(2) 培育省级职工子女托育…", "2 城镇新增就业", "1(1) 高标准农田建设", "1(2) 水稻机插机抛作业");
        assertThat(bars).extracting(Chart.Bar::level).containsExactly(Level.PROVINCE, Level.PROVINCE, Level.PROVINCE,
                Level.CITY, Level.CITY);
        // Only 水稻机插机抛 has a schedule of its own: its tick at 60%, where its bar (50%) is short of it: red,
        // although past the month's 41.67% line.
        assertThat(bars).filteredOn(Chart.Bar::own).singleElement().satisfies(b -> {
            assertThat(b.schedule()).isEqualTo(60.0);
            assertThat(b.percent()).isEqualTo(50.0);
            assertThat(b.behind()).isTrue();
        });
        assertThat(bars).filteredOn(b -> !b.own()).allSatisfy(b -> assertThat(b.schedule()).isEqualTo(41.67));
        assertThat(bars.get(0).percent()).isEqualTo(101.59);
    }

    @Test
    void thePictureIsTheTextBlocksWidthAtPrintResolution() throws IOException {
        var font = Chart.chineseFont();
        if (font.isEmpty()) {
            return;
        }
        byte[] png = Chart.render(snapshot(), font.get(), 156).orElseThrow();
        var img = ImageIO.read(new ByteArrayInputStream(png));
        assertThat(img.getWidth()).isEqualTo((int) Math.round(156 / 25.4 * Chart.DPI));
        assertThat(DocxWriter.pictureHeight(png)).isEqualTo((double) Reference.TEXT_WIDTH * img.getHeight()
                / img.getWidth());
    }

    /** Issue 23, point 5: every carded indicator has a visible bar, and labels are cut where a word ends. */
    @Test
    void aBehindBarAtZeroIsARedStubAndLabelsAreNeverCutInsideANumber() {
        assertThat(Chart.drawn(new Chart.Bar(Level.CITY, "x", 0, 50, false, true))).isEqualTo(Chart.STUB);
        assertThat(Chart.drawn(new Chart.Bar(Level.CITY, "x", 0, 50, false, false))).isZero();
        assertThat(Chart.drawn(new Chart.Bar(Level.CITY, "x", 40, 50, false, true))).isEqualTo(40.0);
        assertThat(Chart.shortName("发放创业担保贷款9500万元")).isEqualTo("发放创业担保贷款");
        assertThat(Chart.shortName("开展“技兴三湘一人一技”职业技能培训1650万人次")).isEqualTo("“技兴三湘一人一技”…");
        assertThat(Chart.shortName("开展“技兴三湘一人一技”职业技能培训1650万人次")).doesNotContainPattern("\\d");
        for (String name : java.util.List.of("城市快速路（高架）、国省道公路、农村地区道路智慧安防建设7处",
                "全市新增上线应用15个“高效办成一件事”重点事项", "为外卖骑手等户外劳动者新建“爱心驿站”5家")) {
            String label = Chart.shortName(name);
            assertThat(label.length()).as(label).isLessThanOrEqualTo(Chart.LABEL);
            assertThat(label).as(label).doesNotContainPattern("\\d").doesNotContain("“…").doesNotEndWith("、…");
            assertThat(label.chars().filter(c -> c == '“').count()).as(label)
                    .isEqualTo(label.chars().filter(c -> c == '”').count());
        }
    }
}
