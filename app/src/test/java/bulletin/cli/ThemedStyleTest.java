package bulletin.cli;

import static org.assertj.core.api.Assertions.assertThat;

import bulletin.testing.Cli;
import bulletin.testing.Cli.Run;
import bulletin.testing.GeneratedSamples;
import bulletin.testing.SampleWorkspace;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import java.util.zip.ZipFile;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 27: {@code style: themed} in a copy of the samples' bulletin.yaml, with and without a {@code themes:} block.
 * 工作进展 has, per level, one paragraph "一是**lead-in**。…二是…三是…" (the lead-in bold), the city level opening
 * "…N个项目M个指标任务中…", no per-indicator headings, and the carded indicators are not repeated there.
 */
class ThemedStyleTest {

    static final String THEMES = """

            style: themed
            themes:
              重点群体保障更加有力: [1, 5, 7, 8]
              便民利民服务持续优化: [2, 4, 9, 10]
              就业住房支撑更加稳固: [3, 6]
              城市功能品质持续提升: [14, 15, 17]
              公共服务供给更加均衡: [11, 12, 13, 18]
              粮食安全基础不断夯实: [16]
            """;

    @TempDir
    static Path tmp;
    static Run given;
    static List<Para> withThemes;
    static List<Para> byDefault;

    /** One paragraph of the document: its text, and its bold runs' text. */
    record Para(String text, String bold) {
    }

    /** The samples with {@link #THEMES} and May generated: the suite's one (GeneratedSamples.mayWith), read only. */
    static Path themes;

    @BeforeAll
    static void generate() throws IOException {
        themes = GeneratedSamples.mayWith(THEMES).workspace();
        given = GeneratedSamples.mayWith(THEMES).run();
        withThemes = paragraphs(themes);
        Path b = SampleWorkspace.copyTo(tmp.resolve("default"));
        Files.writeString(b.resolve("bulletin.yaml"), "\nstyle: themed\n", StandardCharsets.UTF_8,
                StandardOpenOption.APPEND);
        Run run = Cli.in(b, "generate", "--month", "5", "--date", "2026-05-30");
        assertThat(run.code()).as(run.toString()).isZero();
        byDefault = paragraphs(b);
    }

