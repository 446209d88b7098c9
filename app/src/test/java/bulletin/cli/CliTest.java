package bulletin.cli;

import static org.assertj.core.api.Assertions.assertThat;

import bulletin.samples.MiluoSamples;
import bulletin.testing.Cli.Run;
import bulletin.testing.Cli;
import bulletin.testing.TreeCopy;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The commands end to end, in-process, in a temporary workspace: exit code, stdout, stderr, files written. */
class CliTest {

    /** The Miluo tables, written once: read only, copied into the workspace of each test that needs them. */
    @TempDir
    static Path tables;

    @TempDir
    Path ws;

    @BeforeAll
    static void writeTables() throws IOException {
        MiluoSamples.writeTargets(tables.resolve("targets/附件2.xlsx"));
        MiluoSamples.writeResponsibility(tables.resolve("targets/附件1.xlsx"));
    }

    private void miluo() throws IOException {
        TreeCopy.copy(tables, ws);
    }

    @Test
    void helpAndVersion() {
        Run help = Cli.run("--help");
        assertThat(help.code()).isZero();
        assertThat(help.out()).contains("用法", "inspect", "template", "generate", "退出码");
        assertThat(help.err()).isEmpty();
        Run sub = Cli.run("template", "--help");
        assertThat(sub.code()).isZero();
        assertThat(sub.out()).contains("--month", "--force");
        assertThat(Cli.run("--version").out()).startsWith("bulletin ");
    }

    @Test
    void usageErrorsExitTwoWithAChineseMessage() {
        Run unknown = Cli.run("inspect", "--bogus");
        assertThat(unknown.code()).isEqualTo(2);
        assertThat(unknown.err()).contains("错误: 命令行参数不正确", "--bogus", "--help");
        assertThat(unknown.out()).isEmpty();

        Run noMonth = Cli.in(ws, "template");
        assertThat(noMonth.code()).isEqualTo(2);
        assertThat(noMonth.err()).contains("--month");
    }

    @Test
    void aMissingWorkspaceOrTargetsFolderIsAUsageError() {
        Run missing = Cli.in(ws.resolve("nowhere"), "inspect");
        assertThat(missing.code()).isEqualTo(2);
        assertThat(missing.err()).contains("工作目录不存在").doesNotContain("Exception", "\tat ");
        Run empty = Cli.in(ws, "inspect");
        assertThat(empty.code()).isEqualTo(2);
        assertThat(empty.err()).contains("targets/");
    }

    @Test
    void unreadableTablesExitOneNamingEveryFile() throws IOException {
        Files.createDirectories(ws.resolve("targets"));
        Files.writeString(ws.resolve("targets/a.xlsx"), "序号,项目,单位\n1,就业,人\n");
        Files.write(ws.resolve("targets/b.xlsx"), new byte[0]);
        Run r = Cli.in(ws, "inspect");
        assertThat(r.code()).isEqualTo(1);
        assertThat(r.err()).contains("targets/a.xlsx: 错误:", "targets/b.xlsx: 错误: 文件是空的", "找不到指标任务分解表")
                .doesNotContain("Exception", "\tat ");
    }

    @Test
    void inspectShowsTheModelAsATable() throws IOException {
        miluo();
        Run r = Cli.in(ws, "inspect");
        assertThat(r.code()).isZero();
        assertThat(r.err()).isEmpty();
        assertThat(r.out()).contains("填报单位（15）：归义街道、新市街道", "项目 18 个，指标 47 个（省级 36 个，市级 11 个）",
                "01-01", "15-01", "市农业农村局", "1 幼有所育");
        Run one = Cli.in(ws, "inspect", "--indicator", "02-02");
        assertThat(one.out()).contains("提质升级6所中小学校食堂", "全市目标：6", "罗江镇    2", "新市街道  /");
        Run bad = Cli.in(ws, "inspect", "--indicator", "99-99");
        assertThat(bad.code()).isEqualTo(2);
        assertThat(bad.err()).contains("99-99");
    }

