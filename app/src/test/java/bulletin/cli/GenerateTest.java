package bulletin.cli;

import static org.assertj.core.api.Assertions.assertThat;

import bulletin.ingest.SnapshotReader;
import bulletin.model.Card;
import bulletin.model.Kind;
import bulletin.model.Level;
import bulletin.model.Snapshot.SnapshotIndicator;
import bulletin.model.Snapshot;
import bulletin.model.Status;
import bulletin.samples.MiluoSamples;
import bulletin.testing.Cli.Run;
import bulletin.testing.Cli;
import bulletin.testing.DocxText;
import bulletin.testing.GeneratedSamples;
import bulletin.testing.SampleWorkspace;
import bulletin.text.Format;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code generate} end to end on the sample workspace: the files, the figures, the document, the exit codes. */
class GenerateTest {

    @TempDir
    Path ws;

    @BeforeEach
    void samples() throws IOException {
        SampleWorkspace.copyTo(ws);
    }

    private Run generate(String month, String... more) {
        List<String> args = new ArrayList<>(List.of("generate", "--month", month, "--date", "2026-05-30"));
        args.addAll(List.of(more));
        return Cli.in(ws, args.toArray(new String[0]));
    }

    /**
     * The samples' May as {@code generate("5")} makes it on a fresh copy, generated once for the suite
     * (GeneratedSamples): for a test that only reads it, {@code ws} becomes that shared workspace.
     */
    private Run sharedMay() {
        ws = GeneratedSamples.may().workspace();
        return GeneratedSamples.may().run();
    }

    /**
     * April's bulletin added to {@code ws} (the suite's generated April, GeneratedSamples.april): May's run then
     * reads April's snapshot instead of recomputing April, for a test that is not about last month.
     */
    private void withApril() throws IOException {
        GeneratedSamples.addAprilTo(ws);
        assertThat(ws.resolve("out/2026-04/bulletin.json")).isRegularFile();
    }

    private Snapshot snapshot(String month) {
        return SnapshotReader.read(ws.resolve("out/" + month + "/bulletin.json"), "bulletin.json");
    }

    private static SnapshotIndicator ind(Snapshot s, String code) {
        return s.indicators().stream().filter(i -> i.code().equals(code)).findFirst().orElseThrow();
    }

    /**
     * March, April and May generated in order on the samples, as {@code generate("3")}, {@code generate("4")} and
     * {@code generate("5")} make them on one fresh copy, without the chart (nothing here looks at it), shared by the
     * suite (GeneratedSamples): for a test that only reads them, {@code ws} becomes that shared workspace; the three
     * runs are returned.
     */
    private List<Run> sharedMarchToMay() {
        ws = GeneratedSamples.marchToMay().workspace();
        return GeneratedSamples.marchToMayRuns();
    }

    @Test
    void marchToMayCountUpWithCardsAndTheMissingUnit() {
        List<Run> runs = sharedMarchToMay();
        Run mar = runs.get(0);
        assertThat(mar.code()).as(mar.toString()).isZero();
        assertThat(runs.get(1).code()).isZero();
        Run may = runs.get(2);
        assertThat(may.code()).as(may.toString()).isZero();

        assertThat(snapshot("2026-03").issue()).isEqualTo(1);
        assertThat(snapshot("2026-04").issue()).isEqualTo(2);
        Snapshot s = snapshot("2026-05");
        assertThat(s.issue()).isEqualTo(3);
        assertThat(s.previous()).isEqualTo("snapshot");
        assertThat(ws.resolve("out/2026-05/工作专报（第3期）.docx")).isRegularFile();

        SnapshotIndicator bridges = ind(s, MiluoSamples.BEHIND_TWICE);
        assertThat(bridges.total().status()).isEqualTo(Status.BEHIND);
        assertThat(bridges.card()).isEqualTo(Card.RED);
        assertThat(ind(snapshot("2026-04"), MiluoSamples.BEHIND_TWICE).total().status()).isEqualTo(Status.BEHIND);
        SnapshotIndicator training = ind(s, MiluoSamples.BEHIND_IN_MAY);
        assertThat(training.card()).isEqualTo(Card.YELLOW);
        assertThat(ind(snapshot("2026-04"), MiluoSamples.BEHIND_IN_MAY).total().status().onSchedule()).isTrue();
        assertThat(s.summary().behind()).extracting(Snapshot.Behind::code)
                .containsExactly(MiluoSamples.BEHIND_IN_MAY, MiluoSamples.BEHIND_TWICE);
        assertThat(s.late()).containsExactly(MiluoSamples.MISSING_IN_MAY);
        assertThat(bridges.units().get(MiluoSamples.MISSING_IN_MAY).carried()).isTrue();

        // Measured as the office measures them (seeds 001, 002), not against the towns' 968 and 80.
        assertThat(training.total().target()).isEqualByComparingTo("1650");
        assertThat(bridges.total().target()).isEqualByComparingTo("90");
        assertThat(may.out()).doesNotContain("名称写的是", "不一致");
        assertThat(may.out()).contains("已生成 2026年5月工作专报（第3期）", "out/2026-05/工作专报（第3期）.docx",
                "out/2026-05/bulletin.json", "红牌 1 个", "15-01", "黄牌 1 个", "03-05", "未报送：神鼎山镇");
    }