    static String documentXml(Path ws) throws IOException {
        Path docx;
        Path out;
        try (Stream<Path> months = Files.list(ws.resolve("out"))) {
            out = months.filter(Files::isDirectory).sorted().reduce((a, b) -> b).orElseThrow();
        }
        try (Stream<Path> files = Files.list(out)) {
            docx = files.filter(f -> f.getFileName().toString().endsWith(".docx")).findFirst().orElseThrow();
        }
        String xml;
        try (ZipFile zip = new ZipFile(docx.toFile()); InputStream in = zip.getInputStream(
                zip.getEntry("word/document.xml"))) {
            xml = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        return xml;
    }

    /**
     * The card of indicator {@code i} of a bulletin.json ("红牌", "黄牌"), or null; where it has one, asserts that a
     * paragraph tells it by {@code name} with that card, its completion and its lead unit.
     */
    static String toldWithItsCard(List<Para> paragraphs, com.fasterxml.jackson.databind.JsonNode i, String name) {
        String card = i.get("total").get("card").asText("");
        if (card.isEmpty() || card.equals("null")) {
            return null;
        }
        String label = card.equals("red") ? "红牌" : "黄牌";
        String percent = new java.math.BigDecimal(i.get("total").get("progress").asText()).movePointRight(2)
                .stripTrailingZeros().toPlainString() + "%";
        String lead = i.get("leadUnit").asText();
        assertThat(paragraphs).as("a paragraph telling %s (%s, %s, %s)", name, label, percent, lead)
                .anySatisfy(p -> assertThat(p.text()).contains(name, label, percent, lead));
        return label;
    }

    static List<Para> paragraphs(Path ws) throws IOException {
        return parse(documentXml(ws));
    }

    /** The paragraphs of a document.xml. */
    static List<Para> parse(String xml) {
        List<Para> out = new ArrayList<>();
        Matcher p = Pattern.compile("<w:p\\b.*?</w:p>", Pattern.DOTALL).matcher(xml);
        Pattern run = Pattern.compile("<w:r\\b.*?</w:r>", Pattern.DOTALL);
        Pattern text = Pattern.compile("<w:t\\b[^>]*>([^<]*)</w:t>");
        while (p.find()) {
            StringBuilder all = new StringBuilder();
            StringBuilder bold = new StringBuilder();
            Matcher r = run.matcher(p.group());
            while (r.find()) {
                Matcher t = text.matcher(r.group());
                while (t.find()) {
                    all.append(t.group(1));
                    if (r.group().contains("<w:b/>")) {
                        bold.append(t.group(1)).append('|');
                    }
                }
            }
            out.add(new Para(all.toString(), bold.toString()));
        }
        return out;
    }

    /** The paragraphs of 工作进展: from its heading to the next numbered heading. */
    static List<Para> progress(List<Para> all) {
        int from = -1;
        for (int k = 0; k < all.size(); k++) {
            if (all.get(k).text().endsWith("、工作进展")) {
                from = k;
            } else if (from >= 0 && all.get(k).text().matches("^[一二三四五六七八九十]、.*")) {
                return all.subList(from + 1, k);
            }
        }
        throw new AssertionError("no 工作进展 in " + all);
    }

    static Para level(List<Para> progress, String opening) {
        return progress.stream().filter(p -> p.text().contains(opening) && p.text().contains("一是"))
                .findFirst().orElseThrow(() -> new AssertionError("no themed paragraph " + opening + " in "
                        + progress));
    }

    @Test
    void eachLevelIsOneParagraphOfThemesWithBoldLeadIns() {
        assertThat(given.code()).as(given.toString()).isZero();
        List<Para> progress = progress(withThemes);
        Para province = level(progress, "省级重点民生实事各项任务取得阶段性成效。");
        assertThat(province.text()).contains("一是重点群体保障更加有力。", "二是便民利民服务持续优化。",
                "三是就业住房支撑更加稳固。");
        assertThat(province.bold()).isEqualTo("重点群体保障更加有力|便民利民服务持续优化|就业住房支撑更加稳固|");
        Para city = level(progress, "岳阳市级重点民生实事8个项目11个指标任务中");
        assertThat(city.text()).contains("一是城市功能品质持续提升。", "二是公共服务供给更加均衡。",
                "三是粮食安全基础不断夯实。", "水稻机插机抛作业11.92万亩，进度72.24%");
        assertThat(city.bold()).isEqualTo("城市功能品质持续提升|公共服务供给更加均衡|粮食安全基础不断夯实|");
        // Completed indicators are named under their theme; others with the figure a unit's note gives.
        assertThat(province.text()).contains("均已完成全年任务", "（春风行动招聘会达成就业意向2160人）");
    }

    @Test
    void noIndicatorByIndicatorSectionsAndCardedIndicatorsAreNotRepeated() {
        List<Para> progress = progress(withThemes);
        assertThat(progress).noneMatch(p -> p.text().matches("^（[一二]）.*") || p.text().matches("^\\d+\\. .*"));
        List<Para> themed = progress.stream().filter(p -> p.text().contains("一是")).toList();
        assertThat(themed).hasSize(2).allSatisfy(p -> assertThat(p.text())
                .doesNotContain("技兴三湘", "自建桥梁"));
        // ...but they are told in the cards' paragraph and in 突出问题, as in the itemised style.
        assertThat(progress).anySatisfy(p -> assertThat(p.text()).contains("“技兴三湘一人一技”职业技能培训进度为37.76%"));
        assertThat(withThemes).anySatisfy(p -> assertThat(p.text()).startsWith("1.部分指标未达到序时进度")
                .contains("农村自建桥梁安全隐患排查整治"));
    }

    @Test
    void withoutThemesTheTablesHeadingsGroupTheLevelsProjects() {
        List<Para> progress = progress(byDefault);
        Para province = level(progress, "省级重点民生实事各项任务取得阶段性成效。");
        assertThat(province.text()).contains("一是幼有所育、学有所教、劳有所得稳步推进。", "二是", "三是", "四是");
        Para city = level(progress, "岳阳市级重点民生实事8个项目11个指标任务中");
        assertThat(city.text()).contains("一是", "二是", "三是");
        assertThat(city.bold()).isNotEmpty();
    }

    @Test
    void theAppendixProgressRowsHoldTheUnitsDetailAcrossTheUnitColumns() throws IOException {
        String detail = "总体形象进度52.25%。具体情况：1. 归义街道进度62%，主体工程施工中；2. 长乐镇进度45%，主体工程施工中；"
                + "3. 罗江镇进度52%，主体工程施工中；4. 汨罗镇进度50%，主体工程施工中。";
        assertThat(withThemes).extracting(Para::text).contains(detail);
        // One cell across 全市 and every unit's column (16 grid columns).
        String xml = documentXml(themes);
        int at = xml.indexOf("具体情况：1. 归义街道进度62%");
        String cell = xml.substring(xml.lastIndexOf("<w:tc>", at), at);
        assertThat(cell).contains("<w:gridSpan w:val=\"16\"/>");
        // A text-target indicator's 数量 row says what its unit wrote.
        assertThat(withThemes).extracting(Para::text).contains("具体情况：1. 市医保局：三家医院已执行职工、城乡居民生育包干政策。");
    }

    @Test
    void theItemisedSamplesHaveNoThemesAndNoDetail() throws IOException {
        List<Para> itemised = paragraphs(GeneratedSamples.may().workspace());
        assertThat(itemised).noneMatch(p -> p.text().contains("具体情况：") || p.text().contains("一是")
                || !p.bold().isEmpty());
        assertThat(progress(itemised)).anyMatch(p -> p.text().equals("（一）省级重点民生实事"));
    }

    @Test
    void anUnknownStyleIsRefusedWithItsLine() throws IOException {
        Path c = SampleWorkspace.copyTo(tmp.resolve("wrong"));
        Files.writeString(c.resolve("bulletin.yaml"), "\nstyle: fancy\n", StandardCharsets.UTF_8,
                StandardOpenOption.APPEND);
        Run run = Cli.in(c, "validate", "--month", "5");
        assertThat(run.code()).as(run.toString()).isEqualTo(2);
        assertThat(run.err()).contains("bulletin.yaml:", "style", "themed", "fancy");
    }

    @Test
    void inspectMonthJsonGivesTheFactsTheTemplateUses() throws IOException {
        Run run = Cli.in(themes, "inspect", "--month", "5", "--json");
        assertThat(run.code()).as(run.toString()).isZero();
        com.fasterxml.jackson.databind.JsonNode facts = new com.fasterxml.jackson.databind.ObjectMapper()
                .readTree(run.out());
        assertThat(facts.get("style").asText()).isEqualTo("themed");
        assertThat(facts.get("programme").asText()).isEqualTo("重点民生实事");
        assertThat(facts.get("levels").get(1).get("themes").get(0).get("lead").asText()).isEqualTo("城市功能品质持续提升");
        assertThat(facts.get("levels").get(1).get("themes").findValuesAsText("name")).contains("水稻机插机抛作业");
        assertThat(facts.get("cards").get("yellowCount").asInt()).isEqualTo(1);
    }
}
