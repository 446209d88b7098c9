package bulletin.cli;

import static org.assertj.core.api.Assertions.assertThat;

import bulletin.ingest.SnapshotReader;
import bulletin.model.Snapshot;
import bulletin.model.Snapshot.SnapshotIndicator;
import bulletin.model.Status;
import bulletin.testing.Cli.Run;
import bulletin.testing.DocxText;
import bulletin.testing.GeneratedSamples;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Issue 23: every sentence true to its own tables. The samples' March–June (June with --skip-invalid), generated
 * once for the suite ({@code GeneratedSamples.marchToJune}, each {@code generate --month m --date 2026-0m-30
 * --skip-invalid}), each month's document read by POI once for the class, read as the deputy director who signs
 * them would: cards and data agree, laggard lists and rankings leave no unit out at the cut and rank no carried
 * unit unmarked, rejected figures told as office prose, the same thing said once.
 */
class SentencesTest {

    static Path ws;

    static final Map<Integer, List<String>> TEXT = new HashMap<>();
    static final Map<Integer, Snapshot> SNAPSHOT = new HashMap<>();
    static final Map<Integer, String> OUT = new HashMap<>();
    /** Each month's document as POI reads it, read once (the tests only read it). */
    static final Map<Integer, XWPFDocument> DOCUMENT = new HashMap<>();
    static final Map<Integer, Path> DOCX = new HashMap<>();

    @BeforeAll
    static void generateTheSamplesMonths() throws IOException {
        ws = GeneratedSamples.marchToJune().workspace();
        List<Run> runs = GeneratedSamples.marchToJuneRuns();
        for (int m = 3; m <= 6; m++) {
            Run r = runs.get(m - 3);
            assertThat(r.code()).as(r.toString()).isZero();
            OUT.put(m, r.out());
            Path out = ws.resolve("out/2026-0" + m);
            SNAPSHOT.put(m, SnapshotReader.read(out.resolve("bulletin.json"), "bulletin.json"));
            try (var list = Files.list(out)) {
                Path docx = list.filter(p -> p.toString().endsWith(".docx")).findFirst().orElseThrow();
                try (var in = Files.newInputStream(docx)) {
                    DOCUMENT.put(m, new XWPFDocument(in));
                }
                DOCX.put(m, docx);
                TEXT.put(m, paragraphs(DOCUMENT.get(m)));
            }
        }
    }

    /** The documents closed and let go: four POI documents are tens of megabytes the later classes need not keep. */
    @AfterAll
    static void closeTheDocuments() throws IOException {
        for (XWPFDocument d : DOCUMENT.values()) {
            d.close();
        }
        DOCUMENT.clear();
    }

    /** The document's paragraphs that are not blank, as POI gives their text (read by testing/DocxText). */
    static List<String> paragraphs(Path docx) throws IOException {
        return DocxText.of(docx).paragraphs().stream().filter(p -> !p.isBlank()).toList();
    }

