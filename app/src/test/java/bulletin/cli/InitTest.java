package bulletin.cli;

import static org.assertj.core.api.Assertions.assertThat;

import bulletin.testing.Cli;
import bulletin.testing.Cli.Run;
import bulletin.testing.GeneratedSamples;
import bulletin.testing.SampleWorkspace;
import bulletin.testing.TreeCopy;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** bulletin init: the folders and a commented bulletin.yaml, on an empty folder and on one with the tables. */
class InitTest {

    @TempDir
    Path tmp;

    @Test
    void anEmptyFolderGetsTheFoldersAndACommentedConfigThatReads() throws IOException {
        Path ws = tmp.resolve("新工作区");
        Run r = Cli.run("init", ws.toString());
        assertThat(r.code()).as(r.toString()).isZero();
        for (String f : new String[] {"targets", "progress", "notes", "forms", "out"}) {
            assertThat(ws.resolve(f)).isDirectory();
        }
        String yaml = Files.readString(ws.resolve("bulletin.yaml"));
        assertThat(yaml).contains("# title:", "# office:", "# deadline:");
        assertThat(r.out()).contains("下一步", "1.", "2.", "3.", "targets/");
        // A file of comments only is a valid bulletin.yaml: the next command reads it (and finds no tables).
        Run inspect = Cli.in(ws, "inspect");
        assertThat(inspect.err()).doesNotContain("bulletin.yaml");
    }

    @Test
    void withTheTablesTheConfigRecordsWhatWasReadAndASecondInitChangesNothing() throws IOException {
        Path ws = tmp.resolve("ws");
        TreeCopy.copy(SampleWorkspace.DIR.resolve("targets"), ws.resolve("targets"));
        Run r = Cli.in(ws, "init");
        assertThat(r.code()).as(r.toString()).isZero();
        assertThat(r.out()).contains("15 个填报单位", "47 个指标", "inspect");
        String yaml = Files.readString(ws.resolve("bulletin.yaml"));
        assertThat(yaml).contains("# 年度：2026", "归义街道、新市街道", "# 省级项目：1、2、3", "# 市级项目：11",
                "01-01 比率（单位是“%”）", "01-04 形象进度（单个工程项目，目标1个）",
                "01-03 数量（计量的是活动场次（场(次)））", "02-02 形象进度（建设的是设施，名称含“食堂”");
        assertThat(Cli.in(ws, "inspect").code()).isZero();
        Run again = Cli.in(ws, "init");
        assertThat(again.code()).isZero();
        assertThat(again.out()).contains("bulletin.yaml 已存在，未改动", "文件夹都已存在");
        assertThat(Files.readString(ws.resolve("bulletin.yaml"))).isEqualTo(yaml);
    }

    @Test
    void generateSaysWhenTitleAndOfficeAreTheDefaults() throws IOException {
        Path ws = SampleWorkspace.copyTo(tmp.resolve("ws"));
        GeneratedSamples.addAprilTo(ws); // April's bulletin: May's run need not compute April again (not tested)
        Files.writeString(ws.resolve("bulletin.yaml"), Files.readString(ws.resolve("bulletin.yaml"))
                .replaceAll("(?m)^(title|office):.*$", "") + "\nchart: false\n"); // without the chart: quicker
        Run r = Cli.in(ws, "generate", "--month", "5", "--date", "2026-05-30");
        assertThat(r.code()).as(r.toString()).isZero();
        assertThat(r.out()).contains("默认的标题", "发文单位", "title: …", "office: …");
    }
}
