package bulletin.document;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import bulletin.diag.BulletinException;
import bulletin.diag.ExitCode;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The rendered template read as blocks. */
class WordingTest {

    @Test
    void directivesBecomeBlocksAndOtherLinesParagraphs() {
        List<Wording.Block> blocks = Wording.parse("@h1 一、工作进展\n\n正文一段\n@appendix 2\n@chart\n",
                List.of());
        assertThat(blocks).containsExactly(new Wording.Block("h1", "一、工作进展"), new Wording.Block("p", "正文一段"),
                new Wording.Block("appendix", "2"), new Wording.Block("chart", ""));
    }

    /** Bug: an unknown directive written in the template silently became body text. */
    @Test
    void anUnknownDirectiveInTheTemplateIsAnErrorWithItsLine() {
        List<String> source = List.of("<#-- 说明 -->", "@title ${title}", "  @h4 ${x}");
        assertThatThrownBy(() -> Wording.parse("@title 标题\n@h4 小标题\n", source))
                .isInstanceOf(BulletinException.class)
                .hasMessageContaining("templates/bulletin.ftl:3").hasMessageContaining("@h4")
                .satisfies(e -> assertThat(((BulletinException) e).exitCode()).isEqualTo(ExitCode.USAGE));
    }

    /** Words of a unit that begin with "@" are not a directive: they stay text, whole. */
    @Test
    void aLineThatOnlyLooksLikeADirectiveStaysText() {
        List<Wording.Block> blocks = Wording.parse("@p 正文\n@某某镇 已完成\n", List.of("@p ${a}", "${b}"));
        assertThat(blocks).containsExactly(new Wording.Block("p", "正文"), new Wording.Block("p", "@某某镇 已完成"));
    }
}
