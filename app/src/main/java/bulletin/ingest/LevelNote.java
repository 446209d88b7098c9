package bulletin.ingest;

import bulletin.model.Level;
import bulletin.text.Text;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The closing note that says which items are provincial and which city level, e.g.
 * "注：1—10项为省级重点民生实事，11—18项为市级重点民生实事。"
 */
public record LevelNote(List<Range> ranges, String text) {

    /** Items {@code from} to {@code to} (inclusive) are of {@code level}. */
    public record Range(int from, int to, Level level) {
    }

    private static final Pattern RANGE = Pattern.compile(
            "(?:第\\s*)?(\\d+)\\s*(?:(?:[—\\-－–~～至到]+|项?至第?)\\s*(\\d+))?\\s*项\\s*(?:为|是|属于)?\\s*([^，,。；;\\d]{0,12})");

    public LevelNote {
        ranges = List.copyOf(ranges);
    }

    /** Reads a note, or empty where the text names no item ranges with a level. */
    public static Optional<LevelNote> parse(String text) {
        String t = Text.halfWidth(Text.clean(text));
        List<Range> out = new ArrayList<>();
        Matcher m = RANGE.matcher(t);
        while (m.find()) {
            int from = Integer.parseInt(m.group(1));
            int to = m.group(2) == null ? from : Integer.parseInt(m.group(2));
            String what = m.group(3);
            Level level;
            if (what.contains("省")) {
                level = Level.PROVINCE;
            } else if (what.contains("市") || what.contains("县") || what.contains("区")) {
                level = Level.CITY;
            } else {
                continue;
            }
            out.add(new Range(Math.min(from, to), Math.max(from, to), level));
        }
        return out.isEmpty() ? Optional.empty() : Optional.of(new LevelNote(out, Text.clean(text)));
    }

    /** Parses "1-10" or "1—10,12" as in bulletin.yaml into ranges of one level. */
    public static List<Range> parseList(String spec, Level level) {
        List<Range> out = new ArrayList<>();
        for (String part : Text.halfWidth(spec).split("[,，、\\s]+")) {
            if (part.isBlank()) {
                continue;
            }
            String[] ends = part.split("[—\\-－–~～]+");
            int from = Integer.parseInt(ends[0].trim());
            int to = ends.length > 1 ? Integer.parseInt(ends[1].trim()) : from;
            out.add(new Range(Math.min(from, to), Math.max(from, to), level));
        }
        return out;
    }

    /** The level of item {@code number}, if the note covers it. */
    public Optional<Level> levelOf(int number) {
        return ranges.stream().filter(r -> number >= r.from && number <= r.to).map(Range::level).findFirst();
    }
}