    /** Issue 15: an indicator scheduled from April gets no card in March, and the paper says why. */
    @Test
    void anIndicatorScheduledLaterIsNotScoredBeforeAndSaysWhy() throws IOException {
        List<Run> runs = sharedMarchToMay(); // March, then April, generated on the samples
        Run mar = runs.get(0);
        assertThat(mar.code()).as(mar.toString()).isZero();
        SnapshotIndicator lifts = ind(snapshot("2026-03"), "14-01");
        assertThat(lifts.total().status()).isEqualTo(Status.NOT_SCORED);
        assertThat(lifts.card()).isNull();
        assertThat(lifts.pending()).isEqualTo("按计划自4月起推进");
        // The paragraphs' words as POI gives them (testing/DocxText).
        String text = String.join("\n", DocxText.of(ws.resolve("out/2026-03/工作专报（第1期）.docx")).paragraphs());
        assertThat(text).contains("更新住宅老旧电梯7台\n按计划自4月起推进，本月不计进度。");
        // March has no notes: the empty sections are left out and the headings numbered as they stand.
        assertThat(text).contains("一、工作进展", "二、突出问题").doesNotContain("工作动态", "下一步工作安排");
        assertThat(mar.out()).contains("专报中略去了“工作动态”“下一步工作安排”一节");
        assertThat(ind(snapshot("2026-04"), "14-01").total().status()).isNotEqualTo(Status.NOT_SCORED);
    }

    /** Issue 14: without the office's targets in bulletin.yaml, the mismatch of name and towns is printed. */
    @Test
    void withoutTheTargetSetAHeadlineMismatchIsPrintedWithItsCell() throws IOException {
        withApril(); // not about last month
        Path yaml = ws.resolve("bulletin.yaml");
        Files.writeString(yaml, Files.readString(yaml).lines().filter(l -> !l.contains("\"03-05\"")
                && !l.contains("\"15-01\"")).collect(Collectors.joining("\n")) + "\nchart: false\n"); // quicker
        Run may = generate("5");
        assertThat(may.code()).as(may.toString()).isZero();
        assertThat(may.out()).contains("附件2!A15：指标 03-05 的名称写的是 1650万人次，各单位目标之和却是 968人次",
                "\"03-05\": {target: …}", "（15-01）的名称与责任分解表不一致：这里是 80座", "是 90座");
        assertThat(ind(snapshot("2026-05"), "03-05").total().target()).isEqualByComparingTo("968");
    }

    @Test
    void withoutLastMonthsSnapshotItIsComputedFromItsWorkbooksAndSaidSo() {
        Run may = sharedMay();
        assertThat(may.code()).as(may.toString()).isZero();
        Snapshot s = snapshot("2026-05");
        assertThat(s.issue()).isEqualTo(3);
        assertThat(s.previous()).isEqualTo("computed");
        assertThat(ind(s, MiluoSamples.BEHIND_TWICE).card()).isEqualTo(Card.RED);
        assertThat(may.out()).contains("上月（4月）没有快照", "已根据 progress/2026-04/ 的报表重新计算");
        assertThat(ws.resolve("out/2026-04")).doesNotExist(); // computed, not written
    }

