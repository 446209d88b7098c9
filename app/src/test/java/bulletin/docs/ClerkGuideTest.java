package bulletin.docs;

import static org.assertj.core.api.Assertions.assertThat;

import bulletin.diag.ProblemCodes;
import bulletin.testing.Cli;
import bulletin.testing.SampleWorkspace;
import bulletin.testing.TreeCopy;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code docs/clerk.md} covers, in order, set-up, the month, the scheduled run and troubleshooting, and every
 * command in it runs as written on the samples: each line of a fenced block that starts with {@code bulletin } is
 * run, in the order of the page, in a folder holding {@code 示例工作区} (a copy of the samples) and {@code 临江2026}
 * (a new city with the samples' tables in {@code targets/}, as step 1 of the set-up says). A command exits 0
 * unless its comment says {@code 退出码 N}.
 */
class ClerkGuideTest {

    static final Path FILE = Path.of("docs/clerk.md");

    record Command(int line, List<String> args, int exit) {
    }

    static List<Command> commands(String text) {
        List<Command> out = new ArrayList<>();
        Pattern exit = Pattern.compile("退出码\\s*(\\d+)");
        boolean fence = false;
        String[] lines = text.split("\n");
        for (int i = 0; i < lines.length; i++) {
            String l = lines[i].strip();
            if (l.startsWith("```")) {
                fence = !fence;
                continue;
            }
            if (!fence || !l.startsWith("bulletin ")) {
                continue;
            }
            int hash = l.indexOf(" #");
            String command = hash < 0 ? l : l.substring(0, hash).strip();
            Matcher m = exit.matcher(hash < 0 ? "" : l.substring(hash));
            List<String> args = new ArrayList<>(Arrays.asList(command.split("\\s+")));
            args.remove(0);
            out.add(new Command(i + 1, args, m.find() ? Integer.parseInt(m.group(1)) : 0));
        }
        return out;
    }

    @Test
    void everyCommandOfTheGuideRunsAsWrittenOnTheSamples(@TempDir Path base) throws IOException {
        SampleWorkspace.copyTo(base.resolve("示例工作区"));
        TreeCopy.copy(SampleWorkspace.DIR.resolve("targets"), base.resolve("临江2026/targets"));
        List<Command> all = commands(Files.readString(FILE, StandardCharsets.UTF_8));
        assertThat(all).hasSizeGreaterThan(12);
        for (Command c : all) {
            String[] args = c.args().stream().map(a -> a.startsWith("示例工作区") || a.startsWith("临江2026")
                    ? base.resolve(a.replace('\\', '/')).toString() : a).toArray(String[]::new);
            Cli.Run r = Cli.run(args);
            assertThat(r.code()).as("docs/clerk.md:%d: bulletin %s\n%s", c.line(), String.join(" ", c.args()), r)
                    .isEqualTo(c.exit());
            assertThat(r.out() + r.err()).doesNotContain("内部出错", "Exception");
        }
        assertThat(base.resolve("示例工作区/out/2026-05/工作专报（第3期）.docx")).isRegularFile();
        assertThat(base.resolve("示例工作区/定时任务.log")).content(StandardCharsets.UTF_8)
                .containsPattern("(?m)^\\d{4}-\\d{2}-\\d{2} \\d{2}:\\d{2}:\\d{2} ");
        assertThat(base.resolve("临江2026/bulletin.yaml")).content(StandardCharsets.UTF_8).contains("# 年度：2026");
    }

    @Test
    void theGuideGoesSetUpMonthScheduledRunTroubleshootingAndNamesOnlyDeclaredCodes() throws IOException {
        String text = Files.readString(FILE, StandardCharsets.UTF_8);
        int setUp = text.indexOf("## 一、建立工作目录");
        int month = text.indexOf("## 二、每个月");
        int scheduled = text.indexOf("## 三、定时运行");
        int trouble = text.indexOf("## 五、按提示查问题");
        assertThat(setUp).isPositive();
        assertThat(setUp).isLessThan(month);
        assertThat(month).isLessThan(scheduled);
        assertThat(scheduled).isLessThan(trouble);
        Matcher code = Pattern.compile("\\| `([a-z]+(?:-[a-z]+)*)` \\|").matcher(text);
        int codes = 0;
        while (code.find()) {
            assertThat(ProblemCodes.of(code.group(1))).as(code.group(1)).isPresent();
            codes++;
        }
        assertThat(codes).isGreaterThan(10);
        // Every picture it shows is there.
        Matcher image = Pattern.compile("!\\[[^]]*]\\(([^)]+)\\)").matcher(text);
        while (image.find()) {
            assertThat(FILE.resolveSibling(image.group(1))).isRegularFile();
        }
    }
}
