package bulletin.cli;

import static org.assertj.core.api.Assertions.assertThat;

import bulletin.testing.Cli;
import bulletin.testing.Cli.Run;
import bulletin.testing.SampleWorkspace;
import bulletin.testing.SecondCity;
import bulletin.testing.TreeCopy;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** init guides (issue 25, point 4): before the tables, after them, and init --update keeping the clerk's settings. */
class InitGuideTest {

    @TempDir
    Path tmp;

    @Test
    void beforeTheTablesItSaysSoAndWhatToDoWithTheFoldersPath() {
        Path ws = tmp.resolve("临江 2026");
        Run r = Cli.run("init", ws.toString());
        assertThat(r.code()).as(r.toString()).isZero();
        String abs = ws.toAbsolutePath().normalize().toString();
        assertThat(r.out()).contains("targets/ 中还没有指标表",
                "放进 \"" + ws.resolve("targets").toAbsolutePath().normalize() + "\"",
                "bulletin -w \"" + abs + "\" init --update", "bulletin -w \"" + abs + "\" template --month",
                "bulletin -w \"" + abs + "\" generate --month");
    }

    @Test
    void updateRecordsWhatWasReadAndKeepsEverySettingOfTheClerk() throws IOException {
        Path ws = tmp.resolve("ws");
        Cli.run("init", ws.toString());
        String before = Files.readString(ws.resolve("bulletin.yaml"));
        assertThat(before).contains("init --update").doesNotContain("# 年度：");
        // The clerk fills in the settings, then puts the tables in targets/.
        String mine = before.replace("# title: 某市实现好惠民生增福祉的期盼工作专报", "title: 临江市工作专报")
                .replace("# deadline: 25", "deadline: 20") + "# 我自己的说明：6月起按季度通报\n";
        Files.writeString(ws.resolve("bulletin.yaml"), mine);
        TreeCopy.copy(SampleWorkspace.DIR.resolve("targets"), ws.resolve("targets"));

        Run again = Cli.in(ws, "init");
        assertThat(again.out()).contains("bulletin.yaml 已存在，未改动", "init --update", "15 个填报单位");
        assertThat(Files.readString(ws.resolve("bulletin.yaml"))).isEqualTo(mine);

        Run update = Cli.in(ws, "init", "--update");
        assertThat(update.code()).as(update.toString()).isZero();
        assertThat(update.out()).contains("已更新 bulletin.yaml", "其余设置未改动", "bulletin -w " + ws.toAbsolutePath());
        String after = Files.readString(ws.resolve("bulletin.yaml"));
        assertThat(after).contains("title: 临江市工作专报\n", "deadline: 20\n", "# 我自己的说明：6月起按季度通报\n",
                "# 年度：2026", "# 填报单位（15 个", "01-04 形象进度").doesNotContain("还没有指标表");
        // Only the record changed: the lines before it are the clerk's, byte for byte.
        String head = mine.substring(0, mine.indexOf("# ---- 以下是"));
        assertThat(after).startsWith(head);
        // A second update gives the same file; the workspace reads.
        assertThat(Cli.in(ws, "init", "--update").code()).isZero();
        assertThat(Files.readString(ws.resolve("bulletin.yaml"))).isEqualTo(after);
        Run inspect = Cli.in(ws, "inspect");
        assertThat(inspect.code()).as(inspect.toString()).isZero();
    }

    @Test
    void updateAppendsTheRecordToAFileWrittenByHandAndWorksForASecondCity() throws IOException {
        Path ws = tmp.resolve("second");
        SecondCity.writeWorkspace(ws);
        Path yaml = ws.resolve("bulletin.yaml");
        String mine = Files.exists(yaml) ? Files.readString(yaml) : "title: 第二城工作专报\n";
        Files.writeString(yaml, mine);
        Run r = Cli.in(ws, "init", "--update");
        assertThat(r.code()).as(r.toString()).isZero();
        String after = Files.readString(yaml);
        assertThat(after).startsWith(mine).contains("# 填报单位（", "# 年度：2026",
                String.join("、", SecondCity.UNITS));
        assertThat(Cli.in(ws, "inspect").code()).isZero();
    }
}