    /**
     * testing/DocxText, which other tests read documents' words with instead of a POI parse each, gives the words
     * POI gives: every body paragraph's and table's text of the four months, and every table cell's, as their POI
     * documents here have them.
     */
    @Test
    void theWordsReadWithoutPoiAreThoseOfPoi() throws IOException {
        int tables = 0;
        long headers = 0;
        long shaded = 0;
        for (int m = 3; m <= 6; m++) {
            DocxText.Words ours = DocxText.of(DOCX.get(m));
            XWPFDocument poi = DOCUMENT.get(m);
            assertThat(ours.paragraphs()).as("%d月", m)
                    .isEqualTo(poi.getParagraphs().stream().map(XWPFParagraph::getText).toList());
            assertThat(ours.tables()).as("%d月", m)
                    .isEqualTo(poi.getTables().stream().map(org.apache.poi.xwpf.usermodel.XWPFTable::getText).toList());
            // and each table's rows' cells, as XWPFTableCell.getText() gives them
            assertThat(ours.cells()).as("%d月 cells", m).isEqualTo(poi.getTables().stream()
                    .map(t -> t.getRows().stream().map(r -> r.getTableCells().stream()
                            .map(org.apache.poi.xwpf.usermodel.XWPFTableCell::getText).toList()).toList())
                    .toList());
            // and each row's repeated header and each cell's shading, as XWPFTableRow and XWPFTableCell give them
            assertThat(ours.repeatHeader()).as("%d月 header rows", m).isEqualTo(poi.getTables().stream()
                    .map(t -> t.getRows().stream().map(org.apache.poi.xwpf.usermodel.XWPFTableRow::isRepeatHeader)
                            .toList()).toList());
            assertThat(ours.colors()).as("%d月 shading", m).isEqualTo(poi.getTables().stream()
                    .map(t -> t.getRows().stream().map(r -> r.getTableCells().stream()
                            .map(org.apache.poi.xwpf.usermodel.XWPFTableCell::getColor).toList()).toList())
                    .toList());
            tables += ours.tables().size();
            headers += ours.repeatHeader().stream().flatMap(List::stream).filter(h -> h).count();
            shaded += ours.colors().stream().flatMap(List::stream).flatMap(List::stream)
                    .filter(java.util.Objects::nonNull).count();
        }
        assertThat(tables).isGreaterThanOrEqualTo(8);
        assertThat(headers).as("rows repeated as headers").isGreaterThanOrEqualTo(8);
        assertThat(shaded).as("shaded cells").isPositive();
    }

    /** The document's paragraphs that are not blank, as POI gives their text. */
    private static List<String> paragraphs(XWPFDocument d) {
        List<String> out = new ArrayList<>();
        for (XWPFParagraph p : d.getParagraphs()) {
            if (!p.getText().isBlank()) {
                out.add(p.getText());
            }
        }
        return out;
    }

    private static String paragraph(int month, String containing) {
        return TEXT.get(month).stream().filter(p -> p.contains(containing)).findFirst().orElseThrow(
                () -> new AssertionError(month + "月专报中没有含“" + containing + "”的段落"));
    }

    private static SnapshotIndicator indicator(int month, String code) {
        return SNAPSHOT.get(month).indicators().stream().filter(i -> i.code().equals(code)).findFirst().orElseThrow();
    }

    /** Point 5: a reported 0 with a card is 尚未完成, never 暂无完成数据; a card's own schedule is said with it. */
    @Test
    void cardsAndDataAgree() {
        for (int m = 3; m <= 6; m++) {
            for (String p : TEXT.get(m)) {
                assertThat(p.contains("暂无完成数据") && p.contains("牌")).as(m + "月：" + p).isFalse();
            }
        }
        // 水稻机插机抛 is judged against its own 90% in June: the card's sentence gives it, not only the month's 50%.
        assertThat(indicator(6, "16-02").card()).isNotNull();
        assertThat(paragraph(6, "本期新增黄牌")).contains("“水稻机插机抛作业”进度为86.67%，该指标序时进度要求为90%");
        assertThat(paragraph(6, "（2）水稻机插机抛作业")).contains("未达到序时进度（该指标序时进度要求为90%，黄牌）");
    }

    /** Point 4: every unit tied at the cut is named or counted ("新市街道等5个镇（街道）均为0%"). */
    @Test
    void everyUnitAtZeroIsNamedOrCounted() {
        for (int m = 4; m <= 6; m++) {
            SnapshotIndicator bridges = indicator(m, "15-01");
            List<String> zero = bridges.units().entrySet().stream()
                    .filter(e -> e.getValue().status() == Status.BEHIND && e.getValue().progress() != null
                            && e.getValue().progress().signum() == 0).map(Map.Entry::getKey).toList();
            assertThat(zero).as(m + "月").isNotEmpty();
            String p = paragraph(m, "部分指标未达到序时进度");
            if (zero.size() > 3) {
                assertThat(p).as(m + "月").contains(zero.get(0) + "等" + zero.size() + "个镇（街道）均为0%");
            } else {
                assertThat(p).as(m + "月").contains(zero);
            }
        }
    }

