package bulletin.model;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

import java.util.Arrays;
import java.util.Optional;

/** How an indicator is measured and scored (docs/rules.md). */
public enum Kind {
    /** A count or amount: completion = cumulative done / annual target. */
    QUANTITY("quantity", "数量"),
    /** A construction-type project: each unit reports a self-assessed 形象进度 in percent. */
    PROGRESS("progress", "形象进度"),
    /** A raised standard (提标): done or not, 100% once met. */
    STANDARD("standard", "提标"),
    /** A required rate, e.g. 产前筛查率 ≥ 90%: progress = achieved rate / required rate. */
    RATE("rate", "比率"),
    /** A target given in words only: not scored, reported in words. */
    TEXT("text", "文字");

    private final String id;
    private final String label;

    Kind(String id, String label) {
        this.id = id;
        this.label = label;
    }

    @JsonValue
    public String id() {
        return id;
    }

    public String label() {
        return label;
    }

    /** Accepts the English id or the Chinese label, as a clerk may write either in bulletin.yaml. */
    public static Optional<Kind> parse(String s) {
        if (s == null) {
            return Optional.empty();
        }
        String t = s.trim();
        return Arrays.stream(values())
                .filter(k -> k.id.equalsIgnoreCase(t) || k.label.equals(t))
                .findFirst();
    }

    /** Whether the monthly form asks for a 形象进度 percentage rather than a cumulative figure. */
    public boolean reportsPercent() {
        return this == PROGRESS || this == STANDARD;
    }

    /** The enum for its JSON id ({@code bulletin.json}); an unknown id is an error. */
    @JsonCreator
    public static Kind ofId(String id) {
        return Arrays.stream(values()).filter(v -> v.id.equals(id)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("unknown kind " + id));
    }
}
