package bulletin.model;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Arrays;

/** Whether an item is one of the provincial (省级) or the city-level (市级) livelihood projects. */
public enum Level {
    PROVINCE("province", "省级"),
    CITY("city", "市级");

    private final String id;
    private final String label;

    Level(String id, String label) {
        this.id = id;
        this.label = label;
    }

    /** The value used in JSON and bulletin.yaml. */
    @JsonValue
    public String id() {
        return id;
    }

    /** The Chinese label users read. */
    public String label() {
        return label;
    }

    /** The enum for its JSON id ({@code bulletin.json}); an unknown id is an error. */
    @JsonCreator
    public static Level ofId(String id) {
        return Arrays.stream(values()).filter(v -> v.id.equals(id)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("unknown level " + id));
    }
}
