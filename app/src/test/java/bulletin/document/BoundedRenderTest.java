package bulletin.document;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import bulletin.diag.BulletinException;
import bulletin.diag.ExitCode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A workspace template that would never end, or never stop writing, is stopped with its file and line. */
class BoundedRenderTest {

    @TempDir
    Path templates;

    private String render(String ftl, BoundedRender.Limits limits) throws Exception {
        Files.writeString(templates.resolve(Wording.TEMPLATE), ftl);
        return BoundedRender.render(Wording.configuration(templates), Wording.TEMPLATE, new HashMap<>(), limits);
    }

    private void stopped(String ftl, BoundedRender.Limits limits, String line, String why) {
        assertThatThrownBy(() -> render(ftl, limits)).isInstanceOfSatisfying(BulletinException.class, e -> {
            assertThat(e.exitCode()).isEqualTo(ExitCode.USAGE);
            assertThat(e.getMessage()).startsWith("templates/bulletin.ftl:" + line + ": 错误: ").contains(why);
        });
    }

    @Test
    void aTemplateWithinItsBoundsRendersAsBefore() throws Exception {
        assertThat(render("@title 标题\n<#list 1..3 as i>${i}</#list>\n", new BoundedRender.Limits(5, 20, 100, 30_000)))
                .isEqualTo("@title 标题\n123\n");
    }

    @Test
    void endlessRecursionOfAMacroOrAFunctionIsStoppedAtItsDepth() {
        stopped("@title 标题\n<#macro m><@m/></#macro><@m/>\n", BoundedRender.Limits.DEFAULT, "2", "嵌套超过 1000 层");
        stopped("@p\n\n<#function f n><#return f(n + 1)></#function>${f(1)}\n", BoundedRender.Limits.DEFAULT, "3",
                "嵌套超过");
    }

    @Test
    void theJvmsStackOverflowInsideATemplateIsReportedWithItsLine() {
        // No depth bound of our own: the template thread's stack runs out first.
        stopped("@title 标题\n<#macro m><@m/></#macro><@m/>\n",
                new BoundedRender.Limits(Integer.MAX_VALUE, Long.MAX_VALUE, 1 << 20, 300_000), "2", "嵌套过深");
    }

    @Test
    void aHugeLoopIsStoppedByItsOutputOrItsSteps() {
        stopped("@title 标题\n\n<#list 1..999999999 as i>x</#list>\n", BoundedRender.Limits.DEFAULT, "3",
                "文字超过 4 MB");
        stopped("@title 标题\n<#list 1..999999999 as i><#assign x = i></#list>\n",
                new BoundedRender.Limits(1000, 100_000, 1 << 20, 300_000), "2", "超过 100000 步");
    }

    @Test
    void aLoopThatEntersNothingIsStoppedByTime() {
        // The limit in milliseconds, so that the test waits a tenth of a second rather than seconds.
        stopped("@title 标题\n<#list 1..999999999999 as i></#list>\n", new BoundedRender.Limits(1000, 1000, 1000, 100),
                "2", "超过 100 毫秒");
        // The clerk's limit is still told in whole seconds.
        assertThat(BoundedRender.Limits.DEFAULT.time()).isEqualTo("30 秒");
        assertThat(new BoundedRender.Limits(1000, 1000, 1000, 1000).time()).isEqualTo("1 秒");
    }
}
