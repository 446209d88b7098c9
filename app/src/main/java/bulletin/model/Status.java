package bulletin.model;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Arrays;

/** Where an indicator (or one unit's part of it) stands against the time schedule. */
public enum Status {
    /** 已完成: at least 100% of the annual target. */
    DONE("done", "已完成"),
    /** 达到序时进度: at or above the share of the year due by now. */
    ON_SCHEDULE("on-schedule", "达到序时进度"),
    /** Behind schedule: below the share of the year due by now. */
    BEHIND("behind", "未达到序时进度"),
    /** Not scored: a target in words, no target for the unit, or no figure. */
    NOT_SCORED("not-scored", "不计进度");

    private final String id;
    private final String label;

    Status(String id, String label) {
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

    @JsonCreator
    public static Status of(String id) {
        return Arrays.stream(values()).filter(s -> s.id.equals(id)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("unknown status " + id));
    }

    public boolean onSchedule() {
        return this == DONE || this == ON_SCHEDULE;
    }
}
