package bulletin.model;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Arrays;

/** 黄牌 for an indicator behind schedule; 红牌 for one behind with a card last month too. */
public enum Card {
    YELLOW("yellow", "黄牌"),
    RED("red", "红牌");

    private final String id;
    private final String label;

    Card(String id, String label) {
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
    public static Card of(String id) {
        return Arrays.stream(values()).filter(s -> s.id.equals(id)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("unknown card " + id));
    }
}