    @Test
    void inspectJsonHasTheDocumentedShape() throws IOException {
        miluo();
        Run r = Cli.in(ws, "inspect", "--json");
        assertThat(r.code()).isZero();
        JsonNode root = new ObjectMapper().readTree(r.out());
        assertThat(root.get("year").asInt()).isEqualTo(2026);
        List<String> units = new ArrayList<>();
        root.get("units").forEach(u -> units.add(u.asText()));
        assertThat(units).containsExactlyElementsOf(MiluoSamples.UNITS);
        assertThat(root.get("indicators")).hasSize(47);
        JsonNode first = root.get("indicators").get(0);
        assertThat(first.fieldNames()).toIterable().contains("code", "item", "name", "unit", "level", "kind",
                "targets", "targetText", "leadUnit", "note");
        assertThat(first.get("code").asText()).isEqualTo("01-01");
        assertThat(first.get("level").asText()).isEqualTo("province");
        assertThat(first.get("kind").asText()).isEqualTo("rate");
        assertThat(first.get("unit").asText()).isEqualTo("%");
        assertThat(first.get("targets").get("归义街道").decimalValue()).isEqualByComparingTo("90");
        assertThat(first.get("targetText").isNull()).isTrue();
        JsonNode doctors = root.get("indicators").get(12);
        assertThat(doctors.get("code").asText()).isEqualTo("04-01");
        assertThat(doctors.get("targets").get("新市街道").decimalValue()).isEqualByComparingTo("0.8865");
        assertThat(doctors.get("targets").get("新市街道").toString()).isEqualTo("0.8865");
        JsonNode lifts = root.get("indicators").get(41);
        assertThat(lifts.get("code").asText()).isEqualTo("14-01");
        assertThat(lifts.get("level").asText()).isEqualTo("city");
        assertThat(lifts.get("total").decimalValue()).isEqualByComparingTo("7");
        assertThat(lifts.get("leadUnit").asText()).isEqualTo("市住建局");
        assertThat(root.get("indicators").get(7).get("targetText").asText()).isEqualTo("由市人社局统筹安排");
    }

    /** Bug: {@code inspect --indicator CODE --json} printed the whole model. */
    @Test
    void inspectOneIndicatorAsJsonIsThatIndicator() throws IOException {
        miluo();
        Run all = Cli.in(ws, "inspect", "--json");
        Run r = Cli.in(ws, "inspect", "--indicator", "02-02", "--json");
        assertThat(r.code()).isZero();
        JsonNode one = new ObjectMapper().readTree(r.out());
        assertThat(one.has("indicators")).isFalse();
        assertThat(one.get("code").asText()).isEqualTo("02-02");
        // The same object as in the whole model's list.
        JsonNode inModel = null;
        for (JsonNode i : new ObjectMapper().readTree(all.out()).get("indicators")) {
            if (i.get("code").asText().equals("02-02")) {
                inModel = i;
            }
        }
        assertThat(one).isEqualTo(inModel);
    }

    @Test
    void templateWritesOneFormPerUnitAndDepartmentAndNeverOverwritesBySurprise() throws IOException {
        miluo();
        Run r = Cli.in(ws, "template", "--month", "6");
        assertThat(r.code()).as(r.toString()).isZero();
        Path dir = ws.resolve("forms/2026-06");
        assertThat(dir.resolve("2026-06_归义街道.xlsx")).isRegularFile();
        assertThat(dir.resolve("2026-06_市人社局.xlsx")).isRegularFile();
        assertThat(list(dir)).hasSize(15 + 16);
        assertThat(r.out()).contains("已生成 2026年6月填报表 31 份", "forms/2026-06/", "progress/2026-06/");

        byte[] before = Files.readAllBytes(dir.resolve("2026-06_归义街道.xlsx"));
        Run again = Cli.in(ws, "template", "--month", "2026-06");
        assertThat(again.code()).isZero();
        assertThat(again.out()).contains("已存在、未覆盖 31 份", "--force");
        assertThat(Files.readAllBytes(dir.resolve("2026-06_归义街道.xlsx"))).isEqualTo(before);

        Run forced = Cli.in(ws, "template", "--month", "6", "--force");
        assertThat(forced.code()).isZero();
        assertThat(forced.out()).contains("已生成 2026年6月填报表 31 份").doesNotContain("未覆盖");
        assertThat(list(dir)).hasSize(31); // no temporary files left behind
    }

    @Test
    void templateRejectsAMonthOfAnotherYear() throws IOException {
        miluo();
        Run r = Cli.in(ws, "template", "--month", "2025-06");
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err()).contains("2026");
        Run bad = Cli.in(ws, "template", "--month", "13");
        assertThat(bad.code()).isEqualTo(2);
        assertThat(bad.err()).contains("1–12");
    }

    @Test
    void inspectMonthListsWhoReportedAndWhatCouldNotBeRead() throws IOException {
        miluo();
        assertThat(Cli.in(ws, "template", "--month", "5").code()).isZero();
        Path progress = Files.createDirectories(ws.resolve("progress/2026-05"));
        Files.copy(ws.resolve("forms/2026-05/2026-05_归义街道.xlsx"), progress.resolve("归义街道5月.xlsx"));
        Files.copy(ws.resolve("forms/2026-05/2026-05_市人社局.xlsx"), progress.resolve("人社.xlsx"));
        Files.writeString(progress.resolve("新市街道.xlsx"), "<html>导出</html>");
        Run r = Cli.in(ws, "inspect", "--month", "5");
        assertThat(r.code()).isZero();
        assertThat(r.out()).contains("progress/2026-05/ 中有 3 个工作簿，读入 2 份报表", "填报单位已报 1/15",
                "未报：新市街道、大荆镇", "归义街道：0 项数字", "progress/2026-05/新市街道.xlsx: 错误: 这是网页（HTML）文件");
    }

    private static List<Path> list(Path dir) throws IOException {
        try (Stream<Path> s = Files.list(dir)) {
            return s.toList();
        }
    }
}
