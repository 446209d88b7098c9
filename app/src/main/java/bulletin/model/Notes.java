package bulletin.model;

import java.util.List;
import java.util.Map;

/**
 * The clerk's notes for a month ({@code notes/YYYY-MM.md}): paragraphs by section, the sections under their
 * canonical names in the order found.
 */
public record Notes(Map<String, List<Paragraph>> sections) {

    public static final String NEWS = "工作动态";
    public static final String PROBLEMS = "突出问题";
    public static final String NEXT = "下一步工作安排";
    public static final String PRACTICE = "典型做法";

    public static final Notes EMPTY = new Notes(Map.of());

    /** One paragraph; {@code heading} for a {@code ## } line. */
    public record Paragraph(String text, boolean heading) {
    }

    public List<Paragraph> of(String section) {
        return sections.getOrDefault(section, List.of());
    }
}
