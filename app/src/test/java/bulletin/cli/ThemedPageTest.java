package bulletin.cli;

import static org.assertj.core.api.Assertions.assertThat;

import bulletin.cli.ThemedStyleTest.Para;
import bulletin.testing.Cli;
import bulletin.testing.Cli.Run;
import bulletin.testing.GeneratedSamples;
import bulletin.testing.SampleWorkspace;
import bulletin.text.ShortName;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
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
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 27, points 5 and 6: the samples' May in the themed style (its one rendered page: {@link ThemedPageIT})
 * tells every carded indicator somewhere (summary, 突出问题 or appendix), and words the appendix's 具体情况 in the
 * template, so that a workspace's own template rewords it.
 */
class ThemedPageTest {

    @TempDir
    static Path tmp;
    static Path ws;
    static Run given;
    static List<Para> paragraphs;

    @BeforeAll
    static void generate() throws IOException {
        // The samples with ThemedStyleTest's themes and May generated: the suite's one, which ThemedStyleTest reads.
        ws = GeneratedSamples.mayWith(ThemedStyleTest.THEMES).workspace();
        given = GeneratedSamples.mayWith(ThemedStyleTest.THEMES).run();
        assertThat(given.code()).as(given.toString()).isZero();
        paragraphs = ThemedStyleTest.paragraphs(ws);
    }

    @Test
    void everyCardedIndicatorIsToldWithItsCardFigureAndUnit() throws IOException {
        JsonNode snapshot = new ObjectMapper().readTree(file(ws, ".json").toFile());
        String yaml = Files.readString(ws.resolve("bulletin.yaml"), StandardCharsets.UTF_8);
        List<String> carded = new ArrayList<>();
        for (JsonNode i : snapshot.get("indicators")) {
            Matcher given = Pattern.compile("\"" + i.get("code").asText() + "\":\\s*\\{[^}]*short:\\s*\"([^\"]+)\"")
                    .matcher(yaml);
            String name = given.find() ? given.group(1) : ShortName.of(i.get("name").asText());
            if (ThemedStyleTest.toldWithItsCard(paragraphs, i, name) != null) {
                carded.add(name);
            }
        }
        // The samples' May has a yellow card and a red one.
        assertThat(carded).contains("“技兴三湘一人一技”职业技能培训", "农村自建桥梁安全隐患排查整治");
    }

    @Test
    void theChartIsLeftOutAndThePlatformsEmptyModulesAreAProblem() {
        assertThat(paragraphs).noneMatch(p -> p.text().startsWith("图1"));
        assertThat(paragraphs).anySatisfy(p -> assertThat(p.text()).startsWith("3.平台数据上传不全。")
                .contains("共上传数据1687条（详见附件3）", "川山坪镇、神鼎山镇的建管用库、信息公开两个模块数据为零"));
        // Seed 002's praise and the cards stay in the first paragraph of 工作进展.
        Para first = ThemedStyleTest.progress(paragraphs).get(0);
        assertThat(first.text()).startsWith("截至5月25日，省级重点民生实事10个项目36个指标中")
                .contains("归义街道所有指标均达到序时进度，值得肯定。", "上期的1个黄牌、红牌指标", "本期新增黄牌指标1个");
    }

    @Test
    void completedIndicatorsOfAThemeAreOneClause() {
        Para province = ThemedStyleTest.level(ThemedStyleTest.progress(paragraphs), "省级重点民生实事各项任务取得阶段性成效。");
        assertThat(province.text()).contains("一是重点群体保障更加有力。产前筛查率、新生儿疾病筛查率、“零自付”、"
                + "培育省级职工子女托育托管服务点均已完成全年任务；");
        Para city = ThemedStyleTest.level(ThemedStyleTest.progress(paragraphs), "岳阳市级重点民生实事");
        assertThat(city.text()).startsWith("岳阳市级重点民生实事8个项目11个指标任务中1个指标未达到序时进度，其它指标有序推进。");
    }