    /** Point 4: a carried unit is marked; a ranking counts only this month's figures and one tier of units. */
    @Test
    void carriedUnitsAreMarkedAndRankingsHoldOneTierOfReportingUnits() {
        // June: 新市街道's workbook (May's form) and 神鼎山镇 (no report since April) are carried.
        String laggards = paragraph(6, "部分指标未达到序时进度");
        assertThat(laggards).contains("新市街道（沿用5月数据）", "神鼎山镇（沿用4月数据）");
        String ranking = paragraph(6, "靠后的是");
        assertThat(ranking).doesNotContain("新市街道").doesNotContain("神鼎山镇").doesNotContain("本级")
                .doesNotContainPattern("市\\p{IsHan}+局");
        // A new yellow card resting on one carried figure alone says so.
        assertThat(indicator(6, "18-01").card()).isNotNull();
        assertThat(paragraph(6, "本期新增黄牌")).contains("“街道综合性养老服务中心建设”进度为45%（本月无新报数据，沿用5月数据");
        for (int m = 3; m <= 6; m++) {
            assertThat(paragraph(m, "靠后的是").split("、").length).as(m + "月").isLessThanOrEqualTo(12);
        }
    }

    private static final Pattern CODE = Pattern.compile("[a-z]+-[a-z]+|[A-Z]{1,2}\\d{1,4}|progress/|\\.xlsx");

    /** Point 7: the rejected figures as office prose: no code, cell, path, validator phrase or nested quote. */
    @Test
    void rejectedFiguresAreToldAsOfficeProse() {
        String p = paragraph(6, "报表数据有误");
        assertThat(p).contains("新市街道误报5月报表", "大荆镇报送了两份不同的报表",
                "归义街道报表中“技兴三湘一人一技”职业技能培训填为“约40”", "上述数据未予采用，沿用上月数据");
        assertThat(p).doesNotContainPattern(CODE).doesNotContain("（这是").doesNotContain("…").doesNotContain("不是数字：");
        for (int m = 3; m <= 6; m++) {
            for (String q : TEXT.get(m)) {
                assertThat(maxQuoteDepth(q)).as(m + "月：" + q).isLessThanOrEqualTo(1);
            }
        }
    }

    static int maxQuoteDepth(String s) {
        int depth = 0;
        int max = 0;
        for (char c : s.toCharArray()) {
            if (c == '“') {
                max = Math.max(max, ++depth);
            } else if (c == '”') {
                depth--;
            }
        }
        return max;
    }

    /** Point 6: the short names in the cards and 突出问题 are never cut ("…") nor end in a space. */
    @Test
    void shortNamesInCardsAndProblemsAreWhole() {
        for (int m = 3; m <= 6; m++) {
            for (String p : TEXT.get(m)) {
                if (p.contains("黄牌") || p.contains("红牌") || p.contains("未予采用")) {
                    assertThat(p).as(m + "月").doesNotContain("…").doesNotContain(" ”").doesNotContain("“其中");
                }
            }
        }
    }

