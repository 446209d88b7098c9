package bulletin.text;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Names of units as compared across files. */
class TextTest {

    @Test
    void invisibleCharactersAndSpacesOfAnyWidthAreNotPartOfAName() {
        for (String s : new String[] {"归义街道", "归义街道\u200B", "\u200F归义街道", "归义\u3000街道", " 归义街道\u00A0",
                "归义\u2002街道", "\uFEFF归义街道", "归义\u200D街道\u2060", "归义街道\u00AD"}) {
            assertThat(Text.unitKey(s)).as(Text.visible(s)).isEqualTo("归义街道");
        }
        assertThat(Text.stripInvisible("a\u200Bb\u200Fc\u202Ed")).isEqualTo("abcd");
        assertThat(Text.stripInvisible("a\tb")).isEqualTo("a\tb");
        assertThat(Text.visible("归义街道\u200B")).isEqualTo("归义街道<U+200B>");
        assertThat(Text.visible("归义\u3000街道 ")).isEqualTo("归义<U+3000>街道 ");
    }

    @Test
    void oneCommonEndingOfAnOfficesNameIsTakenOff() {
        assertThat(Text.unitKey("归义街道办事处")).isEqualTo("归义街道");
        assertThat(Text.unitKey("归义街道办")).isEqualTo("归义街道");
        assertThat(Text.unitKey("三江镇人民政府")).isEqualTo("三江镇");
        assertThat(Text.unitKey("三江镇政府")).isEqualTo("三江镇");
        assertThat(Text.unitKey("高新区管委会")).isEqualTo("高新区");
        assertThat(Text.unitKey("高新区管理委员会")).isEqualTo("高新区");
        assertThat(Text.unitKey("归义街道（盖章）")).isEqualTo("归义街道");
        assertThat(Text.unitKey("归义街道办事处(公章)")).isEqualTo("归义街道");
        // Never cut to nothing or one character, and nothing else is touched.
        assertThat(Text.unitKey("市政府")).isEqualTo("市政府");
        assertThat(Text.unitKey("人民政府")).isEqualTo("人民政府");
        assertThat(Text.unitKey("市人社局")).isEqualTo("市人社局");
        assertThat(Text.unitKey("市政府办")).isEqualTo("市政府办");
        assertThat(Text.unitKey("国网汨罗供电公司")).isEqualTo("国网汨罗供电公司");
        assertThat(Text.unitKey(null)).isEmpty();
    }

    @Test
    void textForADocumentKeepsOnlyWhatXmlOneCanCarry() {
        assertThat(Text.xmlSafe("归义街道")).isEqualTo("归义街道");
        assertThat(Text.xmlSafe("a\u0000b\u0001c\u0008d\u000Ee\u001Ff")).isEqualTo("abcdef");
        assertThat(Text.xmlSafe("a\tb\nc\rd")).isEqualTo("a\tb\nc\rd");
        assertThat(Text.xmlSafe("第一行\u000B第二行\u000C下一页")).isEqualTo("第一行\n第二行\n下一页");
        assertThat(Text.xmlSafe("a\uFFFEb\uFFFFc")).isEqualTo("abc");
        // Unpaired surrogates go, a pair (a character beyond the BMP, 𠀀) stays.
        assertThat(Text.xmlSafe("a\uD800b\uDC00c\uD840\uDC00d\uD840")).isEqualTo("abc\uD840\uDC00d");
        assertThat(Text.xmlSafe("\uD840\uDC00\u0001")).isEqualTo("\uD840\uDC00");
        assertThat(Text.xmlSafe(null)).isNull();
    }

    @Test
    void aFileNameInAReportStaysOnOneLine() {
        assertThat(Text.oneLine("progress/2026-05/归义街道.xlsx")).isEqualTo("progress/2026-05/归义街道.xlsx");
        assertThat(Text.oneLine("a\n✓ 合格  b.xlsx")).isEqualTo("a<U+000A>✓ 合格  b.xlsx");
        assertThat(Text.oneLine("a\r\u2028\u202Eb")).isEqualTo("a<U+000D><U+2028><U+202E>b");
    }
}
