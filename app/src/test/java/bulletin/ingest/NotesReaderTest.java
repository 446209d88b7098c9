package bulletin.ingest;

import bulletin.model.Notes;
import static org.assertj.core.api.Assertions.assertThat;

import bulletin.diag.Problem;
import bulletin.diag.Problems;
import org.junit.jupiter.api.Test;

class NotesReaderTest {

    @Test
    void sectionsByTheirNamesOrAliasesParagraphsByBlankLinesListsByItem() {
        Problems problems = new Problems();
        Notes n = NotesReader.parse(String.join("\n",
                "# 【工作概况】",
                "第一段第一行，",
                "第一段第二行。",
                "",
                "第二段。",
                "# 下一步工作",
                "1. 第一条。",
                "2. 第二条，",
                "接着写。",
                "- 第三条。",
                "# 工作亮点",
                "## **白水镇：群众唱主角**",
                "正文。",
                "# 其他",
                "不会放进专报。"), "notes/2026-05.md", problems);
        assertThat(n.of(Notes.NEWS)).extracting(Notes.Paragraph::text)
                .containsExactly("第一段第一行，第一段第二行。", "第二段。");
        assertThat(n.of(Notes.NEXT)).extracting(Notes.Paragraph::text)
                .containsExactly("1. 第一条。", "2. 第二条，接着写。", "第三条。");
        assertThat(n.of(Notes.PRACTICE)).containsExactly(
                new Notes.Paragraph("白水镇：群众唱主角", true), new Notes.Paragraph("正文。", false));
        assertThat(n.of(Notes.PROBLEMS)).isEmpty();
        assertThat(problems.all()).extracting(Problem::format)
                .containsExactly("notes/2026-05.md:14: 警告: 标题“其他”不是专报的栏目（工作动态、突出问题、下一步工作安排、"
                        + "典型做法），这一节不会放进专报");
        // The file is the file, and the line its own part (it used to be glued into the file name).
        assertThat(problems.all()).extracting(Problem::file, Problem::cell)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("notes/2026-05.md", "14"));
    }

    @Test
    void textBeforeAnyHeadingIsReported() {
        Problems problems = new Problems();
        Notes n = NotesReader.parse("忘了写标题。\n\n# 突出问题\n资金拨付慢。\n", "n.md", problems);
        assertThat(n.of(Notes.PROBLEMS)).extracting(Notes.Paragraph::text).containsExactly("资金拨付慢。");
        assertThat(problems.all()).extracting(Problem::code).containsExactly("text-before-heading");
    }
}
