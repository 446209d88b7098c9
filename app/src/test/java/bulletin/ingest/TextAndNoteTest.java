package bulletin.ingest;

import bulletin.model.Level;
import bulletin.text.Text;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import static org.assertj.core.api.Assertions.assertThat;

class TextAndNoteTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "1.产前筛查率|1.|产前筛查率",
        "（3）扩充优质普通高中公办学位|（3）|扩充优质普通高中公办学位",
        "(7) 开展职业技能培训|(7)|开展职业技能培训",
        "12、城镇新增就业|12、|城镇新增就业",
        "一、工作动态|一、|工作动态",
        "5G基站建设|<none>|5G基站建设"})
    void enumeratorsAreSplitOffNames(String raw, String enumerator, String name) {
        assertThat(Text.enumerator(raw)).isEqualTo(enumerator.equals("<none>") ? null : enumerator);
        assertThat(Text.stripEnumerator(raw)).isEqualTo(name);
    }

    @ParameterizedTest
    @CsvSource({"1,1", "01,1", "18,18", "一,1", "十,10", "十八,18", "二十一,21", "1.0,1", "一二三,-1", "abc,-1"})
    void itemNumbers(String text, int number) {
        assertThat(Headers.itemNumber(text)).isEqualTo(number);
    }

    @Test
    void theMiluoNoteSaysWhichItemsAreProvincial() {
        LevelNote n = LevelNote.parse("注：1—10项为省级重点民生实事，11—18项为市级重点民生实事。").orElseThrow();
        assertThat(n.levelOf(1)).contains(Level.PROVINCE);
        assertThat(n.levelOf(10)).contains(Level.PROVINCE);
        assertThat(n.levelOf(11)).contains(Level.CITY);
        assertThat(n.levelOf(18)).contains(Level.CITY);
        assertThat(n.levelOf(19)).isEmpty();
    }

    @Test
    void otherWordingsOfTheNote() {
        LevelNote n = LevelNote.parse("注：第1至2项为省级重点民生实事项目，第3项为市级重点民生实事项目。").orElseThrow();
        assertThat(n.levelOf(2)).contains(Level.PROVINCE);
        assertThat(n.levelOf(3)).contains(Level.CITY);
        LevelNote dash = LevelNote.parse("注: 1-5项为省级, 6~9项为县级").orElseThrow();
        assertThat(dash.levelOf(5)).contains(Level.PROVINCE);
        assertThat(dash.levelOf(9)).contains(Level.CITY);
        assertThat(LevelNote.parse("注：数据截至5月25日")).isEmpty();
    }

    @Test
    void displayWidthCountsChineseAsTwoColumns() {
        assertThat(Text.width("abc")).isEqualTo(3);
        assertThat(Text.width("归义街道")).isEqualTo(8);
        assertThat(Text.pad("镇", 4)).isEqualTo("镇  ");
        assertThat(Text.fit("提质升级中小学校食堂", 9)).isEqualTo("提质升级…");
    }
}