    @Test
    void everyNumberInTheDocumentComesFromTheSnapshot() throws IOException {
        assertThat(sharedMay().code()).isZero();
        Snapshot s = snapshot("2026-05");
        // The paragraphs' words and the tables' cells as POI gives them, read without a POI parse (testing/DocxText,
        // held equal to POI's by SentencesTest).
        {
            DocxText.Words doc = DocxText.of(ws.resolve("out/2026-05/工作专报（第3期）.docx"));
            String text = String.join("\n", doc.paragraphs());
            assertThat(text).contains("汨罗市实现好惠民生增福祉的期盼\n工 作 专 报", "第3期", "2026年5月30日",
                    "市“实现好惠民生增福祉的期盼”工作专班");
            assertThat(text).contains("一、工作动态", "二、工作进展", "三、突出问题", "四、下一步工作安排", "五、典型做法");
            assertThat(text).contains("5月12日，市专班召开重点民生实事推进调度会"); // from notes/2026-05.md
            Snapshot.LevelSummary p = s.summary().province();
            assertThat(text).contains("截至5月25日，省级重点民生实事" + p.items() + "个项目" + p.indicators() + "个指标中，"
                    + p.scored() + "个计分指标有" + p.onSchedule() + "个达到序时进度");
            SnapshotIndicator jobs = ind(s, "03-01");
            assertThat(text).contains("已完成" + Format.number(jobs.total().done()) + "人，完成全年任务的"
                    + Format.percentText(jobs.total().progress()) + "，较上月增加" + Format.number(jobs.gain()) + "人");
            SnapshotIndicator bridges = ind(s, MiluoSamples.BEHIND_TWICE);
            assertThat(text).contains("进度为" + Format.percentText(bridges.total().progress()) + "，序时进度要求为41.67%（红牌",
                    "已连续3个月未达到进度要求");
            // The units' own 存在问题 reach the paper, said once with their units.
            assertThat(text).contains("等14个镇（街道）反映“5月农忙，培训班次推迟”", "反映“部分桥梁整治资金尚未到位，施工队伍不足”");
            assertThat(text).doesNotContain("(次)", "（本月工作动态待补充。）", "省级统筹，省人社厅牵头。市人社局：省级统筹");
            assertThat(text).doesNotContainPattern("\\d\\.\\d{3,}(?![\\d年])"); // "3.2026年5月…" is a list number and a year
            assertThat(text).contains("神鼎山镇未按时报送5月进度数据");

            List<List<List<String>>> tables = doc.cells();
            assertThat(tables).hasSize(3); // 附件1, 附件2 and 附件3 (the samples have May's platform counts)
            List<List<String>> province = tables.get(0);
            List<String> header = province.get(0);
            assertThat(header.subList(0, 7)).containsExactly("序号", "项目名称", "项目主要任务", "指标", "单位", "推进情况", "全市");
            assertThat(header.subList(7, header.size())).containsExactlyElementsOf(s.units());
            // Every indicator's three rows, cell by cell, against the snapshot.
            int r = 1;
            for (SnapshotIndicator i : s.indicators()) {
                if (i.level() != Level.PROVINCE) {
                    continue;
                }
                List<String> target = province.get(r);
                List<String> done = province.get(r + 1);
                List<String> progress = province.get(r + 2);
                assertThat(target.get(5)).isEqualTo("指标");
                assertThat(done.get(5)).isEqualTo("数量");
                assertThat(progress.get(5)).isEqualTo("进度");
                String expectedTotal = i.total().progress() == null ? "/" : Format.percent(i.total().progress());
                assertThat(progress.get(6)).as(i.code()).isEqualTo(expectedTotal);
                for (int u = 0; u < s.units().size(); u++) {
                    var f = i.units().get(s.units().get(u));
                    // A carried figure (神鼎山镇 sent nothing in May) is marked ＊ on its 数量 and 进度 rows.
                    String mark = f.carried() ? "＊" : "";
                    String expected = f.progress() == null ? "/" : Format.percent(f.progress()) + mark;
                    assertThat(progress.get(7 + u)).as(i.code() + " " + s.units().get(u)).isEqualTo(expected);
                    if (i.kind() == Kind.QUANTITY && f.target() != null) {
                        assertThat(target.get(7 + u)).isEqualTo(Format.number(f.target()));
                        assertThat(done.get(7 + u)).isEqualTo(f.done() == null ? "/" : Format.number(f.done()) + mark);
                    }
                }
                r += 3;
            }
            assertThat(r).isEqualTo(province.size());
            // 形象进度 quantities read "正在推进".
            // 11-01 (city level) is its own project's only indicator: one name cell spans three columns.
            List<String> schoolDone = tables.get(1).get(2);
            assertThat(schoolDone.get(schoolDone.size() - s.units().size() - 1)).isEqualTo("正在推进");
            assertThat(schoolDone).hasSize(7 - 2 + s.units().size());
        }
    }