    /** Point 7: neighbouring indicators with the same sentence are said once; a unit's unchanged words are not news. */
    @Test
    void theSameIsSaidOnce() {
        for (int m = 3; m <= 6; m++) {
            Map<String, String> seen = new HashMap<>();
            for (String p : TEXT.get(m)) {
                if (!p.matches("^（\\d+）.*") || p.endsWith("本月不计进度。")) {
                    seen.clear(); // merged are the neighbours of one item that say the same
                }
                if (p.matches("^（\\d+）.*") && p.indexOf('。') > 0 && !p.endsWith("本月不计进度。")) {
                    String said = p.substring(p.indexOf('。') + 1);
                    if (said.length() > 8) {
                        assertThat(seen.put(said, p)).as(m + "月：" + p).isNull();
                        seen.clear();
                        seen.put(said, p);
                    }
                }
            }
        }
        assertThat(paragraph(5, "总体形象进度均为100%")).startsWith("（3）散居和集中供养孤儿").contains("。以上3项总体形象进度均为");
        assertThat(paragraph(5, "（1）城乡低保指导标准")).endsWith("和520元/月。");
        for (int m = 4; m <= 6; m++) {
            Snapshot now = SNAPSHOT.get(m);
            Snapshot before = SNAPSHOT.get(m - 1);
            String all = String.join("\n", TEXT.get(m));
            for (SnapshotIndicator i : now.indicators()) {
                boolean figure = i.total().done() != null || i.total().progress() != null;
                SnapshotIndicator b = before.indicators().stream().filter(x -> x.code().equals(i.code())).findFirst()
                        .orElse(null);
                if (!figure || b == null) {
                    continue;
                }
                for (Snapshot.UnitText t : i.notes()) {
                    boolean repeated = b.notes().stream().anyMatch(x -> x.unit().equals(t.unit())
                            && x.text().equals(t.text()));
                    boolean freshElsewhere = now.indicators().stream().filter(x -> x != i).anyMatch(x -> x.notes()
                            .stream().anyMatch(y -> y.text().equals(t.text())));
                    if (repeated && !freshElsewhere) {
                        assertThat(all).as(m + "月 " + i.code() + " " + t.unit())
                                .doesNotContain(t.text().replaceAll("[。；，\\s]+$", ""));
                    }
                }
            }
        }
    }

    /** The whole document's text, tables included (the extractor is not closed: that would close the document). */
    private static String everything(int month) {
        return new org.apache.poi.xwpf.extractor.XWPFWordExtractor(DOCUMENT.get(month)).getText();
    }

    /**
     * Point 2: one stated target per indicator. 03-05 printed by bulletin.yaml's name: without the notice's typo
     * (text, chart, appendix); 15-01 measured against 90 says so once; 09-02 against the notice's 11 (seed 001);
     * 15-01's short: name in the cards.
     */
    @Test
    void eachIndicatorStatesTheTargetItIsMeasuredAgainstOnce() throws IOException {
        for (int m = 3; m <= 6; m++) {
            String all = everything(m);
            assertThat(all).as(m + "月").doesNotContain("1650万人次").contains("职业技能培训1650人次");
            if (indicator(m, "15-01").total().done() != null && indicator(m, "15-01").total().done().signum() > 0) {
                assertThat(all.split("（按全市目标90座计）", -1).length - 1).as(m + "月").isEqualTo(1);
            }
        }
        assertThat(indicator(6, "09-02").total().target()).isEqualByComparingTo("11");
        assertThat(paragraph(6, "开展流动供销便民服务")).contains("已完成12个，完成全年任务的109.09%");
        assertThat(paragraph(6, "部分指标未达到序时进度")).contains("“农村自建桥梁安全隐患排查整治”进度为26.67%");
        // bulletin.json carries the printed name too; the forms keep the tables' own (the workbooks are read by it).
        assertThat(indicator(6, "03-05").name()).isEqualTo("开展“技兴三湘一人一技”职业技能培训1650人次");
        // So do the summary's behind indicators, which the terminal prints after generate.
        assertThat(SNAPSHOT.get(5).summary().behind()).filteredOn(b -> b.code().equals("03-05"))
                .extracting(Snapshot.Behind::name).containsExactly("开展“技兴三湘一人一技”职业技能培训1650人次");
        assertThat(OUT.get(5)).contains("03-05 开展“技兴三湘一人一技”职业技能培训1650人次").doesNotContain("1650万人次");
    }

    /**
     * Point 3: the city's 1650 人次 against the towns' 968: the 682 assigned to no town is said, and 突出问题 names
     * that share and its lead department as the gap, not the towns that are ahead of their own targets.
     */
    @Test
    void theShareAssignedToNoUnitIsNamedAsTheGap() {
        for (int m = 5; m <= 6; m++) {
            assertThat(paragraph(m, "职业技能培训1650人次。")).as(m + "月").contains("全年任务中有682人次未分解到镇（街道）");
            String problems = paragraph(m, "部分指标未达到序时进度");
            assertThat(problems).as(m + "月").contains("差距在于未分解到镇（街道）的682人次，需市人社局统筹推进");
            String training = problems.substring(problems.indexOf("“技兴三湘一人一技”职业技能培训进度为"));
            training = training.substring(0, training.indexOf("。"));
            assertThat(training).as(m + "月").doesNotContain("进度靠后");
        }
    }

