package bulletin.workspace;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import bulletin.diag.BulletinException;
import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 21 point 8: {@code bulletin.yaml} refuses what would be taken wrongly in silence: 25.5 for a day (read as
 * 25), a figure such as 1e400, and {@code levels} that give one item to both levels. Each is exit 2 naming the
 * line; ordinary values still read.
 */
class ConfigValuesTest {

    @TempDir
    Path root;

    private static WorkspaceConfig read(String yaml) {
        return Workspace.readConfig(yaml, ConfigLines.of(yaml));
    }

    private static String refused(String yaml) {
        try {
            read(yaml);
        } catch (BulletinException e) {
            assertThat(e.exitCode()).isEqualTo(2);
            return e.getMessage();
        }
        throw new AssertionError("accepted: " + yaml);
    }

    @Test
    void aDayWithDecimalsIsRefusedNotCutToAWholeDay() {
        assertThat(refused("title: 专报\ndeadline: 25.5\n")).startsWith("bulletin.yaml:2: 错误: deadline 应是整数")
                .contains("25.5");
        assertThat(refused("deadline: \"25.5\"\n")).contains("deadline 应是整数");
        assertThat(read("deadline: 25\n").deadline()).isEqualTo(25);
    }

    @Test
    void aFigureOutOfAnyRangeIsRefused() {
        assertThat(refused("indicators:\n  \"01-01\":\n    target: 1e400\n"))
                .startsWith("bulletin.yaml:3: 错误: 指标 01-01 的 target").contains("1E+400");
        assertThat(refused("indicators:\n  \"01-01\":\n    target: 1.0e+400\n")).contains("target");
        assertThat(refused("deadline: 1e400\n")).contains("deadline 应是整数");
        assertThat(refused("year: 1e400\n")).contains("year 应是整数");
        assertThat(refused("indicators:\n  \"01-01\":\n    from: 2.5\n")).contains("from 应是整数");
        assertThat(refused("indicators:\n  \"01-01\":\n    schedule: [0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1e400]\n"))
                .contains("schedule");
        assertThat(read("indicators:\n  \"01-01\":\n    target: 0.42\n").indicators().get("01-01").target())
                .isEqualByComparingTo("0.42");
        assertThat(read("indicators:\n  \"01-01\":\n    target: 16500000\n").indicators().get("01-01").target())
                .isEqualByComparingTo("16500000");
    }

    @Test
    void levelsThatShareAnItemAreRefusedNamingTheItem() {
        assertThat(refused("levels:\n  province: \"1-10\"\n  city: \"10-18\"\n"))
                .startsWith("bulletin.yaml:3: 错误: levels 的省级和市级都含有第 10 项");
        assertThat(refused("levels:\n  省级: \"1-5, 7\"\n  市级: \"6-8\"\n")).contains("第 7 项");
        assertThat(read("levels:\n  province: \"1-10\"\n  city: \"11-18\"\n").levels()).hasSize(2);
        assertThat(read("levels:\n  province: \"1-5，6-10\"\n  city: 11-18\n").levels()).hasSize(2);
    }

    @Test
    void theWorkspaceRefusesThemWhenOpened() throws IOException {
        Files.writeString(root.resolve("bulletin.yaml"), "deadline: 25.5\n");
        assertThatThrownBy(() -> Workspace.open(root)).isInstanceOf(BulletinException.class)
                .hasMessageContaining("deadline 应是整数");
        Files.write(root.resolve("bulletin.yaml"), "title: 汨罗市工作专报\n".getBytes(Charset.forName("GBK")));
        assertThatThrownBy(() -> Workspace.open(root)).isInstanceOf(BulletinException.class)
                .hasMessageContaining("bulletin.yaml: 错误: 文件是 GBK 编码，请另存为 UTF-8");
    }
}
