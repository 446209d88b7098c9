package bulletin.ingest;

import bulletin.diag.Place;
import bulletin.diag.Problems;
import bulletin.model.Responsibility;
import bulletin.text.Text;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * Reads the responsibility table (责任分解表): 序号 | 项目名称 (one or two columns) | 牵头领导 | 牵头责任单位 |
 * 相关责任单位, sometimes with 责任人. Cells left blank under a merged or repeated lead are filled down within
 * the item, as a reader of the printed table would.
 */
public final class ResponsibilityTableReader {

    /** One row: an item, or one task of it, with its lead. */
    public record Row(int item, List<String> rawPath, Responsibility responsibility, String place) {
    }

    public record Table(Place place, List<Row> rows, LevelNote levelNote) {
    }

    private record Header(int row, int seqCol, int firstRoleCol, int leaderCol, int leadUnitCol, int relatedCol,
                          int personCol) {
    }

    private ResponsibilityTableReader() {
    }

    public static boolean looksLike(Grid g) {
        return header(g).isPresent();
    }

    private static Optional<Header> header(Grid g) {
        for (int r = 0; r < Math.min(g.rows(), 30); r++) {
            OptionalInt seq = Headers.find(g, r, t -> t.equals("序号"));
            if (seq.isEmpty()) {
                continue;
            }
            int leader = Headers.find(g, r, t -> t.contains("领导")).orElse(-1);
            int leadUnit = Headers.find(g, r, t -> (t.contains("牵头") && t.contains("单位"))
                    || (t.contains("责任单位") && !t.contains("相关") && !t.contains("配合"))).orElse(-1);
            int related = Headers.find(g, r, t -> t.contains("相关") || t.contains("配合") || t.contains("协同")
                    || t.contains("参与")).orElse(-1);
            int person = Headers.find(g, r, t -> t.equals("责任人") || t.equals("具体责任人") || t.equals("联系人"))
                    .orElse(-1);
            if (leadUnit < 0) {
                continue;
            }
            int first = Arrays.stream(new int[] {leader, leadUnit, related, person}).filter(c -> c >= 0).min()
                    .orElse(leadUnit);
            if (first <= seq.getAsInt() + 1) {
                continue;
            }
            return Optional.of(new Header(Headers.bottom(g, r, seq.getAsInt()), seq.getAsInt(), first, leader,
                    leadUnit, related, person));
        }
        return Optional.empty();
    }

    public static Optional<Table> read(Grid g, Problems problems) {
        Optional<Header> found = header(g);
        if (found.isEmpty()) {
            return Optional.empty();
        }
        Header h = found.get();
        List<Row> rows = new ArrayList<>();
        LevelNote note = null;
        Headers.ItemCursor cursor = new Headers.ItemCursor();
        Responsibility previous = Responsibility.NONE;
        String[] carry = new String[Math.max(0, h.firstRoleCol - h.seqCol - 1)];
        for (int r = h.row + 1; r < g.rows(); r++) {
            if (g.isBlankRow(r)) {
                continue;
            }
            List<String> texts = g.texts(r);
            String first = texts.isEmpty() ? "" : Text.compact(texts.get(0));
            if (first.startsWith("注")) {
                note = LevelNote.parse(String.join("", texts)).orElse(null);
                break;
            }
            String seqText = g.text(r, h.seqCol);
            if (Text.compact(seqText).equals("序号")) {
                continue;
            }
            if (!cursor.next(g, r, h.seqCol, problems)) {
                continue;
            }
            int item = cursor.item;
            if (item < 0) {
                continue;
            }
            if (cursor.newItem) {
                previous = Responsibility.NONE;
                java.util.Arrays.fill(carry, null);
            }
            List<String> parts = TargetTableReader.nameParts(g, r, h.seqCol + 1, h.firstRoleCol, carry);
            if (parts.isEmpty()) {
                continue;
            }
            String leader = orPrevious(cell(g, r, h.leaderCol), previous.leader());
            String leadUnit = orPrevious(cell(g, r, h.leadUnitCol), previous.leadUnit());
            String relatedText = cell(g, r, h.relatedCol);
            List<String> related = relatedText == null ? previous.relatedUnits() : splitUnits(relatedText);
            String person = orPrevious(cell(g, r, h.personCol), previous.person());
            Responsibility resp = new Responsibility(leader, leadUnit, related, person);
            previous = resp;
            rows.add(new Row(item, parts, resp, g.place(r, h.seqCol).format()));
        }
        if (note == null) {
            note = TargetTableReader.findNoteAnywhere(g);
        }
        return Optional.of(new Table(g.place(), rows, note));
    }

    private static String cell(Grid g, int r, int c) {
        if (c < 0) {
            return null;
        }
        String t = Text.clean(g.text(r, c));
        return t.isEmpty() ? null : t;
    }

    private static String orPrevious(String value, String previous) {
        return value != null ? value : previous;
    }

    /** "市财政局、市教体局，相关镇政府（街道办）" into its units, keeping parenthesised parts whole. */
    static List<String> splitUnits(String text) {
        List<String> out = new ArrayList<>();
        StringBuilder cur = new StringBuilder();
        int depth = 0;
        for (char ch : text.toCharArray()) {
            if (ch == '（' || ch == '(') {
                depth++;
            } else if (ch == '）' || ch == ')') {
                depth = Math.max(0, depth - 1);
            }
            if (depth == 0 && (ch == '、' || ch == '，' || ch == ',' || ch == '；' || ch == ';' || ch == '\n')) {
                add(out, cur);
            } else {
                cur.append(ch);
            }
        }
        add(out, cur);
        return out;
    }

    private static void add(List<String> out, StringBuilder cur) {
        String s = Text.clean(cur.toString());
        if (!s.isEmpty()) {
            out.add(s);
        }
        cur.setLength(0);
    }
}