    @Test
    void rerunningWithTheSameInputsChangesNothingAndADifferentBulletinIsKept(@TempDir Path generated)
            throws IOException {
        // The samples with May as generate("5") makes it: a copy of the suite's one generated May.
        ws = GeneratedSamples.copyTo(generated);
        assertThat(GeneratedSamples.may().run().code()).isZero();
        Path docx = ws.resolve("out/2026-05/工作专报（第3期）.docx");
        byte[] json = Files.readAllBytes(ws.resolve("out/2026-05/bulletin.json"));
        byte[] doc = Files.readAllBytes(docx);

        Run same = generate("5");
        assertThat(same.code()).isZero();
        assertThat(same.out()).contains("与已有的专报完全相同，未改动文件");
        assertThat(Files.readAllBytes(ws.resolve("out/2026-05/bulletin.json"))).isEqualTo(json);
        assertThat(Files.readAllBytes(docx)).isEqualTo(doc);

        Files.writeString(ws.resolve("notes/2026-05.md"), "\n# 工作动态\n\n新增的一段。\n", java.nio.file.StandardOpenOption.APPEND);
        Run changed = generate("5");
        assertThat(changed.code()).isZero();
        assertThat(changed.out()).contains("原有文件已保留为", "工作专报（第3期）-旧1.docx", "bulletin-旧1.json");
        assertThat(Files.readAllBytes(ws.resolve("out/2026-05/bulletin-旧1.json"))).isEqualTo(json);
        assertThat(Files.readAllBytes(ws.resolve("out/2026-05/工作专报（第3期）-旧1.docx"))).isEqualTo(doc);
        assertThat(docx).isRegularFile();

        Files.writeString(ws.resolve("notes/2026-05.md"), "又改了。\n", java.nio.file.StandardOpenOption.APPEND);
        Run forced = generate("5", "--force");
        assertThat(forced.code()).isZero();
        assertThat(forced.out()).doesNotContain("保留");
        assertThat(list(ws.resolve("out/2026-05"))).containsExactlyInAnyOrder("bulletin.json", "bulletin-旧1.json",
                "工作专报（第3期）.docx", "工作专报（第3期）-旧1.docx", "推进情况统计表（第3期）.xlsx",
                "推进情况统计表（第3期）-旧1.xlsx");
    }

    @Test
    void requireAllFailsWithoutWritingAndANamedIssueIsUsed() throws IOException {
        Files.writeString(ws.resolve("bulletin.yaml"), "\nchart: false\n", java.nio.file.StandardOpenOption.APPEND);
        Run strict = generate("5", "--require-all");
        assertThat(strict.code()).isEqualTo(1);
        assertThat(strict.err()).contains("神鼎山镇", "--require-all");
        assertThat(ws.resolve("out/2026-05")).doesNotExist();

        Run numbered = generate("4", "--issue", "7");
        assertThat(numbered.code()).isZero();
        assertThat(ws.resolve("out/2026-04/工作专报（第7期）.docx")).isRegularFile();
        assertThat(snapshot("2026-04").issue()).isEqualTo(7);
    }

    @Test
    void aMonthWithoutWorkbooksWritesNothingAndSaysWhy() {
        Run r = generate("7");
        assertThat(r.code()).isEqualTo(1);
        assertThat(r.err()).contains("progress/2026-07/ 中没有可读的报表").doesNotContain("\tat ");
        assertThat(ws.resolve("out/2026-07")).doesNotExist();
    }

    @Test
    void aBrokenTemplateInTheWorkspaceIsNamedWithItsLine() throws IOException {
        withApril();
        Files.createDirectories(ws.resolve("templates"));
        Files.writeString(ws.resolve("templates/bulletin.ftl"), "@title ${title}\n@p ${nosuchthing}\n");
        Run r = generate("5");
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err()).contains("templates/bulletin.ftl:2: 错误: 模板有误");
        assertThat(ws.resolve("out/2026-05")).doesNotExist();

        Files.writeString(ws.resolve("templates/bulletin.ftl"), "<#assign x = \"freemarker.template.utility.Execute\"?new()>${x(\"id\")}\n");
        Run evil = generate("5");
        assertThat(evil.code()).isEqualTo(2);
        assertThat(evil.err()).contains("templates/bulletin.ftl:1: 错误");
    }

    @Test
    void aWorkspaceTemplateOverridesTheWording() throws IOException {
        withApril();
        Files.createDirectories(ws.resolve("templates"));
        Files.writeString(ws.resolve("templates/bulletin.ftl"), "@title ${title}\n@p 本月共${levels?size}级。\n@appendix 1\n");
        Files.writeString(ws.resolve("bulletin.yaml"), "\nchart: false\n", java.nio.file.StandardOpenOption.APPEND); // not looked at
        assertThat(generate("5").code()).isZero();
        DocxText.Words doc = DocxText.of(ws.resolve("out/2026-05/工作专报（第3期）.docx")); // as POI reads it
        assertThat(doc.paragraphs()).contains("本月共2级。");
        assertThat(doc.tables()).hasSize(1);
    }

    private static List<String> list(Path dir) throws IOException {
        try (Stream<Path> s = Files.list(dir)) {
            return s.map(p -> p.getFileName().toString()).toList();
        }
    }
}
