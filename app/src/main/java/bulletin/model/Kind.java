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
    TEXT("text", "文字"),
    /**
     * A ceiling, lower is better (城镇登记失业率控制在4.3%以内): met when the figure is at or below the target,
     * breached when above; never a percentage of the ceiling.
     */
    CEILING("ceiling", "控制目标");

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
                .findFirst().or(() -> Optional.ofNullable(ALIASES.get(t)));
    }

    private static final java.math.BigDecimal HUNDRED = java.math.BigDecimal.valueOf(100);

    /** Other words a clerk may write for the kind in bulletin.yaml. */
    private static final java.util.Map<String, Kind> ALIASES = java.util.Map.of("上限", CEILING, "控制", CEILING,
            "控制类", CEILING, "越低越好", CEILING);

    /**
     * Whether a unit's figure is a level rather than a running count (a rate, a ceiling): it may go down from
     * one month to the next, the city's figure is its own or the units' mean, and the target is not a sum.
     */
    public boolean level() {
        return this == RATE || this == CEILING;
    }

    /** Whether the units' figures accumulate over the year, so that a fall from last month is an error. */
    public boolean cumulative() {
        return !level();
    }

    /** Whether lower is better: the target is a ceiling not to be exceeded. */
    public boolean lowerIsBetter() {
        return this == CEILING;
    }

    /** Which way is better, in the clerk's words, as {@code inspect --indicator} shows it. */
    public String direction() {
        return switch (this) {
            case CEILING -> "越低越好（不超过目标即达成，超出即未达标）";
            case TEXT -> "不计分";
            default -> "越高越好（达到目标即完成）";
        };
    }

    /** Whether reaching the target counts as "已完成全年任务" (not for a rate reached or a ceiling kept). */
    public boolean countsAsTaskDone() {
        return !level();
    }

    /** Whether the figures are counts or amounts that add up across the units (数量). */
    public boolean counted() {
        return this == QUANTITY;
    }

    /** Whether the city's figure is the units' figures added up (a count, or the figures of a text target). */
    public boolean sumsUnits(boolean perUnit) {
        return counted() && !perUnit || !scored();
    }

    /** Whether the units' figures are a level in percent shown as such ("平均达到95%"): a rate. */
    public boolean rateShown() {
        return this == RATE;
    }

    /** Whether the kind is scored against a target at all. */
    public boolean scored() {
        return this != TEXT;
    }

    /**
     * The completion as a fraction: done / target for quantities and rates, the 形象进度 for works and standards;
     * null for a text target and for a ceiling (kept or breached, never a share of the ceiling).
     */
    public java.math.BigDecimal progress(java.math.BigDecimal target, java.math.BigDecimal done,
                                         java.math.BigDecimal percent) {
        return switch (this) {
            case QUANTITY, RATE -> done != null && target != null && target.signum() > 0
                    ? Quotient.of(done, target) : null;
            case PROGRESS, STANDARD -> percent == null ? null : Quotient.of(percent, HUNDRED);
            case TEXT, CEILING -> null;
        };
    }

    /**
     * Where a figure stands: a ceiling is kept (done) at or below its target and breached (behind) above it,
     * whatever the month; every other kind is held to the schedule by its completion.
     */
    public Status status(java.math.BigDecimal target, java.math.BigDecimal done, java.math.BigDecimal progress,
                         java.math.BigDecimal schedule) {
        if (this == CEILING) {
            if (done == null || target == null) {
                return Status.NOT_SCORED;
            }
            return done.compareTo(target) <= 0 ? Status.DONE : Status.BEHIND;
        }
        return bySchedule(progress, schedule);
    }

    /** Where a completion stands against the schedule: done at 100%, on schedule at or above it, else behind. */
    public static Status bySchedule(java.math.BigDecimal progress, java.math.BigDecimal schedule) {
        if (progress == null) {
            return Status.NOT_SCORED;
        }
        if (progress.compareTo(java.math.BigDecimal.ONE) >= 0) {
            return Status.DONE;
        }
        return progress.compareTo(schedule) >= 0 ? Status.ON_SCHEDULE : Status.BEHIND;
    }

    /**
     * Whether the target is a standard (提标) a place meets by applying it: merged across all the unit columns it is
     * every unit's target (Indicator.standardForAll).
     */
    public boolean standard() {
        return this == STANDARD;
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