    @Test
    void aWorkspaceTemplateRewordsTheAppendixDetail() throws IOException {
        Path other = SampleWorkspace.copyTo(tmp.resolve("reworded"));
        GeneratedSamples.addAprilTo(other); // April's bulletin: May's run need not compute April again (not tested here)
        Files.writeString(other.resolve("bulletin.yaml"), ThemedStyleTest.THEMES, StandardCharsets.UTF_8,
                StandardOpenOption.APPEND);
        String template;
        try (InputStream in = ThemedPageTest.class.getResourceAsStream("/templates/bulletin.ftl")) {
            template = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        String macro = "<#macro detail d>";
        assertThat(template).contains(macro + "<#if d.progressText??>总体形象进度${d.progressText}。</#if>具体情况：");
        Files.createDirectories(other.resolve("templates"));
        Files.writeString(other.resolve("templates/bulletin.ftl"), template.replace(macro
                + "<#if d.progressText??>总体形象进度${d.progressText}。</#if>具体情况：", macro
                + "<#if d.progressText??>整体进度${d.progressText}。</#if>分单位："), StandardCharsets.UTF_8);
        Run run = Cli.in(other, "generate", "--month", "5", "--date", "2026-05-30");
        assertThat(run.code()).as(run.toString()).isZero();
        List<String> texts = ThemedStyleTest.paragraphs(other).stream().map(Para::text).toList();
        assertThat(texts).contains("整体进度52.25%。分单位：1. 归义街道进度62%，主体工程施工中；2. 长乐镇进度45%，主体工程施工中；"
                + "3. 罗江镇进度52%，主体工程施工中；4. 汨罗镇进度50%，主体工程施工中。");
        assertThat(texts).noneMatch(t -> t.contains("具体情况："));
    }

    @Test
    void inspectGivesTheDetailsFacts() throws IOException {
        Run run = Cli.in(ws, "inspect", "--month", "5", "--json");
        assertThat(run.code()).as(run.toString()).isZero();
        JsonNode details = new ObjectMapper().readTree(run.out()).get("details");
        JsonNode school = null;
        for (JsonNode d : details) {
            if (d.get("progressText") != null && d.get("progressText").asText().equals("52.25%")) {
                school = d;
            }
        }
        assertThat(school).as("the 52.25%% indicator in %s", details).isNotNull();
        assertThat(school.get("row").asText()).isEqualTo("进度");
        JsonNode first = school.get("units").get(0);
        assertThat(first.get("unit").asText()).isEqualTo("归义街道");
        assertThat(first.get("progressText").asText()).isEqualTo("62%");
        assertThat(first.get("words").get(0).asText()).isEqualTo("主体工程施工中");
    }

    /**
     * Every fact the template's themed part reads ({@code level.label}, {@code t.lead}, {@code i.note}, {@code
     * d.units}, {@code u.words} …) is in {@code inspect --month 5 --json}, on some element of its list.
     */
    @Test
    void inspectGivesEveryFactTheThemedPartReads() throws IOException {
        Run run = Cli.in(ws, "inspect", "--month", "5", "--json");
        assertThat(run.code()).as(run.toString()).isZero();
        JsonNode facts = new ObjectMapper().readTree(run.out());
        String template;
        try (InputStream in = ThemedPageTest.class.getResourceAsStream("/templates/bulletin.ftl")) {
            template = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        int from = template.indexOf("<#if style == \"themed\">");
        String themed = template.substring(from, template.indexOf("\n<#else>\n", from));
        java.util.Map<String, String> lists = java.util.Map.of("level", "levels", "t", "levels.themes",
                "i", "levels.themes.indicators", "d", "details", "u", "details.units", "e", "platform.empty",
                "cards", "cards", "platform", "platform");
        Matcher m = Pattern.compile("(?<![\\w.?])(level|t|i|d|u|e|cards|platform)\\.(\\w+)").matcher(themed);
        List<String> read = new ArrayList<>();
        while (m.find()) {
            String path = lists.get(m.group(1)) + "." + m.group(2);
            read.add(path);
            assertThat(nodes(facts, path)).as("%s (%s in the themed part)", path, m.group()).isNotEmpty();
        }
        assertThat(read).contains("levels.summary", "levels.themes.lead", "levels.themes.indicators.note",
                "details.units", "details.units.words", "platform.total");
        for (String top : List.of("asOfText", "levels", "unitsWord", "numerals", "details", "unitsOnSchedule")) {
            assertThat(themed).contains(top);
            assertThat(facts.has(top)).as(top).isTrue();
        }
    }

    /** The values at a dotted path, lists flattened on the way. */
    private static List<JsonNode> nodes(JsonNode root, String path) {
        List<JsonNode> at = List.of(root);
        for (String key : path.split("\\.")) {
            List<JsonNode> next = new ArrayList<>();
            for (JsonNode n : at) {
                Iterable<JsonNode> each = n.isArray() ? n : List.of(n);
                for (JsonNode e : each) {
                    if (e.has(key)) {
                        next.add(e.get(key));
                    }
                }
            }
            at = next;
        }
        return at;
    }

    static Path file(Path workspace, String suffix) throws IOException {
        try (Stream<Path> files = Files.list(workspace.resolve("out/2026-05"))) {
            return files.filter(f -> f.getFileName().toString().endsWith(suffix)).findFirst().orElseThrow();
        }
    }
}