    /**
     * The checks that hold for any city's bulletin: no 暂无完成数据 beside a card; every unit at 0% on a carded
     * indicator named or counted in 突出问题; no 本级 or department ranked among the units; no quotation inside a
     * quotation, cut short name, space-ended quote or validator phrase.
     */
    static void holdsForAnyCity(String label, List<String> text, Snapshot s) {
        String problems = text.stream().filter(p -> p.contains("部分指标未达到序时进度")).findFirst().orElse("");
        for (String p : text) {
            assertThat(p.contains("暂无完成数据") && p.contains("牌")).as(label + "：" + p).isFalse();
            assertThat(maxQuoteDepth(p)).as(label + "：" + p).isLessThanOrEqualTo(1); // the appendix's 注 too
            if (p.contains("黄牌") || p.contains("红牌") || p.contains("未予采用")) {
                assertThat(p).as(label).doesNotContain("…").doesNotContain(" ”").doesNotContain("“其中")
                        .doesNotContainPattern("[a-z]+-[a-z]+-?[a-z]*|进度填报!");
            }
            if (p.contains("靠后的是") || p.contains("所有指标均达到序时进度")) {
                assertThat(p).as(label).doesNotContain("本级").doesNotContainPattern("、市\\p{IsHan}+[局委办]");
            }
        }
        for (SnapshotIndicator i : s.indicators()) {
            boolean oneByOne = s.indicators().stream().filter(x -> x.total().status() == Status.BEHIND).count() <= 5;
            if (i.card() == null || !oneByOne || i.units().values().stream().filter(f -> f.target() != null).count() < 2
                    || Draft_gap(i)) {
                continue;
            }
            List<String> zero = i.units().entrySet().stream().filter(e -> e.getValue().status() == Status.BEHIND
                    && e.getValue().progress() != null && e.getValue().progress().signum() == 0)
                    .map(Map.Entry::getKey).toList();
            if (zero.size() > 3) {
                assertThat(problems).as(label + " " + i.code()).contains(zero.get(0) + "等" + zero.size() + "个");
            } else if (!zero.isEmpty()) {
                assertThat(problems).as(label + " " + i.code()).contains(zero);
            }
        }
    }

    /** Whether 突出问题 names the unassigned share as an indicator's gap (then no unit is listed as behind). */
    private static boolean Draft_gap(SnapshotIndicator i) {
        java.math.BigDecimal units = i.units().values().stream().map(Snapshot.Figure::target)
                .filter(t -> t != null).reduce(java.math.BigDecimal.ZERO, java.math.BigDecimal::add);
        return i.total().target() != null && units.signum() > 0 && i.total().target().compareTo(units) > 0;
    }

    @Test
    void theSamplesHoldWhatAnyCitysBulletinMust() {
        for (int m = 3; m <= 6; m++) {
            holdsForAnyCity(m + "月", TEXT.get(m), SNAPSHOT.get(m));
        }
    }

    /**
     * Point 9: the masthead line holds the office and the date apart, one character in from each margin; the
     * samples' long office name sets both at 四号 so that they do not meet.
     */
    @Test
    void theOfficeAndTheDateStandApartOnTheMastheadLine() {
        XWPFDocument d = DOCUMENT.get(5);
        XWPFParagraph line = d.getParagraphs().stream().filter(p -> p.getText().contains("工作专班\t2026年5月30日"))
                .findFirst().orElseThrow();
        assertThat(line.getRuns()).allSatisfy(r -> assertThat(r.getFontSizeAsDouble()).isEqualTo(14.0));
        var style = d.getStyles().getStyle(line.getStyleID()).getCTStyle().getPPr();
        String ind = style.getInd().xmlText();
        String em = "\"" + bulletin.document.Reference.ISSUER_EM + "\"";
        assertThat(ind.split(em, -1).length - 1).as(ind).isEqualTo(2); // left and right
    }
}
