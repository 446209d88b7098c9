package bulletin.workspace;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The quick reading of a plain bulletin.yaml gives what YAML gives, and leaves every other file to YAML. */
class PlainConfigTest {

    private static WorkspaceConfig yaml(String text) throws Exception {
        return Workspace.Yaml.READER.readValue(text);
    }

    @Test
    void plainFilesReadAsYamlReadsThem() throws Exception {
        List<String> plain = List.of(
                "title: 某市实现好惠民生增福祉的期盼工作专报\noffice: 某市工作专班\n",
                "title: 汨罗市实现好惠民生增福祉的期盼工作专报\r\noffice: 市“实现好惠民生增福祉的期盼”工作专班\r\n",
                "# 设置\n\ntitle:    某市（2026年）专报 第A-1期\n   \n# stamp 下面\nstamp: （岳阳市人力资源和社会保障局代章）\n",
                "style: 主题\nprogramme: 民生实事\n",
                "style: 逐项",
                "title: 某市 \"专报\" 'x' [1], {a} & * ! | > % @ `\noffice: 　全角空格开头\n",
                "title: 𠀀扩展字符\n# 注释: 可以有冒号 # 和井号\n");
        for (String text : plain) {
            WorkspaceConfig quick = PlainConfig.read(text);
            assertThat(quick).as(text).isNotNull();
            assertThat(quick).as(text).isEqualTo(yaml(text));
            assertThat(Workspace.readConfig(text, ConfigLines.of(text))).as(text).isEqualTo(yaml(text));
        }
    }

    @Test
    void anythingElseIsLeftToYaml() {
        List<String> others = List.of(
                "title: 专报\ntitle: 又一个\n", // a key twice: YAML refuses it
                "title: \"专报\"\n", "title: '专报'\n", "title: plain ASCII\n", "title: null\n", "title: ~\n",
                "title: 专报 # 注释\n", "title: 专报：a: b\n", "title: 专报\n  续行\n", "title: 专报\tx\n",
                "title:专报\n", "title: \n", "title: 专报 \n", "deadline: 25\n", "year: 2026\n",
                "indicators:\n  \"03-01\": {target: 6000}\n", "---\ntitle: 专报\n", "Title: 专报\n",
                " title: 专报\n", "\uFEFFtitle: 专报\n", "title: 专报\u2028office: x\n", "title: 专报\u0085x\n",
                "# 注释\u0007\ntitle: 专报\n", "#\ttab\ntitle: 专报\n", "title: \uD800x\n", "unknown: 专报\n",
                "  # 缩进的注释\ntitle: 专报\n", "title: 专报\r\noffice\r\n");
        for (String text : others) {
            assertThat(PlainConfig.read(text)).as(text).isNull();
        }
        assertThat(PlainConfig.read("# 只有注释\n\n")).isNull();
    }
}
