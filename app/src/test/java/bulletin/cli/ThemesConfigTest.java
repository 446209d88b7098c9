package bulletin.cli;

import static org.assertj.core.api.Assertions.assertThat;

import bulletin.testing.Cli;
import bulletin.testing.Cli.Run;
import bulletin.testing.SampleWorkspace;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * {@code themes:} entries that would drop, repeat or garble a theme in silence (the hostile test: each exited 0) are
 * refused with exit 2 and their line of bulletin.yaml, before anything is read or written.
 */
class ThemesConfigTest {

    @TempDir
    static Path tmp;

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "'  重点群体保障更加有力: [1, 5, 7, 99]'|项目序号 99 不是指标表中的项目",
        "'  重点群体保障更加有力: [1, 8]\n  便民利民服务持续优化: [2, 8]'|项目 8 同时列在主题“重点群体保障更加有力”和“便民利民服务持续优化”中",
        "'  重点群体保障更加有力: []'|没有列出项目序号",
        "'  \"重点群体**保障**更加有力\": [1, 5]'|不要带“*”或结尾的标点",
        "'  重点群体保障更加有力。: [1, 5]'|不要带“*”或结尾的标点",
        "'  \"\": [1]'|没有写主题句"})
    void aThemeThatWouldVanishOrRepeatIsRefusedWithItsLine(String themes, String said) throws IOException {
        Path ws = SampleWorkspace.copyTo(tmp.resolve("ws" + Math.abs(themes.hashCode())));
        Files.writeString(ws.resolve("bulletin.yaml"), "\nstyle: themed\nthemes:\n" + themes + "\n",
                StandardCharsets.UTF_8, StandardOpenOption.APPEND);
        Run r = Cli.in(ws, "generate", "--month", "5", "--date", "2026-05-30");
        assertThat(r.code()).as(r.toString()).isEqualTo(2);
        assertThat(r.err()).containsPattern("bulletin\\.yaml:\\d+: 错误: ").contains(said);
        assertThat(ws.resolve("out/2026-05")).doesNotExist();
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "'themes:\n  重点群体保障更加有力: 1、5、7'|themes.重点群体保障更加有力 应是一个列表",
        "'themes: []'|themes 应是下一行起缩进的若干行",
        "'style: [themed]'|style 应是一段文字"})
    void aSettingOfTheWrongShapeIsToldInTheClerksWords(String yaml, String said) throws IOException {
        Path ws = SampleWorkspace.copyTo(tmp.resolve("shape" + Math.abs(yaml.hashCode())));
        Files.writeString(ws.resolve("bulletin.yaml"), "\n" + yaml.replace("\\n", "\n") + "\n",
                StandardCharsets.UTF_8, StandardOpenOption.APPEND);
        Run r = Cli.in(ws, "inspect");
        assertThat(r.code()).as(r.toString()).isEqualTo(2);
        assertThat(r.err()).containsPattern("bulletin\\.yaml(:\\d+)?: 错误: ").contains(said).doesNotContain("java.")
                .doesNotContain("JsonToken");
    }
}
