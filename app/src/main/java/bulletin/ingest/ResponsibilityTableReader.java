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

    /**
     * The header: the row, 序号's column, the first column after the names, and the role columns (-1 where
     * absent; several related columns may be given, e.g. 配合单位 and 协同单位).
     */
    private record Header(int row, int seqCol, int firstRoleCol, int leaderCol, int leadUnitCol, List<Integer> relatedCols,
                          int personCol, List<Integer> unknownCols) {
    }

    private ResponsibilityTableReader() {
    }

    public static boolean looksLike(Grid g) {
        return header(g).isPresent();
    }

    /** A lead's column: 牵头单位, 牵头责任单位, 牵头部门. */
    private static boolean isLead(String t) {
        return t.contains("牵头") && (t.contains("单位") || t.contains("部门"));
    }

    /** A column of units that work with the lead: 相关责任单位, 配合单位, 协同单位, 参与单位. */
    private static boolean isRelated(String t) {
        return t.contains("相关") || t.contains("配合") || t.contains("协同") || t.contains("参与") || t.contains("协助");
    }

    private static Optional<Header> header(Grid g) {
        for (int r = 0; r < Math.min(g.rows(), 30); r++) {
            OptionalInt seq = Headers.find(g, r, t -> t.equals("序号"));
            if (seq.isEmpty()) {
                continue;
            }
            int leader = Headers.find(g, r, t -> t.contains("领导")).orElse(-1);
            OptionalInt lead = Headers.find(g, r, ResponsibilityTableReader::isLead);
            // Without a 牵头 column, 责任单位 is the lead; beside one, it names the units that share the work.
            int leadUnit = lead.isPresent() ? lead.getAsInt()
                    : Headers.find(g, r, t -> t.contains("责任单位") && !isRelated(t)).orElse(-1);
            if (leadUnit < 0) {
                continue;
            }
            int person = Headers.find(g, r, t -> t.equals("责任人") || t.equals("具体责任人") || t.equals("联系人"))
                    .orElse(-1);
            List<Integer> related = new ArrayList<>();
            List<Integer> unknown = new ArrayList<>();
            int first = Arrays.stream(new int[] {leader, leadUnit, person}).filter(c -> c >= 0).min().orElse(leadUnit);
            for (int c = seq.getAsInt() + 1; c < g.cols(); c++) {
                String t = Text.compact(g.text(r, c));
                if (!t.isEmpty() && c != leader && c != leadUnit && c != person
                        && (isRelated(t) || t.contains("责任单位"))) {
                    related.add(c);
                    first = Math.min(first, c);
                }
            }
            if (first <= seq.getAsInt() + 1) {
                continue;
            }
            for (int c = first; c < g.cols(); c++) {
                if (!Text.compact(g.text(r, c)).isEmpty() && c != leader && c != leadUnit && c != person
                        && !related.contains(c)) {
                    unknown.add(c);
                }
            }
            return Optional.of(new Header(Headers.bottom(g, r, seq.getAsInt()), seq.getAsInt(), first, leader,
                    leadUnit, related, person, unknown));
        }
        return Optional.empty();
    }

    public static Optional<Table> read(Grid g, Problems problems) {
        Optional<Header> found = header(g);
        if (found.isEmpty()) {
            return Optional.empty();
        }
        Header h = found.get();
        for (int c : h.unknownCols()) {
            problems.warning("unknown-column", g.place(h.row, c), "责任分解表的“" + Text.compact(g.text(h.row, c))
                    + "”列没有读取（只读牵头领导、牵头单位、责任单位、相关/配合/协同单位和责任人）");
        }
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
            String leadCell = cell(g, r, h.leadUnitCol);
            List<String> related = related(g, r, h, previous.relatedUnits());
            String person = orPrevious(cell(g, r, h.personCol), previous.person());
            Responsibility resp = leadCell == null
                    ? new Responsibility(leader, previous.leadUnit(), related, person)
                    : joint(leader, leadCell, related, person);
            previous = resp;
            rows.add(new Row(item, parts, resp, g.place(r, h.seqCol).format()));
        }
        if (note == null) {
            note = TargetTableReader.findNoteAnywhere(g);
        }
        return Optional.of(new Table(g.place(), rows, note));
    }

    /** The units of every related column of row {@code r}, each once; where all are blank, the row above's. */
    private static List<String> related(Grid g, int r, Header h, List<String> previous) {
        List<String> out = new ArrayList<>();
        boolean any = false;
        for (int c : h.relatedCols()) {
            String text = cell(g, r, c);
            if (text != null) {
                any = true;
                splitUnits(text).stream().filter(u -> !out.contains(u) && !Text.isNone(u)).forEach(out::add);
            }
        }
        return any ? out : previous;
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

    /**
     * The responsibility a 牵头单位 (or 责任单位) cell gives: "A、B" (also "A，B", "A/B", "A和B") is a joint
     * responsibility, where the first leads (and reports) and the rest are related units, before the related
     * units of their own column; one department is never split ("市住房和城乡建设局").
     */
    public static Responsibility joint(String leader, String leadCell, List<String> related, String person) {
        List<String> leads = splitLeads(leadCell);
        if (leads.isEmpty()) {
            return new Responsibility(leader, null, related, person);
        }
        List<String> rest = new ArrayList<>(leads.subList(1, leads.size()));
        related.stream().filter(u -> !rest.contains(u) && !u.equals(leads.get(0))).forEach(rest::add);
        return new Responsibility(leader, leads.get(0), rest, person);
    }

    /** A department's name ends so: 局, 委, 办, 厅, 政府, 管委会, 中心, 公司… */
    private static final java.util.regex.Pattern DEPARTMENT_END = java.util.regex.Pattern.compile(
            ".*(局|委|办|厅|府|会|中心|公司|集团|院|所|站|队|部|处|社|行|联|团|馆|台)$");

    /** The departments of a lead cell: split like {@link #splitUnits}, and also at "/" and at 和 between two names. */
    static List<String> splitLeads(String text) {
        List<String> out = new ArrayList<>();
        for (String part : splitUnits(text.replace('/', '、').replace('／', '、'))) {
            out.addAll(splitAnd(part));
        }
        return out.stream().filter(u -> !Text.isNone(u)).distinct().toList();
    }

    /** "市商务局和市市场监管局" into two; "市住房和城乡建设局" stays one (what stands before 和 is no department). */
    private static List<String> splitAnd(String part) {
        int i = part.indexOf('和');
        while (i > 0) {
            String left = part.substring(0, i);
            String right = part.substring(i + 1);
            if (DEPARTMENT_END.matcher(left).matches() && right.length() >= 2) {
                List<String> out = new ArrayList<>();
                out.add(Text.clean(left));
                out.addAll(splitAnd(right));
                return out;
            }
            i = part.indexOf('和', i + 1);
        }
        return List.of(Text.clean(part));
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
