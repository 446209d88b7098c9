package bulletin.ingest;

import bulletin.diag.BulletinException;
import bulletin.diag.Place;
import bulletin.diag.Problems;
import bulletin.model.Notes.Paragraph;
import bulletin.model.Notes;
import bulletin.text.Text;
import bulletin.workspace.InputFiles;
import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads the clerk's narrative {@code notes/YYYY-MM.md}: headings that name the bulletin's sections
 * ({@code # 工作动态}, {@code # 突出问题}, {@code # 下一步工作安排}, {@code # 典型做法}), paragraphs separated by
 * blank lines, {@code ## } for a bold sub-heading inside a section.
 */
public final class NotesReader {

    private static final Map<String, String> ALIASES = Map.ofEntries(
            Map.entry("工作动态", Notes.NEWS), Map.entry("工作概况", Notes.NEWS), Map.entry("工作要闻", Notes.NEWS),
            Map.entry("突出问题", Notes.PROBLEMS), Map.entry("存在问题", Notes.PROBLEMS), Map.entry("问题", Notes.PROBLEMS),
            Map.entry("下一步工作安排", Notes.NEXT), Map.entry("下一步工作", Notes.NEXT), Map.entry("下步工作安排", Notes.NEXT),
            Map.entry("下一步安排", Notes.NEXT),
            Map.entry("典型做法", Notes.PRACTICE), Map.entry("工作亮点", Notes.PRACTICE), Map.entry("经验做法", Notes.PRACTICE),
            Map.entry("亮点做法", Notes.PRACTICE));

    private static final java.util.regex.Pattern LIST_ITEM = java.util.regex.Pattern.compile(
            "^(?:[-*+]\\s+|\\d{1,2}\\s*[.、．]|[（(]\\d{1,2}[)）]|[一二三四五六七八九十]{1,3}是)");

    private NotesReader() {
    }

    /**
     * The month's notes, or none where there is no file. Only a regular file of at most
     * {@link InputFiles#TEXT_CAP} is read: a folder, a device, a FIFO, a broken link or an oversized file is refused
     * by its name (a usage error, exit 2), never opened; a file that is not UTF-8 (named as GBK where it is) or
     * cannot be read is refused alike, as {@code bulletin.yaml} is: the notes never vanish from a bulletin.
     */
    public static Notes read(Path file, String shown, Problems problems) {
        if (!InputFiles.present(file)) {
            return Notes.EMPTY;
        }
        String text;
        try {
            text = InputFiles.readText(file, InputFiles.TEXT_CAP);
        } catch (InputFiles.Refused e) {
            throw BulletinException.usage(shown + ": 错误: " + e.getMessage() + "（月度说明须是一个普通的文本文件）");
        } catch (CharacterCodingException e) {
            // As bulletin.yaml: the clerk's notes never vanish from the bulletin in silence.
            throw BulletinException.usage(shown + ": 错误: " + e.getMessage() + "；月度说明没有读取，专报未生成");
        } catch (IOException e) {
            throw BulletinException.usage(shown + ": 错误: 无法读取（" + e.getMessage() + "）；月度说明没有读取，专报未生成");
        }
        return parse(text.replace("\uFEFF", ""), shown, problems);
    }

    static Notes parse(String text, String shown, Problems problems) {
        Map<String, List<Paragraph>> out = new LinkedHashMap<>();
        String section = null;
        StringBuilder para = new StringBuilder();
        String[] lines = text.split("\r?\n", -1);
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i].strip();
            if (line.startsWith("# ") || (line.startsWith("#") && !line.startsWith("##"))) {
                flush(out, section, para);
                String name = canonical(line.substring(1));
                if (!ALIASES.containsValue(name)) {
                    problems.warning("unknown-section", Place.line(shown, i + 1),
                            "标题“" + line.substring(1).strip() + "”不是专报的栏目（工作动态、突出问题、下一步工作安排、"
                                    + "典型做法），这一节不会放进专报");
                }
                section = name;
                out.computeIfAbsent(section, k -> new ArrayList<>());
            } else if (line.startsWith("##")) {
                flush(out, section, para);
                if (section != null) {
                    out.get(section).add(new Paragraph(strip(line.replaceFirst("^#+", "")), true));
                }
            } else if (line.isEmpty()) {
                flush(out, section, para);
            } else {
                if (LIST_ITEM.matcher(line).find()) {
                    flush(out, section, para); // each item of a numbered or bulleted list is a paragraph
                    line = line.replaceFirst("^[-*+]\\s+", "");
                }
                if (section == null) {
                    problems.warning("text-before-heading", Place.line(shown, i + 1),
                            "这段文字前面没有栏目标题（如“# 工作动态”），不会放进专报");
                    section = "";
                    out.computeIfAbsent(section, k -> new ArrayList<>());
                }
                para.append(strip(line));
            }
        }
        flush(out, section, para);
        out.remove("");
        return new Notes(out);
    }

    private static String canonical(String heading) {
        String h = Text.stripEnumerator(strip(heading)).replaceAll("^[【\\[]|[】\\]]$", "");
        return ALIASES.getOrDefault(Text.compact(h), Text.compact(h));
    }

    private static String strip(String s) {
        return s.replace("**", "").strip();
    }

    private static void flush(Map<String, List<Paragraph>> out, String section, StringBuilder para) {
        if (para.length() > 0 && section != null) {
            out.get(section).add(new Paragraph(para.toString(), false));
        }
        para.setLength(0);
    }
}
